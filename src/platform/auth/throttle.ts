/**
 * Sign-in throttling, kept in the database so that every web process behind the load balancer counts the same
 * failures. An email address (whether or not it has an account) is locked after 5 failures in 15 minutes; a client
 * address after 20 (an office behind one NAT address has several people). While locked, even the right password is
 * refused, with the same message whoever asks.
 */
import type { StaffDb } from './auth.tables.js';

export const THROTTLE = { windowMs: 15 * 60_000, perAccount: 5, perAddress: 20 } as const;

export async function isSignInThrottled(db: StaffDb, input: { email: string; ip: string; now: Date }): Promise<boolean> {
  const since = new Date(input.now.getTime() - THROTTLE.windowMs);
  const counts = await db
    .selectFrom('staff_sign_in_failures')
    .where('at', '>', since)
    .where((eb) => eb.or([eb('email', '=', input.email), eb('ip', '=', input.ip)]))
    .select((eb) => [
      eb.fn.count<string>(eb.case().when('email', '=', input.email).then(1).end()).as('byEmail'),
      eb.fn.count<string>(eb.case().when('ip', '=', input.ip).then(1).end()).as('byAddress'),
    ])
    .executeTakeFirstOrThrow();
  return Number(counts.byEmail) >= THROTTLE.perAccount || Number(counts.byAddress) >= THROTTLE.perAddress;
}

export async function recordSignInFailure(db: StaffDb, input: { email: string; ip: string; now: Date }): Promise<void> {
  await db.insertInto('staff_sign_in_failures').values({ at: input.now, email: input.email.slice(0, 320), ip: input.ip }).execute();
  // Failures older than the window count for nothing; those beyond a day are dropped, so the table holds at most a
  // day of failures and this delete stays cheap.
  await db.deleteFrom('staff_sign_in_failures').where('at', '<', new Date(input.now.getTime() - 24 * 3600_000)).execute();
}
