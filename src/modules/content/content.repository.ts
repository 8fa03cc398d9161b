/** The only SQL for content: versions and items. */
import { sql } from 'kysely';
import type { Db } from '../../platform/db/database.js';
import type { ContentKind } from './content.schemas.js';

export interface StoredVersion {
  version: number;
  checksum: string;
  filesChecksum: string | null;
  counts: Record<string, number>;
  loadedAt: Date;
}

export async function findLatestVersion(db: Db): Promise<StoredVersion | null> {
  const row = await db
    .selectFrom('content_versions')
    .select(['version', 'checksum', 'files_checksum', 'counts', 'loaded_at'])
    .orderBy('version', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row ? { version: row.version, checksum: row.checksum, filesChecksum: row.files_checksum, counts: row.counts, loadedAt: new Date(row.loaded_at) } : null;
}

/** Records which file bytes a version was (or is equal to what was) loaded from. */
export async function setFilesChecksum(db: Db, version: number, filesChecksum: string): Promise<void> {
  await db.updateTable('content_versions').set({ files_checksum: filesChecksum }).where('version', '=', version).execute();
}

/** Replaces all content with `items` under a new version, in one transaction. */
export async function replaceAllContent(
  db: Db,
  checksum: string,
  counts: Record<string, number>,
  items: { kind: ContentKind; id: string; data: Record<string, unknown> }[],
  filesChecksum: string | null = null,
): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const { version } = await trx
      .insertInto('content_versions')
      .values({ checksum, files_checksum: filesChecksum, counts: JSON.stringify(counts) })
      .returning('version')
      .executeTakeFirstOrThrow();
    await trx.deleteFrom('content_items').execute();
    // Batches keep each statement's parameter count well under PostgreSQL's 65,535 limit.
    for (let i = 0; i < items.length; i += 500) {
      const batch = items.slice(i, i + 500).map((item) => ({ ...item, data: JSON.stringify(item.data), version }));
      await trx.insertInto('content_items').values(batch).execute();
    }
    return version;
  });
}

export async function listAllContentItems(db: Db): Promise<{ kind: string; id: string; data: Record<string, unknown> }[]> {
  return db.selectFrom('content_items').select(['kind', 'id', 'data']).orderBy('kind').orderBy('id').execute();
}

/** Every stored item's kind and id, to compare a load with what the database holds. */
export async function listContentIds(db: Db): Promise<{ kind: string; id: string }[]> {
  return db.selectFrom('content_items').select(['kind', 'id']).orderBy('kind').orderBy('id').execute();
}

/** An item that was on the site and was withdrawn (expired or removed): when, and its last published text. */
export interface WithdrawnItem {
  kind: string;
  id: string;
  withdrawnAt: Date;
  last: Record<string, unknown> | null;
}

/** Items whose latest publication is a withdrawal, with the last version that was live (for a "no longer in force" page). */
export async function listWithdrawnItems(db: Db): Promise<WithdrawnItem[]> {
  const { rows } = await sql<{ kind: string; item_id: string; published_at: Date; last_data: Record<string, unknown> | null }>`
    WITH latest AS (
      SELECT DISTINCT ON (kind, item_id) kind, item_id, data IS NULL AS gone, published_at
      FROM content_revisions
      WHERE state = 'published'
      ORDER BY kind, item_id, content_version DESC, id DESC
    )
    SELECT l.kind, l.item_id, l.published_at,
      (SELECT r.data FROM content_revisions r
        WHERE r.kind = l.kind AND r.item_id = l.item_id AND r.state = 'published' AND r.data IS NOT NULL
        ORDER BY r.content_version DESC, r.id DESC LIMIT 1) AS last_data
    FROM latest l
    WHERE l.gone`.execute(db);
  return rows.map((row) => ({ kind: row.kind, id: row.item_id, withdrawnAt: new Date(row.published_at), last: row.last_data }));
}
