/**
 * `npm run staff:create-admin -- --email a@b.c --name "Full Name"`: creates an administrator with NO password and
 * prints a one-time link (valid 24 hours) where they choose one. Refuses an email that already has an account.
 * There is never a default password.
 */
import { parseArgs } from 'node:util';
import { loadConfig } from '../src/config.js';
import { openDatabase } from '../src/platform/db/database.js';
import { migrateToLatest } from '../src/platform/db/migrate.js';
import { staffDb } from '../src/platform/auth/index.js';
import { urls } from '../src/platform/http/urls.js';
import { createAdminArgsSchema, createStaffUser, SET_PASSWORD_LINK_HOURS, StaffUserExistsError } from '../src/modules/staff/index.js';

const { values } = parseArgs({ options: { email: { type: 'string' }, name: { type: 'string' } }, strict: true });
const args = createAdminArgsSchema.safeParse(values);
if (!args.success) {
  for (const issue of args.error.issues) console.error(`--${issue.path.join('.')}: ${issue.message}`);
  console.error('usage: npm run staff:create-admin -- --email person@example.gov.cn --name "Full Name"');
  process.exit(1);
}

const config = loadConfig();
const db = await openDatabase({ databaseUrl: config.DATABASE_URL, dataDir: config.DATA_DIR });
let failed = false;
try {
  await migrateToLatest(db);
  const now = new Date();
  const { token } = await createStaffUser(staffDb(db), { email: args.data.email, name: args.data.name, role: 'admin', actor: null, now, requestId: 'create-admin' });
  const expires = new Date(now.getTime() + SET_PASSWORD_LINK_HOURS * 3600_000);
  console.log(`Created administrator ${args.data.email} (no password yet).`);
  console.log(`Send them this one-time link to choose a password; it works once, until ${expires.toISOString()}:`);
  console.log(`  ${config.PUBLIC_BASE_URL}${urls.staffSetPassword('en', token)}`);
  console.log(`  (Chinese: ${config.PUBLIC_BASE_URL}${urls.staffSetPassword('zh', token)})`);
} catch (error) {
  console.error(error instanceof StaffUserExistsError ? error.message : error);
  failed = true;
} finally {
  await db.destroy();
}
// Set after closing: PGlite's shutdown resets process.exitCode.
if (failed) process.exit(1);
