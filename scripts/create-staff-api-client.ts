/**
 * `npm run staff:create-api-client -- --name "Haidian reporting" --email officer@haidian.gov.cn`: registers a client
 * of the staff JSON API acting as that staff account (its role and scope) and prints its token once — only the
 * token's hash is stored, so it cannot be shown again: lose it, revoke the client (/{lang}/staff/admin/api-clients)
 * and create a new one. The account must be enabled and hold a role that may read the pipeline.
 */
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { loadConfig } from '../src/config.js';
import { openDatabase } from '../src/platform/db/database.js';
import { migrateAsOwner } from '../src/platform/db/migrate.js';
import { pipelineDb } from '../src/modules/pipeline/index.js';
import { createApiClient, findAccountByEmail } from '../src/modules/pipeline/api/api-clients.js';
import { urls } from '../src/platform/http/urls.js';

const argsSchema = z.object({
  name: z.string().trim().min(1, 'give the client a name').max(200, 'at most 200 characters'),
  email: z.email('the e-mail address of the staff account the token acts as'),
});

function usage(problems: string[]): never {
  for (const problem of problems) console.error(problem);
  console.error('usage: npm run staff:create-api-client -- --name "Haidian reporting" --email officer@example.gov.cn');
  process.exit(1);
}

let values: Record<string, unknown>;
try {
  ({ values } = parseArgs({ options: { name: { type: 'string' }, email: { type: 'string' } }, strict: true }));
} catch (error) {
  usage([(error as Error).message]);
}
const args = argsSchema.safeParse(values);
if (!args.success) usage(args.error.issues.map((issue) => `--${issue.path.join('.')}: ${issue.message}`));

const config = loadConfig();
const db = await openDatabase({ databaseUrl: config.DATABASE_URL, dataDir: config.DATA_DIR });
let failed = false;
try {
  // As the schema's owner when MIGRATION_DATABASE_URL is set (README "Production").
  await migrateAsOwner(db, config.MIGRATION_DATABASE_URL);
  const pdb = pipelineDb(db);
  const account = await findAccountByEmail(pdb, args.data.email);
  const result = account ? await createApiClient(pdb, { name: args.data.name, staffUserId: account.id, actor: null, now: new Date() }) : null;
  if (!result || !result.ok) {
    console.error(
      !account
        ? `No staff account has the e-mail ${args.data.email}.`
        : result && !result.ok && result.problems.some((p) => p.field === 'name')
          ? 'The name must have 1 to 200 characters.'
          : `The account ${args.data.email} is disabled or its role (${account.role}) may not use the pipeline.`,
    );
    failed = true;
  } else {
    console.log(`Created API client "${args.data.name}" (id ${result.id}), acting as ${account!.name} <${args.data.email}>.`);
    console.log('Its token, shown this once (only its hash is stored):');
    console.log(`  ${result.token}`);
    console.log(`Send it as "Authorization: Bearer <token>" to ${config.PUBLIC_BASE_URL}${urls.apiStaffProjects()}; the API is described at ${config.PUBLIC_BASE_URL}${urls.apiDocs()}`);
  }
} catch (error) {
  console.error(error);
  failed = true;
} finally {
  await db.destroy();
}
// Set after closing: PGlite's shutdown resets process.exitCode.
if (failed) process.exit(1);
