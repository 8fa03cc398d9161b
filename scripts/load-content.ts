/** `npm run content:load`: validates content/ and loads it in one transaction under a new version. */
import { loadConfig } from '../src/config.js';
import { openDatabase } from '../src/platform/db/database.js';
import { migrateToLatest } from '../src/platform/db/migrate.js';
import { ContentValidationError, loadContentDirectory } from '../src/modules/content/index.js';

const config = loadConfig();
const db = await openDatabase({ databaseUrl: config.DATABASE_URL, dataDir: config.DATA_DIR });
try {
  await migrateToLatest(db);
  const result = await loadContentDirectory(db, config.CONTENT_DIR, { force: process.argv.includes('--force') });
  console.log(result.loaded ? `loaded content version ${result.version}` : `content unchanged (version ${result.version})`);
  for (const [kind, count] of Object.entries(result.counts)) console.log(`  ${kind.padEnd(12)} ${count}`);
} catch (error) {
  console.error(error instanceof ContentValidationError ? error.message : error);
  process.exitCode = 1;
} finally {
  await db.destroy();
}
