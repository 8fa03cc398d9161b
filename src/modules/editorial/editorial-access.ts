/**
 * Who may do what with content. Editors (content_editor, admin) edit every kind and publish most alone; changes to
 * policies and to the rules that say who a policy applies to (rules and their parameters) need a second person:
 * another editor who did not save the revision publishes it (issue #12: "A second person must review changes to
 * policies and rules").
 */
import type { StaffRole } from '../../platform/auth/index.js';
import { CONTENT_KINDS, type ContentKind } from '../content/index.js';

export const CONTENT_EDITORS: readonly StaffRole[] = ['content_editor', 'admin'];
/** Reading the editorial pages (history, review queue, freshness): editors and the Commerce Bureau's coordinators. */
export const CONTENT_READERS: readonly StaffRole[] = ['content_editor', 'admin', 'municipal_coordinator', 'viewer'];

export const REVIEWED_KINDS: readonly ContentKind[] = ['policies', 'rules', 'rule-parameters'];

export function needsSecondPerson(kind: ContentKind): boolean {
  return REVIEWED_KINDS.includes(kind);
}

export function isContentKind(kind: string): kind is ContentKind {
  return Object.prototype.hasOwnProperty.call(CONTENT_KINDS, kind);
}

export function canEdit(role: StaffRole): boolean {
  return CONTENT_EDITORS.includes(role);
}
