/**
 * Reading cases. Staff reads go through `scopedCases`, so a district officer's query has its district in the WHERE
 * clause and a department handler's the cases their department is (or was asked to be) a unit of: a case outside
 * the scope is "not found", whatever its id. The enterprise reads its case only with reference + token.
 */
import type { SelectQueryBuilder } from 'kysely';
import { hashToken, inScope, sameSecret, type StaffScope } from '../../platform/auth/index.js';
import type { Database } from '../../platform/db/schema.js';
import type { CaseDb, CaseTables } from './case.tables.js';

type CaseQuery = SelectQueryBuilder<Database & CaseTables, 'cases', object>;

/** `db.selectFrom('cases')` narrowed to the scope (deny by default for a scope `inScope` does not know). */
export function scopedCases(db: CaseDb, scope: StaffScope): CaseQuery {
  const base = db.selectFrom('cases');
  if (scope.kind === 'department') {
    // A department sees the cases it is a current unit of (lead or co-handler), not only those it leads.
    return base.where((eb) =>
      eb.exists(
        eb.selectFrom('case_units').select('case_units.case_id').whereRef('case_units.case_id', '=', 'cases.id').where('case_units.department_id', '=', scope.departmentId).where('case_units.returned_at', 'is', null),
      ),
    );
  }
  return inScope(base, scope, { district: 'cases.district_id' });
}

export async function findCaseForStaff(db: CaseDb, scope: StaffScope, reference: string) {
  return scopedCases(db, scope).selectAll('cases').where('cases.reference', '=', reference).executeTakeFirst();
}

/**
 * The enterprise's read: the case only when the token matches (compared in constant time); an unknown reference and
 * a wrong token look the same to the caller.
 */
export async function findCaseWithToken(db: CaseDb, reference: string, token: string) {
  if (!/^IB-\d{4}-\d{6,}$/.test(reference) || token.length < 20 || token.length > 100) return undefined;
  const row = await db.selectFrom('cases').selectAll().where('reference', '=', reference).executeTakeFirst();
  if (!row || !sameSecret(row.token_hash, hashToken(token))) return undefined;
  return row;
}

export type CaseRow = NonNullable<Awaited<ReturnType<typeof findCaseWithToken>>>;

export async function caseEvents(db: CaseDb, caseId: string, visibility: 'public' | 'all') {
  let query = db.selectFrom('case_events').selectAll().where('case_id', '=', caseId).orderBy('id');
  if (visibility === 'public') query = query.where('visibility', '=', 'public');
  return query.execute();
}

export async function currentUnits(db: CaseDb, caseId: string) {
  return db
    .selectFrom('case_units')
    .innerJoin('departments', 'departments.id', 'case_units.department_id')
    .select(['case_units.department_id', 'case_units.role', 'case_units.assigned_at', 'case_units.signed_at', 'case_units.due_at', 'case_units.handler_id', 'departments.name_en', 'departments.name_zh', 'departments.district_id'])
    .where('case_units.case_id', '=', caseId)
    .where('case_units.returned_at', 'is', null)
    .orderBy('case_units.role')
    .execute();
}
