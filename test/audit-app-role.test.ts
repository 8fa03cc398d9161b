/**
 * "The database role used by the app cannot update or delete audit rows": the migration's NOLOGIN role invest_app
 * may read and write the app's tables but only read and append to the audit log (and every other append-only table),
 * and cannot switch their triggers off. Checked with SET ROLE on PGlite (one superuser, which the app runs as: there the
 * trigger is the protection, but the grants are the same SQL) and on PostgreSQL, where the app really runs as a member
 * of the role: the real start-up with DATABASE_URL as such a member and MIGRATION_DATABASE_URL as the owner.
 */
import { randomBytes } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendOnlyTables, APP_ROLE } from '../src/migrations/2026_12_03_1200_create_app_role.js';
import { createStaffUser } from '../src/modules/staff/index.js';
import { recordAudit } from '../src/platform/audit/record-audit.js';
import { staffDb } from '../src/platform/auth/index.js';
import { databaseTargets, openTestDatabase, type TestDatabase } from './helpers/databases.js';
import { startServerProcess } from './faults/process-helpers.js';

describe.each(databaseTargets())('the app’s database role and the audit log (%s)', (target) => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await openTestDatabase(target);
    await recordAudit(staffDb(database.db), { at: new Date(), actor: null, action: 'staff.sign_in_failed', entity: 'staff_user', after: { email: 'x@example.gov' } });
  });
  afterAll(() => database.close());

  /** Runs `work` on one connection as invest_app (SET ROLE), and switches back whatever happens. */
  async function asAppRole<T>(work: (db: Kysely<unknown>) => Promise<T>): Promise<T> {
    return database.db.connection().execute(async (connection) => {
      await sql`SET ROLE ${sql.id(APP_ROLE)}`.execute(connection);
      try {
        return await work(connection as unknown as Kysely<unknown>);
      } finally {
        await sql`RESET ROLE`.execute(connection);
      }
    });
  }
  const refusedAsApp = (statement: ReturnType<typeof sql.raw>) => expect(asAppRole((db) => statement.execute(db))).rejects.toMatchObject({ code: '42501' });

  it('refuses UPDATE, DELETE, TRUNCATE and switching the triggers off with a permission error, before any trigger runs', async () => {
    await refusedAsApp(sql.raw(`UPDATE audit_log SET action = 'staff.nothing_happened'`));
    await refusedAsApp(sql.raw('DELETE FROM audit_log'));
    await refusedAsApp(sql.raw('TRUNCATE audit_log'));
    await refusedAsApp(sql.raw('ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update_delete'));
    await refusedAsApp(sql.raw('ALTER TABLE audit_log DISABLE TRIGGER ALL'));
    await refusedAsApp(sql.raw('DROP TRIGGER audit_log_no_update_delete ON audit_log'));
    await expect(asAppRole((db) => sql.raw('UPDATE audit_log SET action = action').execute(db))).rejects.toThrow(/permission denied for table audit_log/);
    const { rows } = await sql<{ n: string }>`SELECT count(*) AS n FROM audit_log WHERE action = 'staff.sign_in_failed'`.execute(database.db);
    expect(Number(rows[0].n)).toBe(1);
  });

  it('lets the role append to the audit log and read it, and do the app’s work in the other tables', async () => {
    const appended = await asAppRole(async (db) => {
      // An account with its first link and two audit rows, in one transaction, as the invitation page makes it.
      const { userId } = await createStaffUser(staffDb(db as never), { email: 'app.role@example.gov', name: 'App Role', role: 'viewer', actor: null, now: new Date() });
      await sql`UPDATE staff_users SET name = 'App Role Renamed' WHERE id = ${userId}`.execute(db);
      await sql`DELETE FROM staff_tokens WHERE user_id = ${userId}`.execute(db);
      const { rows } = await sql<{ action: string }>`SELECT action FROM audit_log WHERE entity_id = ${userId} ORDER BY id`.execute(db);
      return rows.map((r) => r.action);
    });
    expect(appended).toEqual(['staff_user.created', 'staff.set_password_link_issued']);
    // The migrator's tables: readable (start-up checks for pending migrations), never written by the app.
    await asAppRole((db) => sql`SELECT count(*) FROM kysely_migration`.execute(db));
    await refusedAsApp(sql.raw(`INSERT INTO kysely_migration (name, timestamp) VALUES ('2099_fake', 'now')`));
    await refusedAsApp(sql.raw('CREATE TABLE app_made_this (id int)'));
  });

  it('gives the role only SELECT and INSERT on every append-only table (the audit log, the cases’ timeline)', async () => {
    const tables = await appendOnlyTables(database.db as unknown as Kysely<unknown>, 'public');
    expect(tables).toContain('audit_log');
    expect(tables).toContain('case_events');
    expect(tables).toContain('pipeline_stage_log');
    for (const table of tables) {
      const { rows } = await sql<Record<string, boolean>>`
        SELECT has_table_privilege(${APP_ROLE}, ${table}, 'SELECT') AS select, has_table_privilege(${APP_ROLE}, ${table}, 'INSERT') AS insert,
          has_table_privilege(${APP_ROLE}, ${table}, 'UPDATE') AS update, has_table_privilege(${APP_ROLE}, ${table}, 'DELETE') AS delete,
          has_table_privilege(${APP_ROLE}, ${table}, 'TRUNCATE') AS truncate, has_table_privilege(${APP_ROLE}, ${table}, 'TRIGGER') AS trigger`.execute(database.db);
      expect(rows[0], table).toEqual({ select: true, insert: true, update: false, delete: false, truncate: false, trigger: false });
    }
  });
});

