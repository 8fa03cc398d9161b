/** Start-up: config → database → migrations → content (first start) → read model → listen. */
import { performance } from 'node:perf_hooks';
import { buildApp } from './app.js';
import { ConfigError, loadConfig } from './config.js';
import { openDatabase } from './platform/db/database.js';
import { DataDirLockedError } from './platform/db/data-dir-lock.js';
import { migrateToLatest } from './platform/db/migrate.js';
import { ContentRemovalError, ContentService, ContentValidationError, loadContentDirectory } from './modules/content/index.js';

const started = performance.now();
let config;
try {
  config = loadConfig();
} catch (error) {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
}

// With PGlite, a second process on the same DATA_DIR stops here, naming the process that has it open.
const db = await openDatabase({ databaseUrl: config.DATABASE_URL, dataDir: config.DATA_DIR }).catch((error: unknown) => {
  console.error(error instanceof DataDirLockedError ? error.message : error);
  process.exit(1);
});
await migrateToLatest(db);
try {
  // Loads only when the files differ from the latest loaded version, so restarts stay fast.
  await loadContentDirectory(db, config.CONTENT_DIR);
} catch (error) {
  if (error instanceof ContentRemovalError) {
    // Files missing items the database holds (a deleted file or folder): keep serving what is loaded.
    console.error(`${error.message}\nStarting with the content already loaded.`);
  } else {
    console.error(error instanceof ContentValidationError ? error.message : error);
    await db.destroy();
    process.exit(1);
  }
}
const content = new ContentService(db);
await content.refresh();
const app = await buildApp(config, { db, content });
content.startPolling(config.CONTENT_POLL_MS, (error) => app.log.error({ err: error }, 'content refresh failed'));
await app.listen({ port: config.PORT, host: config.HOST });
app.log.info(`ready in ${Math.round(performance.now() - started)} ms at http://${config.HOST}:${config.PORT} (content version ${content.store.version})`);

let stopping = false;
async function shutdown(signal: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  app.log.info(`${signal}: closing`);
  content.stopPolling();
  // close() stops accepting connections and waits for requests in flight.
  await app.close();
  await db.destroy();
  process.exit(0);
}
process.on('SIGTERM', () => void shutdown('SIGTERM'));
process.on('SIGINT', () => void shutdown('SIGINT'));
