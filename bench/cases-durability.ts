/**
 * `npm run bench:durability` — nothing acknowledged is lost (issue 10, "Durability"), on PGlite and on PostgreSQL:
 *
 * 1. Submissions: 1,000 cases POSTed to /api/v1/cases, 50 at a time, and the server SIGKILLed once a third have been
 *    acknowledged (201). After a restart every acknowledged reference must be readable with its token.
 * 2. E-mail: a worker (ROLE=all) delivering the acknowledgements to an SMTP server (smtp-server, answering slowly so
 *    a message is in flight) is SIGKILLed mid-way and restarted. Every queued e-mail must arrive; a message may
 *    arrive twice only if its worker died between handing it to SMTP and recording it (at most one per kill).
 *
 * The server runs as a child process (`node --import tsx src/main.ts`); PostgreSQL runs at BENCH_DATABASE_URL
 * (default postgres://postgres@127.0.0.1:5432/postgres, where a throw-away database is created), skipped when absent.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { SMTPServer } from 'smtp-server';
import { startServerProcess, type ServerProcess } from '../test/faults/process-helpers.js';

const TOTAL = Number(process.env.DURABILITY_CASES ?? 1000);
const CONCURRENCY = 50;
const ADMIN_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
/** Public-write limits are lifted: this measures durability, not the limiter. */
const LIFTED = { API_RATE_LIMIT: '100000000', CASE_SUBMIT_PER_ADDRESS_PER_HOUR: '100000000', CASE_SUBMIT_PER_EMAIL_PER_HOUR: '100000000', PAGE_RATE_LIMIT: '100000000' };

interface Target {
  name: string;
  env: Record<string, string>;
  cleanup(): Promise<void>;
}

async function pgliteTarget(): Promise<Target> {
  const dir = mkdtempSync(path.join(tmpdir(), 'ib-durability-'));
  return { name: 'PGlite', env: { DATA_DIR: dir }, cleanup: async () => rmSync(dir, { recursive: true, force: true }) };
}

