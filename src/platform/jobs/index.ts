/** Background jobs: enqueue inside a caller's transaction; a worker loop runs them (see worker.ts). */
export { enqueueJob, DEFAULT_MAX_ATTEMPTS, type NewJob } from './queue.js';
export { JobWorker, PermanentJobError, backoffMs, defineJobHandler, type JobContext, type JobHandler, type JobLogger, type PeriodicTask, type RunResult, type WorkerOptions } from './worker.js';
export { JOB_STATUSES, type JobStatus, type JobTable, type JobTables } from './jobs.tables.js';
