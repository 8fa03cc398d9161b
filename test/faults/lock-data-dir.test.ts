/**
 * Fault: nothing locked the PGlite data directory. `content:load` while a server ran on the same DATA_DIR reported
 * success and the load was lost; two servers on one folder ended in an empty site that still answered "ready".
 * Now the first opener holds DATA_DIR/pglite.lock (its pid, created with O_EXCL) and every other opener stops with
 * an error naming it; a lock left by a dead process is taken over; closing the database or exiting releases it.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { openDatabase, type Db } from '../../src/platform/db/database.js';
import { DataDirLockedError } from '../../src/platform/db/data-dir-lock.js';

const run = promisify(execFile);
const tsx = path.resolve('node_modules/tsx/dist/cli.mjs');

/** Runs a TypeScript file in a child process; resolves with its exit code and output instead of throwing. */
async function runTs(file: string, env: Record<string, string>): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [tsx, file], { env: { ...process.env, ...env }, timeout: 30_000 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code?: number; stdout?: string; stderr?: string };
    return { code: typeof e.code === 'number' ? e.code : -1, stdout: e.stdout ?? '', stderr: e.stderr ?? '' };
  }
}

describe('the PGlite data directory is locked by its one process', () => {
  let dir: string;
  let lockFile: string;
  let first: Db | null = null;

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'ib-lock-'));
    lockFile = path.join(dir, 'pglite.lock');
  });
  afterAll(async () => {
    await first?.destroy();
    await rm(dir, { recursive: true, force: true });
  });

  it('refuses a second open of the same folder, naming the process that holds it and what to do', async () => {
    first = await openDatabase({ dataDir: dir });
    await sql`select 1`.execute(first);
    const holder = JSON.parse(await readFile(lockFile, 'utf8'));
    expect(holder).toMatchObject({ pid: process.pid, hostname: hostname() });

    const second = openDatabase({ dataDir: dir });
    await expect(second).rejects.toBeInstanceOf(DataDirLockedError);
    await expect(second).rejects.toThrow(new RegExp(`in use by process ${process.pid}`));
    await expect(second).rejects.toThrow(/Stop that process first/);
    // The first is unharmed.
    expect((await sql<{ n: number }>`select 1 as n`.execute(first)).rows[0].n).toBe(1);
  });

  it('makes content:load refuse (exit 1) while the folder is open, saying how to load instead', async () => {
    const result = await runTs('scripts/load-content.ts', { DATA_DIR: dir, LOG_LEVEL: 'silent' });
    expect(result.code).toBe(1);
    expect(result.stdout).not.toMatch(/loaded content version/);
    expect(result.stderr).toContain('content:load refused');
    expect(result.stderr).toContain(`process ${process.pid}`);
    expect(result.stderr).toMatch(/stop the server/);
  });

  it('stops a second server on the same folder at start, before it serves anything', async () => {
    const result = await runTs('src/main.ts', { DATA_DIR: dir, PORT: '0', LOG_LEVEL: 'silent' });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`in use by process ${process.pid}`);
  });

  it('releases the lock when the database is closed, even if it never ran a query', async () => {
    await first!.destroy();
    first = null;
    expect(existsSync(lockFile)).toBe(false);
    const idle = await openDatabase({ dataDir: dir });
    expect(existsSync(lockFile)).toBe(true);
    await idle.destroy();
    expect(existsSync(lockFile)).toBe(false);
  });

  it('takes over a stale lock left by a process that no longer runs', async () => {
    const { stdout } = await run(process.execPath, ['-e', 'console.log(process.pid)']);
    const deadPid = Number(stdout.trim());
    await writeFile(lockFile, JSON.stringify({ pid: deadPid, hostname: hostname(), command: 'node dist/main.js', startedAt: '2026-01-01T00:00:00Z', startTicks: null, token: 'old' }));
    first = await openDatabase({ dataDir: dir });
    expect(JSON.parse(await readFile(lockFile, 'utf8')).pid).toBe(process.pid);
  });

  it('lets exactly one of several processes take over the same stale lock', async () => {
    await first!.destroy();
    first = null;
    const { stdout } = await run(process.execPath, ['-e', 'console.log(process.pid)']);
    await writeFile(lockFile, JSON.stringify({ pid: Number(stdout.trim()), hostname: hostname(), command: 'gone', startedAt: '2026-01-01T00:00:00Z', startTicks: null, token: 'old' }));
    const script = path.join(dir, 'race.mts');
    const lockModule = path.resolve('src/platform/db/data-dir-lock.ts');
    await writeFile(
      script,
      `import { acquireDataDirLock } from ${JSON.stringify(lockModule)};\n` +
        `try { const lock = await acquireDataDirLock(${JSON.stringify(lockFile)}); console.log('won'); await new Promise((r) => setTimeout(r, 1500)); lock.release(); }\n` +
        `catch (error) { console.log(error.name); }\n`,
    );
    const results = await Promise.all([1, 2, 3].map(() => runTs(script, {})));
    const outcomes = results.map((r) => r.stdout.trim()).sort();
    expect(outcomes, results.map((r) => r.stderr).join('\n')).toEqual(['DataDirLockedError', 'DataDirLockedError', 'won']);
    expect(existsSync(lockFile)).toBe(false);
    expect(existsSync(`${lockFile}.takeover`)).toBe(false);
  });

  it('releases the lock when the holding process exits without closing', async () => {
    const script = path.join(dir, 'hold-and-exit.mts');
    const lockModule = path.resolve('src/platform/db/data-dir-lock.ts');
    await writeFile(script, `import { acquireDataDirLock } from ${JSON.stringify(lockModule)};\nawait acquireDataDirLock(${JSON.stringify(lockFile)});\nconsole.log('held');\nprocess.exit(0);\n`);
    const result = await runTs(script, {});
    expect(result.stdout, result.stderr).toContain('held');
    expect(existsSync(lockFile)).toBe(false);
  });
});
