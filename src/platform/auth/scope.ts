/**
 * Which rows a signed-in staff member may see, applied in the repositories (ARCHITECTURE §6: "every query for staff
 * data is filtered by scope in the repository layer, not only in the UI"). A district officer sees their district's
 * rows (the BDA counts as a district), a department handler their department's, every other role all of Beijing.
 * What a role may *do* is the access rules' business (staffGuard, *.access.ts); the scope only narrows the rows.
 *
 * Deny by default: `inScope` returns the query unchanged only for `all`; for a district or department scope on a
 * table that has no such column, for a scope without its id, and for any scope it does not know, it adds
 * `WHERE false`. Fetching a row by id through a scoped query therefore answers "not found" outside the scope.
 */
import { sql, type DeleteQueryBuilder, type SelectQueryBuilder, type StringReference, type UpdateQueryBuilder, type WhereInterface } from 'kysely';
import type { StaffRole } from './auth.tables.js';

export type StaffScope = { kind: 'all' } | { kind: 'district'; districtId: string } | { kind: 'department'; departmentId: string } | { kind: 'none' };

/** The scope of a staff member (the session's principal or an account row). */
export function staffScopeOf(staff: { role: StaffRole; districtId: string | null; departmentId: string | null }): StaffScope {
  switch (staff.role) {
    case 'district_officer':
      return staff.districtId ? { kind: 'district', districtId: staff.districtId } : { kind: 'none' };
    case 'department_handler':
      return staff.departmentId ? { kind: 'department', departmentId: staff.departmentId } : { kind: 'none' };
    case 'admin':
    case 'municipal_coordinator':
    case 'acceptance_agent':
    case 'project_commissioner':
    case 'content_editor':
    case 'viewer':
      return { kind: 'all' };
    default:
      // A role added to STAFF_ROLES but not here sees nothing until someone decides what it should see.
      return { kind: 'none' };
  }
}

/** The columns of a table that place a row in a district and in a department (either may be absent). */
export interface ScopeColumns<DB, TB extends keyof DB> {
  district?: StringReference<DB, TB>;
  department?: StringReference<DB, TB>;
}

// The builders' own type parameters, read back so that the columns are checked against the query's tables.
type ScopedBuilder = SelectQueryBuilder<any, any, any> | UpdateQueryBuilder<any, any, any, any> | DeleteQueryBuilder<any, any, any>;
type DbOf<QB> = QB extends SelectQueryBuilder<infer DB, any, any> ? DB : QB extends UpdateQueryBuilder<infer DB, any, any, any> ? DB : QB extends DeleteQueryBuilder<infer DB, any, any> ? DB : never;
type TablesOf<QB> = QB extends SelectQueryBuilder<any, infer TB, any> ? TB : QB extends UpdateQueryBuilder<any, any, infer TB, any> ? TB : QB extends DeleteQueryBuilder<any, infer TB, any> ? TB : never;

/**
 * Narrows a select, update or delete to the rows of `scope`:
 * `inScope(db.selectFrom('cases'), scope, { district: 'cases.district_id', department: 'cases.department_id' })`.
 */
export function inScope<QB extends ScopedBuilder>(qb: QB, scope: StaffScope, columns: ScopeColumns<DbOf<QB>, TablesOf<QB>>): QB {
  // One `where` shared by the three builders (their overloads differ only in what they return).
  const where = qb as unknown as WhereInterface<DbOf<QB>, TablesOf<QB>>;
  const kind = (scope as { kind?: unknown } | undefined)?.kind;
  if (kind === 'all') return qb;
  if (kind === 'district' && columns.district && 'districtId' in scope && scope.districtId) return where.where(columns.district, '=', scope.districtId as never) as unknown as QB;
  if (kind === 'department' && columns.department && 'departmentId' in scope && scope.departmentId) return where.where(columns.department, '=', scope.departmentId as never) as unknown as QB;
  return where.where(sql<boolean>`false`) as unknown as QB;
}
