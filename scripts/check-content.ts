/** Validates content/ without touching a database: `npm run content:check`. */
import { readContent, ContentValidationError } from '../src/modules/content/content.files.js';

try {
  const root = process.argv[2] ?? 'content';
  const set = await readContent(root);
  for (const [kind, items] of Object.entries(set)) console.log(`${kind.padEnd(20)} ${items.length}`);
  console.log('content is valid');
} catch (error) {
  console.error(error instanceof ContentValidationError ? error.message : error);
  process.exit(1);
}
