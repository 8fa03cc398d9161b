/**
 * Validates content/ without touching a database: `npm run content:check`. Reads the folder given as the first
 * argument, else CONTENT_DIR (as `content:load` does), else ./content.
 */
import { readContent, ContentValidationError } from '../src/modules/content/content.files.js';

try {
  const root = process.argv[2] ?? (process.env.CONTENT_DIR || 'content');
  const set = await readContent(root);
  console.log(`checked ${root}`);
  for (const [kind, items] of Object.entries(set)) console.log(`${kind.padEnd(20)} ${items.length}`);
  console.log('content is valid');
} catch (error) {
  console.error(error instanceof ContentValidationError ? error.message : error);
  process.exit(1);
}
