/**
 * `npm run open311:create-client -- --name "Partner app"`: registers an Open311 client and prints its API key once
 * (only the key's hash is stored, so it cannot be shown again: lose it and create a new client).
 * `npm run open311:create-client -- --disable <client id>` disables a client: its key stops working at once.
 */
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { loadConfig } from '../src/config.js';
import { openDatabase } from '../src/platform/db/database.js';
import { migrateAsOwner } from '../src/platform/db/migrate.js';
import { createOpen311Client, disableOpen311Client, open311Db } from '../src/modules/open311/index.js';
import { urls } from '../src/platform/http/urls.js';

const argsSchema = z
  .object({
    name: z.string().trim().min(1, 'give the client a name').max(200, 'at most 200 characters').optional(),
    disable: z.uuid('must be the id printed when the client was created').optional(),
  })
  .refine((a) => (a.name === undefined) !== (a.disable === undefined), { message: 'give --name to create a client, or --disable <id> to disable one' });

function usage(problems: string[]): never {
  for (const problem of problems) console.error(problem);
  console.error('usage: npm run open311:create-client -- --name "Partner application"');
  console.error('       npm run open311:create-client -- --disable <client id>');
  process.exit(1);
}

let values: Record<string, unknown>;
try {
  ({ values } = parseArgs({ options: { name: { type: 'string' }, disable: { type: 'string' } }, strict: true }));
} catch (error) {
  usage([(error as Error).message]);
}
const args = argsSchema.safeParse(values);
if (!args.success) {
  usage(args.error.issues.map((issue) => `${issue.path.length ? `--${issue.path.join('.')}: ` : ''}${issue.message}`));
}
const config = loadConfig();
const db = await openDatabase({ databaseUrl: config.DATABASE_URL, dataDir: config.DATA_DIR });
let failed = false;
try {
  // As the schema's owner when MIGRATION_DATABASE_URL is set (README "Production").
  await migrateAsOwner(db, config.MIGRATION_DATABASE_URL);
  const now = new Date();
  if (args.data.disable) {
    if (await disableOpen311Client(open311Db(db), args.data.disable, now)) console.log(`Disabled Open311 client ${args.data.disable}: its key no longer works.`);
    else {
      console.error(`No enabled Open311 client has the id ${args.data.disable}.`);
      failed = true;
    }
  } else {
    const client = await createOpen311Client(open311Db(db), { name: args.data.name!, now });
    console.log(`Created Open311 client "${client.name}" (id ${client.id}).`);
    console.log('Its API key, shown this once (only its hash is stored):');
    console.log(`  ${client.key}`);
    console.log(`It files requests at ${config.PUBLIC_BASE_URL}${urls.open311('requests.json')} (api_key=…); discovery: ${config.PUBLIC_BASE_URL}${urls.open311('discovery.json')}`);
  }
} catch (error) {
  console.error(error);
  failed = true;
} finally {
  await db.destroy();
}
// Set after closing: PGlite's shutdown resets process.exitCode.
if (failed) process.exit(1);
