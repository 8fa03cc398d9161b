/**
 * The workbench's SQL: every query starts from scopedCases, so a queue, a count, a search or a page never holds a
 * case outside the reader's scope, whatever the filters say.
 *
 * Full-text search runs on cases.search (the 'simple' configuration over reference, subject, enterprise and
 * description): each word of the query as a prefix, all required. The 'simple' parser keeps a run of Chinese
 * characters as one word, so a query with Chinese also matches subject, enterprise and description containing it
 * (ILIKE). A reference typed in full matches that case, shown first. For a reader who may not see confidential
 * content, a confidential case matches only on its reference, subject and enterprise.
 */
import { sql, type Expression, type ExpressionBuilder, type SqlBool } from 'kysely';
import type { StaffPrincipal } from '../../platform/auth/index.js';
import { staffScopeOf } from '../../platform/auth/index.js';
import { dayNumber, startOfBeijingDay } from '../calendar/index.js';
import type { Database } from '../../platform/db/schema.js';
import { mayReadConfidential } from './case.access.js';
import { scopedCases } from './case.repository.js';
import { openSql, slaSql } from './case-sla.js';
import { CASE_STATUSES, FINISHED } from './case-states.js';
import type { CaseDb, CaseTables } from './case.tables.js';
import { QUEUES, REFERENCE, WORKBENCH_PAGE_SIZE, type Queue, type WorkbenchFilter } from './workbench.form.js';

type Eb = ExpressionBuilder<Database & CaseTables, 'cases'>;

/** Statuses still owed an answer or waiting for the enterprise, listed (an IN list can use the status index; NOT IN cannot). */
const OPEN_STATUSES = CASE_STATUSES.filter((s) => !FINISHED.includes(s));

/** The queues a person sees: "mine" needs someone who handles cases, "my unit" a district or a department. */
export function queuesFor(staff: StaffPrincipal): Queue[] {
  return QUEUES.filter((q) => (q === 'mine' ? staff.role !== 'viewer' : q === 'unit' ? staff.role === 'district_officer' || staff.role === 'department_handler' : true));
}

/** The start of a calendar date in Beijing, `days` later (the "to" date is inclusive: its end is the next day's start). */
function beijingDayStart(date: string, days = 0): Date {
  return startOfBeijingDay(dayNumber(date) + days);
}

function queueCondition(eb: Eb, queue: Queue, staff: StaffPrincipal, now: Date): Expression<SqlBool> {
  switch (queue) {
    case 'new':
      return eb('cases.status', '=', 'submitted');
    case 'waiting':
      return slaSql('paused', now);
    case 'overdue':
      return slaSql('overdue', now);
    case 'due_soon':
      return slaSql('due_soon', now);
    case 'unit': {
      // A district's or a department's open cases: the scope itself (scopedCases) narrowed to open ones.
      return openSql();
    }
    case 'mine': {
      // Uncorrelated IN lists (hashed once per query, found through the handler and actor indexes), not an EXISTS
      // probe of every open case's units and timeline.
      const units = eb.selectFrom('case_units').select('case_units.case_id').where('case_units.returned_at', 'is', null);
      const mine = [
        eb('cases.id', 'in', units.where('case_units.handler_id', '=', staff.userId)),
        eb('cases.id', 'in', eb.selectFrom('case_events').select('case_events.case_id').where('case_events.actor_id', '=', staff.userId).where('case_events.action', '=', 'accept')),
      ];
      if (staff.role === 'department_handler' && staff.departmentId) {
        mine.push(eb('cases.id', 'in', units.where('case_units.department_id', '=', staff.departmentId).where('case_units.signed_at', 'is not', null)));
      }
      return eb.and([openSql(), eb.or(mine)]);
    }
  }
}

/** Words of a search as prefix terms of a tsquery ("subsidy robot" → "subsidy:* & robot:*"); null when none is left. */
export function tsQueryOf(q: string): string | null {
  const words = q
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .slice(0, 8);
  return words.length ? words.map((w) => `${w}:*`).join(' & ') : null;
}

function searchCondition(eb: Eb, q: string, staff: StaffPrincipal): Expression<SqlBool> {
  const terms = tsQueryOf(q);
  const seesAll = mayReadConfidential(staff.role);
  const options: Expression<SqlBool>[] = [];
  if (REFERENCE.test(q.toUpperCase())) options.push(eb('cases.reference', '=', q.toUpperCase()));
  if (terms) {
    const query = sql`to_tsquery('simple', ${terms})`;
    const visible = sql<SqlBool>`cases.search @@ ${query}`;
    const outline = sql<SqlBool>`to_tsvector('simple', coalesce(cases.reference, '') || ' ' || cases.subject || ' ' || coalesce(cases.enterprise_name, '')) @@ ${query}`;
    options.push(seesAll ? visible : eb.or([eb.and([eb('cases.confidential', '=', false), visible]), eb.and([eb('cases.confidential', '=', true), outline])]));
  }
  if (/[\p{Script=Han}]/u.test(q)) {
    const like = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    options.push(eb('cases.subject', 'ilike', like), eb('cases.enterprise_name', 'ilike', like));
    options.push(seesAll ? eb('cases.description', 'ilike', like) : eb.and([eb('cases.confidential', '=', false), eb('cases.description', 'ilike', like)]));
  }
  return options.length ? eb.or(options) : sql<SqlBool>`false`;
}

