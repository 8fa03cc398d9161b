import { sql, type Kysely } from 'kysely';

/**
 * Indexes for the staff workbench (src/modules/cases/workbench.queries.ts), measured with 100,000 cases
 * (bench/cases-scale.ts): the list sorted by due date reads the first page from an index instead of sorting the
 * whole scope, and the "mine" queue finds a person's cases (units they signed for, cases they accepted) by their id
 * instead of probing every open case's units and timeline.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE INDEX cases_due_reference ON cases (due_at, reference)`.execute(db);
  await sql`CREATE INDEX case_units_handler ON case_units (handler_id) WHERE returned_at IS NULL`.execute(db);
  await sql`CREATE INDEX case_events_actor_action ON case_events (actor_id, action) WHERE actor_id IS NOT NULL`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP INDEX case_events_actor_action`.execute(db);
  await sql`DROP INDEX case_units_handler`.execute(db);
  await sql`DROP INDEX cases_due_reference`.execute(db);
}
