import { sql, type Kysely } from 'kysely';

/**
 * Least privilege for the audit log: "the database role used by the app cannot update or delete audit rows". The
 * trigger of 2026_12_01_0400 refuses UPDATE, DELETE and TRUNCATE whoever asks, but the table's owner may drop or
 * disable a trigger. So production runs the app as a member of `invest_app`, a NOLOGIN role that owns nothing: it may
 * read and write every table, but on the append-only tables (audit_log, the cases' timeline: every table guarded by an
 * `…_append_only` trigger function) only SELECT and INSERT (and their sequences), so UPDATE, DELETE, TRUNCATE,
 * ALTER TABLE … DISABLE TRIGGER and DROP TRIGGER fail with a permission error before any trigger runs. Migrations
 * keep running as the owner (MIGRATION_DATABASE_URL, README "Production").
 *
 * Roles belong to the whole server, not to one database: the role is created only when it is absent and the
 * migrating user may create roles; otherwise the migration says so and grants nothing (it runs only once, so on a
 * server where an operator must create the role, the README lists the statements to run by hand). PGlite runs
 * everything as its one superuser; the role and grants exist there too (the same SQL), but the app never connects as
 * it, so on PGlite the trigger is the protection.
 *
 * Tables that later migrations create get the same grants through ALTER DEFAULT PRIVILEGES (objects the migrating
 * user creates in this schema); a later append-only table must `REVOKE UPDATE, DELETE, TRUNCATE … FROM invest_app`
 * in its own migration (test/audit-app-role.test.ts checks every append-only table).
 */
export const APP_ROLE = 'invest_app';

export async function up(db: Kysely<unknown>): Promise<void> {
  const { rows } = await sql<{ exists: boolean; may_create: boolean; me: string; schema: string }>`
    SELECT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = ${APP_ROLE}) AS exists,
      (SELECT rolsuper OR rolcreaterole FROM pg_roles WHERE rolname = current_user) AS may_create,
      current_user AS me, current_schema() AS schema`.execute(db);
  const { exists, may_create: mayCreate, me, schema } = rows[0];
  if (!exists && !mayCreate) {
    console.warn(`Migration create_app_role: ${me} may not create roles, so the role ${APP_ROLE} was not created and nothing was granted. See README "Production" for the statements to run as a role administrator.`);
    return;
  }
  if (!exists) {
    // Two migrations running at once on one server (two databases) may both find it absent.
    await sql`DO $$ BEGIN CREATE ROLE invest_app NOLOGIN; EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$`.execute(db);
  }
  const role = sql.id(APP_ROLE);
  const inSchema = sql.id(schema);
  await sql`GRANT USAGE ON SCHEMA ${inSchema} TO ${role}`.execute(db);
  await sql`GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA ${inSchema} TO ${role}`.execute(db);
  await sql`GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA ${inSchema} TO ${role}`.execute(db);
  for (const table of await appendOnlyTables(db, schema)) {
    await sql`REVOKE UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER ON ${sql.id(schema, table)} FROM ${role}`.execute(db);
  }
  // The migrator's own tables: the app reads them at start (nothing pending: no write, no lock row change); only the
  // owner records a migration.
  await sql`REVOKE INSERT, UPDATE, DELETE ON kysely_migration, kysely_migration_lock FROM ${role}`.execute(db);
  await sql`ALTER DEFAULT PRIVILEGES IN SCHEMA ${inSchema} GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO ${role}`.execute(db);
  await sql`ALTER DEFAULT PRIVILEGES IN SCHEMA ${inSchema} GRANT USAGE, SELECT ON SEQUENCES TO ${role}`.execute(db);
}

/** Tables with a trigger whose function is named `…_append_only` (audit_log_append_only, case_events_append_only). */
export async function appendOnlyTables(db: Kysely<unknown>, schema: string): Promise<string[]> {
  const { rows } = await sql<{ table: string }>`
    SELECT DISTINCT c.relname AS table
    FROM pg_trigger tg
    JOIN pg_class c ON c.oid = tg.tgrelid
    JOIN pg_namespace n ON n.oid = c.relnamespace
    JOIN pg_proc p ON p.oid = tg.tgfoid
    WHERE NOT tg.tgisinternal AND n.nspname = ${schema} AND right(p.proname, 12) = '_append_only'
    ORDER BY 1`.execute(db);
  return rows.map((r) => r.table);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  const { rows } = await sql<{ exists: boolean; schema: string }>`SELECT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = ${APP_ROLE}) AS exists, current_schema() AS schema`.execute(db);
  if (!rows[0].exists) return;
  const role = sql.id(APP_ROLE);
  const inSchema = sql.id(rows[0].schema);
  // The role itself stays: other databases on the server may use it.
  await sql`ALTER DEFAULT PRIVILEGES IN SCHEMA ${inSchema} REVOKE ALL ON TABLES FROM ${role}`.execute(db);
  await sql`ALTER DEFAULT PRIVILEGES IN SCHEMA ${inSchema} REVOKE ALL ON SEQUENCES FROM ${role}`.execute(db);
  await sql`REVOKE ALL ON ALL TABLES IN SCHEMA ${inSchema} FROM ${role}`.execute(db);
  await sql`REVOKE ALL ON ALL SEQUENCES IN SCHEMA ${inSchema} FROM ${role}`.execute(db);
  await sql`REVOKE USAGE ON SCHEMA ${inSchema} FROM ${role}`.execute(db);
}
