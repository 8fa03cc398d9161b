/**
 * One-time set-password links: the link carries 256 random bits, the database their hash, an expiry (24 h) and
 * when it was used. Setting a password uses the link up, retires every other link of the person and ends all their
 * sessions (whoever held one with the old password is out).
 */
import { recordAudit } from '../../platform/audit/record-audit.js';
import { deleteUserSessions, hashPassword, hashToken, passwordProblems, randomToken, type PasswordProblem, type StaffDb } from '../../platform/auth/index.js';
import { findUsableToken, findUserById, insertToken, markTokenUsed, retireUserTokens, updatePasswordHash, type StaffUser } from './staff-user.repository.js';

export const SET_PASSWORD_LINK_HOURS = 24;

/** Issues a new link (retiring earlier ones) and returns its secret token, to be shown once. */
export async function issueSetPasswordToken(db: StaffDb, input: { userId: string; actor: string | null; now: Date; requestId?: string }): Promise<string> {
  const token = randomToken();
  await retireUserTokens(db, input.userId, input.now);
  await insertToken(db, { id: hashToken(token), userId: input.userId, now: input.now, expiresAt: new Date(input.now.getTime() + SET_PASSWORD_LINK_HOURS * 3600_000) });
  await recordAudit(db, { at: input.now, actor: input.actor, action: 'staff.set_password_link_issued', entity: 'staff_user', entityId: input.userId, requestId: input.requestId });
  return token;
}

/** The person a link is for, or undefined when it is unknown, used or expired. */
export async function userOfSetPasswordToken(db: StaffDb, token: string, now: Date): Promise<StaffUser | undefined> {
  const found = await findUsableToken(db, hashToken(token), now);
  return found && (await findUserById(db, found.userId));
}

export type SetPasswordResult = { ok: true } | { ok: false; reason: 'link-unusable' } | { ok: false; reason: 'password'; problems: PasswordProblem[] };

export async function setPasswordWithToken(db: StaffDb, input: { token: string; password: string; now: Date; requestId: string }): Promise<SetPasswordResult> {
  const tokenId = hashToken(input.token);
  const user = await userOfSetPasswordToken(db, input.token, input.now);
  if (!user) return { ok: false, reason: 'link-unusable' };
  const problems = passwordProblems(input.password, user.email);
  if (problems.length) return { ok: false, reason: 'password', problems };
  const passwordHash = await hashPassword(input.password);
  return db.transaction().execute(async (trx) => {
    // Locked and checked again inside the transaction: two tabs submitting the same link cannot both use it.
    if (!(await findUsableToken(trx, tokenId, input.now, true))) return { ok: false as const, reason: 'link-unusable' as const };
    await updatePasswordHash(trx, user.id, passwordHash);
    await markTokenUsed(trx, tokenId, input.now);
    await retireUserTokens(trx, user.id, input.now);
    const ended = await deleteUserSessions(trx, user.id);
    await recordAudit(trx, {
      at: input.now,
      actor: user.id,
      action: 'staff.password_set',
      entity: 'staff_user',
      entityId: user.id,
      before: { password_set: user.passwordHash !== null },
      after: { password_set: true, sessions_ended: ended },
      requestId: input.requestId,
    });
    return { ok: true as const };
  });
}
