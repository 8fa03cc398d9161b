import { sql, type Kysely } from 'kysely';

/**
 * The web form's count of cases filed per client address, shared by every web process (an in-memory window would
 * let each of N processes accept the limit again). A row is written only when a case is filed, holds no reference to
 * the case (so an anonymous request cannot be tied back to an address through it) and keeps the address only as a
 * SHA-256 (IPv6 by its /64 prefix); rows older than a day are deleted as new ones are written.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE case_submission_addresses (
      at timestamptz NOT NULL,
      address_key text NOT NULL CHECK (address_key ~ '^[0-9a-f]{64}$')
    )`.execute(db);
  await sql`CREATE INDEX case_submission_addresses_key ON case_submission_addresses (address_key, at)`.execute(db);
  await sql`CREATE INDEX case_submission_addresses_at ON case_submission_addresses (at)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE case_submission_addresses`.execute(db);
}
