/** Table types for Kysely. Kept in step with src/migrations. */
import type { ColumnType, Generated, JSONColumnType } from 'kysely';

export interface ContentVersionTable {
  version: Generated<number>;
  checksum: string;
  /** sha256 of the content files' bytes; null for versions loaded from a set, not files. */
  files_checksum: string | null;
  counts: JSONColumnType<Record<string, number>>;
  loaded_at: ColumnType<Date, string | undefined, never>;
}

export interface ContentItemTable {
  kind: string;
  id: string;
  data: JSONColumnType<Record<string, unknown>>;
  version: number;
}

export interface Database {
  content_versions: ContentVersionTable;
  content_items: ContentItemTable;
}
