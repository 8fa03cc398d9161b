/**
 * ROLE in the real start-up (src/main.ts, spawned): ROLE=worker runs the job loop and opens no HTTP listener;
 * ROLE=web serves HTTP and runs no jobs. Both on the embedded database, a job queued before the process starts.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { createServer, connect } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Kysely } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../src/config.js';
import { openDatabase } from '../src/platform/db/database.js';
import { migrateToLatest } from '../src/platform/db/migrate.js';
import type { JobTables } from '../src/platform/jobs/index.js';
import { queueEmail } from '../src/platform/mail/index.js';

const root = path.resolve(import.meta.dirname, '..');

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

function portOpen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ port, host: '127.0.0.1' });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

/** A DATA_DIR whose embedded database holds one queued e-mail; returns its job id. */
async function dataDirWithQueuedEmail(dataDir: string): Promise<string> {
  const db = await openDatabase({ dataDir });
  try {
    await migrateToLatest(db);
    return await db.transaction().execute((trx) => queueEmail(trx, { to: 'wang.li@example.cn', subject: 'Queued before start', text: 'Hello.' }));
  } finally {
    await db.destroy();
  }
}

async function jobStatus(dataDir: string, id: string): Promise<string> {
  const db = await openDatabase({ dataDir });
  try {
    const row = await (db as unknown as Kysely<JobTables>).selectFrom('jobs').select('status').where('id', '=', id).executeTakeFirstOrThrow();
    return row.status;
  } finally {
    await db.destroy();
  }
}

interface Started {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

function startMain(env: Record<string, string>): Started {
  let output = '';
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: root,
    env: { PATH: process.env.PATH ?? '', LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, output: () => output, exited };
}

async function waitFor(check: () => boolean | Promise<boolean>, what: string, started: Started, timeoutMs = 90_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}; output:\n${started.output()}`);
    if (started.child.exitCode !== null) throw new Error(`process exited (${started.child.exitCode}) before ${what}; output:\n${started.output()}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('ROLE', () => {
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0)) await cleanup();
  });

  async function tempDataDir(): Promise<string> {
    const dir = await mkdtemp(path.join(tmpdir(), 'ib-role-'));
    cleanups.push(() => rm(dir, { recursive: true, force: true }));
    return dir;
  }

  it('ROLE=worker delivers queued e-mail and starts no HTTP listener; SIGTERM ends it cleanly', async () => {
    const dataDir = await tempDataDir();
    const id = await dataDirWithQueuedEmail(dataDir);
    const port = await freePort();
    const worker = startMain({ ROLE: 'worker', DATA_DIR: dataDir, PORT: String(port), MAIL_SINK: 'file', JOB_POLL_MS: '50' });
    cleanups.push(async () => void worker.child.kill('SIGKILL'));
    const outbox = path.join(dataDir, 'outbox');
    await waitFor(() => existsSync(path.join(outbox, `job-${id}.eml`)), 'the .eml file', worker);
    expect(worker.output()).toMatch(/ROLE=worker, no HTTP/);
    expect(await portOpen(port)).toBe(false);
    worker.child.kill('SIGTERM');
    expect(await worker.exited).toBe(0);
    expect(await jobStatus(dataDir, id)).toBe('done');
  });

  it('ROLE=web serves HTTP and runs no jobs', async () => {
    const dataDir = await tempDataDir();
    const id = await dataDirWithQueuedEmail(dataDir);
    const port = await freePort();
    const web = startMain({ ROLE: 'web', DATA_DIR: dataDir, PORT: String(port), MAIL_SINK: 'file', JOB_POLL_MS: '50' });
    cleanups.push(async () => void web.child.kill('SIGKILL'));
    await waitFor(() => /ready in \d+ ms/.test(web.output()), 'ready', web);
    const health = await fetch(`http://127.0.0.1:${port}/healthz`);
    expect(health.status).toBe(200);
    // Twenty poll intervals: a worker would long have taken the job.
    await new Promise((r) => setTimeout(r, 1000));
    web.child.kill('SIGTERM');
    expect(await web.exited).toBe(0);
    expect(await jobStatus(dataDir, id)).toBe('queued');
    expect(existsSync(path.join(dataDir, 'outbox')) ? await readdir(path.join(dataDir, 'outbox')) : []).toEqual([]);
  });

  it('ROLE=all (the default) serves HTTP and delivers queued e-mail in one process', async () => {
    const dataDir = await tempDataDir();
    const id = await dataDirWithQueuedEmail(dataDir);
    const port = await freePort();
    const all = startMain({ DATA_DIR: dataDir, PORT: String(port), MAIL_SINK: 'file', JOB_POLL_MS: '50' });
    cleanups.push(async () => void all.child.kill('SIGKILL'));
    await waitFor(() => /ready in \d+ ms.*ROLE=all/.test(all.output()), 'ready', all);
    expect((await fetch(`http://127.0.0.1:${port}/healthz`)).status).toBe(200);
    await waitFor(() => existsSync(path.join(dataDir, 'outbox', `job-${id}.eml`)), 'the .eml file', all);
    all.child.kill('SIGTERM');
    expect(await all.exited).toBe(0);
    expect(await jobStatus(dataDir, id)).toBe('done');
  });

  it('refuses an unknown ROLE, SMTP_URL or MAIL_SINK at start', () => {
    expect(loadConfig({}).ROLE).toBe('all');
    expect(() => loadConfig({ ROLE: 'both', SMTP_URL: 'http://mail', MAIL_SINK: 'disk' })).toThrow(ConfigError);
    try {
      loadConfig({ ROLE: 'both', SMTP_URL: 'http://mail', MAIL_SINK: 'disk' });
    } catch (error) {
      expect((error as Error).message).toMatch(/ROLE:[\s\S]*SMTP_URL: must start with smtp:\/\/[\s\S]*MAIL_SINK:/);
    }
  });
});
