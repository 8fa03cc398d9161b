/**
 * The worker loop. It takes one due job at a time in a short transaction (`SELECT … FOR UPDATE SKIP LOCKED`, then
 * marks it 'running' with this worker's id and the time: its lease), commits, runs the handler registered for the
 * job's kind outside any transaction, then marks the job 'done', or on error 'queued' again after an exponential
 * backoff (until max_attempts, then 'dead' with the last error). A job left 'running' by a worker that crashed is
 * taken again once its lease (`leaseMs`) has expired, so delivery is at least once: handlers must be idempotent, and
 * the lease must exceed the longest job.
 *
 * Correctness never depends on timing: "due" and "expired" are computed from stored timestamps and the injected
 * clock; the loop polls every `pollMs` and `wake()` makes it look at once.
 */
import { hostname } from 'node:os';
import { randomBytes } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import type { z } from 'zod';
import { systemClock, type Clock } from '../clock.js';
import type { JobTables } from './jobs.tables.js';

export interface JobContext {
  /** The job's id (stable across retries: use it to make side effects idempotent, e.g. a Message-ID). */
  id: string;
  kind: string;
  /** 1 on the first run. */
  attempt: number;
  now: Date;
}

export interface JobHandler<S extends z.ZodType = z.ZodType> {
  kind: string;
  /** Validates the stored payload before `handle` sees it; an invalid payload makes the job dead at once. */
  schema: S;
  handle(payload: z.infer<S>, context: JobContext): Promise<void>;
}

/** Typed helper for declaring a handler. */
export function defineJobHandler<S extends z.ZodType>(handler: JobHandler<S>): JobHandler<S> {
  return handler;
}

/** Thrown by a handler when retrying cannot help: the job goes 'dead' at once with this message. */
export class PermanentJobError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PermanentJobError';
  }
}

export interface JobLogger {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

const silentLogger: JobLogger = { info: () => undefined, warn: () => undefined, error: () => undefined };

/** Delay before the next attempt after `attempts` failed ones: base × 2^(attempts−1), capped. */
export function backoffMs(attempts: number, baseMs = 30_000, maxMs = 3_600_000): number {
  return Math.min(maxMs, baseMs * 2 ** Math.max(0, attempts - 1));
}

export interface WorkerOptions {
  db: Kysely<JobTables> | Kysely<any>;
  handlers: JobHandler<any>[];
  clock?: Clock;
  /** Milliseconds between looks for due jobs when none is due. */
  pollMs?: number;
  /** Milliseconds after which a 'running' job is presumed abandoned and taken again. */
  leaseMs?: number;
  backoffBaseMs?: number;
  backoffMaxMs?: number;
  /** Written to locked_by; default host:pid:random. */
  workerId?: string;
  log?: JobLogger;
  /** Sweeps run by every worker every `everyMs` (e.g. the service line's deadline watch); they must be idempotent. */
  periodic?: PeriodicTask[];
}

/**
 * A sweep the worker runs on an interval, beside its jobs. Several workers may run the same sweep at once, so a
 * sweep records what it did under a unique key (an INSERT … ON CONFLICT DO NOTHING) and acts only on what it wrote.
 */
export interface PeriodicTask {
  name: string;
  everyMs: number;
  /** Returns how many things it did (for the log). */
  run(now: Date): Promise<number>;
}

type ClaimedJob = { id: string; kind: string; payload: unknown; attempts: number; max_attempts: number };

export type RunResult = 'done' | 'retry' | 'dead';

export class JobWorker {
  readonly id: string;
  private readonly db: Kysely<JobTables>;
  private readonly handlers = new Map<string, JobHandler<any>>();
  private readonly clock: Clock;
  private readonly pollMs: number;
  private readonly leaseMs: number;
  private readonly backoffBaseMs: number;
  private readonly backoffMaxMs: number;
  private readonly log: JobLogger;
  private loop: Promise<void> | null = null;
  private stopping = false;
  private wakeUp: (() => void) | null = null;
  private woken = false;
  private failures = 0;
  private lastLogged = 0;
  private readonly periodic: PeriodicTask[];
  private readonly periodicLastRun = new Map<string, number>();

