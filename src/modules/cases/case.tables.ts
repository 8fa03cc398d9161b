/** Kysely types of the service line's tables (src/migrations/2026_12_02_1200_create_cases.ts), added to the shared Db. */
import type { ColumnType, Generated, Kysely } from 'kysely';
import type { Db } from '../../platform/db/database.js';
import type { Database } from '../../platform/db/schema.js';
import type { StaffTables } from '../../platform/auth/index.js';
import type { CaseKind, LimitUnit } from '../content/index.js';
import type { CaseStatus } from './case-states.js';

export interface CaseTable {
  id: Generated<string>;
  reference: string;
  token_hash: string;
  kind: CaseKind;
  topic_id: string;
  fie_complaint: boolean;
  status: CaseStatus;
  lang: 'en' | 'zh';
  district_id: string | null;
  lead_department_id: string | null;
  limit_id: string;
  limit_amount: number;
  limit_unit: LimitUnit;
  clock_started_at: Date;
  paused_at: Date | null;
  resumed_at: Date | null;
  due_at: Date;
  materials_requested_at: Date | null;
  materials_due_at: Date | null;
  extended: Generated<boolean>;
  enterprise_name: string | null;
  uscc: string | null;
  foreign_invested: boolean | null;
  investor_origin: string | null;
  contact_name: string | null;
  contact_email: string | null;
  contact_phone: string | null;
  anonymous: boolean;
  subject: string;
  description: string;
  confidential: Generated<boolean>;
  duplicate_of: string | null;
  submitted_at: Date;
  accepted_at: Date | null;
  replied_at: Date | null;
  closed_at: Date | null;
  resolution_code: string | null;
  resolved: boolean | null;
  satisfaction: number | null;
  reopen_count: Generated<number>;
  channel: 'web' | 'api' | 'open311';
  client_id: string | null;
  updated_at: Date;
  search: ColumnType<string, never, never>;
}

export interface CaseUnitTable {
  case_id: string;
  department_id: string;
  role: 'lead' | 'co';
  assigned_at: Date;
  signed_at: Date | null;
  due_at: Date | null;
  returned_at: Date | null;
  return_reason: string | null;
  handler_id: string | null;
}

export interface CaseEventTable {
  id: Generated<string>;
  case_id: string;
  at: Date;
  actor_type: 'enterprise' | 'staff' | 'system';
  actor_id: string | null;
  action: string;
  from_status: CaseStatus | null;
  to_status: CaseStatus | null;
  visibility: 'public' | 'internal';
  body: string | null;
  data: ColumnType<Record<string, unknown>, string | undefined, never>;
  request_id: string | null;
}

export interface CaseAttachmentTable {
  id: Generated<string>;
  case_id: string;
  storage_key: string;
  filename: string;
  content_type: 'application/pdf' | 'image/png' | 'image/jpeg';
  size_bytes: number;
  sha256: string;
  uploaded_at: Date;
  uploaded_by: 'enterprise' | 'staff';
}

export interface CaseEscalationTable {
  case_id: string;
  level: 'due_soon' | 'overdue' | 'escalated';
  due_at: Date;
  sent_at: Date;
  recipients: number;
}

export type CaseTables = StaffTables & {
  case_escalations: CaseEscalationTable;
  cases: CaseTable;
  case_units: CaseUnitTable;
  case_events: CaseEventTable;
  case_attachments: CaseAttachmentTable;
};
export type CaseDb = Kysely<Database & CaseTables>;

/** The shared handle, seen with the service line's tables (each module declares the tables it owns). */
export function caseDb(db: Db): CaseDb {
  return db.withTables<CaseTables>();
}
