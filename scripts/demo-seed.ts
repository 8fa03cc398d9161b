/**
 * `npm run demo:seed [-- --projects N] [-- --alongside-real-data]`: fills the investment-project pipeline of the
 * configured database (DATA_DIR's embedded PGlite, or DATABASE_URL) with GENERATED demo data for screenshots, trials
 * and benchmarks — investors "Demo Investor 0042 (generated)", projects "(demo) …", import keys "demo:00042" — over
 * all 17 districts, every stage with the evidence its rules require, some lost with reasons, overdue next actions,
 * some conference opportunities taken up, service items, interactions and a stage log with plausible durations.
 * Running it again adds nothing; a larger N adds the missing projects only.
 *
 * Demo staff (created only when absent, WITHOUT passwords): demo-commissioner@demo.invalid,
 * demo-officer-haidian@demo.invalid (Haidian) and demo-coordinator@demo.invalid. To sign in as one, an administrator
 * opens Admin → Staff accounts → the account → "Issue a new set-password link" and opens that link.
 *
 * Removing the demo: demo rows are never deleted — the stage log is append-only (its trigger refuses DELETE), and a
 * project cannot go while its log stays. So put the demo in a database of its own, e.g.
 *     DATA_DIR=./data/demo npm run demo:seed   then   DATA_DIR=./data/demo npm run dev
 * and remove it by deleting ./data/demo (or dropping that PostgreSQL database). For the same reason the seed refuses a
 * database that already holds real projects, unless --alongside-real-data says that is intended; `--remove` only
 * explains this and exits 1.
 */
import { loadConfig } from '../src/config.js';
import { ContentService, loadContentDirectory } from '../src/modules/content/index.js';
import { openDatabase } from '../src/platform/db/database.js';
import { migrateToLatest } from '../src/platform/db/migrate.js';
import { DEMO_STAFF, DemoSeedRefused, seedDemoPipeline } from './demo-pipeline.js';

const REMOVAL = `Demo rows are never deleted: the pipeline's stage log is append-only, so a demo project cannot be removed.
Keep the demo in a database of its own (DATA_DIR=./data/demo npm run demo:seed) and delete that database instead.`;

function projectCount(argv: string[]): number {
  const at = argv.indexOf('--projects');
  if (at < 0) return 300;
  const n = Number(argv[at + 1]);
  if (!Number.isInteger(n) || n < 1 || n > 100_000) throw new Error('--projects takes a whole number from 1 to 100000');
  return n;
}

if (process.argv.includes('--remove')) {
  console.error(REMOVAL);
  process.exit(1);
}
const count = projectCount(process.argv);
const config = loadConfig();
const db = await openDatabase({ databaseUrl: config.DATABASE_URL, dataDir: config.DATA_DIR });
let failed = false;
try {
  await migrateToLatest(db);
  // The demo refers to districts, industries, parks and opportunities: the content must be loaded (unchanged: no-op).
  await loadContentDirectory(db, config.CONTENT_DIR);
  const content = new ContentService(db);
  await content.refresh();
  const result = await seedDemoPipeline(db, content.store, { count, now: new Date(), alongsideRealData: process.argv.includes('--alongside-real-data') });
  console.log(`demo pipeline: ${result.added} projects added, ${result.total} demo projects in all (GENERATED data, import keys demo:…)`);
  for (const email of result.staffCreated) console.log(`  created demo staff ${email} (no password: Admin → Staff accounts → "Issue a new set-password link")`);
  if (!result.staffCreated.length) console.log(`  demo staff already present: ${DEMO_STAFF.map((s) => s.email).join(', ')}`);
} catch (error) {
  console.error(error instanceof DemoSeedRefused ? `demo:seed refused: ${error.message}\n${REMOVAL}` : error);
  failed = true;
} finally {
  await db.destroy();
}
// Closing PGlite resets process.exitCode: exit explicitly (scripts/migrate.ts).
process.exit(failed ? 1 : 0);
