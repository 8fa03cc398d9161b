/**
 * Opens the database: PGlite (embedded PostgreSQL) by default, PostgreSQL when DATABASE_URL is set.
 * Both speak the same SQL, so everything above this file is identical for the two.
 *
 * PostgreSQL connections can drop at any time (a restarted server, `pg_terminate_backend`, a cut network): the pool
 * logs such errors instead of crashing the process (an 'error' event without a listener would), drops the broken
 * connection and opens a new one for the next query. Connecting and every statement are bounded in time, and
 * `pingDatabase` (used by /readyz) answers within its own timeout however the database behaves.
 */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { Kysely, PostgresDialect, sql } from 'kysely';
import type { Database } from './schema.js';
import { acquireDataDirLock, releaseOnDestroy, type DataDirLock } from './data-dir-lock.js';

export type Db = Kysely<Database>;

/** Defaults of the timeouts, the same as config.ts's (scripts and tests that pass none get these). */
export const DATABASE_DEFAULTS = { connectTimeoutMs: 5000, statementTimeoutMs: 30_000, pingTimeoutMs: 2000 } as const;

export interface DatabaseOptions {
  databaseUrl?: string;
  /** Folder for PGlite's files; `memory://` keeps an embedded database in memory (tests). */
  dataDir: string;
  /** PostgreSQL: milliseconds to open a connection (TCP, TLS, authentication). */
  connectTimeoutMs?: number;
  /** PostgreSQL: milliseconds a statement may run before the server cancels it (`statement_timeout`). */
  statementTimeoutMs?: number;
  /** Default timeout of `pingDatabase` for this database (/readyz). */
  pingTimeoutMs?: number;
  /**
   * Called when a pooled PostgreSQL connection fails outside a query (dropped while idle or between the queries of a
   * transaction). The connection is discarded; the next query opens a new one. Default: a line on stderr.
   */
  onConnectionError?: (error: Error) => void;
}

const pingTimeouts = new WeakMap<object, number>();

export class DatabaseTimeoutError extends Error {
  constructor(
    readonly timeoutMs: number,
    message = `the database did not answer within ${timeoutMs} ms`,
  ) {
    super(message);
    this.name = 'DatabaseTimeoutError';
  }
}

/**
 * `select 1`, bounded by `timeoutMs` (default: the database's `pingTimeoutMs`): resolves when the database answers,
 * rejects with its error, or with DatabaseTimeoutError when it does not answer in time (a query left running then
 * ends with the connection or statement timeout).
 */
