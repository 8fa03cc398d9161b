/** `npm run migrate`: runs pending migrations on the configured database. */
import { loadConfig } from '../src/config.js';
import { openDatabase } from '../src/platform/db/database.js';
import { migrateToLatest } from '../src/platform/db/migrate.js';

const config = loadConfig();
// As the schema's owner when MIGRATION_DATABASE_URL is set (README "Production").
const db = await openDatabase({ databaseUrl: config.MIGRATION_DATABASE_URL ?? config.DATABASE_URL, dataDir: config.DATA_DIR });
let failed = false;
try {
  const applied = await migrateToLatest(db);
  console.log(applied.length ? `applied: ${applied.join(', ')}` : 'database is up to date');
} catch (error) {
  console.error(error);
  failed = true;
} finally {
  await db.destroy();
}
// Closing PGlite resets process.exitCode, so a failed migration would end 0: exit explicitly.
process.exit(failed ? 1 : 0);
