/**
 * Fills a migrated database (with its content loaded) with `projects` pipeline projects and about ten stage-log rows
 * each — 100,000 and 1,000,000 for the bench — plus their investors, a commissioner's team rows, service items and
 * interactions. Set-based SQL (INSERT … SELECT generate_series), so the whole lot takes seconds, not hours; every row
 * keeps the migration's CHECKs (a signed project has its agreement, a registered one its USCC, a lost one its reason).
 *
 * Spread like the demo seed (scripts/demo-pipeline-data.ts), by arithmetic on the row number: all 17 districts, 16
 * industries, six kinds, five sources, stages lead 35 % · negotiating 30 % · signed 15 % · registered 10 % · operating
 * 10 %, statuses active 78 % · delayed 7 % · dormant 5 % · lost 7 % · abandoned 3 %, created over the last two years,
 * 2 % taking up a conference opportunity, next actions of the pursued ones a third overdue. Ids are md5-derived
 * uuids of the row number, so the log, team and items join their project without a lookup. For benchmarks only:
 * references start at PJ-yyyy-1000001 and never collide with the sequence's.
 */
import pg from 'pg';

export interface GeneratedPipeline {
  projects: number;
  stageLogRows: number;
}

const DISTRICTS = ['dongcheng', 'xicheng', 'chaoyang', 'haidian', 'fengtai', 'shijingshan', 'mentougou', 'fangshan', 'tongzhou', 'shunyi', 'daxing', 'changping', 'pinggu', 'huairou', 'miyun', 'yanqing', 'bda'];
const INDUSTRIES = ['electronic-information', 'pharmaceutical-health', 'automobile-transportation', 'intelligent-equipment', 'materials-green-energy', 'aerospace', 'digital-economy', 'information-software', 'urban-industry', 'future-industries', 'financial-services', 'information-services', 'sci-tech-services', 'business-services', 'life-services', 'cultural-industry'];
const ORIGINS = ['HK', 'HK', 'HK', 'US', 'DE', 'JP', 'SG', 'KR', 'FR', 'GB', 'CH', 'NL', 'TW', 'SE', 'IT'];
const WORDS = ['battery', 'robotics', 'biopharma', 'semiconductor', 'logistics', 'fintech', 'software', 'materials', 'aerospace', 'diagnostics', 'vaccines', 'sensors'];
const array = (values: readonly string[]) => `ARRAY[${values.map((v) => `'${v}'`).join(',')}]`;

/** `projects` projects for `commissionerId` (on every 20th project's team) as of `now`. */
export async function generateProjects(databaseUrl: string, projects: number, now: Date, commissionerId: string | null): Promise<GeneratedPipeline> {
  // Its own connection without the app's statement timeout: the inserts and their index updates take longer than a request may.
  const db = new pg.Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    await db.query('BEGIN');
    await db.query(`SET LOCAL synchronous_commit = off`);
    await fillInvestors(db, Math.ceil(projects / 2.5), now);
    await fillProjects(db, projects, Math.ceil(projects / 2.5), now);
    const { rows } = await db.query<{ n: string }>(`SELECT count(*) AS n FROM pipeline_stage_log`);
    await fillTeamsItemsInteractions(db, commissionerId, now);
    await db.query('COMMIT');
    // As autovacuum would in production: fresh statistics and the visibility map for index-only scans.
    for (const table of ['investors', 'pipeline_projects', 'pipeline_stage_log', 'pipeline_team', 'pipeline_service_items', 'pipeline_interactions']) await db.query(`VACUUM ANALYZE ${table}`);
    return { projects, stageLogRows: Number(rows[0].n) };
  } finally {
    await db.end();
  }
}

async function fillInvestors(db: pg.Client, count: number, now: Date): Promise<void> {
  await db.query(
    `INSERT INTO investors (id, name, name_zh, origin, parent_group, created_at, updated_at)
     SELECT md5('investor-' || i)::uuid, 'Bench Investor ' || lpad(i::text, 6, '0') || ' (generated)', '基准测试投资方 ' || i,
            (${array(ORIGINS)})[1 + i % ${ORIGINS.length}], CASE WHEN i % 3 = 0 THEN 'Bench Group ' || (i % 500) END, $2, $2
     FROM generate_series(1, $1) AS i`,
    [count, now],
  );
}

