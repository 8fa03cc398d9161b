/**
 * Open311 clients and their API keys. A key is 256 random bits handed out once; the table keeps its SHA-256, and a
 * key is found by that hash (a hash of a random secret leaks nothing by timing, so a plain index lookup is safe).
 */
import { hashToken, randomToken } from '../../platform/auth/index.js';
import type { Open311Db } from './open311.tables.js';

/** Prefix of every key, so one found in a log or a repository is recognisable (and can be disabled). */
export const KEY_PREFIX = 'o311_';

export interface Open311Client {
  id: string;
  name: string;
}

export async function createOpen311Client(db: Open311Db, input: { name: string; now: Date }): Promise<Open311Client & { key: string }> {
  const key = `${KEY_PREFIX}${randomToken()}`;
  const row = await db
    .insertInto('open311_clients')
    .values({ name: input.name, key_hash: hashToken(key), created_at: input.now, disabled_at: null })
    .returning(['id', 'name'])
    .executeTakeFirstOrThrow();
  return { ...row, key };
}

/** The enabled client whose key this is; undefined for an unknown, malformed or disabled key. */
export async function findOpen311Client(db: Open311Db, key: string): Promise<Open311Client | undefined> {
  if (!key.startsWith(KEY_PREFIX) || key.length > 100) return undefined;
  return db
    .selectFrom('open311_clients')
    .select(['id', 'name'])
    .where('key_hash', '=', hashToken(key))
    .where('disabled_at', 'is', null)
    .executeTakeFirst();
}

export async function disableOpen311Client(db: Open311Db, id: string, now: Date): Promise<boolean> {
  const result = await db.updateTable('open311_clients').set({ disabled_at: now }).where('id', '=', id).where('disabled_at', 'is', null).executeTakeFirst();
  return result.numUpdatedRows > 0n;
}
