/**
 * The worker of a process with ROLE=worker or ROLE=all: every job kind's handler, wired from the configuration.
 * New job kinds are added to `handlers` here.
 */
import path from 'node:path';
import type { Config } from '../../config.js';
import type { Db } from '../db/database.js';
import type { Clock } from '../clock.js';
import { createMailer, sendEmailHandler } from '../mail/mail.js';
import { JobWorker, type JobLogger } from './worker.js';

export function createWorker(config: Config, db: Db, log: JobLogger, clock?: Clock): { worker: JobWorker; close(): void } {
  const mailer = createMailer({
    smtpUrl: config.SMTP_URL,
    sink: config.MAIL_SINK,
    outboxDir: path.resolve(config.DATA_DIR, 'outbox'),
    from: config.MAIL_FROM,
    log,
  });
  const worker = new JobWorker({
    db,
    handlers: [sendEmailHandler(mailer)],
    clock,
    pollMs: config.JOB_POLL_MS,
    leaseMs: config.JOB_LEASE_MS,
    log,
  });
  return { worker, close: () => mailer.close() };
}