export async function pingDatabase(db: Db, timeoutMs = pingTimeouts.get(db) ?? DATABASE_DEFAULTS.pingTimeoutMs): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const query = sql`select 1`.execute(db);
  query.catch(() => undefined); // may reject after the timeout won
  try {
    await Promise.race([
      query,
      new Promise<never>((_resolve, reject) => {
        timer = setTimeout(() => reject(new DatabaseTimeoutError(timeoutMs)), timeoutMs);
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
}

/** The connection string without its password, for messages and logs. */
export function describeDatabaseUrl(databaseUrl: string): string {
  try {
    const url = new URL(databaseUrl);
    if (url.password) url.password = '***';
    return url.toString();
  } catch {
    return '(unparsable DATABASE_URL)';
  }
}

export async function openDatabase(options: DatabaseOptions): Promise<Db> {
  const db = options.databaseUrl ? await openPostgres(options.databaseUrl, options) : await openPglite(options);
  pingTimeouts.set(db, options.pingTimeoutMs ?? DATABASE_DEFAULTS.pingTimeoutMs);
  return db;
}

/**
 * A `date` column is a civil date (a day in Beijing, "2026-12-01"), not an instant: both drivers would otherwise turn
 * it into a Date at midnight of the server's (pg) or UTC's (PGlite) time zone, a day off on one side of the world.
 */
const DATE_OID = 1082;
const civilDate = (value: string): string => value;

async function openPostgres(databaseUrl: string, options: DatabaseOptions): Promise<Db> {
  const { default: pg } = await import('pg');
  const onConnectionError =
    options.onConnectionError ??
    ((error: Error) => console.error(`PostgreSQL connection error (connection dropped; the next query reconnects): ${error.message}`));
  const statementTimeoutMs = options.statementTimeoutMs ?? DATABASE_DEFAULTS.statementTimeoutMs;
  // timestamptz values come back as Date; bigint counts as strings are parsed where used; a civil date as its text.
  const pool = new pg.Pool({
    connectionString: databaseUrl,
    types: { getTypeParser: (oid: number, format?: 'text' | 'binary') => (oid === DATE_OID ? civilDate : pg.types.getTypeParser(oid, format as 'text')) } as typeof pg.types,
    max: 10,
    connectionTimeoutMillis: options.connectTimeoutMs ?? DATABASE_DEFAULTS.connectTimeoutMs,
    statement_timeout: statementTimeoutMs,
    // Notices a peer that vanished without closing the connection (a cut network) on idle connections too.
    keepAlive: true,
    keepAliveInitialDelayMillis: 10_000,
    idleTimeoutMillis: 30_000,
  });
  // Every client gets its own listener for its whole life: the pool listens only while a client is idle, and an error
  // on a checked-out client between queries (inside a transaction) would otherwise be an unhandled 'error' event.
  // A broken client is not reused: the pool drops it when it is released (or at once when idle).
  pool.on('connect', (client) => {
    client.on('error', onConnectionError);
    guardQueries(client, statementTimeoutMs + QUERY_GRACE_MS, onConnectionError);
  });
  // The pool re-emits an idle client's error here; the client's own listener above has logged it already.
  pool.on('error', () => undefined);
  return new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
}

/** How long past the statement timeout a query may go unanswered before its connection is presumed dead. */
const QUERY_GRACE_MS = 2000;

type PgClient = import('pg').PoolClient & { connection?: { stream?: { destroy(): void } } };

/**
 * The server cancels a statement after `statement_timeout`, but only a server that is still there: over a dead link
 * (no reset, no answer) a query would wait for the operating system's TCP timeout, holding its pooled connection. So a
 * query with no answer `limitMs` after it was sent closes its connection: the query fails, the pool drops the client
 * and the next query opens a new one. (pg's own `query_timeout` fails the query but leaves the connection busy.)
 */
function guardQueries(client: import('pg').PoolClient, limitMs: number, onTimeout: (error: Error) => void): void {
  const query = client.query.bind(client) as (...args: unknown[]) => unknown;
  (client as unknown as { query: (...args: unknown[]) => unknown }).query = (...args: unknown[]) => {
    const result = query(...args);
    if (!(result instanceof Promise)) return result; // callback and submittable forms: not used through Kysely
    const timer = setTimeout(() => {
      onTimeout(new DatabaseTimeoutError(limitMs, `no answer to a query within ${limitMs} ms: closing its connection`));
      (client as PgClient).connection?.stream?.destroy();
    }, limitMs);
    timer.unref();
    return result.finally(() => clearTimeout(timer));
  };
}

async function openPglite(options: DatabaseOptions): Promise<Db> {
  const { PGlite } = await import('@electric-sql/pglite');
  const { PGliteDialect } = await import('kysely-pglite-dialect');
  let location = options.dataDir;
  let lock: DataDirLock | null = null;
  if (!location.startsWith('memory://')) {
    location = path.resolve(options.dataDir, 'pglite');
    // PGlite does not create missing parent folders.
    await mkdir(path.dirname(location), { recursive: true });
    // One process per folder: throws DataDirLockedError naming the process that has it open.
    lock = await acquireDataDirLock(`${location}.lock`);
  }
  let pglite: Awaited<ReturnType<typeof PGlite.create>>;
  try {
    pglite = await PGlite.create(location, { parsers: { [DATE_OID]: civilDate } });
  } catch (error) {
    lock?.release();
    throw error;
  }
  return releaseOnDestroy(new Kysely<Database>({ dialect: new PGliteDialect(pglite) }), async () => {
    if (!pglite.closed) await pglite.close();
    lock?.release();
  });
}
