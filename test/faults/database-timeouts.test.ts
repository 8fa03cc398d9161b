/**
 * Fault: no database timeouts. With the database unreachable /readyz hung, and start-up hung for good (> 25 s),
 * stopped by SIGTERM without a word. Now connecting (DATABASE_CONNECT_TIMEOUT_MS), each statement
 * (DATABASE_STATEMENT_TIMEOUT_MS) and the readiness check (READINESS_TIMEOUT_MS) are bounded; start-up reports an
 * unreachable database clearly and exits 1; SIGTERM ends the process at any point of start-up.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/app.js';
import { ConfigError, loadConfig } from '../../src/config.js';
import { openDatabase, type Db } from '../../src/platform/db/database.js';
import { ContentService } from '../../src/modules/content/index.js';
import { openTestDatabase, type TestDatabase } from '../helpers/databases.js';
import { startServerProcess, startSilentServer, timed } from './process-helpers.js';

let silent: Awaited<ReturnType<typeof startSilentServer>>;
beforeAll(async () => {
  silent = await startSilentServer();
});
afterAll(async () => {
  await silent?.close();
});

describe('configuration of the database timeouts', () => {
  it('has defaults and refuses bad values, naming each', () => {
    expect(loadConfig({})).toMatchObject({ DATABASE_CONNECT_TIMEOUT_MS: 5000, DATABASE_STATEMENT_TIMEOUT_MS: 30_000, READINESS_TIMEOUT_MS: 2000, SHUTDOWN_TIMEOUT_MS: 10_000 });
    let error: unknown;
    try {
      loadConfig({ DATABASE_CONNECT_TIMEOUT_MS: '0', DATABASE_STATEMENT_TIMEOUT_MS: 'soon', READINESS_TIMEOUT_MS: '-1', SHUTDOWN_TIMEOUT_MS: '1.5' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    for (const name of ['DATABASE_CONNECT_TIMEOUT_MS', 'DATABASE_STATEMENT_TIMEOUT_MS', 'READINESS_TIMEOUT_MS', 'SHUTDOWN_TIMEOUT_MS']) {
      expect((error as Error).message).toContain(name);
    }
  });
});

describe('/readyz with an unreachable database', () => {
  const apps: { app: FastifyInstance; db: Db }[] = [];
  afterAll(async () => {
    for (const { app, db } of apps) {
      await app.close();
      await db.destroy();
    }
  });

  async function appOn(databaseUrl: string): Promise<string> {
    const config = loadConfig({ LOG_LEVEL: 'silent', DATABASE_URL: databaseUrl, DATABASE_CONNECT_TIMEOUT_MS: '3000', READINESS_TIMEOUT_MS: '300' });
    const db = await openDatabase({
      databaseUrl,
      dataDir: 'unused',
      connectTimeoutMs: config.DATABASE_CONNECT_TIMEOUT_MS,
      pingTimeoutMs: config.READINESS_TIMEOUT_MS,
      onConnectionError: () => undefined,
    });
    const app = await buildApp(config, { db, content: new ContentService(db) });
    apps.push({ app, db });
    return app.listen({ port: 0, host: '127.0.0.1' });
  }

  it('answers 503 at once when nothing listens on the port (127.0.0.1:1)', async () => {
    const base = await appOn('postgres://postgres@127.0.0.1:1/none');
    const { value: response, ms } = await timed(() => fetch(`${base}/readyz`, { signal: AbortSignal.timeout(10_000) }));
    expect(response.status).toBe(503);
    expect(await response.json()).toMatchObject({ status: 'not ready', checks: { database: false } });
    expect(ms).toBeLessThan(1000);
  });

  it('answers 503 within READINESS_TIMEOUT_MS when the database accepts connections and never answers', async () => {
    const base = await appOn(`postgres://postgres@127.0.0.1:${silent.port}/none`);
    for (let i = 0; i < 2; i += 1) {
      const { value: response, ms } = await timed(() => fetch(`${base}/readyz`, { signal: AbortSignal.timeout(10_000) }));
      expect(response.status).toBe(503);
      const body = await response.json();
      expect(body.checks.database).toBe(false);
      expect(body.reason).toContain('did not answer within 300 ms');
      expect(ms).toBeGreaterThanOrEqual(250);
      expect(ms).toBeLessThan(1500);
    }
  });
});

describe('start-up with an unreachable database', () => {
  it('exits 1 at once with a clear message when nothing listens on the port', async () => {
    const server = startServerProcess({ DATABASE_URL: 'postgres://app:secret@127.0.0.1:1/app' });
    const { value: exit, ms } = await timed(() => server.exited);
    expect(exit.code).toBe(1);
    expect(ms).toBeLessThan(10_000);
    expect(server.stderr()).toContain('Cannot reach PostgreSQL at postgres://app:***@127.0.0.1:1/app');
    expect(server.stderr()).toContain('ECONNREFUSED');
    expect(server.stderr()).not.toContain('secret');
  });

  it('gives up after DATABASE_CONNECT_TIMEOUT_MS when the database never answers', async () => {
    const server = startServerProcess({ DATABASE_URL: `postgres://postgres@127.0.0.1:${silent.port}/app`, DATABASE_CONNECT_TIMEOUT_MS: '500' });
    try {
      const exit = await Promise.race([server.exited, new Promise<null>((r) => setTimeout(() => r(null), 15_000))]);
      expect(exit, `still running:\n${server.stderr()}`).not.toBeNull();
      expect(exit!.code).toBe(1);
      expect(server.stderr()).toContain('Cannot reach PostgreSQL');
      expect(server.stderr()).toContain('timeout');
    } finally {
      server.kill();
    }
  });

  it('ends promptly on SIGTERM while waiting for the database, saying what it was doing', async () => {
    const before = silent.connections();
    const server = startServerProcess({ DATABASE_URL: `postgres://postgres@127.0.0.1:${silent.port}/app`, DATABASE_CONNECT_TIMEOUT_MS: '60000' });
    try {
      // Wait until it is stuck connecting.
      const deadline = Date.now() + 30_000;
      while (silent.connections() === before && Date.now() < deadline && server.alive()) await new Promise((r) => setTimeout(r, 50));
      expect(silent.connections()).toBeGreaterThan(before);
      server.child.kill('SIGTERM');
      const exit = await Promise.race([server.exited, new Promise<null>((r) => setTimeout(() => r(null), 4000))]);
      expect(exit, `still running 4 s after SIGTERM:\n${server.stderr()}`).not.toBeNull();
      expect(server.stderr()).toContain('SIGTERM during start-up while connecting to the database');
      expect(server.stderr()).toContain(`127.0.0.1:${silent.port}`);
      expect(exit!.code).toBe(1);
    } finally {
      server.kill();
    }
  });
});

describe.skipIf(!process.env.TEST_DATABASE_URL)('statement timeout on PostgreSQL', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await openTestDatabase('postgres');
  });
  afterAll(async () => {
    await database?.close();
  });

  it('cancels a statement that runs longer than DATABASE_STATEMENT_TIMEOUT_MS, and the pool keeps working', async () => {
    const db = await openDatabase({ databaseUrl: database.url!, dataDir: 'unused', statementTimeoutMs: 300 });
    try {
      const { sql } = await import('kysely');
      const { value: error, ms } = await timed(() => sql`select pg_sleep(5)`.execute(db).then(() => null, (e: unknown) => e));
      expect((error as { code?: string })?.code).toBe('57014'); // query_canceled
      expect(ms).toBeLessThan(2000);
      expect((await sql<{ one: number }>`select 1 as one`.execute(db)).rows[0].one).toBe(1);
    } finally {
      await db.destroy();
    }
  });
});
