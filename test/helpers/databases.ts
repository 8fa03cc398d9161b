/**
 * Test databases: a fresh in-memory PGlite by default; with TEST_DATABASE_URL, a throw-away PostgreSQL database
 * created for the test file and dropped afterwards. `databaseTargets()` lists the targets a DB test runs on.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openDatabase, type Db } from '../../src/platform/db/database.js';
import { migrateToLatest } from '../../src/platform/db/migrate.js';

export type DatabaseTarget = 'pglite' | 'postgres';

export function databaseTargets(): DatabaseTarget[] {
  return process.env.TEST_DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];
}

export interface TestDatabase {
  db: Db;
  /** Connection string of the throw-away database (PostgreSQL only), for a second process or app. */
  url?: string;
  close(): Promise<void>;
}

async function createThrowAwayDatabase(adminUrl: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `ib_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const client = new pg.Client({ connectionString: adminUrl });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
    },
  };
}

/** A fresh database, migrated to the latest unless `migrate: false` (tests of a migration's data step). */
export async function openTestDatabase(target: DatabaseTarget, options: { migrate?: boolean } = {}): Promise<TestDatabase> {
  const migrate = options.migrate ?? true;
  if (target === 'pglite') {
    const db = await openDatabase({ dataDir: 'memory://' });
    if (migrate) await migrateToLatest(db);
    return { db, close: () => db.destroy() };
  }
  const adminUrl = process.env.TEST_DATABASE_URL;
  if (!adminUrl) throw new Error('TEST_DATABASE_URL is not set');
  const { url, drop } = await createThrowAwayDatabase(adminUrl);
  const db = await openDatabase({ databaseUrl: url, dataDir: 'unused' });
  if (migrate) await migrateToLatest(db);
  return {
    db,
    url,
    close: async () => {
      await db.destroy();
      await drop();
    },
  };
}
