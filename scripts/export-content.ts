/**
 * `npm run content:export -- [--out DIR]`: writes the current published content (the database's content_items) back
 * to files in the content/ layout, into DIR (default CONTENT_DIR), for review in git: each item in the file that holds
 * it today, new items in `<folder>/added-by-editors.json` (or the kind's one file), withdrawn items dropped, emptied
 * files deleted. Refuses a DIR that is neither new, empty nor a content directory. Prints what it wrote.
 * With the embedded database (no DATABASE_URL) it cannot run while a server has DATA_DIR open.
 */
import path from 'node:path';
import { loadConfig } from '../src/config.js';
import { openDatabase, type Db } from '../src/platform/db/database.js';
import { DataDirLockedError } from '../src/platform/db/data-dir-lock.js';
import { migrateToLatest } from '../src/platform/db/migrate.js';
import { exportContent, exportTargetRefusal, publishedSet } from '../src/modules/content/index.js';

const config = loadConfig();
const outIndex = process.argv.indexOf('--out');
const out = path.resolve(outIndex >= 0 && process.argv[outIndex + 1] ? process.argv[outIndex + 1] : config.CONTENT_DIR);
const refusal = await exportTargetRefusal(out);
if (refusal) {
  console.error(`content:export refused: ${refusal}`);
  process.exit(1);
}
let db: Db;
try {
  db = await openDatabase({ databaseUrl: config.DATABASE_URL, dataDir: config.DATA_DIR });
} catch (error) {
  if (!(error instanceof DataDirLockedError)) throw error;
  console.error(`content:export refused: the embedded database in ${config.DATA_DIR} is open in another process (a running server?). Stop it, or use PostgreSQL (DATABASE_URL).`);
  process.exit(1);
}
let failed = false;
try {
  await migrateToLatest(db);
  const set = await publishedSet(db);
  const total = Object.values(set).reduce((n, items) => n + items.length, 0);
  if (total === 0) throw new Error('the database holds no published content (run npm run content:load first)');
  const result = await exportContent(set, out);
  console.log(`exported ${total} published items into ${out}`);
  for (const f of result.written) console.log(`  wrote    ${f.file} (${f.items} ${f.kind})`);
  for (const f of result.deleted) console.log(`  deleted  ${f.file} (no published ${f.kind} left in it)`);
  console.log(`  ${result.unchanged.length} file${result.unchanged.length === 1 ? '' : 's'} unchanged`);
} catch (error) {
  console.error(`content:export failed: ${error instanceof Error ? error.message : String(error)}`);
  failed = true;
} finally {
  await db.destroy();
}
// Closing PGlite resets process.exitCode (see load-content.ts): exit explicitly.
process.exit(failed ? 1 : 0);
