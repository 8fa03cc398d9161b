/** Validates content/ without touching a database: `npm run content:check`. */
import { readContent, ContentValidationError } from '../src/modules/content/content.files.js';

try {
  const set = await readContent(process.argv[2] ?? 'content');
  for (const [kind, items] of Object.entries(set)) console.log(`${kind.padEnd(12)} ${items.length}`);
  console.log('content is valid');
} catch (error) {
  console.error(error instanceof ContentValidationError ? error.message : error);
  process.exit(1);
}
