/**
 * Where a count of the dashboard leads: to the workbench's list when the workbench's filters select exactly the
 * cases counted (received in a period; open cases in one SLA state, by district or topic — the workbench's `from`,
 * `to`, `sla`, `district`, `topic`, `kind` and `fie`), otherwise to the dashboard's own list of the cases behind the
 * figure (accepted or answered in a period, per limit, resolved or rated, by lead unit), which also lists them as
 * CSV. Both lists read through scopedCases, so a link never shows more than the reader's scope.
 */
import { urls } from '../../platform/http/urls.js';
import type { Lang } from '../../platform/i18n/i18n.js';
import { drillParams } from './dashboard.form.js';
import type { CaseFilter, CaseSet } from './dashboard.queries.js';
import type { ReportPeriod } from './report-period.js';

/** The workbench's query for the same cases, or null when its filters cannot say it. */
export function workbenchQuery(set: CaseSet, filter: CaseFilter): Record<string, string | undefined> | null {
  const common = { district: filter.district, topic: filter.topic, kind: filter.kind, fie: filter.fie === undefined ? undefined : filter.fie ? 'yes' : 'no' };
  if (set.figure === 'received') return { ...common, from: set.period.from, to: set.period.to };
  if (set.figure === 'open' && set.sla && set.unit === undefined) return { ...common, sla: set.sla };
  return null;
}

export function countHref(lang: Lang, set: CaseSet, filter: CaseFilter, period: ReportPeriod): string {
  const workbench = workbenchQuery(set, filter);
  return workbench ? urls.staffCases(lang, workbench) : urls.staffCasesDashboardList(lang, drillParams(set, filter, period));
}
