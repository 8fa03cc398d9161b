/**
 * Fault: a PostgreSQL-backed server exited when an idle pooled connection dropped ("Unhandled 'error' event …
 * BoundPool" after `pg_terminate_backend` from another session, or a cut TCP connection). Now connection errors are
 * logged, the broken connection is dropped and the next query reconnects; /readyz answers 503 (within
 * READINESS_TIMEOUT_MS) while the database is unreachable and 200 again once it is back, without a restart.
 *
 * Runs the real server (`node --import tsx src/main.ts`) on a throw-away PostgreSQL database, through a TCP proxy
 * the test can cut. Needs TEST_DATABASE_URL.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { openTestDatabase, type TestDatabase } from '../helpers/databases.js';
import { startProxy, startServerProcess, timed, type ServerProcess } from './process-helpers.js';

const adminUrl = process.env.TEST_DATABASE_URL;

async function get(base: string, path: string): Promise<{ status: number; body: string }> {
  const response = await fetch(`${base}${path}`, { signal: AbortSignal.timeout(10_000) });
  return { status: response.status, body: await response.text() };
}

describe.skipIf(!adminUrl)('a PostgreSQL-backed server when its connections drop', () => {
  let database: TestDatabase;
  let proxy: Awaited<ReturnType<typeof startProxy>>;
  let server: ServerProcess;
  let base: string;
  let databaseName: string;

  beforeAll(async () => {
    database = await openTestDatabase('postgres');
    const target = new URL(adminUrl!);
    proxy = await startProxy(target.hostname, Number(target.port || 5432));
    const url = new URL(database.url!);
    databaseName = url.pathname.slice(1);
    url.hostname = '127.0.0.1';
    url.port = String(proxy.port);
    server = startServerProcess({
      DATABASE_URL: url.toString(),
      DATABASE_CONNECT_TIMEOUT_MS: '1000',
      READINESS_TIMEOUT_MS: '500',
      DATABASE_STATEMENT_TIMEOUT_MS: '1500',
      SHUTDOWN_TIMEOUT_MS: '1500',
      CONTENT_POLL_MS: '200',
      CONTENT_DIR: 'content',
    });
    base = await server.ready(90_000);
  });
  afterAll(async () => {
    server?.kill();
    await server?.exited;
    await proxy?.close();
    await database?.close();
  });

  it('keeps running after pg_terminate_backend ends its connections, and the next requests reconnect', async () => {
    // Several pooled connections, idle afterwards.
    const warm = await Promise.all(Array.from({ length: 4 }, () => get(base, '/readyz')));
    expect(warm.map((r) => r.status)).toEqual([200, 200, 200, 200]);

    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    let terminated: number;
    try {
      const result = await admin.query<{ ok: boolean }>(
        'select pg_terminate_backend(pid) as ok from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()',
        [databaseName],
      );
      terminated = result.rows.filter((row) => row.ok).length;
    } finally {
      await admin.end();
    }
    expect(terminated).toBeGreaterThan(0);

    // The server notices (and logs) the dropped connections instead of exiting.
    await server.waitForOutput(/database connection lost/, 5000);
    await new Promise((r) => setTimeout(r, 300));
    expect(server.alive(), server.stderr()).toBe(true);

    const ready = await get(base, '/readyz');
    expect(ready.status, ready.body).toBe(200);
    expect(JSON.parse(ready.body).checks).toEqual({ database: true, content: true });
    expect((await get(base, '/en')).status).toBe(200);
    expect((await get(base, '/api/v1/districts')).status).toBe(200);
    expect(server.alive()).toBe(true);
  });

  it('answers /readyz 503 within the readiness timeout while the network is cut, and 200 once it is back', async () => {
    expect((await get(base, '/readyz')).status).toBe(200);
    proxy.cut();
    await new Promise((r) => setTimeout(r, 300));
    expect(server.alive(), server.stderr()).toBe(true);

    // Connections are black-holed: only the timeouts end the check (READINESS_TIMEOUT_MS=500).
    for (let i = 0; i < 3; i += 1) {
      const { value, ms } = await timed(() => get(base, '/readyz'));
      expect(value.status, value.body).toBe(503);
      expect(JSON.parse(value.body).checks.database).toBe(false);
      expect(ms).toBeLessThan(2000);
    }
    // Pages are served from memory meanwhile.
    expect((await get(base, '/en')).status).toBe(200);

    proxy.restore();
    const deadline = Date.now() + 10_000;
    let status = 0;
    while (Date.now() < deadline) {
      status = (await get(base, '/readyz')).status;
      if (status === 200) break;
      await new Promise((r) => setTimeout(r, 200));
    }
    expect(status).toBe(200);
    expect(server.alive(), server.stderr()).toBe(true);
  });

  it('closes connections whose queries get no answer over a dead link (no reset), and recovers when it is back', async () => {
    expect((await get(base, '/readyz')).status).toBe(200);
    proxy.freeze();
    for (let i = 0; i < 2; i += 1) {
      const { value, ms } = await timed(() => get(base, '/readyz'));
      expect(value.status, value.body).toBe(503);
      expect(JSON.parse(value.body).reason).toContain('did not answer within 500 ms');
      expect(ms).toBeLessThan(2000);
    }
    // The hung queries' connections are closed after the statement timeout (1500 ms) and a grace period.
    await server.waitForOutput(/no answer to a query within \d+ ms: closing its connection/, 8000);
    proxy.restore();
    const deadline = Date.now() + 10_000;
    let status = 0;
    while (Date.now() < deadline) {
      status = (await get(base, '/readyz')).status;
      if (status === 200) break;
      await new Promise((r) => setTimeout(r, 200));
    }
    expect(status).toBe(200);
    expect(server.alive(), server.stderr()).toBe(true);
  });

  it('ends within SHUTDOWN_TIMEOUT_MS on SIGTERM while a query hangs on a dead link', async () => {
    proxy.freeze();
    expect((await get(base, '/readyz')).status).toBe(503); // leaves its query hanging
    const { value: exit, ms } = await timed(async () => {
      server.child.kill('SIGTERM');
      return Promise.race([server.exited, new Promise<null>((r) => setTimeout(() => r(null), 5000))]);
    });
    expect(exit, `still running 5 s after SIGTERM:\n${server.stdout()}\n${server.stderr()}`).not.toBeNull();
    expect(ms).toBeLessThan(4000);
    expect(server.stdout()).toContain('SIGTERM: closing');
    proxy.restore();
  });
});
