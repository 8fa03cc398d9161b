/**
 * Bulk dispatch from the workbench: the same lead unit and co-handling units for several accepted cases. Each case
 * goes through applyAction on its own (its own transaction, row lock, scope and state checks, audit row), so one
 * refusal — a case someone else dispatched a moment ago, one outside the person's scope — leaves the others done,
 * and the person is told, case by case, what happened.
 */
import type { StaffPrincipal } from '../../platform/auth/index.js';
import { applyAction, CaseActionError, type WorkflowDeps } from './case-workflow.js';

export type DispatchOutcome = { reference: string; ok: true } | { reference: string; ok: false; reason: CaseActionError['reason']; field?: string; code?: string };

export async function dispatchCases(deps: WorkflowDeps, staff: StaffPrincipal, references: readonly string[], units: { lead: string; co: readonly string[] }): Promise<DispatchOutcome[]> {
  const outcomes: DispatchOutcome[] = [];
  for (const reference of new Set(references)) {
    try {
      await applyAction(deps, reference, { type: 'staff', staff }, 'dispatch', { lead: units.lead, co: [...units.co] });
      outcomes.push({ reference, ok: true });
    } catch (error) {
      if (!(error instanceof CaseActionError)) throw error;
      outcomes.push({ reference, ok: false, reason: error.reason, field: error.field, code: error.code });
    }
  }
  return outcomes;
}
