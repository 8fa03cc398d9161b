/**
 * `npm run bench`: start-up times, then autocannon against a bare Fastify route and the platform's endpoints
 * in the same run, printing req/s, p50/p99 latency and the ratio to the baseline. Servers run in child processes
 * so the load generator does not share their event loop.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir, cpus, totalmem } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { readFileSync } from 'node:fs';
import autocannon from 'autocannon';
import { runSearchScale } from './search-scale.js';

const DURATION = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = 50;

function start(script: string, env: Record<string, string>): ChildProcess {
  // The platform runs as built by `npm start` (dist/, plain JavaScript); the baseline server is TypeScript run by tsx.
  const args = script.endsWith('.ts') ? ['--import', 'tsx', script] : ['--enable-source-maps', script];
  // The API's per-client rate limit would turn a load test into a stream of 429s; it is raised for the bench only.
  // The same holds for the page budget of uncached query renders (PAGE_RATE_LIMIT), except in the flood row's own server.
  return spawn(process.execPath, args, { env: { ...process.env, LOG_LEVEL: 'warn', API_RATE_LIMIT: '100000000', PAGE_RATE_LIMIT: '100000000', PAGE_RENDER_SHARE: '1', ...env }, stdio: ['ignore', 'ignore', 'inherit'] });
}

async function waitReady(url: string, child: ChildProcess, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`${url} not ready in ${timeoutMs} ms`);
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  await exited;
}

async function timedStart(dataDir: string, port: number): Promise<{ ms: number; child: ChildProcess }> {
  const began = performance.now();
  const child = start('dist/main.js', { DATA_DIR: dataDir, PORT: String(port) });
  await waitReady(`http://127.0.0.1:${port}/readyz`, child);
  return { ms: performance.now() - began, child };
}

interface Row { name: string; path: string; rps: number; p50: number; p99: number; errors: number; rotating: boolean }

/**
 * POST with a JSON body. With `bodies`, every request sends the next body of the sequence (each one distinct, so an
 * answer cache cannot help); the row is compared with the rotating baseline like the other rotating rows.
 */
async function loadPost(name: string, url: string, body: unknown, bodies?: (n: number) => unknown): Promise<Row> {
  let next = 0;
  const requests = bodies ? [{ setupRequest: (req: autocannon.Request) => ({ ...req, body: JSON.stringify(bodies(next++)) }) }] : undefined;
  const options = { url, method: 'POST' as const, body: JSON.stringify(body), headers: { 'content-type': 'application/json' }, requests };
  await autocannon({ ...options, connections: 10, duration: 2 });
  const r = await autocannon({ ...options, connections: CONNECTIONS, duration: DURATION });
  return { name, path: `POST ${new URL(url).pathname}${bodies ? ' (every body distinct)' : ''}`, rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, errors: r.errors + r.non2xx, rotating: Boolean(bodies) };
}

/** Loads one URL, or rotates through several paths (e.g. the evaluation questions) on the same server. */

async function load(name: string, url: string, paths?: string[]): Promise<Row> {
  let next = 0;
  const requests = paths ? [{ setupRequest: (req: autocannon.Request) => ({ ...req, path: paths[next++ % paths.length] }) }] : undefined;
  // Warm-up so caches and JIT are in their steady state before measuring.
  await autocannon({ url, connections: 10, duration: 2, requests });
  const r = await autocannon({ url, connections: CONNECTIONS, duration: DURATION, headers: { 'accept-encoding': 'br, gzip' }, requests });
  const shown = paths ? `${new URL(url).pathname}?q=… (${paths.length} questions in rotation)` : new URL(url).pathname + new URL(url).search;
  return { name, path: shown, rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, errors: r.errors + r.non2xx, rotating: Boolean(paths) };
}

/**
 * A cached page measured while one loopback client floods the search page with distinct, never-cached queries at a
 * bounded rate (FLOOD_RATE req/s over 10 connections), on a server with the default page budget (PAGE_RATE_LIMIT).
 * The row's errors column counts the cached page's failures only; the flood's answers are summarised in its path.
 */
