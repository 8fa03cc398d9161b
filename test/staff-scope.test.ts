/**
 * StaffScope and `inScope` against a real table made for the test (the service-line cases table comes next): a
 * district officer sees only their district (the BDA counts as one), a department handler only their department,
 * other roles everything; anything the helper does not understand sees nothing. Fetching, updating or deleting
 * another district's row by its id finds nothing (IDOR).
 */
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inScope, STAFF_ROLES, staffScopeOf, type StaffScope } from '../src/platform/auth/index.js';
import { databaseTargets, openTestDatabase, type TestDatabase } from './helpers/databases.js';

type ProbeTables = {
  scope_probe_cases: { id: number; title: string; district_id: string | null; department_id: string | null };
  scope_probe_notes: { id: number; department_id: string };
};

const CASES = [
  { id: 1, title: 'Haidian R&D centre', district_id: 'haidian', department_id: 'haidian-commerce-bureau' },
  { id: 2, title: 'Chaoyang regional HQ', district_id: 'chaoyang', department_id: 'chaoyang-commerce-bureau' },
  { id: 3, title: 'BDA biotech plant', district_id: 'bda', department_id: 'bda-investment-promotion' },
  { id: 4, title: 'Work permit question', district_id: 'haidian', department_id: 'beijing-hr-social-security' },
  { id: 5, title: 'Customs question', district_id: null, department_id: 'beijing-customs' },
];

describe.each(databaseTargets())('staff scope in repositories (%s)', (target) => {
  let database: TestDatabase;
  let db: Kysely<ProbeTables>;

  beforeAll(async () => {
    database = await openTestDatabase(target);
    db = database.db.withTables<ProbeTables>() as unknown as Kysely<ProbeTables>;
    await db.schema.createTable('scope_probe_cases').addColumn('id', 'integer', (c) => c.primaryKey()).addColumn('title', 'text', (c) => c.notNull()).addColumn('district_id', 'text').addColumn('department_id', 'text').execute();
    await db.schema.createTable('scope_probe_notes').addColumn('id', 'integer', (c) => c.primaryKey()).addColumn('department_id', 'text', (c) => c.notNull()).execute();
    await db.insertInto('scope_probe_cases').values(CASES).execute();
    await db.insertInto('scope_probe_notes').values([{ id: 1, department_id: 'beijing-customs' }]).execute();
  });
  afterAll(() => database.close());

  const columns = { district: 'scope_probe_cases.district_id', department: 'scope_probe_cases.department_id' } as const;
  /** The repository function a module would write: every query goes through inScope. */
  const listCases = (scope: StaffScope) => inScope(db.selectFrom('scope_probe_cases').select('id').orderBy('id'), scope, columns).execute().then((rows) => rows.map((r) => r.id));
  const findCase = (scope: StaffScope, id: number) => inScope(db.selectFrom('scope_probe_cases').selectAll().where('id', '=', id), scope, columns).executeTakeFirst();

  it('derives the scope from the role: district officers and department handlers narrowed, everyone else all of Beijing', () => {
    const scopes = Object.fromEntries(STAFF_ROLES.map((role) => [role, staffScopeOf({ role, districtId: 'bda', departmentId: 'beijing-customs' })]));
    expect(scopes).toEqual({
      admin: { kind: 'all' },
      municipal_coordinator: { kind: 'all' },
      acceptance_agent: { kind: 'all' },
      district_officer: { kind: 'district', districtId: 'bda' },
      department_handler: { kind: 'department', departmentId: 'beijing-customs' },
      project_commissioner: { kind: 'all' },
      content_editor: { kind: 'all' },
      viewer: { kind: 'all' },
    });
    // A scoped role without its district or department sees nothing, and so does a role nobody has placed yet.
    expect(staffScopeOf({ role: 'district_officer', districtId: null, departmentId: 'beijing-customs' })).toEqual({ kind: 'none' });
    expect(staffScopeOf({ role: 'department_handler', districtId: 'haidian', departmentId: null })).toEqual({ kind: 'none' });
    expect(staffScopeOf({ role: 'superuser' as never, districtId: null, departmentId: null })).toEqual({ kind: 'none' });
  });

  it('gives all rows to "all", a district’s rows to its officer (the BDA too) and a department’s rows to its handler', async () => {
    expect(await listCases({ kind: 'all' })).toEqual([1, 2, 3, 4, 5]);
    expect(await listCases({ kind: 'district', districtId: 'haidian' })).toEqual([1, 4]);
    expect(await listCases({ kind: 'district', districtId: 'bda' })).toEqual([3]);
    expect(await listCases({ kind: 'department', departmentId: 'beijing-customs' })).toEqual([5]);
  });

  it('answers "not found" when an officer of one district fetches another district’s row by its id (IDOR), and changes nothing there', async () => {
    const haidian: StaffScope = { kind: 'district', districtId: 'haidian' };
    expect(await findCase(haidian, 1)).toMatchObject({ title: 'Haidian R&D centre' });
    expect(await findCase(haidian, 2)).toBeUndefined();
    expect(await findCase(haidian, 3)).toBeUndefined();
    expect(await findCase({ kind: 'department', departmentId: 'beijing-customs' }, 1)).toBeUndefined();
    const update = await inScope(db.updateTable('scope_probe_cases').set({ title: 'taken over' }).where('id', '=', 2), haidian, columns).executeTakeFirst();
    expect(Number(update.numUpdatedRows)).toBe(0);
    const deletion = await inScope(db.deleteFrom('scope_probe_cases').where('id', '=', 2), haidian, columns).executeTakeFirst();
    expect(Number(deletion.numDeletedRows)).toBe(0);
    expect(await findCase({ kind: 'all' }, 2)).toMatchObject({ title: 'Chaoyang regional HQ' });
  });

  it('denies everything for a scope it does not understand or cannot apply', async () => {
    expect(await listCases({ kind: 'none' })).toEqual([]);
    expect(await listCases({ kind: 'region', regionId: 'north' } as never)).toEqual([]);
    expect(await listCases(undefined as never)).toEqual([]);
    expect(await listCases({ kind: 'district', districtId: '' })).toEqual([]);
    expect(await listCases({ kind: 'district' } as never)).toEqual([]);
    // A table without a district column gives a district officer nothing, not everything.
    const notes = (scope: StaffScope) => inScope(db.selectFrom('scope_probe_notes').select('id'), scope, { department: 'scope_probe_notes.department_id' }).execute();
    expect(await notes({ kind: 'district', districtId: 'haidian' })).toEqual([]);
    expect(await notes({ kind: 'department', departmentId: 'beijing-customs' })).toEqual([{ id: 1 }]);
  });

  it('checks the columns against the query’s tables when compiling', () => {
    const scope: StaffScope = { kind: 'all' };
    // @ts-expect-error scope_probe_notes has no district_id: a typo or a wrong table does not compile.
    inScope(db.selectFrom('scope_probe_notes').select('id'), scope, { district: 'scope_probe_notes.district_id' });
    // @ts-expect-error a column of a table the query does not read.
    inScope(db.selectFrom('scope_probe_notes').select('id'), scope, { department: 'scope_probe_cases.department_id' });
    expect(inScope(db.selectFrom('scope_probe_notes').select('id'), scope, { department: 'scope_probe_notes.department_id' }).compile().sql).not.toContain('where');
  });
});
