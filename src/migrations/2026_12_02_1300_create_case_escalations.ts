import { sql, type Kysely } from 'kysely';

/**
 * What the deadline watch has sent: one row per case, level and due instant. The unique key makes the watch
 * idempotent across workers and restarts (a warning is sent once per due date; a new due date after an extension
 * or a reopening warns again).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE case_escalations (
      case_id uuid NOT NULL REFERENCES cases (id),
      level text NOT NULL CHECK (level IN ('due_soon', 'overdue', 'escalated')),
      due_at timestamptz NOT NULL,
      sent_at timestamptz NOT NULL,
      recipients integer NOT NULL CHECK (recipients >= 0),
      PRIMARY KEY (case_id, level, due_at)
    )`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE case_escalations`.execute(db);
}
