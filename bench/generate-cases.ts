/**
 * Fills a migrated database with `count` service-line cases spread over the last year (kinds, topics, districts,
 * statuses and lead units in realistic proportions; about a tenth of the open ones overdue), with one timeline entry
 * each and a unit row for every dispatched case. Set-based SQL, so 100,000 cases take seconds. For the benchmarks
 * only: the references start at IB-2025-500000 so they cannot collide with filed cases.
 */
import pg from 'pg';

export async function generateCases(databaseUrl: string, count: number, now: Date): Promise<void> {
  // Its own connection without the app's timeouts: the inserts and their index updates take longer than a request may.
  const db = new pg.Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    await db.query('BEGIN');
    await fill(db, count, now);
    await db.query('COMMIT');
    // As autovacuum would in production: the visibility map lets the reports count from their covering indexes alone.
    for (const table of ['cases', 'case_units', 'case_events']) await db.query(`VACUUM ANALYZE ${table}`);
  } finally {
    await db.end();
  }
}

async function fill(db: pg.Client, count: number, now: Date): Promise<void> {
  await db.query(`
    CREATE TEMP TABLE gen_departments AS
    SELECT row_number() OVER (ORDER BY id) AS n, id, district_id FROM departments WHERE active`);
  await db.query(`
    INSERT INTO cases (
      reference, token_hash, kind, topic_id, fie_complaint, status, lang, district_id, lead_department_id, limit_id,
      limit_amount, limit_unit, clock_started_at, due_at, subject, description, anonymous, submitted_at, accepted_at,
      replied_at, closed_at, resolution_code, resolved, satisfaction, channel, updated_at
    )
    SELECT
      'IB-2025-' || lpad((500000 + g)::text, 6, '0'),
      md5(g::text),
      (ARRAY['inquiry','demand','complaint','report'])[1 + g % 4],
      (ARRAY['policies','establishment','operation','tax-finance','customs-trade','land-construction','talent-labour','other'])[1 + g % 8],
      false,
      s.status,
      CASE WHEN g % 3 = 0 THEN 'zh' ELSE 'en' END,
      (ARRAY['dongcheng','xicheng','chaoyang','haidian','fengtai','shijingshan','mentougou','fangshan','tongzhou','shunyi','daxing','changping','pinggu','huairou','miyun','yanqing','bda'])[1 + g % 17],
      CASE WHEN s.status IN ('dispatched','signed_for','in_progress','extension_requested','reply_drafted','replied','closed') THEN d.id END,
      'general-demand', 7, 'calendar_days',
      s.submitted, s.submitted + interval '7 days',
      'Generated case ' || g,
      'Generated description of case ' || g || ' about permits, taxes and customs clearance in Beijing.',
      true,
      s.submitted,
      CASE WHEN s.status <> 'submitted' THEN s.submitted + interval '1 hour' END,
      CASE WHEN s.status IN ('replied','closed') THEN s.submitted + (g % 10) * interval '1 day' END,
      CASE WHEN s.status = 'closed' THEN s.submitted + (g % 10) * interval '1 day' + interval '2 days' END,
      CASE WHEN s.status = 'closed' THEN 'resolved' END,
      CASE WHEN s.status IN ('replied','closed') THEN g % 20 <> 0 END,
      CASE WHEN s.status IN ('replied','closed') THEN 1 + g % 5 END,
      'web',
      s.submitted
    FROM generate_series(1, $1) AS g
    CROSS JOIN LATERAL (
      SELECT
        $2::timestamptz - (g % 365) * interval '1 day' - (g % 24) * interval '1 hour' AS submitted,
        CASE
          WHEN g % 365 < 30 THEN (ARRAY['submitted','accepted','dispatched','signed_for','in_progress','extension_requested','reply_drafted','needs_materials'])[1 + g % 8]
          WHEN g % 10 = 0 THEN (ARRAY['in_progress','dispatched','signed_for'])[1 + g % 3]
          ELSE (ARRAY['replied','closed','closed'])[1 + g % 3]
        END AS status
    ) AS s
    JOIN gen_departments d ON d.n = 1 + g % (SELECT count(*) FROM gen_departments)`, [count, now]);
  await db.query(`
    INSERT INTO case_units (case_id, department_id, role, assigned_at, signed_at, due_at)
    SELECT id, lead_department_id, 'lead', accepted_at, accepted_at + interval '1 hour', due_at FROM cases
    WHERE reference LIKE 'IB-2025-5%' AND lead_department_id IS NOT NULL`);
  await db.query(`
    INSERT INTO case_events (case_id, at, actor_type, action, to_status, visibility, data)
    SELECT id, submitted_at, 'enterprise', 'submit', 'submitted', 'public', '{}'::jsonb FROM cases WHERE reference LIKE 'IB-2025-5%'`);
  await db.query(`DROP TABLE gen_departments`);
}
