/**
 * The figures of the service line's dashboard, for one staff scope, filter and period — the definitions the page
 * states beside them:
 *  - received: cases submitted in the period; accepted: cases accepted in the period;
 *  - answered: cases whose answer (a reply, or a closure without one: declined, duplicate) fell in the period and
 *    that are finished now (a case reopened since is open again and counts among the open cases instead);
 *  - on time: of the cases answered in the period, those answered by their due time (slaStateSql's met), per limit
 *    of the catalogue the case ran under when it was answered, with the counts;
 *  - resolution rate: of the cases answered in the period whose enterprise (rating) or return visit said whether the
 *    matter was resolved, the share that said yes;
 *  - satisfaction: the ratings (1–5) of the cases answered in the period: mean and how many gave each;
 *  - open now: cases still owed an answer at this moment, whatever the period, by lead unit, district and topic.
 */
import type { StaffScope } from '../../platform/auth/index.js';
import type { CaseDb } from './case.tables.js';
import { acceptedCount, answeredGroups, medianHoursByLimit, openGroups, receivedByWeek, type CaseFilter } from './dashboard.queries.js';
import { weeksOf, type ReportPeriod } from './report-period.js';

export interface Share {
  /** Cases that count for the rate (on time, resolved). */
  yes: number;
  /** All cases the rate is taken over. */
  of: number;
}

export interface LimitFigures extends Share {
  limitId: string;
  /** Median hours from submission to answer; null without answered cases. */
  medianHours: number | null;
}

export interface WeekFigures {
  /** Monday of the week (Beijing date). */
  week: string;
  received: number;
  answered: number;
  onTime: Share;
}

export interface OpenCounts {
  open: number;
  dueSoon: number;
  overdue: number;
  paused: number;
}

export interface OpenRow extends OpenCounts {
  /** The unit, district or topic id; null: no lead unit yet (not dispatched) or no district. */
  id: string | null;
}

export interface DashboardFigures {
  period: ReportPeriod;
  received: number;
  accepted: number;
  answered: number;
  onTime: Share;
  byLimit: LimitFigures[];
  resolution: Share;
  satisfaction: { ratings: number; sum: number; distribution: [number, number, number, number, number] };
  weeks: WeekFigures[];
  open: { total: OpenCounts; byUnit: OpenRow[]; byDistrict: OpenRow[]; byTopic: OpenRow[] };
}

export const rate = (share: Share): number | null => (share.of === 0 ? null : share.yes / share.of);

const emptyOpen = (): OpenCounts => ({ open: 0, dueSoon: 0, overdue: 0, paused: 0 });

function addOpen(target: OpenCounts, sla: string, n: number): void {
  target.open += n;
  if (sla === 'due_soon') target.dueSoon += n;
  else if (sla === 'overdue') target.overdue += n;
  else if (sla === 'paused') target.paused += n;
}

/** Rows per key, most overdue first, then most due soon, most open, then by id (no lead unit last). */
function openRows(groups: Map<string | null, OpenCounts>): OpenRow[] {
  return [...groups]
    .map(([id, counts]) => ({ id, ...counts }))
    .sort((a, b) => b.overdue - a.overdue || b.dueSoon - a.dueSoon || b.open - a.open || (a.id === null ? 1 : b.id === null ? -1 : a.id.localeCompare(b.id)));
}

/** Catalogue limits a case can run under (materials is the enterprise's clock, never a case's), in catalogue order. */
export function reportLimitIds(limits: readonly { id: string; stage: string }[]): string[] {
  return limits.filter((l) => l.stage !== 'materials').map((l) => l.id);
}

type AnsweredRow = Awaited<ReturnType<typeof answeredGroups>>[number];

/** Sums of the answered cases' groups: on time (overall and per limit, listed limits first), resolved, ratings. */
export function answeredTotals(rows: readonly AnsweredRow[], limitIds: readonly string[]) {
  const byLimit = new Map<string, Share>(limitIds.map((id) => [id, { yes: 0, of: 0 }]));
  const onTime: Share = { yes: 0, of: 0 };
  const resolution: Share = { yes: 0, of: 0 };
  const satisfaction: DashboardFigures['satisfaction'] = { ratings: 0, sum: 0, distribution: [0, 0, 0, 0, 0] };
  for (const row of rows) {
    const met = row.sla === 'met' ? row.n : 0;
    const limit = byLimit.get(row.limit_id) ?? byLimit.set(row.limit_id, { yes: 0, of: 0 }).get(row.limit_id)!;
    for (const share of [onTime, limit]) {
      share.yes += met;
      share.of += row.n;
    }
    if (row.resolved !== null) {
      resolution.of += row.n;
      if (row.resolved) resolution.yes += row.n;
    }
    if (row.satisfaction !== null) {
      satisfaction.ratings += row.n;
      satisfaction.sum += row.satisfaction * row.n;
      satisfaction.distribution[row.satisfaction - 1] += row.n;
    }
  }
  return { onTime, byLimit, resolution, satisfaction };
}

export async function dashboardFigures(db: CaseDb, scope: StaffScope, filter: CaseFilter, period: ReportPeriod, now: Date, limitIds: string[]): Promise<DashboardFigures> {
  const [received, accepted, answered, medians, open] = await Promise.all([
    receivedByWeek(db, scope, filter, period),
    acceptedCount(db, scope, filter, period),
    answeredGroups(db, scope, filter, period, now),
    medianHoursByLimit(db, scope, filter, period),
    openGroups(db, scope, filter, now),
  ]);

  const weeks = new Map<string, WeekFigures>(weeksOf(period).map((week) => [week, { week, received: 0, answered: 0, onTime: { yes: 0, of: 0 } }]));
  const weekOf = (week: string) => weeks.get(week) ?? weeks.set(week, { week, received: 0, answered: 0, onTime: { yes: 0, of: 0 } }).get(week)!;
  for (const row of received) weekOf(row.week).received += row.n;

  const { onTime, resolution, satisfaction, byLimit: shares } = answeredTotals(answered, limitIds);
  for (const row of answered) {
    const week = weekOf(row.week);
    week.answered += row.n;
    week.onTime.of += row.n;
    if (row.sla === 'met') week.onTime.yes += row.n;
  }
  const byLimit = new Map<string, LimitFigures>([...shares].map(([limitId, share]) => [limitId, { limitId, ...share, medianHours: null }]));
  for (const median of medians) {
    const limit = byLimit.get(median.limit_id);
    if (limit) limit.medianHours = median.hours;
  }

  const total = emptyOpen();
  const [units, districts, topics] = [new Map<string | null, OpenCounts>(), new Map<string | null, OpenCounts>(), new Map<string | null, OpenCounts>()];
  const counts = (map: Map<string | null, OpenCounts>, key: string | null) => map.get(key) ?? map.set(key, emptyOpen()).get(key)!;
  for (const row of open) {
    addOpen(total, row.sla, row.n);
    addOpen(counts(units, row.lead_department_id), row.sla, row.n);
    addOpen(counts(districts, row.district_id), row.sla, row.n);
    addOpen(counts(topics, row.topic_id), row.sla, row.n);
  }

  return {
    period,
    received: received.reduce((sum, row) => sum + row.n, 0),
    accepted,
    answered: onTime.of,
    onTime,
    byLimit: [...byLimit.values()],
    resolution,
    satisfaction,
    weeks: [...weeks.values()].sort((a, b) => a.week.localeCompare(b.week)),
    open: { total, byUnit: openRows(units), byDistrict: openRows(districts), byTopic: openRows(topics) },
  };
}
