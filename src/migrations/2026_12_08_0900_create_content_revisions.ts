import { sql, type Kysely } from 'kysely';

/**
 * Content that staff keep current (issue #12).
 *
 * - content_revisions: every version of every item, whoever made it (the seed files' loader, an editor, an import, a
 *   restore). A revision moves draft → in_review → scheduled/published; `data` null is a withdrawal (the item leaves
 *   the site: an expiry or a removal). content_items keeps only what is live and names the revision it came from.
 * - rule_test_profiles: investor profiles the rule editor's test runner evaluates before a rule is published.
 * - alert_subscriptions / alert_outcomes / alert_deliveries / alert_sweeps: investors' saved profiles (double opt-in),
 *   the last outcome each policy had for each profile, one row per e-mail sent (once per profile per change) and the
 *   content version the alert sweep has reached.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE content_revisions (
      id bigserial PRIMARY KEY,
      kind text NOT NULL CHECK (length(kind) BETWEEN 1 AND 60),
      item_id text NOT NULL CHECK (length(item_id) BETWEEN 1 AND 200),
      data jsonb,
      state text NOT NULL CHECK (state IN ('draft', 'in_review', 'scheduled', 'published', 'rejected', 'discarded', 'conflict')),
      origin text NOT NULL CHECK (origin IN ('seed', 'staff', 'import', 'restore', 'schedule')),
      based_on bigint REFERENCES content_revisions(id),
      problems jsonb NOT NULL DEFAULT '[]'::jsonb,
      note text CHECK (length(note) <= 2000),
      created_by uuid REFERENCES staff_users(id),
      -- Everyone who saved this revision: none of them may be its second-person reviewer.
      editors uuid[] NOT NULL DEFAULT '{}',
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      submitted_by uuid REFERENCES staff_users(id),
      submitted_at timestamptz,
      reviewed_by uuid REFERENCES staff_users(id),
      reviewed_at timestamptz,
      review_note text CHECK (length(review_note) <= 2000),
      publish_at timestamptz,
      published_by uuid REFERENCES staff_users(id),
      published_at timestamptz,
      content_version integer REFERENCES content_versions(version),
      -- A published or scheduled revision is valid: problems are only allowed while a revision is being worked on.
      CHECK (state NOT IN ('in_review', 'scheduled', 'published') OR problems = '[]'::jsonb),
      CHECK (state <> 'scheduled' OR publish_at IS NOT NULL),
      CHECK (state <> 'published' OR published_at IS NOT NULL)
    )`.execute(db);
  await sql`CREATE INDEX content_revisions_item ON content_revisions (kind, item_id, id DESC)`.execute(db);
  await sql`CREATE INDEX content_revisions_open ON content_revisions (state, updated_at DESC) WHERE state IN ('draft', 'in_review', 'scheduled', 'conflict')`.execute(db);
  await sql`CREATE INDEX content_revisions_due ON content_revisions (publish_at) WHERE state = 'scheduled'`.execute(db);
  await sql`CREATE INDEX content_revisions_by_version ON content_revisions (content_version) WHERE state = 'published'`.execute(db);

  await sql`ALTER TABLE content_items ADD COLUMN revision_id bigint REFERENCES content_revisions(id)`.execute(db);
  // What is live today becomes each item's first revision, as if the seed files had just been loaded.
  await sql`
    WITH seeded AS (
      INSERT INTO content_revisions (kind, item_id, data, state, origin, published_at, content_version)
      SELECT kind, id, data, 'published', 'seed', now(), version FROM content_items
      RETURNING id, kind, item_id
    )
    UPDATE content_items c SET revision_id = s.id FROM seeded s WHERE c.kind = s.kind AND c.id = s.item_id`.execute(db);

  await sql`
    CREATE TABLE rule_test_profiles (
      id bigserial PRIMARY KEY,
      name text NOT NULL UNIQUE CHECK (length(name) BETWEEN 1 AND 200),
      description text CHECK (length(description) <= 2000),
      facts jsonb NOT NULL,
      created_by uuid REFERENCES staff_users(id),
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_by uuid REFERENCES staff_users(id),
      updated_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);

  await sql`
    CREATE TABLE alert_subscriptions (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      email text NOT NULL CHECK (email = lower(email) AND email LIKE '%_@_%' AND length(email) <= 320),
      lang text NOT NULL CHECK (lang IN ('en', 'zh')),
      profile jsonb NOT NULL,
      origin text NOT NULL CHECK (origin IN ('policies-for-me', 'plan')),
      confirm_token_hash text NOT NULL UNIQUE,
      created_at timestamptz NOT NULL DEFAULT now(),
      confirmed_at timestamptz,
      unsubscribed_at timestamptz,
      last_alerted_at timestamptz
    )`.execute(db);
  await sql`CREATE INDEX alert_subscriptions_email ON alert_subscriptions (email, created_at DESC)`.execute(db);
  await sql`CREATE INDEX alert_subscriptions_active ON alert_subscriptions (id) WHERE confirmed_at IS NOT NULL AND unsubscribed_at IS NULL`.execute(db);
  await sql`
    CREATE TABLE alert_outcomes (
      subscription_id uuid NOT NULL REFERENCES alert_subscriptions(id) ON DELETE CASCADE,
      policy_id text NOT NULL,
      outcome text NOT NULL CHECK (outcome IN ('applies', 'may_apply', 'does_not_apply')),
      content_version integer NOT NULL,
      evaluated_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (subscription_id, policy_id)
    )`.execute(db);
  await sql`
    CREATE TABLE alert_deliveries (
      id bigserial PRIMARY KEY,
      subscription_id uuid NOT NULL REFERENCES alert_subscriptions(id) ON DELETE CASCADE,
      change_key text NOT NULL CHECK (length(change_key) BETWEEN 1 AND 200),
      policy_ids jsonb NOT NULL,
      unsubscribe_token_hash text NOT NULL UNIQUE,
      job_id text,
      created_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (subscription_id, change_key)
    )`.execute(db);
  await sql`
    CREATE TABLE alert_sweeps (
      name text PRIMARY KEY,
      content_version integer NOT NULL,
      swept_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['alert_sweeps', 'alert_deliveries', 'alert_outcomes', 'alert_subscriptions', 'rule_test_profiles']) {
    await sql`DROP TABLE ${sql.table(table)}`.execute(db);
  }
  await sql`ALTER TABLE content_items DROP COLUMN revision_id`.execute(db);
  await sql`DROP TABLE content_revisions`.execute(db);
}
