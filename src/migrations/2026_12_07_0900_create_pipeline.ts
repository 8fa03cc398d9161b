import { sql, type Kysely } from 'kysely';

/**
 * The investment-project pipeline: investors, their projects from lead to operating, each project's team, its stage
 * log, its service package and the interactions staff have with the investor.
 *
 * A project row holds its current stage and status and the evidence each stage asked for (the agreement's date and
 * parties, the unified social credit code, the first-operation date); the stage log is append-only like the audit log,
 * so time in stage is computed from what happened, never from a field someone can edit. Evidence columns carry CHECKs
 * that mirror the stage rules (src/modules/pipeline/stage-rules.ts): a project cannot be `signed` in the database
 * without its agreement, whatever code writes it.
 */
const KINDS = ['new', 'expansion', 'capital_increase', 'merger_acquisition', 'rd_centre', 'regional_hq'];
const STAGES = ['lead', 'negotiating', 'signed', 'registered', 'operating'];
const STATUSES = ['active', 'delayed', 'dormant', 'lost', 'abandoned'];
const SOURCES = ['event', 'partner', 'district', 'municipal', 'service_case', 'other'];
const TEAM_ROLES = ['commissioner', 'district_lead', 'municipal_verifier'];
const ITEM_STATUSES = ['open', 'in_progress', 'done', 'dropped'];
const INTERACTIONS = ['meeting', 'call', 'visit', 'event', 'email', 'plan_shared'];
const list = (values: string[]) => sql.raw(values.map((v) => `'${v}'`).join(', '));

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE investors (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      name text NOT NULL CHECK (length(name) BETWEEN 1 AND 300),
      name_zh text CHECK (length(name_zh) <= 300),
      -- ISO 3166-1 alpha-2, regions included (HK, MO, TW).
      origin text NOT NULL CHECK (origin ~ '^[A-Z]{2}$'),
      parent_group text CHECK (length(parent_group) <= 300),
      created_at timestamptz NOT NULL,
      created_by uuid REFERENCES staff_users (id),
      updated_at timestamptz NOT NULL
    )`.execute(db);
  await sql`CREATE UNIQUE INDEX investors_name_origin ON investors (lower(name), origin)`.execute(db);

  // PJ-2026-000123; the sequence never repeats a number.
  await sql`CREATE SEQUENCE pipeline_reference_seq`.execute(db);
  await sql`
    CREATE TABLE pipeline_projects (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      reference text NOT NULL UNIQUE CHECK (reference ~ '^PJ-[0-9]{4}-[0-9]{6,}$'),
      investor_id uuid NOT NULL REFERENCES investors (id),
      name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
      kind text NOT NULL CHECK (kind IN (${list(KINDS)})),
      industry_id text CHECK (length(industry_id) <= 100),
      district_id text REFERENCES districts (id),
      park_id text CHECK (length(park_id) <= 100),
      ftz_cluster_id text CHECK (length(ftz_cluster_id) <= 100),
      -- One of the 2025 conference's investment opportunities (content/projects), when the project takes one up.
      opportunity_id text CHECK (length(opportunity_id) <= 100),
      currency text CHECK (currency ~ '^[A-Z]{3}$'),
      amount_total numeric(20, 2) CHECK (amount_total >= 0),
      amount_foreign numeric(20, 2) CHECK (amount_foreign >= 0),
      registered_capital numeric(20, 2) CHECK (registered_capital >= 0),
      -- The total in CNY at a stated date (the rate is the officer's, stated with its date, not looked up).
      amount_cny numeric(20, 2) CHECK (amount_cny >= 0),
      amount_cny_on date,
      expected_jobs integer CHECK (expected_jobs BETWEEN 0 AND 1000000),
      source_kind text NOT NULL CHECK (source_kind IN (${list(SOURCES)})),
      source_detail text CHECK (length(source_detail) <= 300),
      source_case_id uuid REFERENCES cases (id),
      stage text NOT NULL CHECK (stage IN (${list(STAGES)})),
      status text NOT NULL CHECK (status IN (${list(STATUSES)})),
      status_reason text CHECK (length(status_reason) <= 60),
      status_note text CHECK (length(status_note) <= 2000),
      next_action text CHECK (length(next_action) <= 300),
      next_action_on date,
      signed_on date,
      agreement_parties text CHECK (length(agreement_parties) <= 500),
      agreement_ref text CHECK (length(agreement_ref) <= 200),
      uscc text CHECK (uscc ~ '^[0-9A-HJ-NPQRTUWXY]{2}[0-9]{6}[0-9A-HJ-NPQRTUWXY]{10}$'),
      registered_on date,
      first_operation_on date,
      -- A district spreadsheet's own key for the row (district id + their reference): importing the file again updates.
      import_key text UNIQUE CHECK (length(import_key) <= 200),
      created_at timestamptz NOT NULL,
      created_by uuid REFERENCES staff_users (id),
      updated_at timestamptz NOT NULL,
      stage_entered_at timestamptz NOT NULL,
      -- When the project first reached "registered" (landed), kept if it later moves on.
      landed_at timestamptz,
      search tsvector GENERATED ALWAYS AS (to_tsvector('simple', reference || ' ' || name || ' ' || coalesce(source_detail, ''))) STORED,
      CONSTRAINT pipeline_lost_has_reason CHECK (status NOT IN ('lost', 'abandoned') OR (status_reason IS NOT NULL AND status_note IS NOT NULL)),
      CONSTRAINT pipeline_signed_has_agreement CHECK (stage IN ('lead', 'negotiating') OR (signed_on IS NOT NULL AND agreement_parties IS NOT NULL)),
      CONSTRAINT pipeline_registered_has_uscc CHECK (stage NOT IN ('registered', 'operating') OR (uscc IS NOT NULL AND registered_on IS NOT NULL)),
      CONSTRAINT pipeline_operating_has_date CHECK (stage <> 'operating' OR first_operation_on IS NOT NULL),
      CONSTRAINT pipeline_case_source CHECK (source_kind <> 'service_case' OR source_case_id IS NOT NULL)
    )`.execute(db);
  for (const [name, columns] of [
    ['pipeline_projects_stage', 'stage, status, updated_at'],
    ['pipeline_projects_district', 'district_id, stage, status'],
    ['pipeline_projects_investor', 'investor_id'],
    ['pipeline_projects_next_action', 'next_action_on'],
    ['pipeline_projects_created', 'created_at'],
    ['pipeline_projects_opportunity', 'opportunity_id'],
    ['pipeline_projects_source_case', 'source_case_id'],
  ] as const) {
    await sql`CREATE INDEX ${sql.raw(name)} ON pipeline_projects (${sql.raw(columns)})`.execute(db);
  }
  await sql`CREATE INDEX pipeline_projects_search ON pipeline_projects USING gin (search)`.execute(db);

  await sql`
    CREATE TABLE pipeline_team (
      project_id uuid NOT NULL REFERENCES pipeline_projects (id),
      staff_user_id uuid NOT NULL REFERENCES staff_users (id),
      role text NOT NULL CHECK (role IN (${list(TEAM_ROLES)})),
      assigned_at timestamptz NOT NULL,
      PRIMARY KEY (project_id, role, staff_user_id)
    )`.execute(db);
  await sql`CREATE INDEX pipeline_team_staff ON pipeline_team (staff_user_id, role)`.execute(db);

  // Every move between stages and every status change; append-only (the trigger, and invest_app's grants).
  await sql`
    CREATE TABLE pipeline_stage_log (
      id bigserial PRIMARY KEY,
      project_id uuid NOT NULL REFERENCES pipeline_projects (id),
      at timestamptz NOT NULL,
      actor_id uuid REFERENCES staff_users (id),
      from_stage text CHECK (from_stage IN (${list(STAGES)})),
      to_stage text NOT NULL CHECK (to_stage IN (${list(STAGES)})),
      from_status text CHECK (from_status IN (${list(STATUSES)})),
      to_status text NOT NULL CHECK (to_status IN (${list(STATUSES)})),
      reason text CHECK (length(reason) <= 60),
      note text CHECK (length(note) <= 2000),
      evidence jsonb NOT NULL DEFAULT '{}'::jsonb,
      request_id text
    )`.execute(db);
  await sql`CREATE INDEX pipeline_stage_log_project ON pipeline_stage_log (project_id, id)`.execute(db);
  await sql`
    CREATE FUNCTION pipeline_stage_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      RAISE EXCEPTION 'pipeline_stage_log is append-only: % is not allowed', TG_OP;
    END
    $$`.execute(db);
  await sql`CREATE TRIGGER pipeline_stage_log_no_update_delete BEFORE UPDATE OR DELETE ON pipeline_stage_log FOR EACH ROW EXECUTE FUNCTION pipeline_stage_log_append_only()`.execute(db);
  await sql`CREATE TRIGGER pipeline_stage_log_no_truncate BEFORE TRUNCATE ON pipeline_stage_log FOR EACH STATEMENT EXECUTE FUNCTION pipeline_stage_log_append_only()`.execute(db);

  // The service package: what the investor asked for, who owes it, by when; optionally a service-line case.
  await sql`
    CREATE TABLE pipeline_service_items (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      project_id uuid NOT NULL REFERENCES pipeline_projects (id),
      title text NOT NULL CHECK (length(title) BETWEEN 1 AND 300),
      owner_department_id text REFERENCES departments (id),
      due_on date,
      status text NOT NULL CHECK (status IN (${list(ITEM_STATUSES)})),
      case_id uuid REFERENCES cases (id),
      created_at timestamptz NOT NULL,
      created_by uuid REFERENCES staff_users (id),
      updated_at timestamptz NOT NULL
    )`.execute(db);
  await sql`CREATE INDEX pipeline_service_items_project ON pipeline_service_items (project_id)`.execute(db);
  await sql`CREATE INDEX pipeline_service_items_case ON pipeline_service_items (case_id) WHERE case_id IS NOT NULL`.execute(db);

  // Meetings, calls, visits…: with an investor, and optionally about one of their projects.
  await sql`
    CREATE TABLE pipeline_interactions (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      investor_id uuid NOT NULL REFERENCES investors (id),
      project_id uuid REFERENCES pipeline_projects (id),
      kind text NOT NULL CHECK (kind IN (${list(INTERACTIONS)})),
      occurred_on date NOT NULL,
      people text CHECK (length(people) <= 500),
      notes text CHECK (length(notes) <= 5000),
      -- A plan the investor shared with staff: the address of a /:lang/plan page of this site.
      plan_url text CHECK (length(plan_url) <= 4000),
      created_at timestamptz NOT NULL,
      created_by uuid REFERENCES staff_users (id)
    )`.execute(db);
  await sql`CREATE INDEX pipeline_interactions_investor ON pipeline_interactions (investor_id, occurred_on)`.execute(db);

  // The investor's service-line cases (a project made from a case links it; staff may link others).
  await sql`
    CREATE TABLE investor_cases (
      investor_id uuid NOT NULL REFERENCES investors (id),
      case_id uuid NOT NULL REFERENCES cases (id),
      linked_at timestamptz NOT NULL,
      linked_by uuid REFERENCES staff_users (id),
      PRIMARY KEY (investor_id, case_id)
    )`.execute(db);
  await sql`CREATE INDEX investor_cases_case ON investor_cases (case_id)`.execute(db);

  // A person's saved list filters (the query string of the list page, checked again when opened).
  await sql`
    CREATE TABLE pipeline_saved_views (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      staff_user_id uuid NOT NULL REFERENCES staff_users (id),
      name text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
      query text NOT NULL CHECK (length(query) <= 2000),
      created_at timestamptz NOT NULL,
      UNIQUE (staff_user_id, name)
    )`.execute(db);

  // API clients of the staff JSON API: a token acts as one staff account (its role and scope); only the hash is kept.
  await sql`
    CREATE TABLE staff_api_clients (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
      staff_user_id uuid NOT NULL REFERENCES staff_users (id),
      token_hash text NOT NULL UNIQUE CHECK (token_hash ~ '^[0-9a-f]{64}$'),
      created_at timestamptz NOT NULL,
      revoked_at timestamptz
    )`.execute(db);

  // The project list's sort orders (list.queries.ts), newest first and largest first, each with its tie-breaker: a
  // page of 50 out of 100,000 projects is read in index order instead of sorting them all.
  await sql`CREATE INDEX pipeline_projects_list_updated ON pipeline_projects (updated_at DESC, reference)`.execute(db);
  await sql`CREATE INDEX pipeline_projects_list_amount ON pipeline_projects (amount_cny DESC NULLS LAST, reference)`.execute(db);

  // Time in stage (time-in-stage.ts) reads only the rows that enter a stage or close a project, per project in the
  // order they happened: this partial index hands them over in that order (index-only), skipping the other status
  // rows, instead of reading and sorting the whole log (1,000,000 rows for 100,000 projects).
  await sql`
    CREATE INDEX pipeline_stage_log_entries ON pipeline_stage_log (project_id, at, id) INCLUDE (from_stage, to_stage, to_status)
    WHERE from_stage IS DISTINCT FROM to_stage OR to_status IN ('lost', 'abandoned')`.execute(db);

  // Overdue next actions of the projects still pursued (the dashboard's count, the list's overdue filter): read from
  // this partial index alone (index-only) instead of visiting every project with a past date to check its status —
  // 280 ms → 8 ms for the count at 100,000 projects (bench/RESULTS.md).
  await sql`CREATE INDEX pipeline_projects_overdue ON pipeline_projects (next_action_on) WHERE status NOT IN ('lost', 'abandoned')`.execute(db);

  // The app's role may read and append the stage log, never rewrite it (2026_12_03_1200_create_app_role).
  const { rows } = await sql<{ exists: boolean }>`SELECT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'invest_app') AS exists`.execute(db);
  if (rows[0].exists) {
    await sql`REVOKE UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER ON pipeline_stage_log FROM invest_app`.execute(db);
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['staff_api_clients', 'pipeline_saved_views', 'investor_cases', 'pipeline_interactions', 'pipeline_service_items', 'pipeline_stage_log', 'pipeline_team', 'pipeline_projects', 'investors']) {
    await sql`DROP TABLE ${sql.id(table)}`.execute(db);
  }
  await sql`DROP FUNCTION pipeline_stage_log_append_only()`.execute(db);
  await sql`DROP SEQUENCE pipeline_reference_seq`.execute(db);
}
