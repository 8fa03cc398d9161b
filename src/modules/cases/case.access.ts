/**
 * Who may open the staff side of the service line, and who may read what on it. What a person may *do* to a case is
 * the state machine's business (case-states.ts: TRANSITIONS, actorsOn); which cases they see is the scope's
 * (scopedCases). This file decides the rest:
 *
 * - The workbench and the case pages are for the roles that work cases — the acceptance agency, the coordinator,
 *   district officers and department handlers — and for viewers, who read without acting (no form is shown to them
 *   and the workflow refuses them). Administrators, content editors and project commissioners have no business with
 *   enterprises' requests: the guard refuses them (403).
 * - A case flagged confidential (trade secrets) hides its description, the enterprise's own texts on the timeline
 *   (supplied materials) and its attachments from every role that does not handle cases: of the roles above, the
 *   viewer. Full-text search does not look into what a reader may not see either.
 * - Only the acceptance agency and the coordinator set or clear the flag: they accept cases and settle disputes, so
 *   they are the ones who judge what is a trade secret.
 */
import type { StaffRole } from '../../platform/auth/index.js';
import { TRANSITIONS, type CaseAction } from './case-states.js';

/** Staff roles named by the state machine (the enterprise and 'unit' aside): the roles that act on cases. */
const ACTING_ROLES: readonly StaffRole[] = [
  ...new Set(TRANSITIONS.flatMap((t) => t.actors).filter((a): a is StaffRole => a !== 'enterprise' && a !== 'unit')),
];

/** 'unit' is held by department handlers (their department's cases) and by district officers (their district's). */
export const CASE_HANDLING_ROLES: readonly StaffRole[] = [...new Set<StaffRole>([...ACTING_ROLES, 'department_handler', 'district_officer'])];

/** Who may open the workbench and case pages: the handling roles, and viewers (read only). */
export const CASE_READERS: readonly StaffRole[] = [...CASE_HANDLING_ROLES, 'viewer'];

export const CONFIDENTIAL_SETTERS: readonly StaffRole[] = ['acceptance_agent', 'municipal_coordinator'];

/** Whether `role` may read a case's confidential content (description, enterprise's texts, attachments). */
export function mayReadConfidential(role: StaffRole): boolean {
  return CASE_HANDLING_ROLES.includes(role);
}

/** Whether the case's content is shown to `role`: always when it is not confidential. */
export function seesCaseContent(role: StaffRole, row: { confidential: boolean }): boolean {
  return !row.confidential || mayReadConfidential(role);
}

/** Roles that may dispatch (the bulk dispatch on the workbench is offered to them only). */
export const DISPATCHERS: readonly StaffRole[] = TRANSITIONS.find((t) => t.action === 'dispatch')!.actors.filter((a): a is StaffRole => a !== 'enterprise' && a !== 'unit');

/** Actions an enterprise takes on its tracking page, never offered to staff. */
export const ENTERPRISE_ONLY: readonly CaseAction[] = TRANSITIONS.filter((t) => t.actors.length === 1 && t.actors[0] === 'enterprise').map((t) => t.action);
