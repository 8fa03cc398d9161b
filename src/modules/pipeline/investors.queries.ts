/**
 * Reading investors and what the timeline is made of. Every read that reaches a project is narrowed to the reader's
 * project scope (scopedProjects), and every read of a case to their case scope (the cases module's scopedCases), in
 * the query itself; the timeline (timeline.ts) only merges what these return.
 */
import { sql } from 'kysely';
import type { StaffScope } from '../../platform/auth/index.js';
import { scopedCases, type CaseDb } from '../cases/index.js';
import type { PipelineDb } from './pipeline.tables.js';
import { scopedProjects, type ProjectScope } from './project-access.js';

const likePattern = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** A page of investors whose name (either language) contains `text` (all investors when it is empty), by name. */
export async function findInvestors(db: PipelineDb, text: string, page: number, pageSize: number) {
  let query = db.selectFrom('investors');
  if (text) query = query.where((eb) => eb.or([eb('name', 'ilike', likePattern(text)), eb('name_zh', 'ilike', likePattern(text))]));
  const [rows, total] = await Promise.all([
    query.selectAll().orderBy(sql`lower(name)`).orderBy('id').limit(pageSize).offset((page - 1) * pageSize).execute(),
    query.select(sql<string>`count(*)`.as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(total.n) };
}

/** How many projects of each investor lie in `scope`. */
export async function projectCounts(db: PipelineDb, scope: ProjectScope, investorIds: readonly string[]): Promise<Map<string, number>> {
  if (!investorIds.length) return new Map();
  const rows = await scopedProjects(db.selectFrom('pipeline_projects').select(['pipeline_projects.investor_id', sql<string>`count(*)`.as('n')]), scope)
    .where('pipeline_projects.investor_id', 'in', [...investorIds])
    .groupBy('pipeline_projects.investor_id')
    .execute();
  return new Map(rows.map((row) => [row.investor_id, Number(row.n)]));
}

/** The investor's projects in `scope`, newest first. */
export async function investorProjects(db: PipelineDb, scope: ProjectScope, investorId: string) {
  return scopedProjects(
    db.selectFrom('pipeline_projects').select(['pipeline_projects.id', 'pipeline_projects.reference', 'pipeline_projects.name', 'pipeline_projects.stage', 'pipeline_projects.status', 'pipeline_projects.district_id']),
    scope,
  )
    .where('pipeline_projects.investor_id', '=', investorId)
    .orderBy('pipeline_projects.created_at', 'desc')
    .execute();
}
export type InvestorProject = Awaited<ReturnType<typeof investorProjects>>[number];

/** The stage log of these projects (already narrowed to the reader's scope by the caller's ids). */
export async function stageLogOf(db: PipelineDb, projectIds: readonly string[]) {
  if (!projectIds.length) return [];
  return db
    .selectFrom('pipeline_stage_log')
    .select(['id', 'project_id', 'at', 'from_stage', 'to_stage', 'from_status', 'to_status', 'reason', 'note'])
    .where('project_id', 'in', [...projectIds])
    .orderBy('id')
    .execute();
}

/** The service items of these projects, and when each was marked done (from its audit rows: there is no column). */
export async function serviceItemsOf(db: PipelineDb, projectIds: readonly string[]) {
  if (!projectIds.length) return { items: [], done: [] };
  const items = await db
    .selectFrom('pipeline_service_items')
    .select(['id', 'project_id', 'title', 'status', 'created_at'])
    .where('project_id', 'in', [...projectIds])
    .execute();
  if (!items.length) return { items, done: [] };
  const done = await db
    .selectFrom('audit_log')
    .select(['entity_id', 'at'])
    .where('entity', '=', 'service_item')
    .where('entity_id', 'in', items.map((item) => item.id))
    .where(sql<boolean>`"after"->>'status' = 'done'`)
    .execute();
  return { items, done: done.map((row) => ({ itemId: row.entity_id!, at: row.at })) };
}

/**
 * The investor's service-line cases within the reader's case scope: those linked to the investor, and those any of
 * their projects grew from (a project's source case is linked when it is created; older rows are caught here too).
 */
export async function investorCases(db: PipelineDb, caseScope: StaffScope, investorId: string) {
  const [linked, sources] = await Promise.all([
    db.selectFrom('investor_cases').select('case_id').where('investor_id', '=', investorId).execute(),
    db.selectFrom('pipeline_projects').select('source_case_id').where('investor_id', '=', investorId).where('source_case_id', 'is not', null).execute(),
  ]);
  const ids = [...new Set([...linked.map((row) => row.case_id), ...sources.map((row) => row.source_case_id!)])];
  if (!ids.length) return [];
  return scopedCases(db as unknown as CaseDb, caseScope)
    .select(['cases.id', 'cases.reference', 'cases.subject', 'cases.lang', 'cases.status', 'cases.confidential', 'cases.submitted_at', 'cases.replied_at', 'cases.closed_at'])
    .where('cases.id', 'in', ids)
    .execute();
}
export type InvestorCase = Awaited<ReturnType<typeof investorCases>>[number];

/** Interactions with the investor: those without a project, and those about one of `projectIds` (the reader's). */
export async function interactionsOf(db: PipelineDb, investorId: string, projectIds: readonly string[]) {
  return db
    .selectFrom('pipeline_interactions')
    .select(['id', 'project_id', 'kind', 'occurred_on', 'people', 'notes', 'plan_url', 'created_at'])
    .where('investor_id', '=', investorId)
    .where((eb) => (projectIds.length ? eb.or([eb('project_id', 'is', null), eb('project_id', 'in', [...projectIds])]) : eb('project_id', 'is', null)))
    .execute();
}
