import { sql, type Kysely } from 'kysely';

/**
 * Background jobs for the worker role (src/platform/jobs): one row per job, taken with `FOR UPDATE SKIP LOCKED`
 * so several workers never run the same job. A job is inserted in the transaction of the change that asks for it,
 * so it exists only if that change committed.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('jobs')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`length(kind) BETWEEN 1 AND 100`))
    .addColumn('payload', 'jsonb', (c) => c.notNull())
    .addColumn('run_at', 'timestamptz', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0).check(sql`attempts >= 0`))
    .addColumn('max_attempts', 'integer', (c) => c.notNull().defaultTo(8).check(sql`max_attempts >= 1`))
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('queued').check(sql`status IN ('queued', 'running', 'done', 'dead')`))
    .addColumn('last_error', 'text')
    .addColumn('locked_by', 'text')
    .addColumn('locked_at', 'timestamptz')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('done_at', 'timestamptz')
    .addCheckConstraint('jobs_running_is_locked', sql`status <> 'running' OR (locked_by IS NOT NULL AND locked_at IS NOT NULL)`)
    .execute();
  // The worker's two questions: which queued jobs are due, and which running jobs' leases have expired.
  await db.schema.createIndex('jobs_queued_run_at').on('jobs').column('run_at').where(sql.ref('status'), '=', 'queued').execute();
  await db.schema.createIndex('jobs_running_locked_at').on('jobs').column('locked_at').where(sql.ref('status'), '=', 'running').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('jobs').execute();
}
