/**
 * Reading a project's service package: its items with their owner unit and linked case, the units an item may be
 * given to, and the summary the project page shows. The linked case is read here with its reference and SLA columns;
 * whether the reader may see more than the reference is decided by the cases module's scoped query (`visibleCaseIds`).
 */
import { sql } from 'kysely';
import type { StaffScope } from '../../platform/auth/index.js';
import { scopedCases, type CaseDb } from '../cases/index.js';
import type { CivilDate, PipelineDb } from './pipeline.tables.js';
import type { ItemStatus } from './stage-rules.js';

/** Items still owed: an item done or dropped is never overdue. */
export const OPEN_ITEM_STATUSES: readonly ItemStatus[] = ['open', 'in_progress'];

export async function serviceItems(db: PipelineDb, projectId: string) {
  return db
    .selectFrom('pipeline_service_items as item')
    .leftJoin('departments', 'departments.id', 'item.owner_department_id')
    .leftJoin('cases', 'cases.id', 'item.case_id')
    .select([
      'item.id', 'item.title', 'item.owner_department_id', 'item.due_on', 'item.status', 'item.case_id', 'item.created_at', 'item.updated_at',
      'departments.name_en as owner_en', 'departments.name_zh as owner_zh',
      'cases.reference as case_reference', 'cases.status as case_status', 'cases.due_at as case_due_at', 'cases.limit_unit as case_limit_unit',
      'cases.limit_amount as case_limit_amount', 'cases.replied_at as case_replied_at', 'cases.closed_at as case_closed_at', 'cases.clock_started_at as case_clock_started_at',
    ])
    .where('item.project_id', '=', projectId)
    .orderBy('item.created_at')
    .orderBy('item.id')
    .execute();
}
export type ServiceItemRow = Awaited<ReturnType<typeof serviceItems>>[number];

/** Of `caseIds`, those within `scope` (the cases module's own scoped query). */
export async function visibleCaseIds(db: PipelineDb, scope: StaffScope, caseIds: readonly string[]): Promise<Set<string>> {
  if (!caseIds.length) return new Set();
  const rows = await scopedCases(db as unknown as CaseDb, scope).select('cases.id').where('cases.id', 'in', [...new Set(caseIds)]).execute();
  return new Set(rows.map((row) => row.id));
}

/** The units an item may be owed by: the active departments, in the order the page's language sorts their names. */
export async function activeDepartments(db: PipelineDb) {
  return db.selectFrom('departments').select(['id', 'name_en', 'name_zh', 'district_id']).where('active', '=', true).orderBy('name_en').execute();
}
export type DepartmentChoice = Awaited<ReturnType<typeof activeDepartments>>[number];

export interface ServicePackageSummary {
  items: number;
  open: number;
  /** Open items whose due date is before `today` (Beijing). */
  overdue: number;
}

/** How many items the project's package holds, how many are still open and how many of those are overdue on `today`. */
export async function servicePackageSummary(db: PipelineDb, projectId: string, today: CivilDate): Promise<ServicePackageSummary> {
  const open = sql.join(OPEN_ITEM_STATUSES.map((status) => sql.lit(status)));
  const row = await db
    .selectFrom('pipeline_service_items')
    .select([
      sql<string>`count(*)`.as('items'),
      sql<string>`count(*) FILTER (WHERE status IN (${open}))`.as('open'),
      sql<string>`count(*) FILTER (WHERE status IN (${open}) AND due_on < ${today}::date)`.as('overdue'),
    ])
    .where('project_id', '=', projectId)
    .executeTakeFirstOrThrow();
  return { items: Number(row.items), open: Number(row.open), overdue: Number(row.overdue) };
}

/** Overdue: still owed and due before today in Beijing. */
export const isItemOverdue = (item: { status: ItemStatus; due_on: CivilDate | null }, today: CivilDate): boolean =>
  OPEN_ITEM_STATUSES.includes(item.status) && item.due_on !== null && item.due_on < today;
