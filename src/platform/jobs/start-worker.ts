/**
 * The worker of a process with ROLE=worker or ROLE=all: every job kind's handler, wired from the configuration.
 * New job kinds are added to `handlers` here.
 */
import path from 'node:path';
import type { Config } from '../../config.js';
import type { Db } from '../db/database.js';
import type { Clock } from '../clock.js';
import { createMailer, sendEmailHandler } from '../mail/mail.js';
import { JobWorker, type JobHandler, type JobLogger, type PeriodicTask } from './worker.js';

/** What the modules add to the worker (their job kinds and sweeps); see AppModule.worker. */
export interface WorkerContributions {
  handlers: JobHandler<any>[];
  periodic: PeriodicTask[];
}

export function createWorker(config: Config, db: Db, log: JobLogger, clock?: Clock, contributions: WorkerContributions = { handlers: [], periodic: [] }): { worker: JobWorker; close(): void } {
  const mailer = createMailer({
    smtpUrl: config.SMTP_URL,
    sink: config.MAIL_SINK,
    outboxDir: path.resolve(config.DATA_DIR, 'outbox'),
    from: config.MAIL_FROM,
    log,
  });
  const worker = new JobWorker({
    db,
    handlers: [sendEmailHandler(mailer), ...contributions.handlers],
    periodic: contributions.periodic,
    clock,
    pollMs: config.JOB_POLL_MS,
    leaseMs: config.JOB_LEASE_MS,
    log,
  });
  return { worker, close: () => mailer.close() };
}
