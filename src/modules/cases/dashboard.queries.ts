/**
 * The SQL of the service line's reports (staff dashboard, its CSV and drill-down lists, the public performance page).
 * Every query starts from `scopedCases`, so a district officer's figures count only their district and a department
 * handler's only the cases their department handles — the public page passes the scope `all`.
 *
 * Each query is shaped for an index of the cases table (EXPLAIN output in bench/RESULTS.md):
 *  - received in a period: `submitted_at` (cases_submitted_at; with a topic, cases_topic (topic_id, submitted_at));
 *  - accepted in a period: `accepted_at` (cases_accepted_at, 2026_12_06_1100_index_case_reports);
 *  - answered in a period: the answer instant `coalesce(replied_at, closed_at)` of a finished case
 *    (cases_answered_at, a partial expression index whose expression and predicate the queries repeat verbatim);
 *  - open now: `status IN (…)` (cases_status_due (status, due_at); with a district, cases_district_status).
 * Counts are grouped in SQL; only small grouped rows come back.
 */
import { sql, type RawBuilder } from 'kysely';
import type { StaffScope } from '../../platform/auth/index.js';
import type { CaseKind } from '../content/index.js';
import type { CaseStatus } from './case-states.js';
import { scopedCases } from './case.repository.js';
import type { CaseDb } from './case.tables.js';
import { slaStateSql } from './case-sla.js';
import { periodBounds, type ReportPeriod } from './report-period.js';

/** Which cases a report counts, besides the period. */
export interface CaseFilter {
  district?: string;
  topic?: string;
  kind?: CaseKind;
  /** Filed under the complaint mechanism for foreign-invested enterprises (true), or not (false). */
  fie?: boolean;
}

/** SLA states as slaStateSql names them: finished cases are met or breached, open ones on time, due soon, overdue or paused. */
export const SLA_STATES = ['met', 'breached', 'on_time', 'due_soon', 'overdue', 'paused'] as const;
export type SlaStateName = (typeof SLA_STATES)[number];

/** The statuses in which a case has had its answer (slaStateSql's finished states). */
const FINISHED = sql<boolean>`cases.status IN ('rejected', 'replied', 'closed')`;
/** The statuses in which an answer is still owed (or the enterprise's materials awaited). */
const OPEN = sql<boolean>`cases.status IN ('submitted', 'needs_materials', 'accepted', 'dispatched', 'signed_for', 'in_progress', 'extension_requested', 'reply_drafted')`;
/** When a finished case was answered: the reply, or the closure of one closed without a reply (declined, duplicate). */
const ANSWERED_AT = sql<Date>`coalesce(cases.replied_at, cases.closed_at)`;

/** The Monday (YYYY-MM-DD, Beijing) of the week an instant falls in. */
const weekOf = (instant: RawBuilder<Date>) => sql<string>`to_char(date_trunc('week', (${instant} AT TIME ZONE 'UTC') + interval '8 hours'), 'YYYY-MM-DD')`;
const count = sql<number>`count(*)::int`;

function filtered(db: CaseDb, scope: StaffScope, filter: CaseFilter) {
  let query = scopedCases(db, scope);
  if (filter.district) query = query.where('cases.district_id', '=', filter.district);
  if (filter.topic) query = query.where('cases.topic_id', '=', filter.topic);
  if (filter.kind) query = query.where('cases.kind', '=', filter.kind);
  if (filter.fie !== undefined) query = query.where('cases.fie_complaint', '=', filter.fie);
  return query;
}

const inRange = (instant: RawBuilder<Date>, period: ReportPeriod) => {
  const { start, end } = periodBounds(period);
  return sql<boolean>`${instant} >= ${start} AND ${instant} < ${end}`;
};

/** Cases received in the period, per week. */
export async function receivedByWeek(db: CaseDb, scope: StaffScope, filter: CaseFilter, period: ReportPeriod) {
  const submitted = sql<Date>`cases.submitted_at`;
  return filtered(db, scope, filter).select([weekOf(submitted).as('week'), count.as('n')]).where(inRange(submitted, period)).groupBy(sql`1`).execute();
}

/** Cases accepted in the period (by the agency or a district's office; a case answered on the spot is never "accepted"). */
export async function acceptedCount(db: CaseDb, scope: StaffScope, filter: CaseFilter, period: ReportPeriod): Promise<number> {
  const row = await filtered(db, scope, filter).select(count.as('n')).where(inRange(sql<Date>`cases.accepted_at`, period)).executeTakeFirst();
  return row?.n ?? 0;
}

/**
 * Cases answered in the period, counted by week, limit, SLA state (met or breached), the enterprise's answer to
 * "resolved?" and its rating: every period figure about answers is a sum over these rows.
 */
export async function answeredGroups(db: CaseDb, scope: StaffScope, filter: CaseFilter, period: ReportPeriod, now: Date) {
  return filtered(db, scope, filter)
    .select([
      weekOf(ANSWERED_AT).as('week'),
      'cases.limit_id',
      slaStateSql(now).as('sla'),
      'cases.resolved',
      'cases.satisfaction',
      count.as('n'),
    ])
    .where(FINISHED)
    .where(inRange(ANSWERED_AT, period))
    .groupBy(sql`1, 2, 3, 4, 5`)
    .execute() as Promise<{ week: string; limit_id: string; sla: 'met' | 'breached'; resolved: boolean | null; satisfaction: number | null; n: number }[]>;
}