const FLOOD_RATE = 200;
async function loadDuringFlood(name: string, url: string, floodBase: string): Promise<Row> {
  await autocannon({ url, connections: 10, duration: 2 });
  let n = 0;
  const words = ['company', 'registration', 'tax', 'visa', 'office', 'rent', 'haidian', 'permit', 'bonded', 'salary'];
  const flood = autocannon({
    url: floodBase,
    connections: 10,
    overallRate: FLOOD_RATE,
    duration: DURATION,
    requests: [{ setupRequest: (req: autocannon.Request) => ({ ...req, path: `/en/search?q=${words[n % 10]}+${words[(n * 7) % 10]}+flood${n++}` }) }],
  });
  const r = await autocannon({ url, connections: CONNECTIONS, duration: DURATION, headers: { 'accept-encoding': 'br, gzip' } });
  const f = await flood;
  const refused = f['4xx'] ?? 0;
  return {
    name,
    path: `${new URL(url).pathname} during /en/search?q=<distinct> at ${FLOOD_RATE}/s (${f.requests.total} sent, ${refused} refused 429)`,
    rps: r.requests.average,
    p50: r.latency.p50,
    p99: r.latency.p99,
    errors: r.errors + r.non2xx,
    rotating: false,
  };
}

const questions = (JSON.parse(readFileSync('test/fixtures/search-eval.json', 'utf8')) as { lang: string; question: string }[]).map(
  (q) => `q=${encodeURIComponent(q.question)}&lang=${q.lang}`,
);

const matchProfiles = (JSON.parse(readFileSync('test/fixtures/policy-match-profiles.json', 'utf8')) as { profile: Record<string, unknown> }[]).map((p) => p.profile);

