/**
 * What the staff case page reads besides the case row (found through findCaseForStaff): the whole timeline with the
 * actors' names, every unit the case has had (returned ones too, with their reason), the linked duplicates within the
 * reader's scope, and the drafts and requests the open forms start from.
 */
import { staffScopeOf, type StaffPrincipal } from '../../platform/auth/index.js';
import { scopedCases, type CaseRow } from './case.repository.js';
import type { CaseDb } from './case.tables.js';

export async function timelineOf(db: CaseDb, caseId: string) {
  return db
    .selectFrom('case_events')
    .leftJoin('staff_users', 'staff_users.id', 'case_events.actor_id')
    .select([
      'case_events.id', 'case_events.at', 'case_events.actor_type', 'case_events.action', 'case_events.from_status', 'case_events.to_status',
      'case_events.visibility', 'case_events.body', 'case_events.data', 'staff_users.name as actor_name', 'staff_users.role as actor_role',
    ])
    .where('case_events.case_id', '=', caseId)
    .orderBy('case_events.id')
    .execute();
}
export type TimelineEntry = Awaited<ReturnType<typeof timelineOf>>[number];

export async function unitsOf(db: CaseDb, caseId: string) {
  return db
    .selectFrom('case_units')
    .innerJoin('departments', 'departments.id', 'case_units.department_id')
    .leftJoin('staff_users', 'staff_users.id', 'case_units.handler_id')
    .select([
      'case_units.department_id', 'case_units.role', 'case_units.assigned_at', 'case_units.signed_at', 'case_units.due_at', 'case_units.returned_at',
      'case_units.return_reason', 'departments.name_en', 'departments.name_zh', 'staff_users.name as handler_name',
    ])
    .where('case_units.case_id', '=', caseId)
    .orderBy('case_units.assigned_at', 'desc')
    .orderBy('case_units.role', 'desc')
    .execute();
}
export type CaseUnitEntry = Awaited<ReturnType<typeof unitsOf>>[number];

/** The case this one duplicates, and the cases marked as duplicates of it — only those the reader may see. */
export async function duplicatesOf(db: CaseDb, staff: StaffPrincipal, row: CaseRow) {
  const scoped = () => scopedCases(db, staffScopeOf(staff)).select(['cases.reference', 'cases.subject', 'cases.status', 'cases.lang']);
  const original = row.duplicate_of ? await scoped().where('cases.id', '=', row.duplicate_of).executeTakeFirst() : undefined;
  const copies = await scoped().where('cases.duplicate_of', '=', row.id).orderBy('cases.submitted_at').execute();
  return { original: original ?? null, copies };
}
export type LinkedCase = Awaited<ReturnType<typeof duplicatesOf>>['copies'][number];

/** The last entry of `action` on the timeline (a draft to approve, an extension request to decide). */
export function lastOf(timeline: readonly TimelineEntry[], action: string): TimelineEntry | undefined {
  for (let i = timeline.length - 1; i >= 0; i -= 1) if (timeline[i].action === action) return timeline[i];
  return undefined;
}

/** Every department's names (inactive ones too: the timeline names units a case once had). */
export async function departmentNames(db: CaseDb): Promise<Map<string, { en: string; zh: string }>> {
  const rows = await db.selectFrom('departments').select(['id', 'name_en', 'name_zh']).execute();
  return new Map(rows.map((r) => [r.id, { en: r.name_en, zh: r.name_zh }]));
}