describe.runIf(process.env.TEST_DATABASE_URL)('production start-up as a member of invest_app (postgres)', () => {
  const adminUrl = process.env.TEST_DATABASE_URL ?? '';
  const name = `ib_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  const member = `${name}_web`;
  const urlOf = (user: string) => {
    const url = new URL(adminUrl);
    url.username = user;
    url.pathname = `/${name}`;
    return url.toString();
  };
  const admin = async (statement: string) => {
    const client = new pg.Client({ connectionString: adminUrl });
    await client.connect();
    try {
      await client.query(statement);
    } finally {
      await client.end();
    }
  };

  beforeAll(async () => {
    await admin(`CREATE DATABASE ${name}`);
    // The role may not exist yet on a fresh server: the first migration (as the owner) creates it.
    await admin(`DO $$ BEGIN CREATE ROLE ${APP_ROLE} NOLOGIN; EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$`);
    await admin(`CREATE ROLE ${member} LOGIN IN ROLE ${APP_ROLE}`);
  });
  afterAll(async () => {
    await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin(`DROP ROLE IF EXISTS ${member}`);
  });

  it('stops with a clear message when the member must migrate a fresh database itself', async () => {
    const server = startServerProcess({ DATABASE_URL: urlOf(member), DATA_DIR: '/nonexistent', CONTENT_DIR: 'content', ROLE: 'web' });
    const { code } = await server.exited;
    expect(code).toBe(1);
    expect(server.stderr()).toContain('set MIGRATION_DATABASE_URL to the schema owner');
  });

  it('migrates as the owner, then serves as the member (with or without the owner’s URL), which cannot change audit rows', async () => {
    const server = startServerProcess({ DATABASE_URL: urlOf(member), MIGRATION_DATABASE_URL: urlOf(new URL(adminUrl).username), DATA_DIR: '/nonexistent', CONTENT_DIR: 'content', ROLE: 'web' });
    try {
      const base = await server.ready(60_000);
      expect((await fetch(`${base}/readyz`)).status).toBe(200);
      expect((await fetch(`${base}/en/staff`)).status).toBe(200);
    } finally {
      server.kill();
      await server.exited;
    }
    // Once migrated, a process with only the member's DATABASE_URL starts too (nothing pending: it only reads the schema).
    const web = startServerProcess({ DATABASE_URL: urlOf(member), DATA_DIR: '/nonexistent', CONTENT_DIR: 'content', ROLE: 'web' });
    try {
      expect((await fetch(`${await web.ready(60_000)}/readyz`)).status).toBe(200);
    } finally {
      web.kill();
      await web.exited;
    }
    const client = new pg.Client({ connectionString: urlOf(member) });
    await client.connect();
    try {
      await client.query(`INSERT INTO audit_log (at, action, entity) VALUES (now(), 'staff.sign_in_failed', 'staff_user')`);
      await expect(client.query('DELETE FROM audit_log')).rejects.toMatchObject({ code: '42501' });
      await expect(client.query('ALTER TABLE audit_log DISABLE TRIGGER ALL')).rejects.toMatchObject({ code: '42501' });
      // The content the owner's start-up loaded is readable; the member owns no table.
      const { rows } = await client.query(`SELECT count(*)::int AS n FROM pg_tables WHERE schemaname = 'public' AND tableowner = $1`, [member]);
      expect(rows[0].n).toBe(0);
    } finally {
      await client.end();
    }
  });
});
