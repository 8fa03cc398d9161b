/** Kysely types of the staff tables (src/migrations/2026_12_01_0400_create_staff.ts and 2026_12_02_0900), added to the shared Db with `staffDb`. */
import type { ColumnType, Generated, Kysely } from 'kysely';
import type { Db } from '../db/database.js';
import type { Database } from '../db/schema.js';
import type { AuditTables } from '../audit/record-audit.js';

export const STAFF_ROLES = ['admin', 'municipal_coordinator', 'acceptance_agent', 'district_officer', 'department_handler', 'project_commissioner', 'content_editor', 'viewer'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

export interface StaffUserTable {
  id: Generated<string>;
  email: string;
  name: string;
  password_hash: string | null;
  role: StaffRole;
  district_id: string | null;
  department_id: string | null;
  disabled_at: Date | null;
  created_at: ColumnType<Date, Date | undefined, never>;
}

export interface StaffSessionTable {
  id: string;
  user_id: string;
  created_at: Date;
  last_seen_at: Date;
  expires_at: Date;
  ip: string | null;
  user_agent: string | null;
}

export interface StaffTokenTable {
  id: string;
  user_id: string;
  purpose: 'set_password';
  created_at: Date;
  expires_at: Date;
  used_at: Date | null;
}

export interface StaffSignInFailureTable {
  id: Generated<string>;
  at: Date;
  email: string;
  ip: string;
}

/** src/migrations/2026_12_02_0900_create_departments.ts: the 16 districts and the BDA, seeded from content/districts. */
export interface DistrictTable {
  id: string;
  name_en: string;
  name_zh: string;
}

export const DEPARTMENT_KINDS = ['municipal', 'district', 'zone', 'national', 'other'] as const;
export type DepartmentKind = (typeof DEPARTMENT_KINDS)[number];

export interface DepartmentTable {
  id: string;
  name_en: string;
  name_zh: string;
  kind: DepartmentKind;
  district_id: string | null;
  /** The contact it was seeded from (content/contacts); null when an administrator added it. */
  source_contact_id: string | null;
  active: Generated<boolean>;
  created_at: ColumnType<Date, Date | undefined, never>;
}

export type StaffTables = AuditTables & {
  districts: DistrictTable;
  departments: DepartmentTable;
  staff_users: StaffUserTable;
  staff_sessions: StaffSessionTable;
  staff_tokens: StaffTokenTable;
  staff_sign_in_failures: StaffSignInFailureTable;
};

export type StaffDb = Kysely<Database & StaffTables>;

/** The shared database handle, typed with the staff tables too (the migration creates them). */
export function staffDb(db: Db): StaffDb {
  return db.withTables<StaffTables>();
}
