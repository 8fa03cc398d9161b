/**
 * What the project page reads besides the project itself (project.repository.ts): its audit rows for the history,
 * the staff accounts that may join its team, the names of people the history mentions, the size of its service
 * package and the reference of the case it grew out of.
 */
import type { StaffRole } from '../../platform/auth/index.js';
import type { PipelineDb } from './pipeline.tables.js';
import type { TeamRole } from './stage-rules.js';

/** Audit actions the history shows beside the stage log (moves and status changes are in the log itself). */
export const HISTORY_ACTIONS = ['pipeline.project_updated', 'pipeline.team_member_added', 'pipeline.team_member_removed'] as const;
export type HistoryAction = (typeof HISTORY_ACTIONS)[number];

export async function projectAuditRows(db: PipelineDb, projectId: string) {
  return db
    .selectFrom('audit_log')
    .leftJoin('staff_users', 'staff_users.id', 'audit_log.actor_id')
    .select(['audit_log.id', 'audit_log.at', 'audit_log.action', 'audit_log.before', 'audit_log.after', 'staff_users.name as actor_name'])
    .where('audit_log.entity', '=', 'project')
    .where('audit_log.entity_id', '=', projectId)
    .where('audit_log.action', 'in', [...HISTORY_ACTIONS])
    .orderBy('audit_log.id')
    .execute();
}
export type ProjectAuditRow = Awaited<ReturnType<typeof projectAuditRows>>[number];

/** Which accounts fit which team role (setTeamMember checks the same). */
export const TEAM_ROLE_HOLDERS: Record<TeamRole, readonly StaffRole[]> = {
  commissioner: ['project_commissioner'],
  municipal_verifier: ['municipal_coordinator', 'admin'],
  district_lead: ['district_officer'],
};

/** Active accounts that may join the team, by team role; district leads from the project's district when it has one. */
export async function teamCandidates(db: PipelineDb, districtId: string | null): Promise<Record<TeamRole, { id: string; name: string }[]>> {
  const rows = await db
    .selectFrom('staff_users')
    .select(['id', 'name', 'role', 'district_id'])
    .where('disabled_at', 'is', null)
    .where('role', 'in', ['project_commissioner', 'municipal_coordinator', 'admin', 'district_officer'])
    .orderBy('name')
    .execute();
  const holders = (role: TeamRole) =>
    rows.filter((row) => TEAM_ROLE_HOLDERS[role].includes(row.role) && (role !== 'district_lead' || !districtId || row.district_id === districtId)).map(({ id, name }) => ({ id, name }));
  return { commissioner: holders('commissioner'), district_lead: holders('district_lead'), municipal_verifier: holders('municipal_verifier') };
}

export async function staffNames(db: PipelineDb, ids: readonly string[]): Promise<Map<string, string>> {
  const wanted = [...new Set(ids)].filter((id) => /^[0-9a-f-]{36}$/i.test(id));
  if (!wanted.length) return new Map();
  const rows = await db.selectFrom('staff_users').select(['id', 'name']).where('id', 'in', wanted).execute();
  return new Map(rows.map((row) => [row.id, row.name]));
}

export async function serviceItemCounts(db: PipelineDb, projectId: string): Promise<{ total: number; open: number }> {
  const rows = await db.selectFrom('pipeline_service_items').select(['status']).where('project_id', '=', projectId).execute();
  return { total: rows.length, open: rows.filter((row) => row.status === 'open' || row.status === 'in_progress').length };
}

export async function caseReference(db: PipelineDb, caseId: string): Promise<string | undefined> {
  const row = await db.selectFrom('cases').select('reference').where('id', '=', caseId).executeTakeFirst();
  return row?.reference;
}
