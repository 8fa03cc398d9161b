/**
 * The confidential flag (trade secrets): set or cleared by the acceptance agency or the coordinator, outside the state
 * machine (the case's status does not change). In one transaction with the case row locked: the flag, an internal
 * timeline entry (so handlers see who flagged it and when) and the audit row. Setting the flag it already has changes
 * nothing and records nothing.
 */
import { recordAudit } from '../../platform/audit/record-audit.js';
import { staffScopeOf, type StaffPrincipal } from '../../platform/auth/index.js';
import { CONFIDENTIAL_SETTERS } from './case.access.js';
import { scopedCases } from './case.repository.js';
import type { CaseDb } from './case.tables.js';
import { CaseActionError } from './case-workflow.js';

export const SET_CONFIDENTIAL = 'set_confidential';

export async function setConfidential(
  db: CaseDb,
  input: { reference: string; staff: StaffPrincipal; confidential: boolean; now: Date; requestId?: string },
): Promise<{ changed: boolean }> {
  const { staff, now } = input;
  return db.transaction().execute(async (trx) => {
    const row = await scopedCases(trx, staffScopeOf(staff)).select(['cases.id', 'cases.reference', 'cases.status', 'cases.confidential']).where('cases.reference', '=', input.reference).forUpdate().executeTakeFirst();
    if (!row) throw new CaseActionError('not_found');
    if (!CONFIDENTIAL_SETTERS.includes(staff.role)) throw new CaseActionError('not_allowed');
    if (row.confidential === input.confidential) return { changed: false };
    await trx.updateTable('cases').set({ confidential: input.confidential, updated_at: now }).where('id', '=', row.id).execute();
    await trx
      .insertInto('case_events')
      .values({
        case_id: row.id,
        at: now,
        actor_type: 'staff',
        actor_id: staff.userId,
        action: SET_CONFIDENTIAL,
        from_status: row.status,
        to_status: row.status,
        visibility: 'internal',
        body: null,
        data: JSON.stringify({ confidential: input.confidential }),
        request_id: input.requestId ?? null,
      })
      .execute();
    await recordAudit(trx, {
      at: now,
      actor: staff.userId,
      action: `case.${SET_CONFIDENTIAL}`,
      entity: 'case',
      entityId: row.reference,
      before: { confidential: row.confidential },
      after: { confidential: input.confidential },
      requestId: input.requestId,
    });
    return { changed: true };
  });
}
