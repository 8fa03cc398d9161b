/**
 * Cases filed per client address through the web form, counted in the database (case_submission_addresses) so that
 * every web process sees the same count. The address is kept only as a salted SHA-256, IPv6 by its /64 (one
 * household or office network gets a /64, so counting single IPv6 addresses would count nothing), and for a day.
 */
import { createHash } from 'node:crypto';
import { isIPv6 } from 'node:net';
import type { CaseDb } from './case.tables.js';

interface SubmissionAddressTable {
  at: Date;
  address_key: string;
}

const WINDOW_MS = 3_600_000;
const KEEP_MS = 24 * 3_600_000;

const withLog = (db: CaseDb) => db.withTables<{ case_submission_addresses: SubmissionAddressTable }>();

/** The first four groups of an IPv6 address, written out in full ("2001:db8::1" → "2001:0db8:0000:0000"). */
function prefix64(address: string): string {
  const bare = address.split('%')[0];
  const [head, tail] = bare.includes('::') ? bare.split('::') : [bare, undefined];
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const groups = tail === undefined ? left : [...left, ...Array(Math.max(0, 8 - left.length - right.length)).fill('0'), ...right];
  return groups.slice(0, 4).map((g) => g.padStart(4, '0')).join(':');
}

export function addressKey(ip: string): string {
  let address = ip.trim().toLowerCase();
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(address);
  if (mapped) address = mapped[1];
  else if (isIPv6(address)) address = `${prefix64(address)}::/64`;
  return createHash('sha256').update(`invest-beijing/case-submission/${address}`).digest('hex');
}

/**
 * Seconds until the address may file another case, or 0 when it may now: a slot frees when the oldest of the last
 * `perHour` filings leaves the hour.
 */
export async function addressSubmissionWait(db: CaseDb, key: string, now: Date, perHour: number): Promise<number> {
  const recent = await withLog(db)
    .selectFrom('case_submission_addresses')
    .select('at')
    .where('address_key', '=', key)
    .where('at', '>', new Date(now.getTime() - WINDOW_MS))
    .orderBy('at', 'desc')
    .limit(perHour)
    .execute();
  if (recent.length < perHour) return 0;
  return Math.max(1, Math.ceil((recent[recent.length - 1].at.getTime() + WINDOW_MS - now.getTime()) / 1000));
}

/** Counts one filing; rows older than a day are removed at the same time, so the table holds at most a day. */
export async function recordSubmissionAddress(db: CaseDb, key: string, now: Date): Promise<void> {
  const log = withLog(db);
  await log.insertInto('case_submission_addresses').values({ at: now, address_key: key }).execute();
  await log.deleteFrom('case_submission_addresses').where('at', '<', new Date(now.getTime() - KEEP_MS)).execute();
}
