import { sql, type Kysely } from 'kysely';

/**
 * The enterprise service line: cases (inquiries, demands, complaints, reports), the units handling them, their
 * timeline and attachments. A case row holds its current state and the timestamps every time limit is computed from
 * (so "due soon", "overdue" and "breached" never depend on a timer having run); the timeline is append-only like the
 * audit log, so what an enterprise or a handler was told cannot be rewritten afterwards.
 */
const KINDS = ['inquiry', 'demand', 'complaint', 'report'];
const STATUSES = [
  'submitted', 'needs_materials', 'accepted', 'rejected', 'dispatched', 'signed_for', 'in_progress', 'extension_requested',
  'reply_drafted', 'replied', 'closed',
];
const UNITS = ['minutes', 'calendar_days', 'working_days'];
const list = (values: string[]) => sql.raw(values.map((v) => `'${v}'`).join(', '));

export async function up(db: Kysely<unknown>): Promise<void> {
  // References read by people: IB-2026-000123. The sequence never repeats a number, even after a rolled-back insert.
  await sql`CREATE SEQUENCE case_reference_seq`.execute(db);
  await sql`
    CREATE TABLE cases (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      reference text NOT NULL UNIQUE CHECK (reference ~ '^IB-[0-9]{4}-[0-9]{6,}$'),
      -- SHA-256 of the tracking token shown once to the enterprise: a leaked table opens no case.
      token_hash text NOT NULL,
      kind text NOT NULL CHECK (kind IN (${list(KINDS)})),
      topic_id text NOT NULL CHECK (length(topic_id) BETWEEN 1 AND 100),
      -- Filed under the complaint mechanism for foreign-invested enterprises (its own limits and agencies).
      fie_complaint boolean NOT NULL DEFAULT false,
      status text NOT NULL CHECK (status IN (${list(STATUSES)})),
      lang text NOT NULL CHECK (lang IN ('en', 'zh')),
      district_id text REFERENCES districts (id),
      lead_department_id text REFERENCES departments (id),
      -- The catalogue entry (content/service-line/limits.json) and a copy of its limit when it was applied.
      limit_id text NOT NULL,
      limit_amount integer NOT NULL CHECK (limit_amount >= 0),
      limit_unit text NOT NULL CHECK (limit_unit IN (${list(UNITS)})),
      -- The enterprise's clock: runs from clock_started_at, paused from paused_at to resumed_at while waiting for the
      -- enterprise's materials (one request per case, so one pause). due_at is derived from these and the limit.
      clock_started_at timestamptz NOT NULL,
      paused_at timestamptz,
      resumed_at timestamptz,
      due_at timestamptz NOT NULL,
      -- The enterprise's own deadline while materials are requested (one request per case).
      materials_requested_at timestamptz,
      materials_due_at timestamptz,
      extended boolean NOT NULL DEFAULT false,
      enterprise_name text CHECK (length(enterprise_name) <= 300),
      uscc text CHECK (uscc ~ '^[0-9A-HJ-NPQRTUWXY]{2}[0-9]{6}[0-9A-HJ-NPQRTUWXY]{10}$'),
      foreign_invested boolean,
      investor_origin text CHECK (length(investor_origin) <= 100),
      contact_name text CHECK (length(contact_name) <= 200),
      contact_email text CHECK (contact_email = lower(contact_email) AND length(contact_email) <= 254),
      contact_phone text CHECK (length(contact_phone) <= 40),
      anonymous boolean NOT NULL DEFAULT false,
      subject text NOT NULL CHECK (length(subject) BETWEEN 1 AND 200),
      description text NOT NULL CHECK (length(description) BETWEEN 1 AND 20000),
      -- Trade secrets: the description and attachments are hidden from roles that need not see them.
      confidential boolean NOT NULL DEFAULT false,
      duplicate_of uuid REFERENCES cases (id),
      submitted_at timestamptz NOT NULL,
      accepted_at timestamptz,
      replied_at timestamptz,
      closed_at timestamptz,
      resolution_code text,
      resolved boolean,
      satisfaction smallint CHECK (satisfaction BETWEEN 1 AND 5),
      reopen_count integer NOT NULL DEFAULT 0,
      -- Who submitted through which channel: the web form, the JSON API or an Open311 client.
      channel text NOT NULL CHECK (channel IN ('web', 'api', 'open311')),
      client_id text,
      updated_at timestamptz NOT NULL,
      search tsvector GENERATED ALWAYS AS (
        to_tsvector('simple', coalesce(reference, '') || ' ' || coalesce(subject, '') || ' ' || coalesce(enterprise_name, '') || ' ' || coalesce(description, ''))
      ) STORED,
      CONSTRAINT cases_anonymous_has_no_contact CHECK (NOT anonymous OR (contact_email IS NULL AND contact_phone IS NULL)),
      CONSTRAINT cases_closed_has_time CHECK (status <> 'closed' OR closed_at IS NOT NULL)
    )`.execute(db);
  for (const [name, columns] of [
    ['cases_status_due', 'status, due_at'],
    ['cases_district_status', 'district_id, status, due_at'],
    ['cases_department_status', 'lead_department_id, status, due_at'],
    ['cases_submitted_at', 'submitted_at'],
    ['cases_topic', 'topic_id, submitted_at'],
  ] as const) {
    await sql`CREATE INDEX ${sql.raw(name)} ON cases (${sql.raw(columns)})`.execute(db);
  }
  await sql`CREATE INDEX cases_search ON cases USING gin (search)`.execute(db);

  // Units on a case: one lead, any number of co-handlers; each unit's clock runs from its sign-for.
  await sql`
    CREATE TABLE case_units (
      case_id uuid NOT NULL REFERENCES cases (id),
      department_id text NOT NULL REFERENCES departments (id),
      role text NOT NULL CHECK (role IN ('lead', 'co')),
      assigned_at timestamptz NOT NULL,
      signed_at timestamptz,
      due_at timestamptz,
      returned_at timestamptz,
      return_reason text,
      handler_id uuid REFERENCES staff_users (id),
      PRIMARY KEY (case_id, department_id, assigned_at)
    )`.execute(db);
  await sql`CREATE INDEX case_units_department ON case_units (department_id) WHERE returned_at IS NULL`.execute(db);

  await sql`
    CREATE TABLE case_events (
      id bigserial PRIMARY KEY,
      case_id uuid NOT NULL REFERENCES cases (id),
      at timestamptz NOT NULL,
      actor_type text NOT NULL CHECK (actor_type IN ('enterprise', 'staff', 'system')),
      actor_id uuid,
      action text NOT NULL CHECK (length(action) BETWEEN 1 AND 60),
      from_status text,
      to_status text,
      -- public: the enterprise sees it on the tracking page; internal: staff only.
      visibility text NOT NULL CHECK (visibility IN ('public', 'internal')),
      body text CHECK (length(body) <= 20000),
      data jsonb NOT NULL DEFAULT '{}'::jsonb,
      request_id text
    )`.execute(db);
  await sql`CREATE INDEX case_events_case ON case_events (case_id, id)`.execute(db);
  await sql`
    CREATE FUNCTION case_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      RAISE EXCEPTION 'case_events is append-only: % is not allowed', TG_OP;
    END
    $$`.execute(db);
  await sql`CREATE TRIGGER case_events_no_update_delete BEFORE UPDATE OR DELETE ON case_events FOR EACH ROW EXECUTE FUNCTION case_events_append_only()`.execute(db);

  await sql`
    CREATE TABLE case_attachments (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      case_id uuid NOT NULL REFERENCES cases (id),
      storage_key text NOT NULL UNIQUE,
      filename text NOT NULL CHECK (length(filename) BETWEEN 1 AND 255),
      content_type text NOT NULL CHECK (content_type IN ('application/pdf', 'image/png', 'image/jpeg')),
      size_bytes integer NOT NULL CHECK (size_bytes > 0),
      sha256 text NOT NULL,
      uploaded_at timestamptz NOT NULL,
      uploaded_by text NOT NULL CHECK (uploaded_by IN ('enterprise', 'staff'))
    )`.execute(db);
  await sql`CREATE INDEX case_attachments_case ON case_attachments (case_id)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE case_attachments`.execute(db);
  await sql`DROP TABLE case_events`.execute(db);
  await sql`DROP FUNCTION case_events_append_only()`.execute(db);
  await sql`DROP TABLE case_units`.execute(db);
  await sql`DROP TABLE cases`.execute(db);
  await sql`DROP SEQUENCE case_reference_seq`.execute(db);
}
