/**
 * The project list's filters as one GET form, read with the platform's form parser: the list, the board, the CSV,
 * saved views (their stored query is read again when opened) and the JSON API (api/) all read a query through
 * `readListQuery`, so a filter means the same everywhere. Several stages or statuses come as repeated parameters
 * (checkboxes) or comma-separated (`stage=lead,signed`, what links and saved views write).
 */
import { z } from 'zod';
import { choice, field, integer, many, parseForm, text, type RawForm } from '../../platform/http/form.js';
import type { Lang } from '../../platform/i18n/i18n.js';
import type { FieldError } from '../../platform/views/forms.js';
import { DISTRICT_IDS } from '../content/index.js';
import { tList } from './messages.list.js';
import { PROJECT_KINDS, SOURCE_KINDS, STAGES, STATUSES, type ProjectKind, type SourceKind, type Stage, type Status } from './stage-rules.js';

export const LIST_SORTS = ['updated', 'next_action', 'amount', 'reference'] as const;
export type ListSort = (typeof LIST_SORTS)[number];
export const LIST_PAGE_SIZE = 50;
/** Most pages one can ask for (the list's offset stays bounded; a narrower filter reaches the rest). */
export const LIST_MAX_PAGE = 2_000;

type ListKey = Parameters<typeof tList>[1];
const label = (key: ListKey) => (lang: Lang) => tList(lang, key);
const message = (key: ListKey) => (lang: Lang) => tList(lang, key);

/** The form's fields, with the platform's builders (each error names its field, in the page's language). */
export const listFilterSchema = z.object({
  q: text({ max: 200 }),
  stage: many({ of: STAGES, split: ',', label: label('pipeline.list.filter.stage') }),
  status: many({ of: STATUSES, split: ',', label: label('pipeline.list.filter.status') }),
  district: choice(DISTRICT_IDS, { label: label('pipeline.list.filter.district') }),
  // Industry ids are the content's (lowercase words joined by hyphens); an unknown one simply matches nothing.
  industry: field(z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/).max(100).optional(), { max: 100, message: message('pipeline.list.error.industry') }),
  kind: choice(PROJECT_KINDS, { label: label('pipeline.list.filter.kind') }),
  source: choice(SOURCE_KINDS, { label: label('pipeline.list.filter.source') }),
  // ISO 3166-1 alpha-2 as investors.origin holds it; "de" is read as "DE".
  origin: field(z.string().toUpperCase().regex(/^[A-Z]{2}$/).optional(), { max: 10, message: message('pipeline.list.error.origin') }),
  mine: choice(['yes'] as const, { label: label('pipeline.list.filter.mine') }),
  overdue: choice(['yes'] as const, { label: label('pipeline.list.filter.overdue') }),
  opportunity: choice(['yes', 'no'] as const, { label: label('pipeline.list.filter.opportunity') }),
  year: field(integer({ min: 2000, max: 2100 }, { label: label('pipeline.list.filter.year') }), { message: message('pipeline.list.error.year') }),
  sort: choice(LIST_SORTS, { label: label('pipeline.list.sort') }),
  page: field(integer({ min: 1, max: LIST_MAX_PAGE }, { label: label('pipeline.list.page') }), { message: message('pipeline.list.error.page') }),
});
export type ListFilterForm = z.output<typeof listFilterSchema>;
/** The names of the list's query parameters. */
export const LIST_PARAMS = Object.keys(listFilterSchema.shape) as (keyof ListFilterForm & string)[];

/** The filters as the queries take them. */
export interface ListFilters {
  q?: string;
  stages?: Stage[];
  statuses?: Status[];
  district?: string;
  industry?: string;
  kind?: ProjectKind;
  source?: SourceKind;
  origin?: string;
  /** Only projects whose team this staff user is on ("my projects": the viewer's own id). */
  member?: string;
  /** Only projects whose next action date is before today (and that are not lost or abandoned). */
  overdue?: boolean;
  /** Only projects that take up a conference opportunity (true) or do not (false). */
  opportunity?: boolean;
  /** Created in this calendar year (Beijing time). */
  year?: number;
  sort: ListSort;
  page: number;
}

/** The form's valid values as filters; "mine" becomes the viewer's id. */
export function listFiltersOf(valid: Partial<ListFilterForm>, viewerId: string): ListFilters {
  return {
    q: valid.q,
    stages: valid.stage?.length ? ([...new Set(valid.stage)] as Stage[]) : undefined,
    statuses: valid.status?.length ? ([...new Set(valid.status)] as Status[]) : undefined,
    district: valid.district,
    industry: valid.industry,
    kind: valid.kind,
    source: valid.source,
    origin: valid.origin,
    member: valid.mine === 'yes' ? viewerId : undefined,
    overdue: valid.overdue === 'yes' ? true : undefined,
    opportunity: valid.opportunity === undefined ? undefined : valid.opportunity === 'yes',
    year: valid.year,
    sort: valid.sort ?? 'updated',
    page: valid.page ?? 1,
  };
}

export interface ListQuery {
  /** The filters as far as they are valid (the page shows them; with errors it answers 400 and lists nothing). */
  filters: ListFilters;
  errors: FieldError[];
  /** What was sent, normalised, to show the form again. */
  input: Partial<Record<keyof ListFilterForm, string | string[]>>;
}

export function readListQuery(raw: RawForm, lang: Lang, viewerId: string): ListQuery {
  const form = parseForm(listFilterSchema, raw, lang);
  return { filters: listFiltersOf(form.valid, viewerId), errors: form.errors, input: form.input };
}

/** The filters as query parameters, for links (pages, sort, the board's columns, CSV) and saved views. */
export function listQueryOf(filters: ListFilters, change: Partial<ListFilters> = {}): Record<string, string | undefined> {
  const f = { ...filters, ...change };
  return {
    q: f.q,
    stage: f.stages?.join(','),
    status: f.statuses?.join(','),
    district: f.district,
    industry: f.industry,
    kind: f.kind,
    source: f.source,
    origin: f.origin,
    mine: f.member ? 'yes' : undefined,
    overdue: f.overdue ? 'yes' : undefined,
    opportunity: f.opportunity === undefined ? undefined : f.opportunity ? 'yes' : 'no',
    year: f.year === undefined ? undefined : String(f.year),
    sort: f.sort === 'updated' ? undefined : f.sort,
    page: f.page > 1 ? String(f.page) : undefined,
  };
}

/** The query string of `filters` without its page ("a=1&b=2", '' when none): what a saved view stores. */
export function listSearchOf(filters: ListFilters): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(listQueryOf(filters, { page: 1 }))) if (value) params.set(key, value);
  return params.toString();
}
