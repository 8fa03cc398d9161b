/** Creating a staff account: no password — the person chooses one through a one-time link. Never a default password. */
import { recordAudit } from '../../platform/audit/record-audit.js';
import { queueEmail, type EmailMessage } from '../../platform/mail/index.js';
import type { StaffDb, StaffRole } from '../../platform/auth/index.js';
import { issueSetPasswordToken } from './set-password.js';
import { findUserByEmail, insertUser } from './staff-user.repository.js';

export class StaffUserExistsError extends Error {}

export interface NewStaffUser {
  email: string;
  name: string;
  role: StaffRole;
  districtId?: string | null;
  departmentId?: string | null;
}

/**
 * Creates the account and its first set-password link in one transaction; returns the link's secret token. With
 * `invitation`, the e-mail carrying the link is queued in the outbox in the same transaction: it is sent only if the
 * account exists, and the account never exists without its e-mail.
 */
export async function createStaffUser(
  db: StaffDb,
  input: NewStaffUser & { actor: string | null; now: Date; requestId?: string; invitation?: (token: string) => EmailMessage },
): Promise<{ userId: string; token: string }> {
  return db.transaction().execute(async (trx) => {
    const email = input.email.trim().toLowerCase();
    if (await findUserByEmail(trx, email)) throw new StaffUserExistsError(`A staff account with the email ${email} already exists.`);
    const userId = await insertUser(trx, { ...input, email, now: input.now });
    await recordAudit(trx, {
      at: input.now,
      actor: input.actor,
      action: 'staff_user.created',
      entity: 'staff_user',
      entityId: userId,
      after: { email, name: input.name, role: input.role, district_id: input.districtId ?? null, department_id: input.departmentId ?? null },
      requestId: input.requestId,
    });
    const token = await issueSetPasswordToken(trx, { userId, actor: input.actor, now: input.now, requestId: input.requestId });
    if (input.invitation) await queueEmail(trx, input.invitation(token), { now: input.now });
    return { userId, token };
  });
}
