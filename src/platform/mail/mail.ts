/**
 * E-mail outbox: `queueEmail(trx, message)` enqueues a `send_email` job in the caller's transaction (so a message
 * is sent only if the change that asked for it committed); the worker delivers it with nodemailer over SMTP when
 * SMTP_URL is set, else to a sink: `console` (logged) or `file` (one .eml per message under DATA_DIR/outbox, for
 * development and tests). The Message-ID is derived from the job id, so a retried delivery is recognisably the same.
 */
import { mkdir, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Kysely } from 'kysely';
import nodemailer from 'nodemailer';
import { z } from 'zod';
import { defineJobHandler, enqueueJob, type JobHandler, type JobLogger } from '../jobs/index.js';

const address = z.string().trim().email().max(320);
/** Header text: no line breaks (header injection). */
const headerText = z.string().min(1).max(998).refine((s) => !/[\r\n]/.test(s), 'must not contain line breaks');

/**
 * The extra headers a message may carry: only the list-unsubscribe pair (RFC 2369 / RFC 8058), each checked so no
 * line break or other header can be smuggled in: `List-Unsubscribe` is one or more <https:…> / <mailto:…> addresses.
 */
const listUnsubscribe = headerText.refine((s) => /^<(https?|mailto):[^<>\s]+>(,\s?<(https?|mailto):[^<>\s]+>)*$/.test(s), 'must be <https:…> addresses');
export const emailHeadersSchema = z
  .object({
    'List-Unsubscribe': listUnsubscribe.optional(),
    'List-Unsubscribe-Post': z.literal('List-Unsubscribe=One-Click').optional(),
  })
  .strict();

export const emailMessageSchema = z.object({
  to: z.union([address, z.array(address).min(1).max(50)]),
  subject: headerText,
  text: z.string().max(1_000_000),
  html: z.string().max(2_000_000).optional(),
  headers: emailHeadersSchema.optional(),
});
export type EmailMessage = z.infer<typeof emailMessageSchema>;

export const SEND_EMAIL = 'send_email';

/** Enqueues a message (validated now, so a bad one fails the caller, not the worker). Returns the job id. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function queueEmail(trx: Kysely<any>, message: EmailMessage, options: { runAt?: Date; now?: Date } = {}): Promise<string> {
  const payload = emailMessageSchema.parse(message);
  return enqueueJob(trx, { kind: SEND_EMAIL, payload, runAt: options.runAt, now: options.now });
}

export interface MailerOptions {
  /** smtp://user:pass@host:587 or smtps://…: deliver over SMTP. */
  smtpUrl?: string;
  /** Without SMTP: log the message (`console`) or write a .eml file under `outboxDir` (`file`). */
  sink: 'console' | 'file';
  outboxDir: string;
  from: string;
  log?: JobLogger;
}

export interface Mailer {
  /** `id` makes the delivery idempotent where it can be: the Message-ID and the .eml file's name. */
  send(message: EmailMessage, id: string): Promise<void>;
  close(): void;
}

export function createMailer(options: MailerOptions): Mailer {
  const log = options.log;
  const domain = /@([^>\s]+)>?\s*$/.exec(options.from)?.[1] ?? 'localhost';
  const envelope = (message: EmailMessage, id: string) => ({
    from: options.from,
    to: message.to,
    subject: message.subject,
    text: message.text,
    ...(message.html === undefined ? {} : { html: message.html }),
    ...(message.headers === undefined ? {} : { headers: { ...message.headers } }),
    messageId: `<job-${id}@${domain}>`,
  });
  if (options.smtpUrl) {
    const transport = nodemailer.createTransport(options.smtpUrl);
    return {
      async send(message, id) {
        const info = await transport.sendMail(envelope(message, id));
        log?.info({ job: id, messageId: info.messageId, to: message.to }, 'e-mail sent');
      },
      close: () => transport.close(),
    };
  }
  // The raw RFC 5322 message, exactly as it would go over SMTP.
  const stream = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  return {
    async send(message, id) {
      const info = await stream.sendMail(envelope(message, id));
      const raw = info.message as Buffer;
      if (options.sink === 'file') {
        await mkdir(options.outboxDir, { recursive: true });
        const safeId = id.replace(/[^A-Za-z0-9_-]/g, '_');
        const file = path.join(options.outboxDir, `job-${safeId}.eml`);
        // Written whole or not at all: a retry overwrites the same file.
        await writeFile(`${file}.tmp`, raw);
        await rename(`${file}.tmp`, file);
        log?.info({ job: id, file, to: message.to }, 'e-mail written to the outbox folder');
      } else {
        log?.info({ job: id, to: message.to, subject: message.subject, message: raw.toString('utf8') }, 'e-mail (MAIL_SINK=console, not sent)');
      }
    },
    close: () => stream.close(),
  };
}

/** The `send_email` job handler, delivering with `mailer`. */
export function sendEmailHandler(mailer: Mailer): JobHandler<typeof emailMessageSchema> {
  return defineJobHandler({
    kind: SEND_EMAIL,
    schema: emailMessageSchema,
    handle: (message, context) => mailer.send(message, context.id),
  });
}
