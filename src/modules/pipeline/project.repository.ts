/** Reading projects and investors within a person's scope (project-access.ts). Writes are in project-workflow.ts. */
import { sql } from 'kysely';
import type { PipelineDb } from './pipeline.tables.js';
import { scopedProjects, type ProjectScope } from './project-access.js';

export const PROJECT_REFERENCE = /^PJ-\d{4}-\d{6,}$/;

export async function findProject(db: PipelineDb, scope: ProjectScope, reference: string) {
  if (!PROJECT_REFERENCE.test(reference)) return undefined;
  return scopedProjects(db.selectFrom('pipeline_projects').selectAll('pipeline_projects'), scope).where('pipeline_projects.reference', '=', reference).executeTakeFirst();
}
export type ProjectRow = NonNullable<Awaited<ReturnType<typeof findProject>>>;

export async function projectTeam(db: PipelineDb, projectId: string) {
  return db
    .selectFrom('pipeline_team')
    .innerJoin('staff_users', 'staff_users.id', 'pipeline_team.staff_user_id')
    .select(['pipeline_team.staff_user_id', 'pipeline_team.role', 'pipeline_team.assigned_at', 'staff_users.name', 'staff_users.email'])
    .where('pipeline_team.project_id', '=', projectId)
    .orderBy('pipeline_team.role')
    .orderBy('staff_users.name')
    .execute();
}
export type TeamMember = Awaited<ReturnType<typeof projectTeam>>[number];

export async function stageLog(db: PipelineDb, projectId: string) {
  return db
    .selectFrom('pipeline_stage_log')
    .leftJoin('staff_users', 'staff_users.id', 'pipeline_stage_log.actor_id')
    .select(['pipeline_stage_log.id', 'pipeline_stage_log.at', 'pipeline_stage_log.from_stage', 'pipeline_stage_log.to_stage', 'pipeline_stage_log.from_status', 'pipeline_stage_log.to_status', 'pipeline_stage_log.reason', 'pipeline_stage_log.note', 'pipeline_stage_log.evidence', 'staff_users.name as actor_name'])
    .where('pipeline_stage_log.project_id', '=', projectId)
    .orderBy('pipeline_stage_log.id')
    .execute();
}
export type StageLogEntry = Awaited<ReturnType<typeof stageLog>>[number];

export async function findInvestor(db: PipelineDb, id: string) {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return undefined;
  return db.selectFrom('investors').selectAll().where('id', '=', id).executeTakeFirst();
}
export type InvestorRow = NonNullable<Awaited<ReturnType<typeof findInvestor>>>;

/** Investors whose name (either language) contains `text`, for choosing one on a form. */
export async function searchInvestors(db: PipelineDb, text: string, limit = 20) {
  const pattern = `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return db
    .selectFrom('investors')
    .selectAll()
    .where((eb) => eb.or([eb('name', 'ilike', pattern), eb('name_zh', 'ilike', pattern)]))
    .orderBy('name')
    .limit(limit)
    .execute();
}

/** The next reference for a project created in `year`: PJ-2026-000001. */
export async function nextProjectReference(db: PipelineDb, year: number): Promise<string> {
  const { rows } = await sql<{ n: string }>`SELECT nextval('pipeline_reference_seq')::text AS n`.execute(db);
  return `PJ-${year}-${rows[0].n.padStart(6, '0')}`;
}
