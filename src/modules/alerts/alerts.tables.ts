/**
 * Kysely types of the alerts tables (src/migrations/2026_12_08_0900_create_content_revisions.ts): subscriptions (double
 * opt-in), the last outcome each policy had for each subscription, one row per alert e-mail, and the sweep's cursor.
 */
import type { ColumnType, Generated, JSONColumnType, Kysely } from 'kysely';
import type { Db } from '../../platform/db/database.js';
import type { Database } from '../../platform/db/schema.js';
import type { JobTables } from '../../platform/jobs/index.js';

export type AlertLang = 'en' | 'zh';
export type AlertOriginName = 'policies-for-me' | 'plan';
export type AlertOutcome = 'applies' | 'may_apply' | 'does_not_apply';

/** The profile as saved: the parsed facts, and which set facts were read from the investor's own words. */
export interface SavedProfile {
  facts: Record<string, string | number | boolean | string[]>;
  evidence: string[];
}

export interface AlertSubscriptionTable {
  id: Generated<string>;
  email: string;
  lang: AlertLang;
  profile: JSONColumnType<SavedProfile>;
  origin: AlertOriginName;
  confirm_token_hash: string;
  created_at: ColumnType<Date, Date | undefined, never>;
  confirmed_at: Date | null;
  unsubscribed_at: Date | null;
  last_alerted_at: Date | null;
}

export interface AlertOutcomeTable {
  subscription_id: string;
  policy_id: string;
  outcome: AlertOutcome;
  content_version: number;
  evaluated_at: ColumnType<Date, Date | undefined, Date>;
}

export interface AlertDeliveryTable {
  id: Generated<string>;
  subscription_id: string;
  change_key: string;
  policy_ids: JSONColumnType<string[]>;
  unsubscribe_token_hash: string;
  job_id: string | null;
  created_at: ColumnType<Date, Date | undefined, never>;
}

export interface AlertSweepTable {
  name: string;
  content_version: number;
  swept_at: ColumnType<Date, Date | undefined, Date>;
}

export type AlertTables = JobTables & {
  alert_subscriptions: AlertSubscriptionTable;
  alert_outcomes: AlertOutcomeTable;
  alert_deliveries: AlertDeliveryTable;
  alert_sweeps: AlertSweepTable;
};
export type AlertDb = Kysely<Database & AlertTables>;

export function alertDb(db: Db): AlertDb {
  return db.withTables<AlertTables>();
}
