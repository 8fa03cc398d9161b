/**
 * Where a case stands against its time limit, from its stored timestamps alone (no timer has to have run): the
 * calendar module's slaState over the case's due instant and its "due soon" window, plus `paused` while the case
 * waits for the enterprise's materials (its clock is stopped, so it is neither on time nor late).
 *
 * The due-soon window is the calendar's default (dueAt's dueSoonAt) rebuilt from the stored due instant, so nothing
 * has to be recounted: for a limit in days it is the last counted day, which always ends at the due instant (24:00
 * Beijing time), so it begins 24 hours before it (Beijing keeps no daylight saving); for a limit in minutes it is the
 * last 20 % of the limit. An approved extension keeps the case's unit, so the window follows the new date.
 *
 * The same rules in SQL (`slaSql`) serve the workbench's queues and its SLA filter, so a badge and the queue it sits
 * in never disagree (test/cases-workbench.test.ts compares them).
 */
import { sql, type RawBuilder, type SqlBool } from 'kysely';
import { slaState, type SlaState } from '../calendar/index.js';
import { CASE_STATUSES, FINISHED, WAITING_FOR_ENTERPRISE, type CaseStatus } from './case-states.js';
import type { CaseTable } from './case.tables.js';

export type CaseSla = SlaState | 'paused';
export const CASE_SLA_STATES = ['on_time', 'due_soon', 'overdue', 'met', 'breached', 'paused'] as const satisfies readonly CaseSla[];

/** The share of a limit in minutes that is "due soon" (the calendar's default window). */
const MINUTES_DUE_SOON_SHARE = 0.2;

type SlaRow = Pick<CaseTable, 'status' | 'due_at' | 'limit_unit' | 'limit_amount' | 'replied_at' | 'closed_at' | 'clock_started_at'>;

export function dueSoonAt(row: Pick<CaseTable, 'due_at' | 'limit_unit' | 'limit_amount'>): Date {
  const before = row.limit_unit === 'minutes' ? row.limit_amount * 60_000 * MINUTES_DUE_SOON_SHARE : 86_400_000;
  return new Date(row.due_at.getTime() - before);
}

/**
 * When the enterprise got its answer: the reply of the current round (a reopened case restarts its clock, so a reply
 * from before does not count), otherwise the closure (a rejection, a duplicate).
 */
export function finishedAt(row: Pick<CaseTable, 'replied_at' | 'closed_at' | 'clock_started_at'>): Date | null {
  return row.replied_at && row.replied_at >= row.clock_started_at ? row.replied_at : row.closed_at;
}

export function caseSla(row: SlaRow, now: Date): CaseSla {
  if (WAITING_FOR_ENTERPRISE.includes(row.status)) return 'paused';
  const closedAt = FINISHED.includes(row.status) ? (finishedAt(row) ?? now) : null;
  return slaState({ now, due: { at: row.due_at, dueSoonAt: dueSoonAt(row), pausedDays: 0, pausedMs: 0, provisional: false, assumedYears: [] }, closedAt });
}

/** A unit's own clock (from its sign-for), ended by the case's reply. */
export function unitSla(unit: { due_at: Date | null; returned_at?: Date | null }, row: SlaRow, now: Date): SlaState | null {
  if (!unit.due_at || unit.returned_at) return null;
  const closedAt = FINISHED.includes(row.status) ? (finishedAt(row) ?? now) : null;
  return slaState({ now, due: { at: unit.due_at, dueSoonAt: dueSoonAt({ ...row, due_at: unit.due_at }), pausedDays: 0, pausedMs: 0, provisional: false, assumedYears: [] }, closedAt });
}

const list = (statuses: readonly CaseStatus[]) => sql.join(statuses.map((s) => sql.lit(s)));
/** Statuses whose clock runs: neither finished nor waiting for the enterprise. */
const RUNNING: readonly CaseStatus[] = CASE_STATUSES.filter((s) => !FINISHED.includes(s) && !WAITING_FOR_ENTERPRISE.includes(s));

/** The SQL condition of each SLA state on the `cases` table, at `now` (same rules as caseSla). */
export function slaSql(state: CaseSla, now: Date): RawBuilder<SqlBool> {
  const running = sql<SqlBool>`cases.status IN (${list(RUNNING)})`;
  const finished = sql<SqlBool>`cases.status IN (${list(FINISHED)})`;
  const soon = sql`cases.due_at - CASE WHEN cases.limit_unit = 'minutes' THEN make_interval(secs => cases.limit_amount * ${60 * MINUTES_DUE_SOON_SHARE}) ELSE interval '1 day' END`;
  const done = sql`CASE WHEN cases.replied_at >= cases.clock_started_at THEN cases.replied_at ELSE cases.closed_at END`;
  switch (state) {
    case 'paused':
      return sql<SqlBool>`cases.status IN (${list(WAITING_FOR_ENTERPRISE)})`;
    case 'overdue':
      return sql<SqlBool>`(${running} AND cases.due_at <= ${now})`;
    case 'due_soon':
      return sql<SqlBool>`(${running} AND cases.due_at > ${now} AND ${soon} <= ${now})`;
    case 'on_time':
      return sql<SqlBool>`(${running} AND ${soon} > ${now})`;
    case 'met':
      return sql<SqlBool>`(${finished} AND coalesce(${done}, ${now}) <= cases.due_at)`;
    case 'breached':
      return sql<SqlBool>`(${finished} AND coalesce(${done}, ${now}) > cases.due_at)`;
  }
}

/** Cases still owed an answer (or waiting for the enterprise). */
export function openSql(): RawBuilder<SqlBool> {
  return sql<SqlBool>`cases.status NOT IN (${list(FINISHED)})`;
}

/**
 * The SLA state as one SQL value (for GROUP BY in the reports), built from `slaSql`: the dashboard, the workbench's
 * badges and queues and caseSla cannot disagree on a case.
 */
export function slaStateSql(now: Date): RawBuilder<CaseSla> {
  const order: CaseSla[] = ['paused', 'met', 'breached', 'overdue', 'due_soon'];
  return sql<CaseSla>`CASE ${sql.join(order.map((state) => sql`WHEN ${slaSql(state, now)} THEN ${sql.lit(state)}`), sql` `)} ELSE 'on_time' END`;
}
