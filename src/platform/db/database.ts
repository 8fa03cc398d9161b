/**
 * Opens the database: PGlite (embedded PostgreSQL) by default, PostgreSQL when DATABASE_URL is set.
 * Both speak the same SQL, so everything above this file is identical for the two.
 */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { Kysely, PostgresDialect } from 'kysely';
import type { Database } from './schema.js';

export type Db = Kysely<Database>;

export interface DatabaseOptions {
  databaseUrl?: string;
  /** Folder for PGlite's files; `memory://` keeps an embedded database in memory (tests). */
  dataDir: string;
}

export async function openDatabase(options: DatabaseOptions): Promise<Db> {
  if (options.databaseUrl) {
    const { default: pg } = await import('pg');
    // timestamptz values come back as Date; bigint counts as strings are parsed where used.
    const pool = new pg.Pool({ connectionString: options.databaseUrl, max: 10 });
    return new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  }
  const { PGlite } = await import('@electric-sql/pglite');
  const { PGliteDialect } = await import('kysely-pglite-dialect');
  let location = options.dataDir;
  if (!location.startsWith('memory://')) {
    location = path.resolve(options.dataDir, 'pglite');
    // PGlite does not create missing parent folders.
    await mkdir(path.dirname(location), { recursive: true });
  }
  const pglite = await PGlite.create(location);
  return new Kysely<Database>({ dialect: new PGliteDialect(pglite) });
}
