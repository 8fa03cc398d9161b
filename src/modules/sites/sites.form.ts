/** The "where to locate" form as a GET query: parsed into a ranking request, or errors in the visitor's language. */
import { z } from 'zod';
import { checkbox, choice, decimal, fieldNames, many, parseForm, text, type FormInput, type RawForm } from '../../platform/http/form.js';
import type { Lang } from '../../platform/i18n/i18n.js';
import { t } from './messages.js';
import type { FieldError } from '../../platform/views/forms.js';
import type { ContentStore } from '../content/index.js';
import { parseLocationKey } from './locations.js';
import { ORIGINS } from './origins.js';
import type { LocationKind, SiteRequest } from './rank.js';

/** Bounds of the ranking request (siteRequestSchema). */
const MAX_AREA_M2 = 1_000_000;
const MAX_RENT = 10_000;

/**
 * The form, in the order its fields are carried along in links; `compare` holds the locations ticked for the
 * side-by-side comparison. The industry is checked against the content (a rule in parseSiteForm).
 */
export const siteForm = z.object({
  industry: text(),
  origin: choice(ORIGINS, { message: (lang) => t(lang, 'sites.error.origin') }),
  space: choice(['office', 'industrial'], { message: (lang) => t(lang, 'sites.error.space') }),
  area: decimal({ positive: true, max: MAX_AREA_M2, grouping: true }, { message: (lang) => t(lang, 'sites.error.area', { max: MAX_AREA_M2 }) }),
  ftz: checkbox(),
  bonded: checkbox(),
  airport: checkbox(),
  cluster: checkbox(),
  max_rent: decimal({ positive: true, max: MAX_RENT, grouping: true }, { message: (lang) => t(lang, 'sites.error.max_rent', { max: MAX_RENT }) }),
  compare: many({ label: (lang) => t(lang, 'sites.compare') }),
});

/** Query keys of the needs (all but the comparison), carried along in links. */
export const SITE_FORM_KEYS = fieldNames(siteForm).filter((key) => key !== 'compare');

export interface SiteForm {
  request: SiteRequest | null;
  errors: FieldError[];
  submitted: boolean;
  compare: { kind: LocationKind; id: string }[];
  /** The answers as given, to show the form again. */
  input: FormInput<z.output<typeof siteForm>>;
}

export function parseSiteForm(query: RawForm, store: ContentStore, lang: Lang): SiteForm {
  const form = parseForm(siteForm, query, lang, ({ input }) =>
    input.industry && !store.get('industries', input.industry) ? [{ field: 'industry', message: (l) => t(l, 'sites.error.industry') }] : [],
  );
  const submitted = SITE_FORM_KEYS.some((key) => form.input[key] !== undefined);
  const compare = (form.valid.compare ?? []).flatMap((key) => parseLocationKey(key) ?? []).slice(0, 3);
  const given = form.value;
  const request = given && submitted
    ? {
        industry: given.industry,
        needs: { space: given.space, area_m2: given.area, ftz: given.ftz, bonded_zone: given.bonded, near_airport: given.airport, same_industry_cluster: given.cluster, max_rent_per_m2: given.max_rent },
        origin_country: given.origin,
        limit: 5,
      }
    : null;
  return { request, errors: form.errors, submitted, compare, input: form.input };
}
