/**
 * Who sees which projects and what they are to each one.
 *
 * Scope (ARCHITECTURE §6: filtered in the repository, not only in the UI): the municipal roles and viewers see every
 * project; a district officer sees their district's; a commissioner the projects whose team they are on. Every other
 * role sees none, and deny is the default for a role nobody has placed here.
 *
 * Actors (stage-rules.ts): what a person is to one project — its commissioner or verifier (the team), its district's
 * officer, or the municipal side — decides which moves and status changes they may make.
 */
import { sql, type ExpressionBuilder, type SelectQueryBuilder } from 'kysely';
import type { StaffRole } from '../../platform/auth/index.js';
import type { Database } from '../../platform/db/schema.js';
import type { PipelineTables } from './pipeline.tables.js';
import type { Actor, TeamRole } from './stage-rules.js';

export interface PipelineStaff {
  userId: string;
  role: StaffRole;
  districtId: string | null;
}

/** Roles that may open the pipeline at all (their scope narrows the rows). */
export const PIPELINE_READERS: readonly StaffRole[] = ['admin', 'municipal_coordinator', 'district_officer', 'project_commissioner', 'viewer'];
/** Roles that may create projects and record work on them (each within their scope). */
export const PIPELINE_WRITERS: readonly StaffRole[] = ['admin', 'municipal_coordinator', 'district_officer', 'project_commissioner'];
/** Roles that may import a district spreadsheet (a district officer only their district's rows). */
export const PIPELINE_IMPORTERS: readonly StaffRole[] = ['admin', 'municipal_coordinator', 'district_officer'];
/** Roles that act for the whole city. */
export const MUNICIPAL_ROLES: readonly StaffRole[] = ['admin', 'municipal_coordinator'];

export type ProjectScope = { kind: 'all' } | { kind: 'district'; districtId: string } | { kind: 'team'; userId: string } | { kind: 'none' };

export function projectScopeOf(staff: PipelineStaff): ProjectScope {
  switch (staff.role) {
    case 'admin':
    case 'municipal_coordinator':
    case 'viewer':
      return { kind: 'all' };
    case 'district_officer':
      return staff.districtId ? { kind: 'district', districtId: staff.districtId } : { kind: 'none' };
    case 'project_commissioner':
      return { kind: 'team', userId: staff.userId };
    default:
      return { kind: 'none' };
  }
}

type DB = Database & PipelineTables;

/** The condition "this project row is in scope", for any query over pipeline_projects (aliased or not). */
export function projectInScope(eb: ExpressionBuilder<DB, 'pipeline_projects'>, scope: ProjectScope) {
  switch (scope.kind) {
    case 'all':
      return sql<boolean>`true`;
    case 'district':
      return eb('pipeline_projects.district_id', '=', scope.districtId);
    case 'team':
      return eb.exists(
        eb.selectFrom('pipeline_team as scope_team').select(sql`1`.as('one'))
          .whereRef('scope_team.project_id', '=', 'pipeline_projects.id')
          .where('scope_team.staff_user_id', '=', scope.userId),
      );
    default:
      return sql<boolean>`false`;
  }
}

/** Narrows a select over pipeline_projects to the rows of `scope`. */
export function scopedProjects<O>(qb: SelectQueryBuilder<DB, 'pipeline_projects', O>, scope: ProjectScope): SelectQueryBuilder<DB, 'pipeline_projects', O> {
  if (scope.kind === 'all') return qb;
  return qb.where((eb) => projectInScope(eb, scope));
}

/** What `staff` is to a project with this district and team. */
export function actorsOf(staff: PipelineStaff, project: { district_id: string | null }, team: readonly { staff_user_id: string; role: TeamRole }[]): Actor[] {
  const actors = new Set<Actor>();
  const onTeam = (role: TeamRole) => team.some((member) => member.staff_user_id === staff.userId && member.role === role);
  if (onTeam('commissioner')) actors.add('commissioner');
  if (onTeam('municipal_verifier')) actors.add('verifier');
  if (onTeam('district_lead') || (staff.role === 'district_officer' && staff.districtId !== null && staff.districtId === project.district_id)) actors.add('district');
  if (MUNICIPAL_ROLES.includes(staff.role)) actors.add('municipal');
  // A viewer reads; whatever the team says, they act on nothing.
  if (!PIPELINE_WRITERS.includes(staff.role)) actors.clear();
  return [...actors];
}

/** May `staff` edit the project's fields, service package and interactions (any actor may). */
export const mayEdit = (actors: readonly Actor[]): boolean => actors.length > 0;
