/**
 * The job queue and worker loop (src/platform/jobs) and the e-mail outbox (src/platform/mail), on PGlite and, with
 * TEST_DATABASE_URL, on PostgreSQL. Time is an injected clock, so retries and leases are stepped through, not waited for.
 */
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { openDatabase, type Db } from '../src/platform/db/database.js';
import { JobWorker, backoffMs, defineJobHandler, enqueueJob, type JobHandler, type JobTables } from '../src/platform/jobs/index.js';
import { createMailer, queueEmail, sendEmailHandler } from '../src/platform/mail/index.js';
import type { Kysely } from 'kysely';
import { databaseTargets, openTestDatabase, type TestDatabase } from './helpers/databases.js';

const T0 = new Date('2026-12-01T04:00:00.000Z');

function fakeClock(start = T0) {
  let now = start;
  return {
    clock: () => now,
    advance(ms: number) {
      now = new Date(now.getTime() + ms);
    },
  };
}

const jobs = (db: Db) => db as unknown as Kysely<JobTables>;
const getJob = (db: Db, id: string) => jobs(db).selectFrom('jobs').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

function deferred() {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

async function waitFor(check: () => Promise<boolean>, timeoutMs = 20_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > until) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** A handler that records each run's payload.n and attempt. */
function recorder(kind = 'record') {
  const runs: { n: number; attempt: number; id: string }[] = [];
  const handler = defineJobHandler({
    kind,
    schema: z.object({ n: z.number().int() }),
    async handle(payload, context) {
      runs.push({ n: payload.n, attempt: context.attempt, id: context.id });
    },
  });
  return { runs, handler };
}

describe.each(databaseTargets())('jobs on %s', (target) => {
  let database: TestDatabase;
  let db: Db;
  beforeAll(async () => {
    database = await openTestDatabase(target);
    db = database.db;
  });
  afterAll(async () => {
    await database?.close();
  });
  beforeEach(async () => {
    await jobs(db).deleteFrom('jobs').execute();
  });

  it('runs a job enqueued in a committed transaction, never one enqueued in a rolled-back one', async () => {
    const { runs, handler } = recorder();
    const time = fakeClock();
    const worker = new JobWorker({ db, handlers: [handler], clock: time.clock });
    await expect(
      db.transaction().execute(async (trx) => {
        await enqueueJob(trx, { kind: 'record', payload: { n: 1 }, now: time.clock() });
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    const committed = await db.transaction().execute((trx) => enqueueJob(trx, { kind: 'record', payload: { n: 2 }, now: time.clock() }));
    time.advance(1000);
    expect(await worker.drain()).toBe(1);
    expect(runs.map((r) => r.n)).toEqual([2]);
    const rows = await jobs(db).selectFrom('jobs').selectAll().execute();
    expect(rows).toHaveLength(1);
    expect(String(rows[0].id)).toBe(committed);
    expect(rows[0]).toMatchObject({ status: 'done', attempts: 1, locked_by: null, last_error: null });
    expect(rows[0].done_at).toEqual(time.clock());
  });

  it('does not run a job before its run_at', async () => {
    const { runs, handler } = recorder();
    const time = fakeClock();
    const worker = new JobWorker({ db, handlers: [handler], clock: time.clock });
    await enqueueJob(db, { kind: 'record', payload: { n: 1 }, runAt: new Date(T0.getTime() + 60_000), now: T0 });
    expect(await worker.runOnce()).toBeNull();
    time.advance(59_999);
    expect(await worker.runOnce()).toBeNull();
    time.advance(1);
    expect(await worker.runOnce()).toMatchObject({ result: 'done' });
    expect(runs).toHaveLength(1);
  });

  it('retries a failing handler with exponential backoff, then marks it dead with the last error', async () => {
    const time = fakeClock();
    let calls = 0;
    const failing = defineJobHandler({
      kind: 'flaky',
      schema: z.object({}),
      async handle() {
        calls += 1;
        throw new Error(`SMTP down (call ${calls})`);
      },
    });
    const worker = new JobWorker({ db, handlers: [failing], clock: time.clock, backoffBaseMs: 30_000 });
    const id = await enqueueJob(db, { kind: 'flaky', payload: {}, maxAttempts: 3, now: T0 });

    expect(await worker.runOnce()).toEqual({ id, result: 'retry' });
    let job = await getJob(db, id);
    expect(job).toMatchObject({ status: 'queued', attempts: 1, last_error: 'SMTP down (call 1)', locked_by: null });
    expect(job.run_at).toEqual(new Date(T0.getTime() + 30_000));

    time.advance(29_999);
    expect(await worker.runOnce()).toBeNull();
    time.advance(1);
    expect(await worker.runOnce()).toEqual({ id, result: 'retry' });
    job = await getJob(db, id);
    expect(job).toMatchObject({ status: 'queued', attempts: 2, last_error: 'SMTP down (call 2)' });
    expect(job.run_at).toEqual(new Date(T0.getTime() + 30_000 + 60_000));

    time.advance(59_999);
    expect(await worker.runOnce()).toBeNull();
    time.advance(1);
    expect(await worker.runOnce()).toEqual({ id, result: 'dead' });
    job = await getJob(db, id);
    expect(job).toMatchObject({ status: 'dead', attempts: 3, last_error: 'SMTP down (call 3)', locked_by: null });
    expect(job.done_at).toEqual(time.clock());
    time.advance(86_400_000);
    expect(await worker.runOnce()).toBeNull();
    expect(calls).toBe(3);
  });

  it('computes the backoff as base × 2^(n−1), capped', () => {
    expect([1, 2, 3, 4].map((n) => backoffMs(n))).toEqual([30_000, 60_000, 120_000, 240_000]);
    expect(backoffMs(30)).toBe(3_600_000);
    expect(backoffMs(5, 1000, 10_000)).toBe(10_000);
  });

  it('marks a job with an invalid payload dead at once; retries a kind no handler knows', async () => {
    const { runs, handler } = recorder();
    const worker = new JobWorker({ db, handlers: [handler], clock: () => T0 });
    const bad = await enqueueJob(db, { kind: 'record', payload: { n: 'one' }, now: T0 });
    const unknown = await enqueueJob(db, { kind: 'from_the_future', payload: {}, now: T0 });
    await worker.drain();
    expect(runs).toHaveLength(0);
    expect(await getJob(db, bad)).toMatchObject({ status: 'dead', attempts: 1 });
    expect((await getJob(db, bad)).last_error).toMatch(/invalid payload: n:/);
    expect(await getJob(db, unknown)).toMatchObject({ status: 'queued', attempts: 1, last_error: 'no handler for job kind from_the_future' });
  });

  it('takes a job again when its worker’s lease expired, and the late worker cannot overwrite the outcome', async () => {
    const time = fakeClock();
    const leaseMs = 300_000;
    const release = deferred();
    const runs: string[] = [];
    const handlerFor = (name: string, block: boolean): JobHandler =>
      defineJobHandler({
        kind: 'slow',
        schema: z.object({}),
        async handle(_payload, context) {
          runs.push(`${name}:${context.attempt}`);
          if (block) await release.promise;
          else throw new Error(`failed in ${name}`);
        },
      });
    const stuck = new JobWorker({ db, handlers: [handlerFor('a', true)], clock: time.clock, leaseMs, workerId: 'worker-a' });
    const rescuer = new JobWorker({ db, handlers: [handlerFor('b', false)], clock: time.clock, leaseMs, workerId: 'worker-b', backoffBaseMs: 1000 });
    const id = await enqueueJob(db, { kind: 'slow', payload: {}, now: T0 });

    const first = stuck.runOnce(); // hangs in the handler: as good as a crashed worker
    await waitFor(async () => runs.length === 1);
    expect(await getJob(db, id)).toMatchObject({ status: 'running', locked_by: 'worker-a', attempts: 1 });
    time.advance(leaseMs - 1);
    expect(await rescuer.runOnce()).toBeNull();
    time.advance(1);
    expect(await rescuer.runOnce()).toEqual({ id, result: 'retry' });
    expect(runs).toEqual(['a:1', 'b:2']);
    const afterRescue = await getJob(db, id);
    expect(afterRescue).toMatchObject({ status: 'queued', attempts: 2, last_error: 'failed in b' });

    // The first worker finishes at last: its outcome is not recorded over the job's newer state.
    release.resolve();
    await first;
    expect(await getJob(db, id)).toEqual(afterRescue);
  });

  it('gives up a job whose lease expired on its last attempt', async () => {
    const time = fakeClock();
    const { runs, handler } = recorder();
    const worker = new JobWorker({ db, handlers: [handler], clock: time.clock, leaseMs: 60_000 });
    const id = await enqueueJob(db, { kind: 'record', payload: { n: 1 }, maxAttempts: 1, now: T0 });
    // A worker took it and died.
    await jobs(db).updateTable('jobs').set({ status: 'running', attempts: 1, locked_by: 'gone', locked_at: T0 }).where('id', '=', id).execute();
    time.advance(60_000);
    expect(await worker.runOnce()).toBeNull();
    expect(runs).toHaveLength(0);
    const job = await getJob(db, id);
    expect(job).toMatchObject({ status: 'dead', locked_by: null });
    expect(job.last_error).toMatch(/lease expired: worker gone did not finish attempt 1 of 1/);
  });

  it('loops: wake() makes it look at once; stop() finishes the job in progress first', async () => {
    const release = deferred();
    const started: number[] = [];
    const finished: number[] = [];
    const handler = defineJobHandler({
      kind: 'record',
      schema: z.object({ n: z.number() }),
      async handle(payload) {
        started.push(payload.n);
        if (payload.n === 2) await release.promise;
        finished.push(payload.n);
      },
    });
    // A poll interval far longer than the test: only wake() can make it see the jobs.
    const worker = new JobWorker({ db, handlers: [handler], pollMs: 600_000 });
    worker.start();
    await new Promise((r) => setTimeout(r, 50));
    await enqueueJob(db, { kind: 'record', payload: { n: 1 } });
    worker.wake();
    await waitFor(async () => finished.includes(1));
    await enqueueJob(db, { kind: 'record', payload: { n: 2 } });
    await enqueueJob(db, { kind: 'record', payload: { n: 3 }, runAt: new Date(Date.now() - 1000) });
    worker.wake();
    await waitFor(async () => started.includes(2) || started.includes(3));
    await waitFor(async () => started.includes(2));
    const stopped = worker.stop();
    let stoppedYet = false;
    void stopped.then(() => (stoppedYet = true));
    await new Promise((r) => setTimeout(r, 50));
    expect(stoppedYet).toBe(false);
    release.resolve();
    await stopped;
    expect(finished).toContain(2);
    const statuses = await jobs(db).selectFrom('jobs').select(['payload', 'status']).execute();
    expect(statuses.find((s) => (s.payload as { n: number }).n === 2)?.status).toBe('done');
    expect(statuses.filter((s) => s.status === 'running')).toHaveLength(0);
  });

  it('two workers running concurrently never run the same job (each job exactly once)', async () => {
    // On PostgreSQL each worker has its own connection pool, as two processes would.
    const second = database.url ? await openDatabase({ databaseUrl: database.url, dataDir: 'unused' }) : db;
    try {
      const count = 200;
      const runsBy = new Map<string, string[]>();
      const handlerFor = (name: string) =>
        defineJobHandler({
          kind: 'record',
          schema: z.object({ n: z.number() }),
          async handle(_payload, context) {
            runsBy.set(context.id, [...(runsBy.get(context.id) ?? []), name]);
            await new Promise((r) => setTimeout(r, Math.random() * 3));
          },
        });
      const ids = await db.transaction().execute(async (trx) => {
        const out: string[] = [];
        for (let n = 0; n < count; n += 1) out.push(await enqueueJob(trx, { kind: 'record', payload: { n } }));
        return out;
      });
      const a = new JobWorker({ db, handlers: [handlerFor('a')], pollMs: 10, workerId: 'a' });
      const b = new JobWorker({ db: second, handlers: [handlerFor('b')], pollMs: 10, workerId: 'b' });
      a.start();
      b.start();
      await waitFor(async () => {
        const { n } = await jobs(db).selectFrom('jobs').select((eb) => eb.fn.countAll<string>().as('n')).where('status', '=', 'done').executeTakeFirstOrThrow();
        return Number(n) === count;
      }, 50_000);
      await Promise.all([a.stop(), b.stop()]);
      expect([...runsBy.keys()].sort()).toEqual([...ids].sort());
      const twice = [...runsBy.entries()].filter(([, by]) => by.length !== 1);
      expect(twice).toEqual([]);
      const rows = await jobs(db).selectFrom('jobs').select(['status', 'attempts']).execute();
      expect(rows.every((r) => r.status === 'done' && r.attempts === 1)).toBe(true);
      if (target === 'postgres') {
        const byWorker = [...runsBy.values()].flat();
        expect(byWorker.filter((w) => w === 'a').length).toBeGreaterThan(0);
        expect(byWorker.filter((w) => w === 'b').length).toBeGreaterThan(0);
      }
    } finally {
      if (second !== db) await second.destroy();
    }
  });

  describe('send_email', () => {
    let outboxDir: string;
    beforeAll(async () => {
      outboxDir = path.join(await mkdtemp(path.join(tmpdir(), 'ib-outbox-')), 'outbox');
    });
    afterAll(async () => {
      await rm(path.dirname(outboxDir), { recursive: true, force: true });
    });

    it('writes one .eml per message with the file sink, only for committed messages', async () => {
      const mailer = createMailer({ sink: 'file', outboxDir, from: 'Invest Beijing <no-reply@invest.example.cn>' });
      const worker = new JobWorker({ db, handlers: [sendEmailHandler(mailer)], clock: () => new Date(Date.now() + 1000) });
      const id = await db.transaction().execute((trx) =>
        queueEmail(trx, { to: 'chen.jing@example.gov.cn', subject: 'Your inquiry IB-2026-0042 · 您的咨询', text: 'We answered your inquiry.\n', html: '<p>We answered your inquiry.</p>' }),
      );
      await expect(
        db.transaction().execute(async (trx) => {
          await queueEmail(trx, { to: 'someone@example.cn', subject: 'never', text: 'never' });
          throw new Error('rolled back');
        }),
      ).rejects.toThrow('rolled back');
      expect(await worker.drain()).toBe(1);
      expect(await getJob(db, id)).toMatchObject({ status: 'done', kind: 'send_email' });
      expect(await readdir(outboxDir)).toEqual([`job-${id}.eml`]);
      const eml = await readFile(path.join(outboxDir, `job-${id}.eml`), 'utf8');
      expect(eml).toMatch(/^From: Invest Beijing <no-reply@invest\.example\.cn>$/m);
      expect(eml).toMatch(/^To: chen\.jing@example\.gov\.cn$/m);
      expect(eml).toMatch(new RegExp(`^Message-ID: <job-${id}@invest\\.example\\.cn>$`, 'm'));
      expect(eml).toMatch(/^Subject: =\?UTF-8\?/m); // encoded: it holds Chinese
      expect(eml).toContain('We answered your inquiry.');
      expect(eml).toContain('text/html');
      mailer.close();
    });

    it('refuses a message with a bad address or a line break in the subject when it is queued', async () => {
      await expect(queueEmail(db, { to: 'not-an-address', subject: 'x', text: 'x' })).rejects.toThrow();
      await expect(queueEmail(db, { to: 'a@example.cn', subject: 'x\r\nBcc: b@example.cn', text: 'x' })).rejects.toThrow(/line breaks/);
      expect(await jobs(db).selectFrom('jobs').selectAll().execute()).toHaveLength(0);
    });
  });
});
