/**
 * How often a case may be filed, whatever the channel: per client address (case_submission_addresses, the web
 * form's count, so the form and the API share it) and per contact e-mail (counted from the cases themselves). Both
 * are in the database, so every web process sees the same counts.
 */
import { sql } from 'kysely';
import type { Config } from '../../config.js';
import type { CaseDb } from './case.tables.js';
import { addressKey, addressSubmissionWait, recordSubmissionAddress } from './submission-addresses.repository.js';

export const SUBMISSION_WINDOW_MS = 3_600_000;

/** "ops+beijing@example.com" and "ops@example.com" are one mailbox for counting. */
export function mailboxOf(email: string): string {
  return email.trim().toLowerCase().replace(/\+[^@]*@/, '@');
}

/**
 * Seconds until `email` may file another case, or 0 when it may now: the cases filed with it in the last hour are
 * counted, and a slot frees when the oldest of the last `perHour` leaves the window.
 */
export async function emailSubmissionWait(db: CaseDb, email: string, now: Date, perHour: number): Promise<number> {
  const since = new Date(now.getTime() - SUBMISSION_WINDOW_MS);
  const recent = await db
    .selectFrom('cases')
    .select('submitted_at')
    .where('submitted_at', '>', since)
    .where(sql<string>`regexp_replace(contact_email, '\\+[^@]*@', '@')`, '=', mailboxOf(email))
    .orderBy('submitted_at', 'desc')
    .limit(perHour)
    .execute();
  if (recent.length < perHour) return 0;
  const oldest = recent[recent.length - 1].submitted_at;
  return Math.max(1, Math.ceil((oldest.getTime() + SUBMISSION_WINDOW_MS - now.getTime()) / 1000));
}

export interface SubmissionWait {
  seconds: number;
  by: 'address' | 'email';
}

/** Whether the client at `ip` (and `email`, when given) must wait before filing another case, and how long. */
export async function submissionWait(db: CaseDb, config: Config, input: { ip: string; email?: string; now: Date }): Promise<SubmissionWait | null> {
  const byAddress = await addressSubmissionWait(db, addressKey(input.ip), input.now, config.CASE_SUBMIT_PER_ADDRESS_PER_HOUR);
  if (byAddress > 0) return { seconds: byAddress, by: 'address' };
  if (!input.email) return null;
  const byEmail = await emailSubmissionWait(db, input.email, input.now, config.CASE_SUBMIT_PER_EMAIL_PER_HOUR);
  return byEmail > 0 ? { seconds: byEmail, by: 'email' } : null;
}

/** Counts a case filed from `ip` (after it is filed: a refused or failed submission costs nothing). */
export async function countSubmission(db: CaseDb, ip: string, now: Date): Promise<void> {
  await recordSubmissionAddress(db, addressKey(ip), now);
}
