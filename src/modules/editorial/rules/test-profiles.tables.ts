/**
 * Kysely types of rule_test_profiles (src/migrations/2026_12_08_0900_create_content_revisions.ts) and the repository
 * the test-profile pages, the test runner and scripts/seed-rule-test-profiles.ts share. A profile's `facts` are the
 * answers to the public questionnaire (/policies-for-me) as its query carries them: read by the same code as there.
 */
import type { ColumnType, Generated, Kysely } from 'kysely';
import { recordAudit, type AuditTables } from '../../../platform/audit/record-audit.js';
import type { Db } from '../../../platform/db/database.js';
import type { Database } from '../../../platform/db/schema.js';

/** The questionnaire's answers: field → value, or every value of a set (statuses, business lines). */
export type ProfileAnswers = Record<string, string | string[]>;

export interface RuleTestProfileTable {
  id: Generated<string>;
  name: string;
  description: string | null;
  facts: ColumnType<ProfileAnswers, string, string>;
  created_by: string | null;
  created_at: ColumnType<Date, Date | undefined, never>;
  updated_by: string | null;
  updated_at: ColumnType<Date, Date | undefined, Date>;
}

export interface RuleTestProfileTables {
  rule_test_profiles: RuleTestProfileTable;
}

export type TestProfilesDb = Kysely<Database & RuleTestProfileTables>;

export function testProfilesDb(db: Db): TestProfilesDb {
  return db as unknown as TestProfilesDb;
}

export interface TestProfileRow {
  id: string;
  name: string;
  description: string | null;
  answers: ProfileAnswers;
  updatedAt: Date;
}

const asAudit = (trx: TestProfilesDb) => trx as unknown as Kysely<AuditTables>;

export async function listTestProfiles(db: Db): Promise<TestProfileRow[]> {
  const rows = await testProfilesDb(db).selectFrom('rule_test_profiles').select(['id', 'name', 'description', 'facts', 'updated_at']).orderBy('name').execute();
  return rows.map((r) => ({ id: String(r.id), name: r.name, description: r.description, answers: r.facts, updatedAt: r.updated_at }));
}

export async function findTestProfile(db: Db, id: string): Promise<TestProfileRow | null> {
  if (!/^\d{1,18}$/.test(id)) return null;
  const r = await testProfilesDb(db).selectFrom('rule_test_profiles').select(['id', 'name', 'description', 'facts', 'updated_at']).where('id', '=', id).executeTakeFirst();
  return r ? { id: String(r.id), name: r.name, description: r.description, answers: r.facts, updatedAt: r.updated_at } : null;
}

export class TestProfileNameTaken extends Error {}

export interface SaveTestProfile {
  /** The profile to update; absent to create one (or, with `upsert`, to update the one of that name). */
  id?: string;
  name: string;
  description: string | null;
  answers: ProfileAnswers;
  upsert?: boolean;
}

/** Creates or updates a profile, with its audit row in the same transaction. A name held by another profile is refused. */
export async function saveTestProfile(db: Db, actor: { userId: string | null; requestId?: string | null }, now: Date, input: SaveTestProfile): Promise<string> {
  return testProfilesDb(db).transaction().execute(async (trx) => {
    const sameName = await trx.selectFrom('rule_test_profiles').select('id').where('name', '=', input.name).executeTakeFirst();
    let id = input.id;
    if (!id && input.upsert && sameName) id = String(sameName.id);
    if (sameName && String(sameName.id) !== id) throw new TestProfileNameTaken(input.name);
    const facts = JSON.stringify(input.answers);
    let before: Record<string, unknown> | null = null;
    if (id) {
      const old = await trx.selectFrom('rule_test_profiles').select(['name', 'description', 'facts']).where('id', '=', id).executeTakeFirst();
      if (!old) throw new TestProfileNameTaken(input.name);
      before = { name: old.name, description: old.description, facts: old.facts };
      await trx.updateTable('rule_test_profiles').set({ name: input.name, description: input.description, facts, updated_by: actor.userId, updated_at: now }).where('id', '=', id).execute();
    } else {
      const row = await trx
        .insertInto('rule_test_profiles')
        .values({ name: input.name, description: input.description, facts, created_by: actor.userId, updated_by: actor.userId, created_at: now, updated_at: now })
        .returning('id')
        .executeTakeFirstOrThrow();
      id = String(row.id);
    }
    await recordAudit(asAudit(trx), {
      at: now, actor: actor.userId, action: 'content.test_profile_saved', entity: 'rule_test_profile', entityId: id,
      before, after: { name: input.name, description: input.description, facts: input.answers }, requestId: actor.requestId,
    });
    return id;
  });
}

/** Removes a profile (false when there is none), with its audit row. */
export async function removeTestProfile(db: Db, actor: { userId: string; requestId?: string | null }, now: Date, id: string): Promise<boolean> {
  if (!/^\d{1,18}$/.test(id)) return false;
  return testProfilesDb(db).transaction().execute(async (trx) => {
    const old = await trx.deleteFrom('rule_test_profiles').where('id', '=', id).returning(['name', 'description', 'facts']).executeTakeFirst();
    if (!old) return false;
    await recordAudit(asAudit(trx), { at: now, actor: actor.userId, action: 'content.test_profile_removed', entity: 'rule_test_profile', entityId: id, before: { name: old.name, description: old.description, facts: old.facts }, requestId: actor.requestId });
    return true;
  });
}
