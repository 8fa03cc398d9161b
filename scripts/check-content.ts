/** Validates content/ without touching a database: `npm run content:check`. */
import { readContent, ContentValidationError } from '../src/modules/content/content.files.js';
import { readRuleBook } from '../src/modules/matching/rules.files.js';
import { readMarketAccess } from '../src/modules/market-access/market-access.files.js';

try {
  const root = process.argv[2] ?? 'content';
  const set = await readContent(root);
  for (const [kind, items] of Object.entries(set)) console.log(`${kind.padEnd(12)} ${items.length}`);
  const book = await readRuleBook(root, new Set(set.policies.map((p) => p.id)));
  console.log(`rules        ${book.rules.length} (parameters ${book.parameters.size}, questions ${book.facts.length})`);
  const access = await readMarketAccess(root);
  console.log(`market access ${access.items.length} items in ${access.lists.length} lists`);
  console.log('content is valid');
} catch (error) {
  console.error(error instanceof ContentValidationError ? error.message : error);
  process.exit(1);
}
