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
  /** The revision (content_revisions) this live copy came from. */
  revision_id: string | null;
}

export type RevisionState = 'draft' | 'in_review' | 'scheduled' | 'published' | 'rejected' | 'discarded' | 'conflict';
export type RevisionOrigin = 'seed' | 'staff' | 'import' | 'restore' | 'schedule';

/** One version of one content item (src/migrations/2026_12_08_0900_create_content_revisions.ts). */
export interface ContentRevisionTable {
  id: Generated<string>;
  kind: string;
  item_id: string;
  /** The item; null for a withdrawal (the item leaves the site). */
  data: ColumnType<Record<string, unknown> | null, string | null, string | null>;
  state: RevisionState;
  origin: RevisionOrigin;
  based_on: string | null;
  problems: ColumnType<StoredProblem[], string | undefined, string>;
  note: string | null;
  created_by: string | null;
  /** Everyone who saved this revision (none of them may review it). */
  editors: ColumnType<string[], string[] | undefined, string[]>;
  created_at: ColumnType<Date, Date | undefined, never>;
  updated_at: ColumnType<Date, Date | undefined, Date>;
  submitted_by: string | null;
  submitted_at: Date | null;
  reviewed_by: string | null;
  reviewed_at: Date | null;
  review_note: string | null;
  publish_at: Date | null;
  published_by: string | null;
  published_at: Date | null;
  content_version: number | null;
}

/** A validation problem kept with a draft: the field's path, zod's issue code and its English message. */
export interface StoredProblem {
  path: (string | number)[];
  code: string;
  message: string;
  /** Issue details a translated message needs (minimum, maximum, expected values, the unknown reference). */
  params?: Record<string, unknown>;
}

export interface Database {
  content_versions: ContentVersionTable;
  content_items: ContentItemTable;
  content_revisions: ContentRevisionTable;
}
