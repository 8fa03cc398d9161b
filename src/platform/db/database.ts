/**
 * Opens the database: PGlite (embedded PostgreSQL) by default, PostgreSQL when DATABASE_URL is set.
 * Both speak the same SQL, so everything above this file is identical for the two.
 */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { Kysely, PostgresDialect } from 'kysely';
import type { Database } from './schema.js';
import { acquireDataDirLock, releaseOnDestroy, type DataDirLock } from './data-dir-lock.js';

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
  let lock: DataDirLock | null = null;
  if (!location.startsWith('memory://')) {
    location = path.resolve(options.dataDir, 'pglite');
    // PGlite does not create missing parent folders.
    await mkdir(path.dirname(location), { recursive: true });
    // One process per folder: throws DataDirLockedError naming the process that has it open.
    lock = await acquireDataDirLock(`${location}.lock`);
  }
  let pglite: Awaited<ReturnType<typeof PGlite.create>>;
  try {
    pglite = await PGlite.create(location);
  } catch (error) {
    lock?.release();
    throw error;
  }
  return releaseOnDestroy(new Kysely<Database>({ dialect: new PGliteDialect(pglite) }), async () => {
    if (!pglite.closed) await pglite.close();
    lock?.release();
  });
}