  constructor(options: WorkerOptions) {
    this.db = options.db as Kysely<JobTables>;
    for (const handler of options.handlers) {
      if (this.handlers.has(handler.kind)) throw new Error(`two job handlers for kind ${handler.kind}`);
      this.handlers.set(handler.kind, handler);
    }
    this.clock = options.clock ?? systemClock;
    this.pollMs = options.pollMs ?? 1000;
    this.leaseMs = options.leaseMs ?? 300_000;
    this.backoffBaseMs = options.backoffBaseMs ?? 30_000;
    this.backoffMaxMs = options.backoffMaxMs ?? 3_600_000;
    this.id = options.workerId ?? `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
    this.log = options.log ?? silentLogger;
    this.periodic = options.periodic ?? [];
  }

  /**
   * Runs every periodic task whose interval has passed (all of them with `force`). The loop calls this before
   * looking for jobs; tests call it with an injected clock. A failing task is logged and tried again next interval.
   */
  async runPeriodic(force = false): Promise<Record<string, number>> {
    const done: Record<string, number> = {};
    for (const task of this.periodic) {
      const now = this.clock();
      const last = this.periodicLastRun.get(task.name);
      if (!force && last !== undefined && now.getTime() - last < task.everyMs) continue;
      this.periodicLastRun.set(task.name, now.getTime());
      try {
        done[task.name] = await task.run(now);
        if (done[task.name] > 0) this.log.info({ task: task.name, count: done[task.name] }, 'periodic task ran');
      } catch (error) {
        this.log.error({ err: error, task: task.name }, 'periodic task failed');
      }
    }
    return done;
  }

  /** Starts the loop (idempotent). */
  start(): void {
    if (this.loop) return;
    this.stopping = false;
    this.loop = this.run();
  }

  /** Makes a sleeping loop look for due jobs now. */
  wake(): void {
    this.woken = true;
    this.wakeUp?.();
  }

  /** Stops taking jobs; resolves once the job in progress (if any) has finished and been recorded. */
  async stop(): Promise<void> {
    this.stopping = true;
    this.wake();
    await this.loop;
    this.loop = null;
  }

  get running(): boolean {
    return this.loop !== null && !this.stopping;
  }

  private async run(): Promise<void> {
    while (!this.stopping) {
      let worked = false;
      try {
        await this.runPeriodic();
        worked = (await this.runOnce()) !== null;
      } catch (error) {
        // The database is unreachable or similar: try again after the poll interval. While it stays down every look
        // fails: log the first failure, then at most one line a minute.
        this.failures += 1;
        if (Date.now() - this.lastLogged >= 60_000) {
          this.lastLogged = Date.now();
          this.log.error({ err: error, worker: this.id, failuresSinceLastLog: this.failures }, 'job worker: taking or recording a job failed');
          this.failures = 0;
        }
      }
      if (worked || this.stopping) continue;
      await this.sleep();
    }
  }

  private sleep(): Promise<void> {
    if (this.woken) {
      this.woken = false;
      return Promise.resolve();
    }
    return new Promise<void>((resolve) => {
      const timer = setTimeout(done, this.pollMs);
      const wakeUp = () => done();
      this.wakeUp = wakeUp;
      function done() {
        clearTimeout(timer);
        resolve();
      }
    }).then(() => {
      this.wakeUp = null;
      this.woken = false;
    });
  }

  /**
   * Takes one due job (or one whose lease expired), runs it and records the outcome. Returns the outcome, or null
   * when no job was due. The loop calls this; tests call it directly to step through time with an injected clock.
   */
  async runOnce(): Promise<{ id: string; result: RunResult } | null> {
    const job = await this.claim();
    if (!job) return null;
    const result = await this.execute(job);
    return { id: job.id, result };
  }

  /** Runs due jobs until none is due; returns how many ran. */
  async drain(limit = 10_000): Promise<number> {
    let count = 0;
    while (count < limit && (await this.runOnce())) count += 1;
    return count;
  }

  private async claim(): Promise<ClaimedJob | null> {
    for (;;) {
      const now = this.clock();
      const leaseExpiredBefore = new Date(now.getTime() - this.leaseMs);
      const outcome = await this.db.transaction().execute(async (trx) => {
        const candidate = await trx
          .selectFrom('jobs')
          .select(['id', 'status', 'attempts', 'max_attempts', 'locked_by'])
          .where((eb) =>
            eb.or([
              eb.and([eb('status', '=', 'queued'), eb('run_at', '<=', now)]),
              eb.and([eb('status', '=', 'running'), eb('locked_at', '<=', leaseExpiredBefore)]),
            ]),
          )
          .orderBy('run_at')
          .orderBy('id')
          .limit(1)
          .forUpdate()
          .skipLocked()
          .executeTakeFirst();
        if (!candidate) return { kind: 'none' as const };
        if (candidate.status === 'running' && candidate.attempts >= candidate.max_attempts) {
          // Its last attempt was lost with its worker: give up rather than run it once more than allowed.
          await trx
            .updateTable('jobs')
            .set({
              status: 'dead',
              done_at: now,
              locked_by: null,
              locked_at: null,
              last_error: `lease expired: worker ${candidate.locked_by ?? '?'} did not finish attempt ${candidate.attempts} of ${candidate.max_attempts}`,
            })
            .where('id', '=', candidate.id)
            .execute();
          return { kind: 'gave-up' as const, id: String(candidate.id) };
        }
        if (candidate.status === 'running') {
          this.log.warn({ job: candidate.id, previousWorker: candidate.locked_by }, 'job worker: taking a job whose lease expired');
        }
        const job = await trx
          .updateTable('jobs')
          .set({ status: 'running', locked_by: this.id, locked_at: now, attempts: sql<number>`attempts + 1` })
          .where('id', '=', candidate.id)
          .returning(['id', 'kind', 'payload', 'attempts', 'max_attempts'])
          .executeTakeFirstOrThrow();
        return { kind: 'claimed' as const, job: { ...job, id: String(job.id) } };
      });
      if (outcome.kind === 'none') return null;
      if (outcome.kind === 'claimed') return outcome.job;
      this.log.error({ job: outcome.id }, 'job worker: job dead after its lease expired on the last attempt');
    }
  }

  private async execute(job: ClaimedJob): Promise<RunResult> {
    const startedAt = this.clock();
    let error: unknown = null;
    let permanent = false;
    const handler = this.handlers.get(job.kind);
    if (!handler) {
      // Perhaps a newer version's job: retried with backoff, so a worker that knows it can take it.
      error = new Error(`no handler for job kind ${job.kind}`);
    } else {
      const parsed = handler.schema.safeParse(job.payload);
      if (!parsed.success) {
        permanent = true;
        error = new PermanentJobError(`invalid payload: ${parsed.error.issues.map((i: { path: PropertyKey[]; message: string }) => `${i.path.map(String).join('.') || '(root)'}: ${i.message}`).join('; ')}`);
      } else {
        try {
          await handler.handle(parsed.data, { id: job.id, kind: job.kind, attempt: job.attempts, now: startedAt });
        } catch (caught) {
          error = caught;
          permanent = caught instanceof PermanentJobError;
        }
      }
    }
    const now = this.clock();
    const mine = (qb: any) => qb.where('id', '=', job.id).where('status', '=', 'running').where('locked_by', '=', this.id);
    if (error === null) {
      await mine(this.db.updateTable('jobs').set({ status: 'done', done_at: now, locked_by: null, locked_at: null, last_error: null })).execute();
      return 'done';
    }
    const message = describeError(error);
    if (permanent || job.attempts >= job.max_attempts) {
      await mine(this.db.updateTable('jobs').set({ status: 'dead', done_at: now, locked_by: null, locked_at: null, last_error: message })).execute();
      this.log.error({ job: job.id, kind: job.kind, attempts: job.attempts, error: message }, 'job dead');
      return 'dead';
    }
    const delay = backoffMs(job.attempts, this.backoffBaseMs, this.backoffMaxMs);
    await mine(
      this.db
        .updateTable('jobs')
        .set({ status: 'queued', run_at: new Date(now.getTime() + delay), locked_by: null, locked_at: null, last_error: message }),
    ).execute();
    this.log.warn({ job: job.id, kind: job.kind, attempts: job.attempts, retryInMs: delay, error: message }, 'job failed; will retry');
    return 'retry';
  }
}

function describeError(error: unknown): string {
  const text = error instanceof Error ? `${error.name === 'Error' ? '' : `${error.name}: `}${error.message}` : String(error);
  return text.slice(0, 4000);
}
