import { sql, type Kysely } from 'kysely';

/**
 * Open311 GeoReport v2 clients: each partner application that files service requests on an enterprise's behalf has
 * its own API key. Only the key's SHA-256 is kept (the key is 256 random bits, shown once by
 * `npm run open311:create-client`), so a leaked table files nothing; a disabled client's key stops working at once.
 *
 * The token index: `GET /open311/v2/tokens/{token}` finds a case by its tracking token alone (the token is handed to
 * the client once in the POST answer), so the token's hash needs an index of its own; the cases table has none because
 * every other read goes by reference first.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE open311_clients (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
      key_hash text NOT NULL UNIQUE CHECK (key_hash ~ '^[0-9a-f]{64}$'),
      created_at timestamptz NOT NULL,
      disabled_at timestamptz
    )`.execute(db);
  await sql`CREATE INDEX cases_token_hash ON cases (token_hash)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP INDEX cases_token_hash`.execute(db);
  await sql`DROP TABLE open311_clients`.execute(db);
}