async function fillProjects(db: pg.Client, count: number, investors: number, now: Date): Promise<void> {
  // p: the row's made-up facts; d: its dates, each stage after the one before and none after now.
  await db.query(
    `CREATE TEMP TABLE gen_projects ON COMMIT DROP AS
     SELECT g, md5('project-' || g)::uuid AS id, p.*,
            $2::timestamptz - p.age AS created_at,
            CASE WHEN p.stage_no >= 3 THEN (($2::timestamptz - p.age * 0.5) AT TIME ZONE 'Asia/Shanghai')::date END AS signed_on,
            CASE WHEN p.stage_no >= 4 THEN (($2::timestamptz - p.age * 0.3) AT TIME ZONE 'Asia/Shanghai')::date END AS registered_on,
            CASE WHEN p.stage_no >= 5 THEN (($2::timestamptz - p.age * 0.1) AT TIME ZONE 'Asia/Shanghai')::date END AS first_operation_on,
            -- Log rows: one per stage reached, then status changes (6–10 of them: about ten rows a project in all).
            p.stage_no + 6 + (g % 5) AS log_rows
     FROM generate_series(1, $1) AS g
     CROSS JOIN LATERAL (
       SELECT (${array(DISTRICTS)})[1 + g % 17] AS district_id,
              CASE WHEN (g * 7) % 100 < 35 THEN 1 WHEN (g * 7) % 100 < 65 THEN 2 WHEN (g * 7) % 100 < 80 THEN 3 WHEN (g * 7) % 100 < 90 THEN 4 ELSE 5 END AS stage_no,
              CASE WHEN (g * 13) % 100 < 78 THEN 'active' WHEN (g * 13) % 100 < 85 THEN 'delayed' WHEN (g * 13) % 100 < 90 THEN 'dormant' WHEN (g * 13) % 100 < 97 THEN 'lost' ELSE 'abandoned' END AS status,
              (g % 730) * interval '1 day' + (g % 24) * interval '1 hour' + interval '2 days' AS age
     ) AS p`,
    [count, now],
  );
  await db.query(
    `INSERT INTO pipeline_projects (
       id, reference, investor_id, name, kind, industry_id, district_id, opportunity_id, currency, amount_total, amount_foreign,
       amount_cny, amount_cny_on, expected_jobs, source_kind, source_detail, stage, status, status_reason, status_note,
       next_action, next_action_on, signed_on, agreement_parties, agreement_ref, uscc, registered_on, registered_capital,
       first_operation_on, created_at, updated_at, stage_entered_at, landed_at
     )
     SELECT id, 'PJ-' || extract(year FROM created_at AT TIME ZONE 'Asia/Shanghai') || '-' || (1000000 + g),
            md5('investor-' || (1 + g % $1))::uuid,
            'Generated ' || (${array(WORDS)})[1 + g % ${WORDS.length}] || ' project ' || g,
            (ARRAY['new','expansion','capital_increase','merger_acquisition','rd_centre','regional_hq'])[1 + g % 6],
            (${array(INDUSTRIES)})[1 + (g / 17) % ${INDUSTRIES.length}],
            district_id,
            CASE WHEN g % 50 = 0 AND district_id NOT IN ('yanqing', 'bda') THEN district_id || '-' || (1 + (g / 50) % 4) END,
            'USD', (1 + g % 400) * 250000, (1 + g % 400) * 250000, (1 + g % 400) * 1775000, (created_at AT TIME ZONE 'Asia/Shanghai')::date,
            5 + g % 500,
            (ARRAY['event','partner','district','municipal','other'])[1 + g % 5],
            (ARRAY['2025 Invest in Beijing Conference','EU Chamber of Commerce in China','District investment promotion','Municipal recommendation','Referral'])[1 + g % 5],
            (ARRAY['lead','negotiating','signed','registered','operating'])[stage_no], status,
            CASE WHEN status IN ('lost','abandoned') THEN (ARRAY['other_city','funding','costs','timing','investor_strategy'])[1 + g % 5] END,
            CASE WHEN status IN ('lost','abandoned','delayed','dormant') THEN 'Generated note for project ' || g END,
            CASE WHEN status IN ('active','delayed') THEN 'Follow-up call' END,
            CASE WHEN status IN ('active','delayed') THEN ($2::timestamptz AT TIME ZONE 'Asia/Shanghai')::date + (g % 60 - 20) END,
            signed_on, CASE WHEN stage_no >= 3 THEN 'Bench Investor; District government' END, CASE WHEN stage_no >= 3 THEN 'BENCH-' || g END,
            CASE WHEN stage_no >= 4 THEN '91350100M000100Y43' END, registered_on, CASE WHEN stage_no >= 4 THEN 1000000 END,
            first_operation_on, created_at, $2::timestamptz - age * 0.05, created_at + age * 0.95 * (stage_no - 1) / log_rows,
            CASE WHEN stage_no >= 4 THEN $2::timestamptz - age * 0.3 END
     FROM gen_projects`,
    [investors, now],
  );
  // The log: rows 1…stage_no walk the stages (creation at lead), the rest are status changes at the current stage
  // (delayed and back to active, …), the last one setting the project's status; evenly spread over the project's age.
  await db.query(
    `INSERT INTO pipeline_stage_log (project_id, at, from_stage, to_stage, from_status, to_status, reason, note, evidence, request_id)
     SELECT p.id, p.created_at + (p.age * 0.95) * (j - 1) / p.log_rows,
            CASE WHEN j = 1 THEN NULL WHEN j <= p.stage_no THEN s.stages[j - 1] ELSE s.stages[p.stage_no] END,
            s.stages[least(j, p.stage_no)],
            CASE WHEN j = 1 THEN NULL WHEN j <= p.stage_no + 1 THEN 'active' WHEN (j - p.stage_no) % 2 = 0 THEN 'delayed' ELSE 'active' END,
            CASE WHEN j = p.log_rows THEN p.status WHEN j <= p.stage_no THEN 'active' WHEN (j - p.stage_no) % 2 = 1 THEN 'delayed' ELSE 'active' END,
            CASE WHEN j = p.log_rows AND p.status IN ('lost','abandoned') THEN 'other_city' END,
            CASE WHEN j > p.stage_no THEN 'Generated status change' END,
            '{}'::jsonb, 'bench'
     FROM gen_projects p
     CROSS JOIN (SELECT ARRAY['lead','negotiating','signed','registered','operating'] AS stages) s
     CROSS JOIN LATERAL generate_series(1, p.log_rows) AS j`,
  );
}

