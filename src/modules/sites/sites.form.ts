/** The "where to locate" form as a GET query: parsed into a ranking request, or errors in the visitor's language. */
import { t, type Lang } from '../../platform/i18n/i18n.js';
import type { FieldError } from '../../platform/views/forms.js';
import type { ContentStore } from '../content/index.js';
import { parseLocationKey } from './locations.js';
import { ORIGINS, type Origin } from './origins.js';
import type { LocationKind, SiteRequest } from './rank.js';
import { type Query, queryText } from '../../platform/http/query.js';

const list = (q: Query, k: string) => (Array.isArray(q[k]) ? (q[k] as string[]) : q[k] ? [String(q[k])] : []);

/** Query keys the form writes, in the order they are carried along in links. */
export const SITE_FORM_KEYS = ['industry', 'origin', 'space', 'area', 'ftz', 'bonded', 'airport', 'cluster', 'max_rent'] as const;

export interface SiteForm {
  request: SiteRequest | null;
  errors: FieldError[];
  submitted: boolean;
  compare: { kind: LocationKind; id: string }[];
}

function positive(query: Query, key: 'area' | 'max_rent', max: number, lang: Lang, errors: FieldError[]): number | undefined {
  const raw = queryText(query, key).replace(/[,，\s]/g, '');
  if (!raw) return undefined;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0 || value > max) {
    errors.push({ field: key, message: t(lang, `sites.error.${key}`, { max }) });
    return undefined;
  }
  return value;
}

export function parseSiteForm(query: Query, store: ContentStore, lang: Lang): SiteForm {
  const errors: FieldError[] = [];
  const industryId = queryText(query, 'industry');
  if (industryId && !store.get('industries', industryId)) errors.push({ field: 'industry', message: t(lang, 'sites.error.industry') });
  const origin = queryText(query, 'origin');
  if (origin && !(ORIGINS as readonly string[]).includes(origin)) errors.push({ field: 'origin', message: t(lang, 'sites.error.origin') });
  const space = queryText(query, 'space');
  if (space && space !== 'office' && space !== 'industrial') errors.push({ field: 'space', message: t(lang, 'sites.error.space') });
  const area = positive(query, 'area', 1_000_000, lang, errors);
  const maxRent = positive(query, 'max_rent', 10_000, lang, errors);
  const yes = (key: string) => queryText(query, key) === 'yes';
  const needs = {
    space: space === 'office' || space === 'industrial' ? space : undefined,
    area_m2: area,
    ftz: yes('ftz'),
    bonded_zone: yes('bonded'),
    near_airport: yes('airport'),
    same_industry_cluster: yes('cluster'),
    max_rent_per_m2: maxRent,
  } as const;
  const submitted = SITE_FORM_KEYS.some((k) => queryText(query, k) !== '');
  const compare = list(query, 'compare').flatMap((key) => parseLocationKey(key) ?? []).slice(0, 3);
  const request = errors.length === 0 && submitted ? { industry: industryId || undefined, needs, origin_country: (origin || undefined) as Origin | undefined, limit: 5 } : null;
  return { request, errors, submitted, compare };
}
