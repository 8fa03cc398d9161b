/**
 * The source documents live beside the repository (../shared/seeds), not in it: a plain clone has none. Tests that
 * check content against them skip, saying why, when they are absent.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

export const SEEDS_DIR = path.resolve(import.meta.dirname, '../../../shared/seeds');
export const seedsPresent = existsSync(SEEDS_DIR);

/** The text of a seed, or '' when the seeds are absent (the tests that need it are skipped then). */
export function seedText(file: string): string {
  return seedsPresent ? readFileSync(path.join(SEEDS_DIR, file), 'utf8') : '';
}

/** Says once, in the test output, which checks are skipped and why. */
export function warnIfSeedsAbsent(what: string): void {
  if (!seedsPresent) console.warn(`${what}: ${SEEDS_DIR} is absent (a plain clone), so the checks against the source documents are skipped`);
}
