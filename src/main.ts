/**
 * Start-up: config → database → migrations → content (first start) → read model → listen.
 *
 * SIGTERM/SIGINT always end the process: after start-up they close gracefully (stop accepting, finish requests in
 * flight, close the database); during start-up they stop it where it is (say, waiting for an unreachable database);
 * either way within SHUTDOWN_TIMEOUT_MS. Start-up failures are reported in one clear message and exit 1.
 */
import { performance } from 'node:perf_hooks';
import type { FastifyInstance } from 'fastify';
import { pino } from 'pino';
import { buildApp, workerContributions } from './app.js';
import { ConfigError, loadConfig, type Config } from './config.js';
import { describeDatabaseUrl, openDatabase, pingDatabase, type Db } from './platform/db/database.js';
import { DataDirLockedError } from './platform/db/data-dir-lock.js';
import { migrateAsOwner } from './platform/db/migrate.js';
import { ContentRemovalError, ContentService, ContentValidationError, loadContentDirectory } from './modules/content/index.js';
import type { JobWorker } from './platform/jobs/index.js';
import { createWorker } from './platform/jobs/start-worker.js';
import { systemClock } from './platform/clock.js';

const started = performance.now();
let config: Config;
try {
  config = loadConfig();
} catch (error) {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
}

let phase = 'opening the database';
let db: Db | null = null;
let content: ContentService | null = null;
let app: FastifyInstance | null = null;
/** The job loop (ROLE=worker or all) and what closes its mail transport. */
let worker: { worker: JobWorker; close(): void } | null = null;
let running = false;
let stopping = false;

const databaseName = config.DATABASE_URL ? `PostgreSQL at ${describeDatabaseUrl(config.DATABASE_URL)}` : `the embedded database in ${config.DATA_DIR}`;

/** Errors of pooled connections: to the app's log once it exists, to stderr before. */
function logConnectionError(error: Error): void {
  const message = 'database connection lost (the next query reconnects)';
  if (app) app.log.error({ err: error }, message);
  else console.error(`${message}: ${error.message}`);
}

async function closeDatabase(limitMs: number): Promise<void> {
  if (!db) return;
  const closing = db.destroy().catch((error: unknown) => console.error(`closing the database failed: ${String(error)}`));
  await Promise.race([closing, new Promise((resolve) => setTimeout(resolve, limitMs).unref())]);
}

async function shutdown(signal: string): Promise<void> {
  if (stopping) {
    console.error(`${signal} again: exiting at once`);
    process.exit(1);
  }
  stopping = true;
  // Whatever hangs (a request, the database), the process ends.
  setTimeout(() => {
    console.error(`${signal}: shutdown did not finish within SHUTDOWN_TIMEOUT_MS=${config.SHUTDOWN_TIMEOUT_MS} ms; exiting`);
    process.exit(1);
  }, config.SHUTDOWN_TIMEOUT_MS).unref();
  if (!running) {
    console.error(`${signal} during start-up while ${phase} (${databaseName}): stopping before the server was ready`);
    content?.stopPolling();
    // A query waiting for an unreachable database would hold the close up to its timeouts: do not wait for it long.
    await closeDatabase(Math.min(1000, config.SHUTDOWN_TIMEOUT_MS / 2));
    process.exit(1);
  }
  app?.log.info(`${signal}: closing`);
  content?.stopPolling();
  // The worker takes no new job and finishes the one in progress while the HTTP server drains.
  const workerStopped = worker?.worker.stop().catch((error: unknown) => console.error(`stopping the job worker failed: ${String(error)}`));
  try {
    // close() stops accepting connections and waits for requests in flight.
    await app?.close();
  } catch (error) {
    console.error(`closing the HTTP server failed: ${String(error)}`);
  }
  await workerStopped;
  worker?.close();
  await closeDatabase(config.SHUTDOWN_TIMEOUT_MS);
  process.exit(0);
}
process.on('SIGTERM', () => void shutdown('SIGTERM'));
process.on('SIGINT', () => void shutdown('SIGINT'));

class StartupError extends Error {}

