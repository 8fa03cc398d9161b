/**
 * `npm run content:load`: validates content/ and loads it in one transaction under a new version.
 * `-- --force` reloads unchanged files; `-- --allow-removals` confirms a load that drops items or whole kinds the
 * database holds (otherwise refused, listing them). With the embedded database (no DATABASE_URL) it refuses while a
 * server has DATA_DIR open: PGlite is one process's database and the load would be lost. Items the files changed after
 * a staff edit are not published: they are listed as conflicts (with their revision page) and the load still succeeds;
 * staff-made items the files lack are kept and listed.
 */
import { loadConfig } from '../src/config.js';
import { openDatabase, type Db } from '../src/platform/db/database.js';
import { DataDirLockedError } from '../src/platform/db/data-dir-lock.js';
import { migrateToLatest } from '../src/platform/db/migrate.js';
import { urls } from '../src/platform/http/urls.js';
import { ContentRemovalError, ContentValidationError, describeRemovals, loadContentDirectory } from '../src/modules/content/index.js';

const config = loadConfig();
let db: Db;
try {
  db = await openDatabase({ databaseUrl: config.DATABASE_URL, dataDir: config.DATA_DIR });
} catch (error) {
  if (!(error instanceof DataDirLockedError)) throw error;
  const holder = error.holder ? `process ${error.holder.pid} (${error.holder.command})` : 'another process';
  console.error(
    `content:load refused: the embedded database in ${config.DATA_DIR} is open in ${holder}, probably a running server.\n` +
      'Loading now would write to a copy that the server overwrites: the load would be lost. Either\n' +
      `  - stop the server (kill -TERM ${error.holder?.pid ?? '<pid>'}), run npm run content:load, then start it again; or\n` +
      '  - just restart the server: at start it loads content/ when the files changed (a load that removes items\n' +
      '    still needs npm run content:load -- --allow-removals with the server stopped).\n' +
      'Several processes sharing one database need PostgreSQL (DATABASE_URL): there content:load works while servers run.\n\n' +
      error.message,
  );
  process.exit(1);
}
let failed = false;
try {
  await migrateToLatest(db);
  const result = await loadContentDirectory(db, config.CONTENT_DIR, {
    force: process.argv.includes('--force'),
    allowRemovals: process.argv.includes('--allow-removals'),
  });
  console.log(result.loaded ? `loaded content version ${result.version}` : `content unchanged (version ${result.version})`);
  for (const [kind, count] of Object.entries(result.counts)) console.log(`  ${kind.padEnd(12)} ${count}`);
  if (result.removals) console.log(`removed (--allow-removals):\n${describeRemovals(result.removals)}`);
  // Conflicts are reported, not fatal: the staff edit stays live and an editor decides on the revision page.
  if (result.conflicts.length > 0) {
    console.log(`conflicts: the files changed ${result.conflicts.length} item${result.conflicts.length === 1 ? '' : 's'} that staff had changed (not published; adopt or dismiss on the revision page):`);
    for (const c of result.conflicts) console.log(`  ${c.kind}/${c.id}  ${urls.staffContentRevision('en', c.revisionId)}`);
  }
  if (result.kept.length > 0) {
    console.log(`kept: ${result.kept.length} item${result.kept.length === 1 ? '' : 's'} made or changed by staff that the files lack (still on the site):`);
    for (const k of result.kept) console.log(`  ${k.kind}/${k.id}`);
  }
} catch (error) {
  console.error(error instanceof ContentValidationError || error instanceof ContentRemovalError ? error.message : error);
  failed = true;
} finally {
  await db.destroy();
}
// Explicitly: closing PGlite resets process.exitCode to 0 (its WebAssembly runtime exits), so a failed load would
// otherwise end with status 0.
process.exit(failed ? 1 : 0);
