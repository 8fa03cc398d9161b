/**
 * The pipeline dashboard's filters as one GET form, read with the platform's form parser: which projects the figures
 * count — created in a year or in a period (Beijing dates, either end may be left open), in a district, an industry, of
 * a kind. The page, its CSV and the JSON API (`/api/v1/staff/projects/dashboard`) all read a query through
 * `readDashboardQuery`, so a filter means the same everywhere. An empty form counts every project in the scope.
 */
import { z } from 'zod';
import { choice, field, integer, parseForm, type FormInput, type RawForm } from '../../platform/http/form.js';
import type { Lang } from '../../platform/i18n/i18n.js';
import type { FieldError } from '../../platform/views/forms.js';
import { isCivilDate } from '../calendar/index.js';
import { DISTRICT_IDS } from '../content/index.js';
import type { DashboardFilters } from './dashboard.queries.js';
import { tDashboard } from './messages.dashboard.js';
import { PROJECT_KINDS } from './stage-rules.js';

type Key = Parameters<typeof tDashboard>[1];
const label = (key: Key) => (lang: Lang) => tDashboard(lang, key);

const dateField = (key: Key, error: Key) => field(z.string().refine(isCivilDate).optional(), { max: 10, label: label(key), message: label(error) });

export const dashboardFilterSchema = z.object({
  year: field(integer({ min: 2000, max: 2100 }, { label: label('pipeline.dashboard.filter.year') }), { message: label('pipeline.dashboard.error.year') }),
  from: dateField('pipeline.dashboard.filter.from', 'pipeline.dashboard.error.from'),
  to: dateField('pipeline.dashboard.filter.to', 'pipeline.dashboard.error.to'),
  district: choice(DISTRICT_IDS, { label: label('pipeline.dashboard.filter.district') }),
  // Industry ids are the content's (lowercase words joined by hyphens), as the list's filter reads them.
  industry: field(z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/).max(100).optional(), { max: 100, message: label('pipeline.dashboard.error.industry') }),
  kind: choice(PROJECT_KINDS, { label: label('pipeline.dashboard.filter.kind') }),
});
export type DashboardFilterForm = z.output<typeof dashboardFilterSchema>;
/** The names of the dashboard's query parameters. */
export const DASHBOARD_PARAMS = Object.keys(dashboardFilterSchema.shape) as (keyof DashboardFilterForm & string)[];

/** A year and a period at once is ambiguous; a period must not end before it starts. */
const periodRules = ({ valid }: { valid: Partial<DashboardFilterForm> }) => {
  const errors: { field: keyof DashboardFilterForm & string; message: (lang: Lang) => string }[] = [];
  if (valid.year !== undefined && (valid.from || valid.to)) errors.push({ field: 'year', message: label('pipeline.dashboard.error.yearAndPeriod') });
  if (valid.from && valid.to && valid.from > valid.to) errors.push({ field: 'from', message: label('pipeline.dashboard.error.order') });
  return errors;
};

/** The form's valid values as the queries take them (a year is 1 January to 31 December). */
export function dashboardFiltersOf(valid: Partial<DashboardFilterForm>): DashboardFilters {
  const year = valid.year;
  return {
    from: year !== undefined ? `${year}-01-01` : valid.from,
    to: year !== undefined ? `${year}-12-31` : valid.to,
    district: valid.district,
    industry: valid.industry,
    kind: valid.kind,
  };
}

export interface DashboardQuery {
  /** The filters as far as they are valid (with errors the page answers 400 and shows no figure). */
  filters: DashboardFilters;
  errors: FieldError[];
  /** What was sent, normalised, to show the form again. */
  input: FormInput<DashboardFilterForm>;
}

export function readDashboardQuery(raw: RawForm, lang: Lang): DashboardQuery {
  const form = parseForm(dashboardFilterSchema, raw, lang, periodRules);
  return { filters: dashboardFiltersOf(form.valid), errors: form.errors, input: form.input };
}

/** The query string of what was sent (the CSV link repeats the page's filters as the reader wrote them). */
export function dashboardParams(input: FormInput<DashboardFilterForm>): Record<string, string | undefined> {
  return Object.fromEntries(DASHBOARD_PARAMS.map((name) => [name, input[name]]));
}
