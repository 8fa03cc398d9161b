/** Kysely types of the Open311 module's table (src/migrations/2026_12_05_1400_create_open311_clients.ts). */
import type { Generated } from 'kysely';
import type { Db } from '../../platform/db/database.js';
import { caseDb } from '../cases/index.js';

export interface Open311ClientTable {
  id: Generated<string>;
  name: string;
  key_hash: string;
  created_at: Date;
  disabled_at: Date | null;
}

export type Open311Tables = { open311_clients: Open311ClientTable };

/** The shared handle seen with the service line's tables and the Open311 clients. */
export function open311Db(db: Db) {
  return caseDb(db).withTables<Open311Tables>();
}
export type Open311Db = ReturnType<typeof open311Db>;
