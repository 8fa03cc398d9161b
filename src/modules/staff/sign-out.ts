/** Ending sessions: this one ("sign out"), or every session of the person ("sign out everywhere"). */
import { recordAudit } from '../../platform/audit/record-audit.js';
import { deleteSession, deleteUserSessions, type StaffDb, type StaffPrincipal } from '../../platform/auth/index.js';

export async function signOut(db: StaffDb, input: { staff: StaffPrincipal; now: Date; requestId: string }): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await deleteSession(trx, input.staff.sessionId);
    await recordAudit(trx, { at: input.now, actor: input.staff.userId, action: 'staff.signed_out', entity: 'staff_user', entityId: input.staff.userId, requestId: input.requestId });
  });
}

export async function signOutEverywhere(db: StaffDb, input: { staff: StaffPrincipal; now: Date; requestId: string }): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const ended = await deleteUserSessions(trx, input.staff.userId);
    await recordAudit(trx, {
      at: input.now,
      actor: input.staff.userId,
      action: 'staff.signed_out_everywhere',
      entity: 'staff_user',
      entityId: input.staff.userId,
      after: { sessions_ended: ended },
      requestId: input.requestId,
    });
    return ended;
  });
}