async function start(): Promise<void> {
  // With PGlite, a second process on the same DATA_DIR stops here, naming the process that has it open.
  db = await openDatabase({
    databaseUrl: config.DATABASE_URL,
    dataDir: config.DATA_DIR,
    connectTimeoutMs: config.DATABASE_CONNECT_TIMEOUT_MS,
    statementTimeoutMs: config.DATABASE_STATEMENT_TIMEOUT_MS,
    pingTimeoutMs: config.READINESS_TIMEOUT_MS,
    onConnectionError: logConnectionError,
  });
  phase = 'connecting to the database';
  try {
    // The connect timeout bounds this; the extra second covers the `select 1` itself.
    await pingDatabase(db, config.DATABASE_CONNECT_TIMEOUT_MS + 1000);
  } catch (error) {
    throw new StartupError(
      `Cannot reach ${databaseName}: ${error instanceof Error ? error.message : String(error)}\n` +
        `Check DATABASE_URL and that the database server runs and accepts connections from this host ` +
        `(DATABASE_CONNECT_TIMEOUT_MS=${config.DATABASE_CONNECT_TIMEOUT_MS}).`,
    );
  }
  phase = config.MIGRATION_DATABASE_URL ? `migrating the database as ${describeDatabaseUrl(config.MIGRATION_DATABASE_URL)}` : 'migrating the database';
  try {
    await migrateAsOwner(db, config.MIGRATION_DATABASE_URL, { connectTimeoutMs: config.DATABASE_CONNECT_TIMEOUT_MS, statementTimeoutMs: config.DATABASE_STATEMENT_TIMEOUT_MS, onConnectionError: logConnectionError });
  } catch (error) {
    // A least-privilege DATABASE_URL (README "Production") may read the schema but not change it.
    if (!config.MIGRATION_DATABASE_URL && /permission denied|must be owner/.test(String(error))) {
      throw new StartupError(`${String(error)}\nThe DATABASE_URL user may not change the schema: set MIGRATION_DATABASE_URL to the schema owner's connection (README "Production").`);
    }
    throw error;
  }
  if (config.ROLE === 'worker') {
    // No HTTP, no content: only the job loop.
    const log = pino({ level: config.LOG_LEVEL });
    worker = createWorker(config, db, log.child({ component: 'worker' }), undefined, workerContributions({ config, db, clock: systemClock }));
    if (stopping) return;
    worker.worker.start();
    running = true;
    log.info(`worker ${worker.worker.id} ready in ${Math.round(performance.now() - started)} ms (ROLE=worker, no HTTP)`);
    return;
  }
  phase = 'loading content';
  try {
    // Loads only when the files differ from the latest loaded version, so restarts stay fast.
    await loadContentDirectory(db, config.CONTENT_DIR);
  } catch (error) {
    if (!(error instanceof ContentRemovalError)) throw error;
    // Files missing items the database holds (a deleted file or folder): keep serving what is loaded.
    console.error(`${error.message}\nStarting with the content already loaded.`);
  }
  phase = 'reading content';
  content = new ContentService(db);
  await content.refresh();
  phase = 'starting the HTTP server';
  app = await buildApp(config, { db, content });
  const service = content;
  const log = app.log;
  // While the database is down every poll fails: log the first failure, then at most one line a minute.
  let failures = 0;
  let lastLogged = 0;
  service.startPolling(config.CONTENT_POLL_MS, (error) => {
    failures += 1;
    if (Date.now() - lastLogged < 60_000) return;
    lastLogged = Date.now();
    log.error({ err: error, failuresSinceLastLog: failures }, 'content refresh failed');
    failures = 0;
  });
  if (stopping) return;
  const address = await app.listen({ port: config.PORT, host: config.HOST });
  if (config.ROLE === 'all') {
    worker = createWorker(config, db, log.child({ component: 'worker' }), undefined, workerContributions({ config, db, clock: systemClock }));
    worker.worker.start();
  }
  running = true;
  app.log.info(`ready in ${Math.round(performance.now() - started)} ms at ${address} (content version ${service.store.version}, ROLE=${config.ROLE})`);
}

try {
  await start();
} catch (error) {
  // A signal during start-up makes pending queries fail: shutdown() reports and exits.
  if (!stopping) {
    stopping = true;
    if (error instanceof StartupError || error instanceof DataDirLockedError || error instanceof ContentValidationError) {
      console.error(error.message);
    } else {
      console.error(`Start-up failed while ${phase} (${databaseName}):`, error);
    }
    (content as ContentService | null)?.stopPolling();
    await closeDatabase(2000);
    process.exit(1);
  }
}