// Build as `npm start` does, before any timing: start-up is measured for the built app.
execFileSync(process.execPath, ['--import', 'tsx', 'scripts/build.ts'], { stdio: 'inherit' });
const dataDir = mkdtempSync(path.join(tmpdir(), 'ib-bench-'));
try {
  const first = await timedStart(dataDir, 3901);
  await stop(first.child);
  const restart = await timedStart(dataDir, 3901);
  const app = restart.child;

  const hello = start('bench/hello-server.ts', { PORT: '3902' });
  await waitReady('http://127.0.0.1:3902/', hello);

  // BENCH_ONLY=<regex> measures only the matching rows (the baselines always run): for quick checks while working.
  const only = process.env.BENCH_ONLY ? new RegExp(process.env.BENCH_ONLY, 'i') : null;
  const rows: Row[] = [];
  const measure = async (name: string, run: (name: string) => Promise<Row>) => {
    if (!only || name.startsWith('baseline') || only.test(name)) rows.push(await run(name));
  };
  await measure('baseline: bare Fastify hello', (name) => load(name, 'http://127.0.0.1:3902/'));
  // Rotating paths costs autocannon itself time per request; rotating rows are compared with a baseline that rotates too.
  await measure('baseline, rotating query strings', (name) => load(name, 'http://127.0.0.1:3902/', questions.map((q) => `/?${q}`)));
  await measure('cached page (en, industries)', (name) => load(name, 'http://127.0.0.1:3901/en/industries'));
  await measure('cached page (zh, district)', (name) => load(name, 'http://127.0.0.1:3901/zh/districts/haidian'));
  await measure('API list (policies, 20 items)', (name) => load(name, 'http://127.0.0.1:3901/api/v1/policies?limit=20'));
  await measure('API item (district)', (name) => load(name, 'http://127.0.0.1:3901/api/v1/districts/haidian'));
  await measure('search API', (name) => load(name, 'http://127.0.0.1:3901/api/v1/search', questions.map((q) => `/api/v1/search?${q}`)));
  await measure('answers API', (name) => load(name, 'http://127.0.0.1:3901/api/v1/answers', questions.map((q) => `/api/v1/answers?${q}`)));
  await measure('baseline: POST, constant 49 KB answer', (name) => loadPost(name, 'http://127.0.0.1:3902/large', { profile: 1 }, (n) => ({ profile: n })));
  const matchProfile = { industry: 'pharmaceutical-health', entity_type: 'rd_center', district: 'haidian', paid_in_capital_usd: 8000000, staff: 60 };
  await measure('policy match, one profile repeated', (name) => loadPost(name, 'http://127.0.0.1:3901/api/v1/policy-match', matchProfile));
  const varied = (n: number) => ({ ...matchProfiles[n % matchProfiles.length], paid_in_capital_usd: 100_000 + n });
  await measure(`policy match, ${matchProfiles.length} test profiles varied`, (name) => loadPost(name, 'http://127.0.0.1:3901/api/v1/policy-match', matchProfile, varied));
  // The whole answer (every rule, ~100 KB with 107 rules) instead of the first page of 25: what a client that asks for all pays.
  await measure('policy match, every result (limit=200), profiles varied', (name) => loadPost(name, 'http://127.0.0.1:3901/api/v1/policy-match?limit=200', matchProfile, varied));
  await measure('cost estimate', (name) => loadPost(name, 'http://127.0.0.1:3901/api/v1/cost-estimate', { district: 'haidian', office: { area_m2: 600 }, water_m3_per_month: 50, gas: { m3_per_month: 100 }, staff: { count: 60, monthly_salary_cny: 15000 } }));
  const floodRow = 'cached page during a search flood (default page budget)';
  if (!only || only.test(floodRow)) {
    // Its own server and data folder, with the default PAGE_RATE_LIMIT and PAGE_RENDER_SHARE (the main one lifts them
    // for the search row).
    const floodDir = mkdtempSync(path.join(tmpdir(), 'ib-bench-flood-'));
    const floodServer = start('dist/main.js', { DATA_DIR: floodDir, PORT: '3903', PAGE_RATE_LIMIT: '60', PAGE_RENDER_SHARE: '0.5' });
    try {
      await waitReady('http://127.0.0.1:3903/readyz', floodServer);
      await measure(floodRow, (name) => loadDuringFlood(name, 'http://127.0.0.1:3903/en', 'http://127.0.0.1:3903'));
    } finally {
      await stop(floodServer);
      rmSync(floodDir, { recursive: true, force: true });
    }
  }
  await measure('search page (HTML)', (name) => load(name, 'http://127.0.0.1:3901/en/search', questions.map((q) => `/${q.endsWith('zh') ? 'zh' : 'en'}/search?${q.replace(/&lang=\w+$/, '')}`)));
  await stop(hello);
  await stop(app);

  const baseline = rows[0].rps;
  const rotatingBaseline = rows[1].rps;
  console.log(`\n## Bench ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC — ${cpus().length} × ${cpus()[0]?.model.trim()}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`);
  console.log(`\nStart-up (embedded PGlite): first start incl. migrations and loading all content ${Math.round(first.ms)} ms; restart on existing data ${Math.round(restart.ms)} ms (both until /readyz answers 200).\n`);
  console.log(`autocannon, ${CONNECTIONS} connections, ${DURATION} s each, same run:\n`);
  console.log('| endpoint | path | req/s | p50 ms | p99 ms | ratio to baseline (rotating rows: to the rotating baseline) | errors |');
  console.log('|---|---|---:|---:|---:|---:|---:|');
  for (const r of rows) console.log(`| ${r.name} | \`${r.path}\` | ${Math.round(r.rps)} | ${r.p50} | ${r.p99} | ${(r.rps / (r.rotating ? rotatingBaseline : baseline)).toFixed(2)} | ${r.errors} |`);
  console.log('\nSearch and answers cache each distinct question per content version; the rotation warms the cache first, so these rows measure cached answers. Uncached query cost, in process, over the same questions:\n');
  for (const s of only ? [] : await runSearchScale()) {
    console.log(`- corpus ×${s.factor} (${s.units} passages): index build ${Math.round(s.buildMs)} ms; uncached query p50 ${s.p50.toFixed(2)} ms, p99 ${s.p99.toFixed(2)} ms, max ${s.max.toFixed(2)} ms`);
  }
} finally {
  rmSync(dataDir, { recursive: true, force: true });
}
