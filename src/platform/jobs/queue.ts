/**
 * Enqueueing jobs. Pass the transaction of the change that asks for the job: the job row commits or rolls back with
 * it, so a job exists only if the change committed (and a committed change always has its job).
 */
import type { Kysely } from 'kysely';
import type { JobTables } from './jobs.tables.js';

export interface NewJob {
  kind: string;
  payload: unknown;
  /** When the job becomes due; default now. */
  runAt?: Date;
  /** Attempts before the job is given up ('dead'); default DEFAULT_MAX_ATTEMPTS. */
  maxAttempts?: number;
  /** "Now" for created_at (and run_at when runAt is not given): an injected clock's time; default the system's. */
  now?: Date;
}

export const DEFAULT_MAX_ATTEMPTS = 8;

/**
 * Inserts one queued job and returns its id. `db` is the database or, usually, the caller's transaction: any Kysely
 * over a schema that has the jobs table (its own table types need not list it).
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function enqueueJob(db: Kysely<any>, job: NewJob): Promise<string> {
  const q = db as unknown as Kysely<JobTables>;
  const now = job.now ?? new Date();
  const maxAttempts = job.maxAttempts ?? DEFAULT_MAX_ATTEMPTS;
  if (!Number.isInteger(maxAttempts) || maxAttempts < 1) throw new RangeError('maxAttempts must be an integer ≥ 1');
  const row = await q
    .insertInto('jobs')
    .values({
      kind: job.kind,
      payload: JSON.stringify(job.payload ?? null),
      run_at: job.runAt ?? now,
      max_attempts: maxAttempts,
      created_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return String(row.id);
}
