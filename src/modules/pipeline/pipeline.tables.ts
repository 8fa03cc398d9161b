/** Kysely types of the pipeline's tables (src/migrations/2026_12_07_0900_create_pipeline.ts), added to the shared Db. */
import type { ColumnType, Generated, Kysely } from 'kysely';
import type { Db } from '../../platform/db/database.js';
import type { Database } from '../../platform/db/schema.js';
import type { CaseTables } from '../cases/index.js';
import type { InteractionKind, ItemStatus, ProjectKind, SourceKind, Stage, Status, TeamRole } from './stage-rules.js';

/** A civil date as the database returns it (database.ts parses `date` as its text): "2026-12-01". */
export type CivilDate = string;
/** numeric(20,2) comes back as text, exact; written as text or number. */
type Amount = ColumnType<string | null, string | number | null | undefined, string | number | null>;

export interface InvestorTable {
  id: Generated<string>;
  name: string;
  name_zh: string | null;
  origin: string;
  parent_group: string | null;
  created_at: Date;
  created_by: string | null;
  updated_at: Date;
}

export interface ProjectTable {
  id: Generated<string>;
  reference: string;
  investor_id: string;
  name: string;
  kind: ProjectKind;
  industry_id: string | null;
  district_id: string | null;
  park_id: string | null;
  ftz_cluster_id: string | null;
  opportunity_id: string | null;
  currency: string | null;
  amount_total: Amount;
  amount_foreign: Amount;
  registered_capital: Amount;
  amount_cny: Amount;
  amount_cny_on: CivilDate | null;
  expected_jobs: number | null;
  source_kind: SourceKind;
  source_detail: string | null;
  source_case_id: string | null;
  stage: Stage;
  status: Status;
  status_reason: string | null;
  status_note: string | null;
  next_action: string | null;
  next_action_on: CivilDate | null;
  signed_on: CivilDate | null;
  agreement_parties: string | null;
  agreement_ref: string | null;
  uscc: string | null;
  registered_on: CivilDate | null;
  first_operation_on: CivilDate | null;
  import_key: string | null;
  created_at: Date;
  created_by: string | null;
  updated_at: Date;
  stage_entered_at: Date;
  landed_at: Date | null;
  search: ColumnType<string, never, never>;
}

export interface TeamTable {
  project_id: string;
  staff_user_id: string;
  role: TeamRole;
  assigned_at: Date;
}

export interface StageLogTable {
  id: Generated<string>;
  project_id: string;
  at: Date;
  actor_id: string | null;
  from_stage: Stage | null;
  to_stage: Stage;
  from_status: Status | null;
  to_status: Status;
  reason: string | null;
  note: string | null;
  evidence: ColumnType<Record<string, unknown>, string | undefined, never>;
  request_id: string | null;
}

export interface ServiceItemTable {
  id: Generated<string>;
  project_id: string;
  title: string;
  owner_department_id: string | null;
  due_on: CivilDate | null;
  status: ItemStatus;
  case_id: string | null;
  created_at: Date;
  created_by: string | null;
  updated_at: Date;
}

export interface InteractionTable {
  id: Generated<string>;
  investor_id: string;
  project_id: string | null;
  kind: InteractionKind;
  occurred_on: CivilDate;
  people: string | null;
  notes: string | null;
  plan_url: string | null;
  created_at: Date;
  created_by: string | null;
}

export interface InvestorCaseTable {
  investor_id: string;
  case_id: string;
  linked_at: Date;
  linked_by: string | null;
}

export interface SavedViewTable {
  id: Generated<string>;
  staff_user_id: string;
  name: string;
  query: string;
  created_at: Date;
}

export interface StaffApiClientTable {
  id: Generated<string>;
  name: string;
  staff_user_id: string;
  token_hash: string;
  created_at: Date;
  revoked_at: Date | null;
}

export type PipelineTables = CaseTables & {
  investors: InvestorTable;
  pipeline_projects: ProjectTable;
  pipeline_team: TeamTable;
  pipeline_stage_log: StageLogTable;
  pipeline_service_items: ServiceItemTable;
  pipeline_interactions: InteractionTable;
  investor_cases: InvestorCaseTable;
  pipeline_saved_views: SavedViewTable;
  staff_api_clients: StaffApiClientTable;
};
export type PipelineDb = Kysely<Database & PipelineTables>;

/** The shared handle, seen with the pipeline's tables. */
export function pipelineDb(db: Db): PipelineDb {
  return db.withTables<PipelineTables>();
}
