/**
 * The dashboard's GET form (period and filters) and the drill-down lists' query (the figure and the cell of a table
 * a count stands for), read with the platform's form parser. An empty form means the last 30 days, all cases.
 */
import { z } from 'zod';
import { choice, field, integer, parseForm, text, type FormInput, type RawForm } from '../../platform/http/form.js';
import type { Lang } from '../../platform/i18n/i18n.js';
import type { FieldError } from '../../platform/views/forms.js';
import { CASE_KINDS, DISTRICT_IDS } from '../content/index.js';
import type { CaseFilter, CaseSet } from './dashboard.queries.js';
import { tReports } from './messages.js';
import { daysIn, isReportDate, lastDays, type ReportPeriod } from './report-period.js';

/** The dashboard's default period, in days (today included). */
export const DEFAULT_DAYS = 30;
/** The longest period the dashboard counts over (two years and a leap day). */
export const MAX_DAYS = 731;

type Key = Parameters<typeof tReports>[1];
const label = (key: Key) => (lang: Lang) => tReports(lang, key);
const dateField = (key: Key) =>
  field(z.string().refine(isReportDate).optional(), { max: 10, label: label(key), message: (lang) => tReports(lang, 'dashboard.error.date', { label: tReports(lang, key) }) });
const oneOf = (ids: readonly string[]) => (ids.length ? ids : ['-']) as [string, ...string[]];

function filterFields(topicIds: readonly string[]) {
  return {
    from: dateField('dashboard.filter.from'),
    to: dateField('dashboard.filter.to'),
    district: choice(DISTRICT_IDS, { label: label('dashboard.filter.district') }),
    topic: choice(oneOf(topicIds), { label: label('dashboard.filter.topic') }),
    kind: choice(CASE_KINDS, { label: label('dashboard.filter.kind') }),
    fie: choice(['yes', 'no'] as const, { label: label('dashboard.filter.fie') }),
  };
}

export interface DashboardQuery {
  period: ReportPeriod;
  filter: CaseFilter;
  errors: FieldError[];
  /** What was sent, to show the form again. */
  input: Record<string, string | undefined>;
}

type FilterValues = { from?: string; to?: string; district?: string; topic?: string; kind?: CaseFilter['kind']; fie?: 'yes' | 'no' };

const periodRule = ({ valid }: { valid: Partial<FilterValues> }) => {
  if (!valid.from || !valid.to) return [];
  if (valid.from > valid.to) return [{ field: 'from' as const, message: label('dashboard.error.order') }];
  if (daysIn({ from: valid.from, to: valid.to }) > MAX_DAYS) return [{ field: 'from' as const, message: label('dashboard.error.span') }];
  return [];
};

function periodOf(valid: Partial<FilterValues>, today: string): ReportPeriod {
  const fallback = lastDays(today, DEFAULT_DAYS);
  const to = valid.to ?? (valid.from && valid.from > today ? valid.from : today);
  const from = valid.from ?? lastDays(to, DEFAULT_DAYS).from;
  return from <= to && daysIn({ from, to }) <= MAX_DAYS ? { from, to } : fallback;
}

const filterOf = (valid: Partial<FilterValues>): CaseFilter => ({
  district: valid.district,
  topic: valid.topic,
  kind: valid.kind,
  fie: valid.fie === undefined ? undefined : valid.fie === 'yes',
});

/** The dashboard's period and filters; an invalid field is reported and the figures are not shown. */
export function readDashboardQuery(raw: RawForm, lang: Lang, today: string, topicIds: readonly string[]): DashboardQuery {
  const form = parseForm(z.object(filterFields(topicIds)), raw, lang, periodRule);
  return { period: periodOf(form.valid, today), filter: filterOf(form.valid), errors: form.errors, input: form.input as FormInput<FilterValues> };
}

export const FIGURES = ['received', 'accepted', 'answered', 'open'] as const;
export const DRILL_SLA = ['met', 'breached', 'on_time', 'due_soon', 'overdue', 'paused'] as const;

