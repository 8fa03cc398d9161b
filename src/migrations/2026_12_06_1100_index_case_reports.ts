import { sql, type Kysely } from 'kysely';

/**
 * Indexes for the service line's reports (src/modules/cases/dashboard.queries.ts), so the dashboard reads only the
 * cases of its period, not the whole table, at 100,000 cases and more:
 *  - "accepted in the period" compares `accepted_at`;
 *  - "answered in the period" compares the answer instant of a finished case, `coalesce(replied_at, closed_at)` for
 *    the statuses rejected, replied and closed. The index holds exactly that expression for exactly those rows; the
 *    queries repeat both verbatim, which is what lets the planner use a partial expression index.
 * The counts group by district, topic, kind and unit, which a case row holds among wide columns (the description,
 * the search vector): the indexes of the two largest sets — received in the period, open now — carry those columns
 * (INCLUDE), so PostgreSQL can count from the index alone (an index-only scan) instead of visiting a heap page per
 * case. A case's row is updated on every action, so the pages of busy cases are read anyway until VACUUM has seen them.
 */
const OPEN = `'submitted', 'needs_materials', 'accepted', 'dispatched', 'signed_for', 'in_progress', 'extension_requested', 'reply_drafted'`;

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE INDEX cases_accepted_at ON cases (accepted_at) INCLUDE (district_id, topic_id, kind, fie_complaint) WHERE accepted_at IS NOT NULL`.execute(db);
  await sql`
    CREATE INDEX cases_answered_at ON cases ((coalesce(replied_at, closed_at)))
    WHERE status IN ('rejected', 'replied', 'closed')`.execute(db);
  await sql`CREATE INDEX cases_submitted_report ON cases (submitted_at) INCLUDE (district_id, topic_id, kind, fie_complaint)`.execute(db);
  await sql`
    CREATE INDEX cases_open_report ON cases (status, due_at)
    INCLUDE (lead_department_id, district_id, topic_id, kind, fie_complaint, replied_at, closed_at)
    WHERE status IN (${sql.raw(OPEN)})`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP INDEX cases_open_report`.execute(db);
  await sql`DROP INDEX cases_submitted_report`.execute(db);
  await sql`DROP INDEX cases_answered_at`.execute(db);
  await sql`DROP INDEX cases_accepted_at`.execute(db);
}
