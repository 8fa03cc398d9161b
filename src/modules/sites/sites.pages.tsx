/**
 * /:lang/locations: districts, parks and zones, Pilot FTZ clusters and 2025 projects ranked for the investor's needs
 * (with the evidence behind each point), the best districts highlighted on the investment map, and up to three
 * locations of any kind compared side by side.
 */
import type { FastifyInstance } from 'fastify';
import { t as tPlatform, type Lang } from '../../platform/i18n/i18n.js';
import { t } from './messages.js';
import { tMatching } from '../matching/index.js';
import { registerPage } from '../../platform/http/pages.js';
import type { PageDeps } from '../content/index.js';
import { routes, urls } from '../../platform/http/urls.js';
import { PageHeader, Section, local } from '../../platform/views/components.js';
import { ErrorSummary, SelectField, type FieldError } from '../../platform/views/forms.js';
import type { ContentStore } from '../content/index.js';
import { DistrictMap } from '../map/index.js';
import { locationProfile } from './location-profile.js';
import { locationKey } from './locations.js';
import { ORIGINS, originLink } from './origins.js';
import { rankSites, type LocationScore, type SiteRanking } from './rank.js';
import { parseSiteForm, SITE_FORM_KEYS, siteForm, type SiteForm } from './sites.form.js';
import { Comparison } from './views/comparison.js';
import { RankedList } from './views/ranked-list.js';
import { fieldNames } from '../../platform/http/form.js';


function SiteFormView({ lang, store, input, errors }: { lang: Lang; store: ContentStore; input: SiteForm['input']; errors: FieldError[] }) {
  const yesNo = [{ value: '', label: tMatching(lang, 'profile.notSure') }, { value: 'yes', label: tMatching(lang, 'profile.yes') }];
  const invalid = (field: string) => (errors.some((e) => e.field === field) ? 'true' : undefined);
  const number = (name: 'area' | 'max_rent', label: string) => (
    <div class={`field${invalid(name) ? ' field--error' : ''}`}>
      <label for={name}>{label}</label>
      <input id={name} name={name} inputMode="decimal" value={input[name] ?? ''} maxLength={12} aria-invalid={invalid(name)} />
    </div>
  );
  return (
    <form class="estimator-form" method="get" action={urls.sites(lang)}>
      <fieldset>
        <legend>{t(lang, 'sites.legend.business')}</legend>
        <div class="form-grid">
          <SelectField name="industry" label={tMatching(lang, 'profile.industry')} selected={input.industry ?? ''} options={[{ value: '', label: tMatching(lang, 'profile.notSure') }, ...store.all('industries').map((i) => ({ value: i.id, label: local(i, lang).name }))]} />
          <SelectField name="space" label={t(lang, 'sites.space')} selected={input.space ?? ''} options={[{ value: '', label: tMatching(lang, 'profile.notSure') }, { value: 'office', label: t(lang, 'sites.space.office') }, { value: 'industrial', label: t(lang, 'sites.space.industrial') }]} />
          {number('area', t(lang, 'sites.area'))}
          <SelectField name="origin" label={t(lang, 'sites.origin')} selected={input.origin ?? ''} options={[{ value: '', label: tMatching(lang, 'profile.notSure') }, ...ORIGINS.map((o) => ({ value: o, label: t(lang, `sites.origin.${o}`) }))]} />
        </div>
      </fieldset>
      <fieldset>
        <legend>{t(lang, 'sites.legend.needs')}</legend>
        <div class="form-grid">
          <SelectField name="ftz" label={t(lang, 'sites.needFtz')} selected={input.ftz ?? ''} options={yesNo} />
          <SelectField name="bonded" label={t(lang, 'sites.needBonded')} selected={input.bonded ?? ''} options={yesNo} />
          <SelectField name="airport" label={t(lang, 'sites.needAirport')} selected={input.airport ?? ''} options={yesNo} />
          <SelectField name="cluster" label={t(lang, 'sites.needCluster')} selected={input.cluster ?? ''} options={yesNo} />
          {number('max_rent', t(lang, 'sites.maxRent'))}
        </div>
      </fieldset>
      <button type="submit" class="button">
        {t(lang, 'sites.submit')}
      </button>
    </form>
  );
}

const KIND_SECTIONS: { key: keyof SiteRanking; kind: LocationScore['kind'] }[] = [
  { key: 'districts', kind: 'district' },
  { key: 'parks', kind: 'park' },
  { key: 'clusters', kind: 'ftz_cluster' },
  { key: 'projects', kind: 'project' },
];

export function registerSitesPages(app: FastifyInstance, deps: PageDeps): void {
  registerPage(app, deps, routes.sites, ({ lang, store, query }) => {
    const form = parseSiteForm(query, store, lang);
    const ranking = form.request ? rankSites(store, form.request) : null;
    const compareKeys = form.compare.map(locationKey);
    const profiles = form.compare.flatMap((c) => locationProfile(store, c.kind, c.id) ?? []);
    const allFactors = ranking ? KIND_SECTIONS.flatMap((s) => ranking[s.key]).flatMap((s) => s.factors.map((f) => f.source)) : [];
    return {
      title: tPlatform(lang, 'sites.title'),
      description: t(lang, 'sites.lead'),
      section: 'nav.tool.sites',
      status: form.errors.length ? 400 : 200,
      crumbs: [{ label: tPlatform(lang, 'sites.title') }],
      sources: [...allFactors.slice(0, 20), ...store.all('site-terms').slice(0, 1).flatMap((x) => x.sources), ...store.districts[0].sources],
      body: (
        <>
          <PageHeader lang={lang} title={tPlatform(lang, 'sites.title')} lead={t(lang, 'sites.lead')} />
          {form.errors.length > 0 && <ErrorSummary lang={lang} errors={form.errors} />}
          <SiteFormView lang={lang} store={store} input={form.input} errors={form.errors} />
          {ranking && (
            <Section id="ranking" title={t(lang, 'sites.locations')}>
              <p class="muted">{t(lang, 'sites.howScored')}</p>
              {form.request?.origin_country && !originLink(store, form.request.origin_country) && <p>{t(lang, 'sites.originNone')}</p>}
              <div class="map-layout">
                <form method="get" action={urls.sites(lang)}>
                  {SITE_FORM_KEYS.map((k) => (form.input[k] ? <input type="hidden" name={k} value={form.input[k]} /> : null))}
                  {KIND_SECTIONS.map(({ key, kind }) => (
                    <section aria-labelledby={`ranked-${kind}`}>
                      <h3 id={`ranked-${kind}`}>{t(lang, `sites.kind.${kind}`)}</h3>
                      {ranking[key].length > 0 ? <RankedList locations={ranking[key]} lang={lang} compare={compareKeys} /> : <p class="muted">{t(lang, kind === 'project' && !form.request?.industry && !form.request?.needs.space ? 'sites.projectsNeedInput' : 'sites.noneOfKind')}</p>}
                    </section>
                  ))}
                  <button type="submit" class="button button--secondary">
                    {t(lang, 'sites.compareButton')}
                  </button>
                </form>
                <figure class="map-figure">
                  <DistrictMap lang={lang} store={store} layer="projects" highlight={ranking.districts.slice(0, 3).map((s) => s.id)} />
                  <figcaption>{t(lang, 'sites.mapCaption')}</figcaption>
                </figure>
              </div>
            </Section>
          )}
          {profiles.length > 0 && (
            <Section id="compare" title={t(lang, 'sites.compare')}>
              <Comparison lang={lang} store={store} profiles={profiles} />
            </Section>
          )}
        </>
      ),
    };
  }, { query: fieldNames(siteForm) });
}