function drillFields(topicIds: readonly string[], limitIds: readonly string[]) {
  return z.object({
    ...filterFields(topicIds),
    figure: choice(FIGURES, { label: label('drill.title') }),
    limit: choice(oneOf(limitIds), { label: label('dashboard.onTime.limit') }),
    sla: choice(DRILL_SLA, { label: label('drill.col.sla') }),
    resolved: choice(['yes', 'no'] as const, { label: label('dashboard.resolution.title') }),
    satisfaction: integer({ min: 1, max: 5 }, { label: label('dashboard.satisfaction.rating') }),
    unit: text({ max: 100 }),
  });
}

/** A finished case is met or breached; an open one on time, due soon, overdue or paused; other figures take no state. */
function slaFits(figure: (typeof FIGURES)[number] | undefined, sla: (typeof DRILL_SLA)[number]): boolean {
  if (figure === 'answered') return sla === 'met' || sla === 'breached';
  if (figure === 'open') return sla !== 'met' && sla !== 'breached';
  return false;
}

export interface DrillQuery {
  set: CaseSet;
  filter: CaseFilter;
  period: ReportPeriod;
  errors: FieldError[];
}

/**
 * The cases behind one count: which figure, which period and filters, and the cell (limit, state, unit, answer,
 * rating). A state that the figure cannot have (an open case "answered late") is an error, not an empty list.
 */
export function readDrillQuery(raw: RawForm, lang: Lang, today: string, topicIds: readonly string[], limitIds: readonly string[]): DrillQuery {
  const form = parseForm(drillFields(topicIds, limitIds), raw, lang, ({ valid }) => [
    ...periodRule({ valid }),
    ...(valid.figure === undefined ? [{ field: 'figure' as const, message: label('drill.errorFix') }] : []),
    ...(valid.sla && !slaFits(valid.figure, valid.sla) ? [{ field: 'sla' as const, message: label('drill.errorFix') }] : []),
  ]);
  const v = form.valid;
  const period = periodOf(v, today);
  const filter = filterOf(v);
  let set: CaseSet;
  if (v.figure === 'answered') {
    set = { figure: 'answered', period, limit: v.limit, sla: v.sla === 'met' || v.sla === 'breached' ? v.sla : undefined, resolved: v.resolved === undefined ? undefined : v.resolved === 'yes', satisfaction: v.satisfaction };
  } else if (v.figure === 'open') {
    const sla = v.sla === 'on_time' || v.sla === 'due_soon' || v.sla === 'overdue' || v.sla === 'paused' ? v.sla : undefined;
    set = { figure: 'open', sla, unit: v.unit === undefined ? undefined : v.unit === 'none' ? null : v.unit };
  } else set = { figure: v.figure ?? 'received', period };
  return { set, filter, period, errors: form.errors };
}

/** The query string of a drill-down (the dashboard's links and the list's CSV link build it the same way). */
export function drillParams(set: CaseSet, filter: CaseFilter, period: ReportPeriod): Record<string, string | undefined> {
  const base = {
    figure: set.figure,
    // An open-now list ignores the period; it is kept for the way back to the dashboard.
    from: period.from,
    to: period.to,
    district: filter.district,
    topic: filter.topic,
    kind: filter.kind,
    fie: filter.fie === undefined ? undefined : filter.fie ? 'yes' : 'no',
  };
  if (set.figure === 'answered') {
    return { ...base, limit: set.limit, sla: set.sla, resolved: set.resolved === undefined ? undefined : set.resolved ? 'yes' : 'no', satisfaction: set.satisfaction?.toString() };
  }
  if (set.figure === 'open') return { ...base, sla: set.sla, unit: set.unit === null ? 'none' : set.unit };
  return base;
}

/** The dashboard's own query string (period and filters), for the CSV link and the drill-downs' way back. */
export function dashboardParams(filter: CaseFilter, period: ReportPeriod): Record<string, string | undefined> {
  return { from: period.from, to: period.to, district: filter.district, topic: filter.topic, kind: filter.kind, fie: filter.fie === undefined ? undefined : filter.fie ? 'yes' : 'no' };
}
