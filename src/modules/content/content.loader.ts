/**
 * Loads the content files into the database. A load is skipped when the files are byte-identical to the
 * latest loaded version (checksum), which keeps restarts fast; `force` loads anyway.
 */
import { createHash } from 'node:crypto';
import type { Db } from '../../platform/db/database.js';
import { readContent, type ContentSet } from './content.files.js';
import { findLatestVersion, replaceAllContent } from './content.repository.js';
import type { ContentKind } from './content.schemas.js';

export interface LoadResult {
  version: number;
  loaded: boolean;
  counts: Record<string, number>;
}

export function checksumOf(set: ContentSet): string {
  return createHash('sha256').update(JSON.stringify(set)).digest('hex');
}

export function countsOf(set: ContentSet): Record<string, number> {
  return Object.fromEntries(Object.entries(set).map(([kind, items]) => [kind, items.length]));
}

export async function loadContentSet(db: Db, set: ContentSet, options: { force?: boolean } = {}): Promise<LoadResult> {
  const checksum = checksumOf(set);
  const counts = countsOf(set);
  const latest = await findLatestVersion(db);
  if (latest && latest.checksum === checksum && !options.force) return { version: latest.version, loaded: false, counts };
  const items = (Object.keys(set) as ContentKind[]).flatMap((kind) =>
    set[kind].map((item) => ({ kind, id: item.id, data: item as unknown as Record<string, unknown> })),
  );
  const version = await replaceAllContent(db, checksum, counts, items);
  return { version, loaded: true, counts };
}

/** Validates every file under `contentDir` (throws ContentValidationError listing all problems), then loads. */
export async function loadContentDirectory(db: Db, contentDir: string, options: { force?: boolean } = {}): Promise<LoadResult> {
  return loadContentSet(db, await readContent(contentDir), options);
}