async function fillTeamsItemsInteractions(db: pg.Client, commissionerId: string | null, now: Date): Promise<void> {
  if (commissionerId) {
    await db.query(`INSERT INTO pipeline_team (project_id, staff_user_id, role, assigned_at) SELECT id, $1, 'commissioner', created_at FROM gen_projects WHERE g % 20 = 0`, [commissionerId]);
  }
  await db.query(
    `INSERT INTO pipeline_service_items (project_id, title, due_on, status, created_at, updated_at)
     SELECT id, 'Generated service item ' || k, ($1::timestamptz AT TIME ZONE 'Asia/Shanghai')::date + (g % 90 - 30), (ARRAY['open','in_progress','done','dropped'])[1 + (g + k) % 4], created_at, created_at
     FROM gen_projects CROSS JOIN LATERAL generate_series(1, 1 + g % 3) AS k WHERE stage_no >= 2`,
    [now],
  );
  await db.query(
    `INSERT INTO pipeline_interactions (investor_id, project_id, kind, occurred_on, people, notes, created_at)
     SELECT pp.investor_id, p.id, (ARRAY['meeting','call','visit','event','email'])[1 + (p.g + k) % 5],
            ((p.created_at + p.age * 0.2 * k) AT TIME ZONE 'Asia/Shanghai')::date, 'Generated contact', 'Generated interaction ' || k, p.created_at + p.age * 0.2 * k
     FROM gen_projects p JOIN pipeline_projects pp ON pp.id = p.id CROSS JOIN LATERAL generate_series(1, 1 + p.g % 2) AS k`,
  );
}