async function postgresTarget(): Promise<Target | null> {
  const name = `ib_durability_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  try {
    await admin.connect();
  } catch {
    console.log(`PostgreSQL not reachable at ${ADMIN_URL}: skipped`);
    return null;
  }
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  const dir = mkdtempSync(path.join(tmpdir(), 'ib-durability-pg-'));
  return {
    name: 'PostgreSQL',
    env: { DATABASE_URL: url.toString(), DATA_DIR: dir },
    cleanup: async () => {
      const client = new pg.Client({ connectionString: ADMIN_URL });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

function caseBody(n: number, withEmail: boolean): Record<string, unknown> {
  return {
    kind: 'inquiry', topic: 'policies', subject: `Durability ${n}`, description: `Submission number ${n} of the durability run.`,
    lang: n % 2 ? 'zh' : 'en', consent: true,
    ...(withEmail ? { contact_email: `enterprise-${n}@example.com` } : { anonymous: true }),
  };
}

async function start(env: Record<string, string>): Promise<{ server: ServerProcess; base: string }> {
  const server = startServerProcess({ LOG_LEVEL: 'warn', ...LIFTED, ...env });
  // The ready line is logged at info; wait for the port in /readyz instead.
  const base = await server.ready(180_000).catch(async () => {
    throw new Error(`server did not start:\n${server.stderr()}`);
  });
  return { server, base };
}

/** Part 1: returns [sent, acknowledged, found after restart]. */
async function submissions(target: Target): Promise<{ sent: number; acknowledged: number; failed: number; found: number; missing: string[] }> {
  const { server, base } = await start({ ...target.env, ROLE: 'web', LOG_LEVEL: 'info' });
  const acknowledged: { reference: string; token: string }[] = [];
  let sent = 0;
  let failed = 0;
  let killed = false;
  let next = 0;
  const killAt = Math.floor(TOTAL / 3);
  const runner = async () => {
    while (next < TOTAL) {
      const n = next++;
      sent += 1;
      try {
        const response = await fetch(`${base}/api/v1/cases`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(caseBody(n, false)) });
        if (response.status === 201) {
          const body = (await response.json()) as { reference: string; token: string };
          acknowledged.push({ reference: body.reference, token: body.token });
          if (!killed && acknowledged.length >= killAt) {
            killed = true;
            server.kill();
          }
        } else {
          failed += 1;
        }
      } catch {
        failed += 1;
      }
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, runner));
  await server.exited;
  const { server: again, base: base2 } = await start({ ...target.env, ROLE: 'web', LOG_LEVEL: 'info' });
  const missing: string[] = [];
  for (const { reference, token } of acknowledged) {
    const response = await fetch(`${base2}/api/v1/cases/${reference}`, { headers: { 'x-case-token': token } });
    if (response.status !== 200) missing.push(`${reference} (${response.status})`);
  }
  again.kill();
  await again.exited;
  return { sent, acknowledged: acknowledged.length, failed, found: acknowledged.length - missing.length, missing };
}

/** Part 2: e-mails through a worker killed while sending. */
async function mail(target: Target, messages: number): Promise<{ queued: number; delivered: number; unique: number; duplicates: number; lost: number }> {
  const received: string[] = [];
  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onData(stream, _session, callback) {
      let raw = '';
      stream.on('data', (chunk: Buffer) => (raw += chunk.toString('utf8')));
      stream.on('end', () => {
        // Slow acceptance keeps a message in flight when the worker is killed.
        setTimeout(() => {
          received.push(/^Message-ID:\s*(\S+)/im.exec(raw)?.[1] ?? 'none');
          callback();
        }, 40);
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
  const port = (smtp.server.address() as { port: number }).port;
  // ROLE=web: the submissions queue their acknowledgements, no worker sends yet.
  const env = { ...target.env, SMTP_URL: `smtp://127.0.0.1:${port}`, JOB_POLL_MS: '50', JOB_LEASE_MS: '3000' };
  const web = await start({ ...env, ROLE: 'web', LOG_LEVEL: 'info' });
  for (let n = 0; n < messages; n++) {
    const response = await fetch(`${web.base}/api/v1/cases`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(caseBody(100_000 + n, true)) });
    if (response.status !== 201) throw new Error(`submission ${n}: ${response.status} ${await response.text()}`);
  }
  web.server.kill();
  await web.server.exited;
  const worker = await start({ ...env, ROLE: 'all', LOG_LEVEL: 'info' });
  while (received.length < messages / 3) await new Promise((r) => setTimeout(r, 20));
  worker.server.kill();
  await worker.server.exited;
  const again = await start({ ...env, ROLE: 'all', LOG_LEVEL: 'info' });
  const deadline = Date.now() + 120_000;
  while (new Set(received).size < messages && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
  // Give a duplicate (the in-flight message, retried after its lease) time to arrive before counting.
  await new Promise((r) => setTimeout(r, 4000));
  again.server.kill();
  await again.server.exited;
  await new Promise<void>((resolve) => smtp.close(() => resolve()));
  const unique = new Set(received).size;
  return { queued: messages, delivered: received.length, unique, duplicates: received.length - unique, lost: messages - unique };
}

const lines: string[] = [];
for (const make of [pgliteTarget, postgresTarget]) {
  const target = await make();
  if (!target) continue;
  try {
    const s = await submissions(target);
    lines.push(`| ${target.name} | submissions | ${s.sent} sent, ${s.acknowledged} acknowledged (201) before/around the SIGKILL, ${s.failed} failed (connection reset) | ${s.found} of ${s.acknowledged} found after restart | ${s.missing.length === 0 ? 'none lost' : `LOST: ${s.missing.slice(0, 10).join(', ')}`} |`);
    const m = await mail(target, 120);
    lines.push(`| ${target.name} | e-mail, worker SIGKILLed mid-send | ${m.queued} queued | ${m.unique} of ${m.queued} delivered (${m.delivered} deliveries, ${m.duplicates} duplicate) | ${m.lost === 0 && m.duplicates <= 1 ? 'none lost, at most one duplicate (the message in flight)' : `LOST ${m.lost}, duplicates ${m.duplicates}`} |`);
  } finally {
    await target.cleanup();
  }
}
console.log('| database | scenario | load | after restart | verdict |');
console.log('|---|---|---|---|---|');
for (const line of lines) console.log(line);
if (lines.some((l) => /LOST/.test(l))) process.exitCode = 1;
