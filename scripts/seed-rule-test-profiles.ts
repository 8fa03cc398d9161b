/**
 * `npm run content:test-profiles [-- <file.json>]`: loads a starter set of rule test profiles — the investors the rule
 * editor's test runner matches a rule change against before it is published — into the configured database
 * (DATABASE_URL, or DATA_DIR's embedded PGlite with no server running).
 *
 * The file (default: test/fixtures/independent/investor-profiles.json) is a JSON list of
 *     { "id": "ip01", "description": "We're a German robotics company…", "profile": { "entity_type": "wfoe", … } }
 * where `profile` holds the answers of /policies-for-me in the API's field names (other keys, such as "expect", are
 * ignored). Each profile is saved under its id as its name: a profile of that name is updated, others are created;
 * nothing is removed. A profile the questionnaire would refuse is reported and skipped. Every save is audited
 * (content.test_profile_saved, by the system). Editors then see and edit them at /en/staff/content/test-profiles.
 */
import { readFileSync } from 'node:fs';
import { loadConfig } from '../src/config.js';
import { seedTestProfiles, type StarterProfile } from '../src/modules/editorial/rules/test-profiles.seed.js';
import { openDatabase } from '../src/platform/db/database.js';
import { migrateToLatest } from '../src/platform/db/migrate.js';

const file = process.argv.slice(2).find((a) => !a.startsWith('--')) ?? 'test/fixtures/independent/investor-profiles.json';
const profiles = JSON.parse(readFileSync(file, 'utf8')) as StarterProfile[];
if (!Array.isArray(profiles)) {
  console.error(`${file}: expected a JSON list of { id, description, profile }`);
  process.exit(1);
}
const config = loadConfig();
const db = await openDatabase({ databaseUrl: config.DATABASE_URL, dataDir: config.DATA_DIR });
try {
  await migrateToLatest(db);
  const result = await seedTestProfiles(db, profiles, new Date());
  console.log(`rule test profiles saved: ${result.saved.length} (from ${file})`);
  for (const r of result.refused) console.log(`  refused ${r.id}: ${r.problem}`);
  if (result.refused.length) process.exitCode = 1;
} finally {
  await db.destroy();
}
