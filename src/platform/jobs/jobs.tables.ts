/** Kysely types of the jobs table (src/migrations/2026_12_01_0500_create_jobs.ts). */
import type { ColumnType, Generated } from 'kysely';

export const JOB_STATUSES = ['queued', 'running', 'done', 'dead'] as const;
export type JobStatus = (typeof JOB_STATUSES)[number];

export interface JobTable {
  /** bigserial: pg reads it as a string, PGlite as a number; the API hands out String(id). */
  id: Generated<string | number>;
  kind: string;
  payload: ColumnType<unknown, string, string>;
  run_at: Date;
  attempts: ColumnType<number, number | undefined, number>;
  max_attempts: ColumnType<number, number | undefined, number>;
  status: ColumnType<JobStatus, JobStatus | undefined, JobStatus>;
  last_error: string | null;
  locked_by: string | null;
  locked_at: Date | null;
  created_at: ColumnType<Date, Date, never>;
  done_at: Date | null;
}

export type JobTables = { jobs: JobTable };
