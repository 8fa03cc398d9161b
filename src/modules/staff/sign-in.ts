/**
 * Signing in: one generic refusal for every wrong answer (unknown address, no password yet, wrong password,
 * disabled account), so the form never tells whether an address has an account; the same argon2 work is done in
 * every case. Throttled attempts are refused before the password is even checked.
 */
import { recordAudit } from '../../platform/audit/record-audit.js';
import {
  deleteSession,
  hashToken,
  isSignInThrottled,
  recordSignInFailure,
  startSession,
  verifyDecoy,
  verifyPassword,
  type SessionPolicy,
  type StaffDb,
  type StaffRole,
} from '../../platform/auth/index.js';
import { findUserByEmail } from './staff-user.repository.js';

export type SignInResult = { ok: true; token: string; role: StaffRole } | { ok: false; reason: 'not-correct' | 'throttled' };

export interface SignInInput {
  email: string;
  password: string;
  ip: string;
  userAgent: string | null;
  now: Date;
  policy: SessionPolicy;
  /** The session cookie sent with the form, if any: it is ended, so the new session has a new token. */
  previousToken?: string;
  requestId: string;
}

export async function signIn(db: StaffDb, input: SignInInput): Promise<SignInResult> {
  const email = input.email.trim().toLowerCase();
  const attempt = { email, ip: input.ip, now: input.now };
  if (await isSignInThrottled(db, attempt)) {
    await recordAudit(db, { at: input.now, actor: null, action: 'staff.sign_in_refused', entity: 'staff_user', after: { email, ip: input.ip, reason: 'throttled' }, requestId: input.requestId });
    return { ok: false, reason: 'throttled' };
  }
  const user = await findUserByEmail(db, email);
  const usable = user && user.passwordHash && !user.disabledAt;
  const correct = usable ? await verifyPassword(user.passwordHash!, input.password) : await verifyDecoy(input.password);
  if (!usable || !correct) {
    await db.transaction().execute(async (trx) => {
      await recordSignInFailure(trx, attempt);
      await recordAudit(trx, { at: input.now, actor: null, action: 'staff.sign_in_failed', entity: 'staff_user', entityId: user?.id ?? null, after: { email, ip: input.ip }, requestId: input.requestId });
    });
    return { ok: false, reason: 'not-correct' };
  }
  return db.transaction().execute(async (trx) => {
    if (input.previousToken) await deleteSession(trx, hashToken(input.previousToken));
    const session = await startSession(trx, { userId: user.id, now: input.now, policy: input.policy, ip: input.ip, userAgent: input.userAgent });
    await recordAudit(trx, { at: input.now, actor: user.id, action: 'staff.signed_in', entity: 'staff_user', entityId: user.id, after: { ip: input.ip }, requestId: input.requestId });
    return { ok: true as const, token: session.token, role: user.role };
  });
}
