/**
 * `npm run bench:cases` — the service line under load (issue 10, "Bench"):
 *
 * 1. Submission throughput and latency: POST /api/v1/cases with a distinct body each time, on PGlite and PostgreSQL.
 * 2. With 100,000 generated cases on PostgreSQL (bench/generate-cases.ts): the staff workbench (default list, the
 *    overdue queue, a full-text search, a district officer's scoped list) and the dashboard, p50/p99 over HTTP with a
 *    signed-in session; then every SQL statement those pages run, captured in-process and shown with
 *    EXPLAIN (ANALYZE, BUFFERS) so RESULTS.md shows which index each uses.
 *
 * Servers run as child processes (`node --import tsx src/main.ts`), so autocannon does not share their event loop.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import autocannon from 'autocannon';
import pg from 'pg';
import { queryRecorder, type Statement } from './record-queries.js';
import { startServerProcess, type ServerProcess } from '../test/faults/process-helpers.js';
import { startTestApp, type TestApp } from '../test/helpers/test-app.js';
import { createStaffUser, type NewStaffUser } from '../src/modules/staff/index.js';
import { setPasswordWithToken } from '../src/modules/staff/set-password.js';
import { staffDb } from '../src/platform/auth/index.js';
import { signInAs } from '../test/helpers/staff.js';
import { generateCases } from './generate-cases.js';

const DURATION = Number(process.env.BENCH_SECONDS ?? 10);
const CASES = Number(process.env.BENCH_CASES ?? 100_000);
const ADMIN_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const LIFTED = { API_RATE_LIMIT: '100000000', CASE_SUBMIT_PER_ADDRESS_PER_HOUR: '100000000', CASE_SUBMIT_PER_EMAIL_PER_HOUR: '100000000', PAGE_RATE_LIMIT: '100000000', PAGE_RENDER_SHARE: '1' };
const PASSWORD = 'bench-correct-horse-battery-staple';

interface Row { name: string; rps: number; p50: number; p99: number; errors: number }
const rows: Row[] = [];

async function start(env: Record<string, string>): Promise<{ server: ServerProcess; base: string }> {
  const server = startServerProcess({ LOG_LEVEL: 'info', ROLE: 'web', ...LIFTED, ...env });
  return { server, base: await server.ready(180_000) };
}

async function stop(server: ServerProcess): Promise<void> {
  server.child.kill('SIGTERM');
  await server.exited;
}

async function measureSubmissions(name: string, base: string): Promise<void> {
  let n = 0;
  const body = (i: number) => JSON.stringify({ kind: 'demand', topic: 'operation', subject: `Bench ${i}`, description: `Bench submission ${i} about an inspection.`, anonymous: true, consent: true, lang: 'en' });
  const options = { url: `${base}/api/v1/cases`, method: 'POST' as const, headers: { 'content-type': 'application/json' }, body: body(0), requests: [{ setupRequest: (req: autocannon.Request) => ({ ...req, body: body(n++) }) }] };
  await autocannon({ ...options, connections: 10, duration: 2 });
  const r = await autocannon({ ...options, connections: 20, duration: DURATION });
  rows.push({ name, rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, errors: r.errors + r.non2xx });
}

async function measurePage(name: string, url: string, cookie: string): Promise<void> {
  await autocannon({ url, connections: 5, duration: 2, headers: { cookie } });
  const r = await autocannon({ url, connections: 10, duration: DURATION, headers: { cookie, 'accept-encoding': 'br, gzip' } });
  rows.push({ name, rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, errors: r.errors + r.non2xx });
}

async function account(t: TestApp, user: NewStaffUser): Promise<string> {
  const db = staffDb(t.database.db);
  const { token } = await createStaffUser(db, { ...user, actor: null, now: new Date() });
  const result = await setPasswordWithToken(db, { token, password: PASSWORD, now: new Date(), requestId: 'bench' });
  if (!result.ok) throw new Error(`password refused: ${JSON.stringify(result)}`);
  return signInAs(t.app, user.email, PASSWORD);
}

async function captureQueries(run: () => Promise<unknown>): Promise<Statement[]> {
  queryRecorder.start();
  let recorded: Statement[] = [];
  try {
    await run();
  } finally {
    recorded = queryRecorder.stop();
  }
  return recorded.filter((q) => /^\s*(select|with)\b/i.test(q.text) && /\bcases\b/.test(q.text));
}

async function explain(url: string, queries: Statement[]): Promise<string[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const out: string[] = [];
  try {
    for (const q of queries) {
      const plan = await client.query(`EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) ${q.text}`, q.values);
      const lines = plan.rows.map((r: Record<string, string>) => r['QUERY PLAN']);
      out.push(`-- ${q.text.replace(/\s+/g, ' ').slice(0, 200)}${q.text.length > 200 ? ' …' : ''}\n${lines.join('\n')}`);
    }
  } finally {
    await client.end();
  }
  return out;
}

// 1. Submissions on PGlite.
const pgliteDir = mkdtempSync(path.join(tmpdir(), 'ib-cases-bench-'));
try {
  const { server, base } = await start({ DATA_DIR: pgliteDir });
  await measureSubmissions('POST /api/v1/cases (PGlite)', base);
  await stop(server);
} finally {
  rmSync(pgliteDir, { recursive: true, force: true });
}

// 2. PostgreSQL: submissions, then 100,000 cases and the staff pages.
const dbName = `ib_cases_bench_${randomBytes(4).toString('hex')}`;
const admin = new pg.Client({ connectionString: ADMIN_URL });
await admin.connect();
await admin.query(`CREATE DATABASE ${dbName}`);
await admin.end();
const url = new URL(ADMIN_URL);
url.pathname = `/${dbName}`;
const databaseUrl = url.toString();
const pgDir = mkdtempSync(path.join(tmpdir(), 'ib-cases-bench-pg-'));
const plans: string[] = [];
try {
  const first = await start({ DATABASE_URL: databaseUrl, DATA_DIR: pgDir });
  await measureSubmissions('POST /api/v1/cases (PostgreSQL)', first.base);
  await stop(first.server);

  const began = performance.now();
  await generateCases(databaseUrl, CASES, new Date());
  console.log(`generated ${CASES} cases in ${Math.round(performance.now() - began)} ms`);

  // In-process app on the same database: accounts, sessions (valid for the child server too) and the SQL capture.
  process.env.TEST_DATABASE_URL = ADMIN_URL;
  const { loadConfig } = await import('../src/config.js');
  const { openDatabase } = await import('../src/platform/db/database.js');
  const { ContentService } = await import('../src/modules/content/index.js');
  const { buildApp } = await import('../src/app.js');
  const db = await openDatabase({ databaseUrl, dataDir: pgDir });
  const content = new ContentService(db);
  await content.refresh();
  const config = loadConfig({ LOG_LEVEL: 'silent', PUBLIC_BASE_URL: 'http://bench.invalid', ...LIFTED });
  const app = await buildApp(config, { db, content });
  await app.ready();
  const t = { app, database: { db, close: async () => undefined }, content, config, close: async () => app.close() } as unknown as TestApp;
  const coordinator = await account(t, { email: 'coordinator@bench.invalid', name: 'Coordinator', role: 'municipal_coordinator', districtId: null, departmentId: null } as NewStaffUser);
  const officer = await account(t, { email: 'officer@bench.invalid', name: 'Officer', role: 'district_officer', districtId: 'haidian', departmentId: null } as NewStaffUser);

  const pages: [string, string, string][] = [
    ['workbench, all open cases (coordinator)', '/en/staff/cases', coordinator],
    ['workbench, overdue queue (coordinator)', '/en/staff/cases?queue=overdue', coordinator],
    ['workbench, full-text search (coordinator)', '/en/staff/cases?q=customs', coordinator],
    ['workbench, district officer (scoped)', '/en/staff/cases', officer],
    ['dashboard, last 30 days (coordinator)', '/en/staff/cases/dashboard', coordinator],
    ['dashboard, district officer (scoped)', '/en/staff/cases/dashboard', officer],
  ];
  for (const [name, pagePath, cookie] of pages) {
    const captured = await captureQueries(async () => {
      const response = await app.inject({ url: pagePath, headers: { cookie } });
      if (response.statusCode !== 200) throw new Error(`${pagePath}: ${response.statusCode}`);
    });
    plans.push(`### ${name} — \`${pagePath}\`\n\n\`\`\`\n${(await explain(databaseUrl, captured)).join('\n\n')}\n\`\`\``);
  }
  await app.close();
  await db.destroy();

  const second = await start({ DATABASE_URL: databaseUrl, DATA_DIR: pgDir });
  for (const [name, pagePath, cookie] of pages) await measurePage(`${name}, ${CASES.toLocaleString('en')} cases`, `${second.base}${pagePath}`, cookie);
  await stop(second.server);
} finally {
  const client = new pg.Client({ connectionString: ADMIN_URL });
  await client.connect();
  await client.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
  await client.end();
  rmSync(pgDir, { recursive: true, force: true });
}

console.log(`\n| row | req/s | p50 ms | p99 ms | errors |\n|---|---:|---:|---:|---:|`);
for (const r of rows) console.log(`| ${r.name} | ${Math.round(r.rps)} | ${r.p50} | ${r.p99} | ${r.errors} |`);
console.log(`\n${plans.join('\n\n')}`);
