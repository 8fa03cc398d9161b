import { sql, type Kysely } from 'kysely';

/**
 * Staff identity and access: accounts with a role and a scope, server-side sessions, one-time set-password tokens,
 * failed sign-ins (for throttling) and the append-only audit log. Every rule the database can hold is a CHECK here,
 * so a wrong row cannot be written by any path (script, page or a future import).
 */
const ROLES = ['admin', 'municipal_coordinator', 'acceptance_agent', 'district_officer', 'department_handler', 'project_commissioner', 'content_editor', 'viewer'];
/** The 16 districts and the Beijing Economic-Technological Development Area (content/districts). */
const DISTRICTS = ['dongcheng', 'xicheng', 'chaoyang', 'haidian', 'fengtai', 'shijingshan', 'mentougou', 'fangshan', 'tongzhou', 'shunyi', 'daxing', 'changping', 'pinggu', 'huairou', 'miyun', 'yanqing', 'bda'];

const list = (values: string[]) => sql.raw(values.map((v) => `'${v}'`).join(', '));

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('staff_users')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('email', 'text', (c) => c.notNull().unique().check(sql`email = lower(email) AND email LIKE '%_@_%'`))
    .addColumn('name', 'text', (c) => c.notNull().check(sql`length(name) BETWEEN 1 AND 200`))
    // Null until the person follows their set-password link: an account never has a default password.
    .addColumn('password_hash', 'text')
    .addColumn('role', 'text', (c) => c.notNull().check(sql`role IN (${list(ROLES)})`))
    .addColumn('district_id', 'text', (c) => c.check(sql`district_id IN (${list(DISTRICTS)})`))
    .addColumn('department', 'text', (c) => c.check(sql`length(department) BETWEEN 1 AND 200`))
    .addColumn('disabled_at', 'timestamptz')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addCheckConstraint('staff_users_district_officer_has_district', sql`role <> 'district_officer' OR district_id IS NOT NULL`)
    .addCheckConstraint('staff_users_department_handler_has_department', sql`role <> 'department_handler' OR department IS NOT NULL`)
    .execute();

  await db.schema
    .createTable('staff_sessions')
    // SHA-256 of the cookie's random token: a leaked table does not give anyone a usable session.
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'uuid', (c) => c.notNull().references('staff_users.id').onDelete('cascade'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('last_seen_at', 'timestamptz', (c) => c.notNull())
    .addColumn('expires_at', 'timestamptz', (c) => c.notNull())
    .addColumn('ip', 'text')
    .addColumn('user_agent', 'text')
    .execute();
  await db.schema.createIndex('staff_sessions_user_id').on('staff_sessions').column('user_id').execute();

  await db.schema
    .createTable('staff_tokens')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'uuid', (c) => c.notNull().references('staff_users.id').onDelete('cascade'))
    .addColumn('purpose', 'text', (c) => c.notNull().check(sql`purpose IN ('set_password')`))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('expires_at', 'timestamptz', (c) => c.notNull())
    .addColumn('used_at', 'timestamptz')
    .execute();
  await db.schema.createIndex('staff_tokens_user_id').on('staff_tokens').column('user_id').execute();

  // Failed sign-ins, by the address typed (even one with no account) and by client address, for throttling.
  await db.schema
    .createTable('staff_sign_in_failures')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    .addColumn('at', 'timestamptz', (c) => c.notNull())
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('ip', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('staff_sign_in_failures_email_at').on('staff_sign_in_failures').columns(['email', 'at']).execute();
  await db.schema.createIndex('staff_sign_in_failures_ip_at').on('staff_sign_in_failures').columns(['ip', 'at']).execute();

  await db.schema
    .createTable('audit_log')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    .addColumn('at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    // No foreign key: the log must outlive whatever it names, and a cascading change would be an UPDATE/DELETE here.
    .addColumn('actor_id', 'uuid')
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('entity', 'text', (c) => c.notNull())
    .addColumn('entity_id', 'text')
    .addColumn('before', 'jsonb')
    .addColumn('after', 'jsonb')
    .addColumn('request_id', 'text')
    .execute();
  await db.schema.createIndex('audit_log_entity').on('audit_log').columns(['entity', 'entity_id']).execute();
  // Append-only: the trigger refuses every UPDATE, DELETE and TRUNCATE, whoever asks (PGlite and PostgreSQL alike).
  await sql`
    CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      RAISE EXCEPTION 'audit_log is append-only: % is not allowed', TG_OP;
    END
    $$`.execute(db);
  await sql`CREATE TRIGGER audit_log_no_update_delete BEFORE UPDATE OR DELETE ON audit_log FOR EACH ROW EXECUTE FUNCTION audit_log_append_only()`.execute(db);
  await sql`CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only()`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('audit_log').execute();
  await sql`DROP FUNCTION audit_log_append_only()`.execute(db);
  await db.schema.dropTable('staff_sign_in_failures').execute();
  await db.schema.dropTable('staff_tokens').execute();
  await db.schema.dropTable('staff_sessions').execute();
  await db.schema.dropTable('staff_users').execute();
}
