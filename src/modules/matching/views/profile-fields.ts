/** The questionnaire's fields, defined once: the full form, the progressive form and the answers summary use them. */
import type { KeyOf, Lang } from '../../../platform/i18n/i18n.js';
import { t } from '../messages.js';
import type { Option } from '../../../platform/views/forms.js';
import type { ContentStore } from '../../content/index.js';
import { BUSINESS_LINES, ENTITY_TYPES, INVESTOR_ORIGINS, INVESTOR_TYPES, STATUSES, type FactName } from '../../content/index.js';

export type FieldGroup = 'business' | 'place' | 'size' | 'statuses' | 'operations';

export interface ProfileField {
  name: FactName;
  group: FieldGroup;
  kind: 'select' | 'text' | 'number' | 'checks';
  label: string;
  /** Choices (select) or boxes (checks); the empty choice "not sure" comes first for selects. */
  options?: Option[];
}

export function profileFields(lang: Lang, store: ContentStore): ProfileField[] {
  const unknown = { value: '', label: t(lang, 'profile.notSure') };
  const yesNo = [unknown, { value: 'yes', label: t(lang, 'profile.yes') }, { value: 'no', label: t(lang, 'profile.no') }];
  const select = (name: FactName, group: FieldGroup, labelKey: KeyOf<typeof t>, options: Option[]): ProfileField => ({ name, group, kind: 'select', label: t(lang, labelKey), options: [unknown, ...options] });
  const text = (name: FactName, group: FieldGroup, labelKey: KeyOf<typeof t>, kind: 'text' | 'number' = 'text'): ProfileField => ({ name, group, kind, label: t(lang, labelKey) });
  return [
    select('industry', 'business', 'profile.industry', store.all('industries').map((i) => ({ value: i.id, label: i[lang].name }))),
    text('activity', 'business', 'profile.activity'),
    select('entity_type', 'business', 'profile.entityType', ENTITY_TYPES.map((e) => ({ value: e, label: t(lang, `profile.entity.${e}`) }))),
    select('investor_type', 'business', 'profile.investorType', INVESTOR_TYPES.map((o) => ({ value: o, label: t(lang, `profile.investorType.${o}`) }))),
    select('investor_origin', 'business', 'profile.origin', INVESTOR_ORIGINS.map((o) => ({ value: o, label: t(lang, `profile.origin.${o}`) }))),
    { ...select('industry_encouraged', 'business', 'profile.industryEncouraged', []), options: yesNo },
    { ...select('authorised_by_parent', 'business', 'profile.authorisedByParent', []), options: yesNo },
    { ...select('permanent_resident_id', 'business', 'profile.permanentResidentId', []), options: yesNo },
    { name: 'business_lines', group: 'business', kind: 'checks', label: t(lang, 'profile.businessLines'), options: BUSINESS_LINES.map((b) => ({ value: b, label: t(lang, `profile.businessLine.${b}`) })) },
    select('district', 'place', 'profile.district', store.districts.map((d) => ({ value: d.id, label: d[lang].name }))),
    { ...select('in_ftz', 'place', 'profile.inFtz', []), options: yesNo },
    select('ftz_cluster', 'place', 'profile.cluster', store.all('zones').filter((z) => z.zone_type === 'ftz_cluster').map((z) => ({ value: z.id, label: z[lang].name }))),
    select('park', 'place', 'profile.park', store.all('parks').map((p) => ({ value: p.id, label: p[lang].name }))),
    text('investment_usd', 'size', 'profile.investment', 'number'),
    text('paid_in_capital_usd', 'size', 'profile.capital', 'number'),
    text('revenue_cny', 'size', 'profile.revenue', 'number'),
    text('staff', 'size', 'profile.staff', 'number'),
    text('foreign_share_pct', 'size', 'profile.foreignShare', 'number'),
    text('stable_investment_years', 'size', 'profile.stableYears', 'number'),
    { name: 'statuses', group: 'statuses', kind: 'checks', label: t(lang, 'profile.statuses'), options: STATUSES.map((s) => ({ value: s, label: t(lang, `profile.status.${s}`) })) },
    { ...select('hires_foreign_staff', 'operations', 'profile.foreignStaff', []), options: yesNo },
    { ...select('imports_goods', 'operations', 'profile.imports', []), options: yesNo },
    { ...select('exports_goods', 'operations', 'profile.exports', []), options: yesNo },
  ];
}

export const FIELD_GROUPS: FieldGroup[] = ['business', 'place', 'size', 'statuses', 'operations'];