/** Median time from submission to answer, in hours, per limit, of the cases answered in the period. */
export async function medianHoursByLimit(db: CaseDb, scope: StaffScope, filter: CaseFilter, period: ReportPeriod) {
  return filtered(db, scope, filter)
    .select(['cases.limit_id', sql<number>`(percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM ${ANSWERED_AT} - cases.submitted_at)) / 3600)::float8`.as('hours')])
    .where(FINISHED)
    .where(inRange(ANSWERED_AT, period))
    .groupBy('cases.limit_id')
    .execute();
}

/** Open cases now, counted by lead unit, district, topic and SLA state (on time, due soon, overdue, paused). */
export async function openGroups(db: CaseDb, scope: StaffScope, filter: CaseFilter, now: Date) {
  return filtered(db, scope, filter)
    .select(['cases.lead_department_id', 'cases.district_id', 'cases.topic_id', slaStateSql(now).as('sla'), count.as('n')])
    .where(OPEN)
    .groupBy(sql`1, 2, 3, 4`)
    .execute() as Promise<{ lead_department_id: string | null; district_id: string | null; topic_id: string; sla: 'on_time' | 'due_soon' | 'overdue' | 'paused'; n: number }[]>;
}

/** Which cases a drill-down lists: those behind one figure of the dashboard. */
export type CaseSet =
  | { figure: 'received' | 'accepted'; period: ReportPeriod }
  | { figure: 'answered'; period: ReportPeriod; limit?: string; sla?: 'met' | 'breached'; resolved?: boolean; satisfaction?: number }
  | { figure: 'open'; sla?: 'on_time' | 'due_soon' | 'overdue' | 'paused'; unit?: string | null };

export interface CaseListRow {
  reference: string;
  kind: CaseKind;
  topic_id: string;
  district_id: string | null;
  lead_department_id: string | null;
  status: CaseStatus;
  submitted_at: Date;
  due_at: Date;
  answered_at: Date | null;
  sla: SlaStateName;
}

/** The cases behind a figure, oldest first: references and classifications only — no enterprise, contact or text. */
export async function caseList(db: CaseDb, scope: StaffScope, filter: CaseFilter, set: CaseSet, now: Date, limit: number): Promise<CaseListRow[]> {
  const sla = slaStateSql(now);
  let query = filtered(db, scope, filter).select([
    'cases.reference', 'cases.kind', 'cases.topic_id', 'cases.district_id', 'cases.lead_department_id', 'cases.status',
    'cases.submitted_at', 'cases.due_at', sql<Date | null>`CASE WHEN ${FINISHED} THEN ${ANSWERED_AT} END`.as('answered_at'), sla.as('sla'),
  ]);
  if (set.figure === 'received') query = query.where(inRange(sql<Date>`cases.submitted_at`, set.period)).orderBy('cases.submitted_at');
  else if (set.figure === 'accepted') query = query.where(inRange(sql<Date>`cases.accepted_at`, set.period)).orderBy('cases.accepted_at');
  else if (set.figure === 'answered') {
    query = query.where(FINISHED).where(inRange(ANSWERED_AT, set.period)).orderBy(ANSWERED_AT);
    if (set.limit) query = query.where('cases.limit_id', '=', set.limit);
    if (set.sla) query = query.where(sql<boolean>`${sla} = ${set.sla}`);
    if (set.resolved !== undefined) query = query.where('cases.resolved', '=', set.resolved);
    if (set.satisfaction !== undefined) query = query.where('cases.satisfaction', '=', set.satisfaction);
  } else if (set.figure === 'open') {
    query = query.where(OPEN).orderBy('cases.due_at');
    if (set.sla) query = query.where(sql<boolean>`${sla} = ${set.sla}`);
    if (set.unit === null) query = query.where('cases.lead_department_id', 'is', null);
    else if (set.unit) query = query.where('cases.lead_department_id', '=', set.unit);
  }
  return (await query.orderBy('cases.reference').limit(limit).execute()) as CaseListRow[];
}

/** Names of the units (departments) and districts the reports show. */
export async function unitNames(db: CaseDb, ids: string[]) {
  if (ids.length === 0) return [];
  return db.selectFrom('departments').select(['id', 'name_en', 'name_zh']).where('id', 'in', ids).execute();
}

export async function districtList(db: CaseDb) {
  return db.selectFrom('districts').select(['id', 'name_en', 'name_zh']).orderBy('id').execute();
}

/** Per district: cases received in the period, and those answered in it, on time or not (the public page's table). */
export async function districtGroups(db: CaseDb, scope: StaffScope, period: ReportPeriod, now: Date) {
  const submitted = sql<Date>`cases.submitted_at`;
  const [received, answered] = await Promise.all([
    filtered(db, scope, {}).select(['cases.district_id', count.as('n')]).where(inRange(submitted, period)).groupBy('cases.district_id').execute(),
    filtered(db, scope, {})
      .select(['cases.district_id', slaStateSql(now).as('sla'), count.as('n')])
      .where(FINISHED)
      .where(inRange(ANSWERED_AT, period))
      .groupBy(sql`1, 2`)
      .execute() as Promise<{ district_id: string | null; sla: 'met' | 'breached'; n: number }[]>,
  ]);
  return { received, answered };
}
