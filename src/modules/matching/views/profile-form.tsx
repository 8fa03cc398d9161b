/** The investor questionnaire as a GET form (works without JavaScript); the same fields feed every investor tool. */
import type { ComponentChildren } from 'preact';
import { t, type Lang } from '../../../platform/i18n/i18n.js';
import type { ContentStore } from '../../content/index.js';
import { ENTITY_TYPES, INVESTOR_ORIGINS, INVESTOR_TYPES, STATUSES } from '../rules.schemas.js';
import { SelectField, type Option } from '../../../platform/views/forms.js';

type Query = Record<string, string | string[] | undefined>;
const one = (q: Query, key: string) => (typeof q[key] === 'string' ? (q[key] as string) : Array.isArray(q[key]) ? (q[key] as string[])[0] : '');
const many = (q: Query, key: string) => (Array.isArray(q[key]) ? (q[key] as string[]) : q[key] ? String(q[key]).split(',') : []);

function Choice({ name, label, options, query, highlight }: { name: string; label: string; options: Option[]; query: Query; highlight: string[] }) {
  return <SelectField name={name} label={label} options={options} selected={one(query, name)} className={highlight.includes(name) ? 'field--ask' : undefined} id={`field-${name}`} />;
}

function Text({ name, label, query, highlight, numeric }: { name: string; label: string; query: Query; highlight: string[]; numeric?: boolean }) {
  return (
    <div class={`field${highlight.includes(name) ? ' field--ask' : ''}`} id={`field-${name}`}>
      <label for={name}>{label}</label>
      <input id={name} name={name} value={one(query, name)} inputMode={numeric ? 'decimal' : undefined} maxLength={200} />
    </div>
  );
}

export function ProfileForm({ lang, store, query, action, highlight = [], submitLabel, children }: { lang: Lang; store: ContentStore; query: Query; action: string; highlight?: string[]; submitLabel: string; children?: ComponentChildren }) {
  const unknown = { value: '', label: t(lang, 'profile.notSure') };
  const yesNo = [unknown, { value: 'yes', label: t(lang, 'profile.yes') }, { value: 'no', label: t(lang, 'profile.no') }];
  const statuses = many(query, 'statuses');
  return (
    <form class="plan-form" method="get" action={action}>
      <fieldset>
        <legend>{t(lang, 'profile.business')}</legend>
        <div class="form-grid">
          <Choice name="industry" label={t(lang, 'profile.industry')} query={query} highlight={highlight} options={[unknown, ...store.all('industries').map((i) => ({ value: i.id, label: i[lang].name }))]} />
          <Text name="activity" label={t(lang, 'profile.activity')} query={query} highlight={highlight} />
          <Choice name="entity_type" label={t(lang, 'profile.entityType')} query={query} highlight={highlight} options={[unknown, ...ENTITY_TYPES.map((e) => ({ value: e, label: t(lang, `profile.entity.${e}`) }))]} />
          <Choice name="investor_type" label={t(lang, 'profile.investorType')} query={query} highlight={highlight} options={[unknown, ...INVESTOR_TYPES.map((o) => ({ value: o, label: t(lang, `profile.investorType.${o}`) }))]} />
          <Choice name="investor_origin" label={t(lang, 'profile.origin')} query={query} highlight={highlight} options={[unknown, ...INVESTOR_ORIGINS.map((o) => ({ value: o, label: t(lang, `profile.origin.${o}`) }))]} />
        </div>
      </fieldset>
      <fieldset>
        <legend>{t(lang, 'profile.place')}</legend>
        <div class="form-grid">
          <Choice name="district" label={t(lang, 'profile.district')} query={query} highlight={highlight} options={[unknown, ...store.districts.map((d) => ({ value: d.id, label: d[lang].name }))]} />
          <Choice name="in_ftz" label={t(lang, 'profile.inFtz')} query={query} highlight={highlight} options={yesNo} />
          <Choice name="ftz_cluster" label={t(lang, 'profile.cluster')} query={query} highlight={highlight} options={[unknown, ...store.all('zones').filter((z) => z.zone_type === 'ftz_cluster').map((z) => ({ value: z.id, label: z[lang].name }))]} />
          <Choice name="park" label={t(lang, 'profile.park')} query={query} highlight={highlight} options={[unknown, ...store.all('parks').map((p) => ({ value: p.id, label: p[lang].name }))]} />
        </div>
      </fieldset>
      <fieldset>
        <legend>{t(lang, 'profile.size')}</legend>
        <div class="form-grid">
          <Text name="investment_usd" label={t(lang, 'profile.investment')} query={query} highlight={highlight} numeric />
          <Text name="paid_in_capital_usd" label={t(lang, 'profile.capital')} query={query} highlight={highlight} numeric />
          <Text name="revenue_cny" label={t(lang, 'profile.revenue')} query={query} highlight={highlight} numeric />
          <Text name="staff" label={t(lang, 'profile.staff')} query={query} highlight={highlight} numeric />
          <Text name="foreign_share_pct" label={t(lang, 'profile.foreignShare')} query={query} highlight={highlight} numeric />
        </div>
      </fieldset>
      <fieldset class={highlight.includes('statuses') ? 'field--ask' : undefined} id="field-statuses">
        <legend>{t(lang, 'profile.statuses')}</legend>
        <div class="form-grid">
          {STATUSES.map((s) => (
            <div class="checkbox">
              <input type="checkbox" id={`status-${s}`} name="statuses" value={s} checked={statuses.includes(s)} />
              <label for={`status-${s}`}>{t(lang, `profile.status.${s}`)}</label>
            </div>
          ))}
        </div>
      </fieldset>
      <fieldset>
        <legend>{t(lang, 'profile.operations')}</legend>
        <div class="form-grid">
          <Choice name="hires_foreign_staff" label={t(lang, 'profile.foreignStaff')} query={query} highlight={highlight} options={yesNo} />
          <Choice name="imports_goods" label={t(lang, 'profile.imports')} query={query} highlight={highlight} options={yesNo} />
        </div>
      </fieldset>
      {children}
      <button type="submit" class="button">
        {submitLabel}
      </button>
    </form>
  );
}

/** The profile part of a query string, without empty answers, for links that carry the profile. */
export function profileFromQuery(query: Query): Record<string, string | string[]> {
  const profile: Record<string, string | string[]> = {};
  for (const key of ['industry', 'activity', 'entity_type', 'investor_type', 'investor_origin', 'district', 'in_ftz', 'ftz_cluster', 'park', 'investment_usd', 'paid_in_capital_usd', 'revenue_cny', 'staff', 'foreign_share_pct', 'hires_foreign_staff', 'imports_goods']) {
    const value = one(query, key).trim();
    if (value) profile[key] = value;
  }
  const statuses = many(query, 'statuses').filter(Boolean);
  if (statuses.length) profile.statuses = statuses;
  return profile;
}
