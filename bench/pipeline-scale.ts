/**
 * `npm run bench:pipeline` — the investment-project pipeline at scale (issue 11, "Bench"):
 *
 * On a throw-away PostgreSQL database (BENCH_DATABASE_URL, default postgres://postgres@127.0.0.1:5432/postgres),
 * 100,000 generated projects and about 1,000,000 stage-log rows (bench/generate-projects.ts, set-based SQL), then
 * through the real app (buildApp + app.inject with signed-in staff sessions, one request at a time): p50/p99 of the
 * project list (filters, a text search, three scopes), the project page, the dashboard (unfiltered and filtered), the
 * board, the JSON API's list, the staff opportunities page and the public projects list (which asks the pipeline
 * whether each opportunity is taken). Then every SQL statement those pages run, captured in-process and shown with
 * EXPLAIN (ANALYZE, BUFFERS) so RESULTS.md can show which index each uses.
 *
 * BENCH_PROJECTS (default 100000) and BENCH_SAMPLES (default 60 requests per row, after 5 to warm up).
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { queryRecorder } from './record-queries.js';
import { loadConfig } from '../src/config.js';
import { buildApp } from '../src/app.js';
import { ContentService, loadContentDirectory } from '../src/modules/content/index.js';
import { createStaffUser, type NewStaffUser } from '../src/modules/staff/index.js';
import { setPasswordWithToken } from '../src/modules/staff/set-password.js';
import { staffDb } from '../src/platform/auth/index.js';
import { openDatabase } from '../src/platform/db/database.js';
import { migrateToLatest } from '../src/platform/db/migrate.js';
import { signInAs } from '../test/helpers/staff.js';
import { generateProjects } from './generate-projects.js';

const PROJECTS = Number(process.env.BENCH_PROJECTS ?? 100_000);
const SAMPLES = Number(process.env.BENCH_SAMPLES ?? 60);
const ADMIN_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const LIFTED = { API_RATE_LIMIT: '100000000', PAGE_RATE_LIMIT: '100000000', PAGE_RENDER_SHARE: '1' };
const PASSWORD = 'bench-correct-horse-battery-staple';

interface Row { name: string; url: string; n: number; p50: number; p99: number; max: number }
const rows: Row[] = [];


const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];

const dbName = `ib_pipeline_bench_${randomBytes(4).toString('hex')}`;
const admin = new pg.Client({ connectionString: ADMIN_URL });
await admin.connect();
await admin.query(`CREATE DATABASE ${dbName}`);
await admin.end();
const url = new URL(ADMIN_URL);
url.pathname = `/${dbName}`;
const databaseUrl = url.toString();
const plans: string[] = [];
const began = performance.now();
try {
  const db = await openDatabase({ databaseUrl, dataDir: 'unused' });
  await migrateToLatest(db);
  await loadContentDirectory(db, 'content');
  const content = new ContentService(db);
  await content.refresh();
  const config = loadConfig({ LOG_LEVEL: 'silent', PUBLIC_BASE_URL: 'http://bench.invalid', DATABASE_URL: databaseUrl, ...LIFTED });
  const app = await buildApp(config, { db, content });
  await app.ready();

  const account = async (user: NewStaffUser) => {
    const staff = staffDb(db);
    const { userId, token } = await createStaffUser(staff, { ...user, actor: null, now: new Date() });
    const result = await setPasswordWithToken(staff, { token, password: PASSWORD, now: new Date(), requestId: 'bench' });
    if (!result.ok) throw new Error(`password refused: ${JSON.stringify(result)}`);
    return { userId, cookie: await signInAs(app, user.email, PASSWORD) };
  };
  const coordinator = await account({ email: 'coordinator@bench.invalid', name: 'Coordinator', role: 'municipal_coordinator', districtId: null, departmentId: null });
  const officer = await account({ email: 'officer@bench.invalid', name: 'Officer', role: 'district_officer', districtId: 'haidian', departmentId: null });
  const commissioner = await account({ email: 'commissioner@bench.invalid', name: 'Commissioner', role: 'project_commissioner', districtId: null, departmentId: null });

  const generating = performance.now();
  const generated = await generateProjects(databaseUrl, PROJECTS, new Date(), commissioner.userId);
  console.log(`generated ${generated.projects.toLocaleString('en')} projects and ${generated.stageLogRows.toLocaleString('en')} stage-log rows in ${Math.round(performance.now() - generating)} ms`);

  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const references = (await client.query<{ reference: string }>(`SELECT reference FROM pipeline_projects ORDER BY md5(reference) LIMIT $1`, [SAMPLES + 5])).rows.map((r) => r.reference);
  const officers = (await client.query<{ reference: string }>(`SELECT reference FROM pipeline_projects WHERE district_id = 'haidian' ORDER BY md5(reference) LIMIT $1`, [SAMPLES + 5])).rows.map((r) => r.reference);

  const C = coordinator.cookie;
  // An audited change, as any change to a project writes one: the dashboard keeps its figures only while the newest
  // audit row stays the same (dashboard-cache.ts), so a row with this before each request measures it computed afresh.
  const change = () => client.query(`INSERT INTO audit_log (at, actor_id, action, entity) VALUES (now(), NULL, 'bench.change', 'bench')`);
  const pages: [string, string | ((i: number) => string), string, (() => Promise<unknown>)?][] = [
    ['list, default (coordinator)', '/en/staff/projects', C],
    ['list, stage + district (coordinator)', '/en/staff/projects?stage=negotiating&district=haidian', C],
    ['list, text search (coordinator)', '/en/staff/projects?q=robotics', C],
    ['list, overdue by next action (coordinator)', '/en/staff/projects?overdue=yes&sort=next_action', C],
    ['list, page 40 sorted by amount (coordinator)', '/en/staff/projects?sort=amount&page=40', C],
    ['list, district officer (scoped)', '/en/staff/projects', officer.cookie],
    ['list, commissioner (team scope)', '/en/staff/projects', commissioner.cookie],
    ['project page (coordinator)', (i) => `/en/staff/projects/${references[i % references.length]}`, C],
    ['project page (district officer)', (i) => `/en/staff/projects/${officers[i % officers.length]}`, officer.cookie],
    ['dashboard, everything, after a change (coordinator)', '/en/staff/projects/dashboard', C, change],
    ['dashboard, everything, nothing changed (coordinator)', '/en/staff/projects/dashboard', C],
    ['dashboard, district + year, after a change (coordinator)', `/en/staff/projects/dashboard?district=haidian&year=${new Date().getUTCFullYear()}`, C, change],
    ['dashboard, district officer, after a change (scoped)', '/en/staff/projects/dashboard', officer.cookie, change],
    ['board (coordinator)', '/en/staff/projects/board', C],
    ['board, one industry (coordinator)', '/en/staff/projects/board?industry=pharmaceutical-health', C],
    ['API list (coordinator)', '/api/v1/staff/projects', C],
    ['API list, stage + district (coordinator)', '/api/v1/staff/projects?stage=signed&district=chaoyang', C],
    ['staff opportunities (district officer)', '/en/staff/opportunities', officer.cookie],
    ['public projects list (no account)', '/en/projects', ''],
  ];

  for (const [name, target, cookie, before] of pages) {
    const at = (i: number) => (typeof target === 'string' ? target : target(i));
    const headers = cookie ? { cookie } : {};
    // One request recorded for its SQL; warm-up; then the timed ones.
    queryRecorder.start();
    const first = await app.inject({ url: at(0), headers });
    const captured = queryRecorder.stop().filter((q) => /^\s*(select|with)\b/i.test(q.text) && /\bpipeline_|\binvestors\b/.test(q.text));
    if (first.statusCode !== 200) throw new Error(`${at(0)}: ${first.statusCode} ${first.body.slice(0, 300)}`);
    for (let i = 1; i < 5; i++) {
      await before?.();
      await app.inject({ url: at(i), headers });
    }
    const times: number[] = [];
    for (let i = 0; i < SAMPLES; i++) {
      await before?.();
      const start = performance.now();
      const response = await app.inject({ url: at(i + 5), headers });
      times.push(performance.now() - start);
      if (response.statusCode !== 200) throw new Error(`${at(i + 5)}: ${response.statusCode}`);
    }
    times.sort((a, b) => a - b);
    const row = { name, url: at(0), n: times.length, p50: percentile(times, 50), p99: percentile(times, 99), max: times[times.length - 1] };
    rows.push(row);
    console.log(`${name}: p50 ${row.p50.toFixed(1)} ms, p99 ${row.p99.toFixed(1)} ms`);
    const explained: string[] = [];
    for (const q of captured) {
      const plan = await client.query(`EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) ${q.text}`, q.values);
      const lines = plan.rows.map((r: Record<string, string>) => r['QUERY PLAN']);
      explained.push(`-- ${q.text.replace(/\s+/g, ' ').slice(0, 240)}${q.text.length > 240 ? ' …' : ''}\n${lines.join('\n')}`);
    }
    plans.push(`### ${name} — \`${at(0)}\`\n\n\`\`\`\n${explained.join('\n\n')}\n\`\`\``);
  }
  await client.end();
  await app.close();
  await db.destroy();
} finally {
  const client = new pg.Client({ connectionString: ADMIN_URL });
  await client.connect();
  await client.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
  await client.end();
}

console.log(`\nrun time ${Math.round((performance.now() - began) / 1000)} s, ${SAMPLES} requests a row, one at a time, in process (app.inject)`);
console.log(`\n| row | p50 ms | p99 ms | max ms |\n|---|---:|---:|---:|`);
for (const r of rows) console.log(`| ${r.name} — \`${r.url}\` | ${r.p50.toFixed(1)} | ${r.p99.toFixed(1)} | ${r.max.toFixed(1)} |`);
console.log(`\n${plans.join('\n\n')}`);
// The pg pool's handles may linger a moment after destroy: end now (the output is written).
process.exit(0);
