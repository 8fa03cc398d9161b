/**
 * The audit log: one append-only row per change a person makes (who, what, when, before/after). It is written with
 * the same transaction handle as the change itself, so a change and its record commit or roll back together; the
 * table's trigger refuses UPDATE and DELETE, so a row, once written, stays as it was.
 */
import type { ColumnType, Generated, Kysely } from 'kysely';

export interface AuditLogTable {
  id: Generated<string>;
  at: ColumnType<Date, Date, never>;
  actor_id: string | null;
  action: string;
  entity: string;
  entity_id: string | null;
  before: ColumnType<unknown, string | null, never>;
  after: ColumnType<unknown, string | null, never>;
  request_id: string | null;
}

export type AuditTables = {
  audit_log: AuditLogTable;
};

export interface AuditEntry {
  at: Date;
  /** The staff user who acted; null for the system or a not-yet-identified person (a failed sign-in). */
  actor: string | null;
  /** Dotted verb in the past tense: `staff.signed_in`, `staff.password_set`. */
  action: string;
  entity: string;
  entityId?: string | null;
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
  requestId?: string | null;
}

/** Appends one audit row. Pass the transaction the change runs in (any Kysely whose schema has audit_log). */
export async function recordAudit<DB extends AuditTables>(trx: Kysely<DB>, entry: AuditEntry): Promise<void> {
  const db = trx as unknown as Kysely<AuditTables>;
  await db
    .insertInto('audit_log')
    .values({
      at: entry.at,
      actor_id: entry.actor,
      action: entry.action,
      entity: entry.entity,
      entity_id: entry.entityId ?? null,
      before: entry.before ? JSON.stringify(entry.before) : null,
      after: entry.after ? JSON.stringify(entry.after) : null,
      // The id may come from a client's X-Request-Id header: kept, but bounded.
      request_id: entry.requestId?.slice(0, 200) ?? null,
    })
    .execute();
}
