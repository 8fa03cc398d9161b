/**
 * The service line's state machine: one table of every allowed transition, with who may take it. Pages, the API,
 * Open311 and the worker all go through `transitionFor`; nothing else changes a case's status. A transition's actor
 * is the enterprise (on the tracking page, with its token), a staff role (further narrowed by the case's scope and,
 * for a unit's actions, by being one of the case's units), or the system (the worker).
 */
import type { StaffRole } from '../../platform/auth/index.js';

export const CASE_STATUSES = [
  'submitted', 'needs_materials', 'accepted', 'rejected', 'dispatched', 'signed_for', 'in_progress', 'extension_requested',
  'reply_drafted', 'replied', 'closed',
] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

/** Statuses in which the case is waiting for the enterprise: its clock is paused. */
export const WAITING_FOR_ENTERPRISE: readonly CaseStatus[] = ['needs_materials'];
/** Statuses after which nobody owes the enterprise an answer any more. */
export const FINISHED: readonly CaseStatus[] = ['rejected', 'replied', 'closed'];

export const CASE_ACTIONS = [
  'accept', 'reject', 'request_materials', 'supply_materials', 'answer', 'mark_duplicate', 'dispatch', 'return', 'sign_for',
  'start', 'request_extension', 'approve_extension', 'deny_extension', 'draft_reply', 'return_draft', 'approve_reply',
  'record_return_visit', 'rate', 'close', 'reopen', 'add_note',
] as const;
export type CaseAction = (typeof CASE_ACTIONS)[number];

/**
 * Who acts: 'enterprise' (holder of the tracking token), the staff roles listed, and 'unit' — a staff member of one of
 * the case's current units (a department handler of that department, or the district officer of the case's district).
 */
export type Actor = 'enterprise' | 'unit' | StaffRole;

export interface Transition {
  action: CaseAction;
  from: readonly CaseStatus[];
  /** The status after; `null` keeps the status (notes, ratings, a return visit). */
  to: CaseStatus | null;
  actors: readonly Actor[];
  /** What the enterprise sees of it on the tracking page (internal transitions are staff-only). */
  visibility: 'public' | 'internal';
}

const AGENCY: readonly StaffRole[] = ['acceptance_agent', 'municipal_coordinator'];
const OPEN: readonly CaseStatus[] = ['submitted', 'needs_materials', 'accepted', 'dispatched', 'signed_for', 'in_progress', 'extension_requested', 'reply_drafted'];

export const TRANSITIONS: readonly Transition[] = [
  // Acceptance: the municipal acceptance agency, the coordinator, or the district's acceptance agency (its officer).
  { action: 'accept', from: ['submitted'], to: 'accepted', actors: [...AGENCY, 'district_officer'], visibility: 'public' },
  { action: 'reject', from: ['submitted'], to: 'rejected', actors: [...AGENCY, 'district_officer'], visibility: 'public' },
  { action: 'request_materials', from: ['submitted'], to: 'needs_materials', actors: [...AGENCY, 'district_officer'], visibility: 'public' },
  { action: 'supply_materials', from: ['needs_materials'], to: 'submitted', actors: ['enterprise'], visibility: 'public' },
  // A general inquiry is answered on the spot ("real time"), without dispatch.
  { action: 'answer', from: ['submitted', 'accepted'], to: 'replied', actors: [...AGENCY, 'district_officer'], visibility: 'public' },
  { action: 'mark_duplicate', from: ['submitted', 'accepted'], to: 'closed', actors: [...AGENCY], visibility: 'public' },
  // Dispatch to a lead unit (and co-handlers); a wrongly dispatched case comes back with a reason, and the agency or
  // the coordinator (who settles disputes) dispatches it again.
  { action: 'dispatch', from: ['accepted'], to: 'dispatched', actors: [...AGENCY, 'district_officer'], visibility: 'public' },
  { action: 'return', from: ['dispatched', 'signed_for'], to: 'accepted', actors: ['unit'], visibility: 'internal' },
  { action: 'sign_for', from: ['dispatched'], to: 'signed_for', actors: ['unit'], visibility: 'public' },
  { action: 'start', from: ['signed_for'], to: 'in_progress', actors: ['unit'], visibility: 'internal' },
  { action: 'request_extension', from: ['in_progress'], to: 'extension_requested', actors: ['unit'], visibility: 'internal' },
  { action: 'approve_extension', from: ['extension_requested'], to: 'in_progress', actors: [...AGENCY], visibility: 'public' },
  { action: 'deny_extension', from: ['extension_requested'], to: 'in_progress', actors: [...AGENCY], visibility: 'internal' },
  { action: 'draft_reply', from: ['in_progress'], to: 'reply_drafted', actors: ['unit'], visibility: 'internal' },
  { action: 'return_draft', from: ['reply_drafted'], to: 'in_progress', actors: [...AGENCY], visibility: 'internal' },
  { action: 'approve_reply', from: ['reply_drafted'], to: 'replied', actors: [...AGENCY], visibility: 'public' },
  // After the reply: the return visit (staff ask the enterprise), or the enterprise's own rating; then closure.
  { action: 'record_return_visit', from: ['replied'], to: null, actors: [...AGENCY, 'district_officer'], visibility: 'internal' },
  { action: 'rate', from: ['replied', 'closed'], to: null, actors: ['enterprise'], visibility: 'public' },
  { action: 'close', from: ['replied'], to: 'closed', actors: [...AGENCY, 'district_officer'], visibility: 'public' },
  // Reopened by the enterprise within the reopening window, or by the coordinator.
  { action: 'reopen', from: ['replied', 'closed'], to: 'accepted', actors: ['enterprise', 'municipal_coordinator'], visibility: 'public' },
  { action: 'add_note', from: OPEN, to: null, actors: [...AGENCY, 'district_officer', 'unit'], visibility: 'internal' },
];

/** Days after the reply (or closure) during which the enterprise may reopen its case itself. */
export const REOPEN_WINDOW_DAYS = 15;

export function transitionFor(action: CaseAction): Transition {
  const found = TRANSITIONS.find((t) => t.action === action);
  if (!found) throw new Error(`No transition ${action}`);
  return found;
}

/** The actions open to an actor on a case in `status` (before scope and unit membership are checked). */
export function actionsFrom(status: CaseStatus, actors: readonly Actor[]): CaseAction[] {
  return TRANSITIONS.filter((t) => t.from.includes(status) && t.actors.some((a) => actors.includes(a))).map((t) => t.action);
}