/** The scoped cases matching the filter (without queue when `withQueue` is false: the queue counts use the rest). */
function filtered(db: CaseDb, staff: StaffPrincipal, filter: WorkbenchFilter, now: Date) {
  let query = scopedCases(db, staffScopeOf(staff));
  if (filter.queue) {
    const queue = filter.queue;
    query = query.where((eb) => queueCondition(eb, queue, staff, now));
  }
  if (filter.kind) query = query.where('cases.kind', '=', filter.kind);
  if (filter.topic) query = query.where('cases.topic_id', '=', filter.topic);
  if (filter.district) query = query.where('cases.district_id', '=', filter.district);
  if (filter.status) query = query.where('cases.status', '=', filter.status);
  if (filter.sla) query = query.where(slaSql(filter.sla, now));
  if (filter.fie !== undefined) query = query.where('cases.fie_complaint', '=', filter.fie);
  if (filter.from) query = query.where('cases.submitted_at', '>=', beijingDayStart(filter.from));
  if (filter.to) query = query.where('cases.submitted_at', '<', beijingDayStart(filter.to, 1));
  const q = filter.q;
  if (q) query = query.where((eb) => searchCondition(eb, q, staff));
  return query;
}

export interface WorkbenchRow {
  reference: string;
  kind: CaseTables['cases']['kind'];
  topic_id: string;
  status: CaseTables['cases']['status'];
  district_id: string | null;
  subject: string;
  fie_complaint: boolean;
  confidential: boolean;
  submitted_at: Date;
  due_at: Date;
  limit_unit: CaseTables['cases']['limit_unit'];
  limit_amount: number;
  replied_at: Date | null;
  closed_at: Date | null;
  clock_started_at: Date;
  materials_due_at: Date | null;
  extended: boolean;
  lang: 'en' | 'zh';
  lead_en: string | null;
  lead_zh: string | null;
}

export async function workbenchPage(db: CaseDb, staff: StaffPrincipal, filter: WorkbenchFilter, now: Date): Promise<{ rows: WorkbenchRow[]; total: number }> {
  const base = filtered(db, staff, filter, now);
  const counted = await base.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
  let query = base
    .leftJoin('departments', 'departments.id', 'cases.lead_department_id')
    .select([
      'cases.reference', 'cases.kind', 'cases.topic_id', 'cases.status', 'cases.district_id', 'cases.subject', 'cases.fie_complaint', 'cases.confidential',
      'cases.submitted_at', 'cases.due_at', 'cases.limit_unit', 'cases.limit_amount', 'cases.replied_at', 'cases.closed_at', 'cases.clock_started_at',
      'cases.materials_due_at', 'cases.extended', 'cases.lang', 'departments.name_en as lead_en', 'departments.name_zh as lead_zh',
    ]);
  const q = filter.q?.toUpperCase();
  if (q && REFERENCE.test(q)) query = query.orderBy(sql`cases.reference = ${q}`, 'desc');
  query = filter.sort === 'submitted' ? query.orderBy('cases.submitted_at', 'desc') : query.orderBy('cases.due_at', filter.sort === 'due_desc' ? 'desc' : 'asc');
  const rows = await query.orderBy('cases.reference').limit(WORKBENCH_PAGE_SIZE).offset((filter.page - 1) * WORKBENCH_PAGE_SIZE).execute();
  return { rows, total: Number(counted.n) };
}

/**
 * How many cases each queue holds for this person (the other filters apply too). Every queue holds open cases only,
 * so the queues are counted in one scan of the open cases of the scope (the status index), and "all" separately.
 */
export async function queueCounts(db: CaseDb, staff: StaffPrincipal, filter: WorkbenchFilter, now: Date): Promise<Record<Queue | 'all', number>> {
  const queues = queuesFor(staff);
  const base = filtered(db, staff, { ...filter, queue: undefined }, now);
  const [all, row] = await Promise.all([
    base.select((eb) => eb.fn.countAll<string>().as('all')).executeTakeFirstOrThrow(),
    base
      .where('cases.status', 'in', OPEN_STATUSES)
      .select((eb) => queues.map((queue) => eb.fn.countAll<string>().filterWhere(queueCondition(eb, queue, staff, now)).as(queue)))
      .executeTakeFirstOrThrow(),
  ]);
  const counts = Object.fromEntries(['all', ...QUEUES].map((q) => [q, 0])) as Record<Queue | 'all', number>;
  counts.all = Number(all.all);
  for (const queue of queues) counts[queue] = Number((row as Record<string, string>)[queue]);
  return counts;
}

/** Active departments, for the lead and co-handling units of a dispatch, in the order of the lists. */
export async function dispatchTargets(db: CaseDb) {
  return db
    .selectFrom('departments')
    .leftJoin('districts', 'districts.id', 'departments.district_id')
    .select(['departments.id', 'departments.name_en', 'departments.name_zh', 'departments.kind', 'departments.district_id', 'districts.name_en as district_en', 'districts.name_zh as district_zh'])
    .where('departments.active', '=', true)
    .orderBy(sql`CASE departments.kind WHEN 'municipal' THEN 0 WHEN 'national' THEN 1 WHEN 'district' THEN 2 WHEN 'zone' THEN 3 ELSE 4 END`)
    .orderBy('districts.name_en')
    .orderBy('departments.name_en')
    .execute();
}
export type DispatchTarget = Awaited<ReturnType<typeof dispatchTargets>>[number];

export async function departmentName(db: CaseDb, id: string): Promise<{ en: string; zh: string } | undefined> {
  const row = await db.selectFrom('departments').select(['name_en', 'name_zh']).where('id', '=', id).executeTakeFirst();
  return row ? { en: row.name_en, zh: row.name_zh } : undefined;
}
