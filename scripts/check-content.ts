/**
 * Validates content/ without touching a database: `npm run content:check`. Reads the folder given as the first
 * argument, else CONTENT_DIR (as `content:load` does), else ./content. Fails when a required kind has no items.
 */
import path from 'node:path';
import { readContent, ContentValidationError } from '../src/modules/content/content.files.js';
import { CONTENT_FILES, REQUIRED_KINDS } from '../src/modules/content/content.schemas.js';

try {
  const root = process.argv[2] ?? (process.env.CONTENT_DIR || 'content');
  const set = await readContent(root);
  console.log(`checked ${root}`);
  for (const [kind, items] of Object.entries(set)) console.log(`${kind.padEnd(20)} ${items.length}`);
  // A deleted folder leaves a kind with no items: valid files, but a site that /readyz reports as not ready.
  const empty = REQUIRED_KINDS.filter((kind) => set[kind].length === 0);
  if (empty.length > 0) {
    console.error(
      `required kinds have no items: ${empty.map((kind) => `${kind} (${path.join(root, CONTENT_FILES[kind]?.folder ?? kind)}/ missing or empty)`).join(', ')}`,
    );
    process.exit(1);
  }
  console.log('content is valid');
} catch (error) {
  console.error(error instanceof ContentValidationError ? error.message : error);
  process.exit(1);
}
