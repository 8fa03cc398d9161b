/**
 * The workbench's two forms, read with the platform's form parser: the GET form of queue, filters, search, sort and
 * page (an invalid value is reported and left out, the rest still filters), and the bulk dispatch POST (cases, lead
 * unit, co-handling units).
 */
import { z } from 'zod';
import { choice, field, integer, many, parseForm, text, type RawForm } from '../../platform/http/form.js';
import type { Lang } from '../../platform/i18n/i18n.js';
import type { FieldError } from '../../platform/views/forms.js';
import { isCivilDate } from '../calendar/index.js';
import { CASE_KINDS, DISTRICT_IDS, type CaseKind } from '../content/index.js';
import { CASE_SLA_STATES, type CaseSla } from './case-sla.js';
import { CASE_STATUSES, type CaseStatus } from './case-states.js';
import { t } from './messages.js';

export const QUEUES = ['new', 'mine', 'unit', 'due_soon', 'overdue', 'waiting'] as const;
export type Queue = (typeof QUEUES)[number];
export const SORTS = ['due', 'due_desc', 'submitted'] as const;
export type Sort = (typeof SORTS)[number];
export const WORKBENCH_PAGE_SIZE = 25;
export const REFERENCE = /^IB-\d{4}-\d{6,}$/;

export interface WorkbenchFilter {
  queue?: Queue;
  q?: string;
  kind?: CaseKind;
  topic?: string;
  district?: string;
  status?: CaseStatus;
  sla?: CaseSla;
  fie?: boolean;
  /** Submitted on or after this calendar date (Beijing), and on or before `to`. */
  from?: string;
  to?: string;
  sort: Sort;
  page: number;
}

const label = (key: Parameters<typeof t>[1]) => (lang: Lang) => t(lang, key);
const dateField = (key: Parameters<typeof t>[1]) =>
  field(z.string().refine(isCivilDate).optional(), { label: label(key), message: (lang) => t(lang, 'workbench.error.date', { label: t(lang, key) }) });

function workbenchForm(topicIds: readonly string[]) {
  const topics = (topicIds.length ? topicIds : ['other']) as [string, ...string[]];
  return z.object({
    queue: choice(QUEUES, { label: label('workbench.queues') }),
    q: text({ max: 200 }),
    kind: choice(CASE_KINDS, { label: label('workbench.filter.kind') }),
    topic: choice(topics, { label: label('workbench.filter.topic') }),
    district: choice(DISTRICT_IDS, { label: label('workbench.filter.district') }),
    status: choice(CASE_STATUSES, { label: label('workbench.filter.status') }),
    sla: choice(CASE_SLA_STATES, { label: label('workbench.filter.sla') }),
    fie: choice(['yes', 'no'] as const, { label: label('workbench.filter.fie') }),
    from: dateField('workbench.filter.from'),
    to: dateField('workbench.filter.to'),
    sort: choice(SORTS, { label: label('workbench.sort') }),
    page: integer({ min: 1, max: 100_000 }, { label: label('workbench.page') }),
  });
}

/** The filter as far as it is valid, each invalid field's error, and what was typed (to show the form again). */
export function readWorkbenchQuery(raw: RawForm, lang: Lang, topicIds: readonly string[]): { filter: WorkbenchFilter; errors: FieldError[]; input: Record<string, string> } {
  const form = parseForm(workbenchForm(topicIds), raw, lang);
  const v = form.valid;
  const filter: WorkbenchFilter = {
    queue: v.queue,
    q: v.q,
    kind: v.kind,
    topic: v.topic,
    district: v.district,
    status: v.status,
    sla: v.sla,
    fie: v.fie === undefined ? undefined : v.fie === 'yes',
    from: v.from,
    to: v.to,
    sort: v.sort ?? 'due',
    page: v.page ?? 1,
  };
  return { filter, errors: form.errors, input: form.input as Record<string, string> };
}

/** The filter as query parameters (links to queues, pages and sort orders keep the other filters). */
export function filterQuery(filter: WorkbenchFilter, change: Partial<WorkbenchFilter> = {}): Record<string, string | undefined> {
  const f = { ...filter, ...change };
  return {
    queue: f.queue,
    q: f.q,
    kind: f.kind,
    topic: f.topic,
    district: f.district,
    status: f.status,
    sla: f.sla,
    fie: f.fie === undefined ? undefined : f.fie ? 'yes' : 'no',
    from: f.from,
    to: f.to,
    sort: f.sort === 'due' ? undefined : f.sort,
    page: f.page > 1 ? String(f.page) : undefined,
  };
}

const dispatchForm = z.object({
  case: field(z.array(z.string().regex(REFERENCE)).min(1).max(50), { many: {}, max: 40, message: (lang) => t(lang, 'workbench.dispatch.error.cases') }),
  lead: field(z.string().min(1).max(100), { max: 100, message: (lang) => t(lang, 'workbench.dispatch.error.lead') }),
  co: many({ max: 100, label: label('workbench.dispatch.co') }),
});

export function readDispatchForm(raw: RawForm, lang: Lang) {
  return parseForm(dispatchForm, raw, lang, ({ valid }) =>
    valid.lead && valid.co?.includes(valid.lead) ? [{ field: 'co', message: (l: Lang) => t(l, 'workbench.dispatch.error.leadAlsoCo') }] : [],
  );
}
