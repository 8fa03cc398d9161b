/**
 * Takes one action on a case: checks the state machine (case-states.ts), who is acting (role, scope, unit
 * membership), validates the action's input, then in one transaction updates the case, appends the timeline entry,
 * writes the audit row for staff and queues the enterprise's e-mail. The row is locked (FOR UPDATE) so two people
 * acting at once cannot both move it from the same state.
 */
import { recordAudit } from '../../platform/audit/record-audit.js';
import type { StaffPrincipal } from '../../platform/auth/index.js';
import { staffScopeOf } from '../../platform/auth/index.js';
import { queueEmail } from '../../platform/mail/index.js';
import type { ContentStore } from '../content/index.js';
import { ACTION_INPUTS, type ActionInput } from './case-actions.js';
import { noticeEmail, type CaseNotice } from './case-emails.js';
import { REOPEN_WINDOW_DAYS, transitionFor, type Actor, type CaseAction, type CaseStatus } from './case-states.js';
import type { CaseDb, CaseTable } from './case.tables.js';
import { scopedCases, type CaseRow } from './case.repository.js';
import { limitOf, type Deadlines } from './deadlines.js';
import { serviceLimit } from './submit-case.js';
import { trackingPageUrl } from './case-urls.js';
import { citationsExist } from './case-citations.js';

export type CaseActor = { type: 'enterprise' } | { type: 'staff'; staff: StaffPrincipal } | { type: 'system' };

/** Why an action was refused; each maps to a clear message (form) or problem (API). */
export class CaseActionError extends Error {
  constructor(
    readonly reason: 'not_found' | 'not_allowed' | 'wrong_state' | 'invalid' | 'window_closed' | 'already_requested',
    readonly field?: string,
    readonly code?: string,
  ) {
    super(field ? `${reason}: ${field} ${code ?? ''}` : reason);
  }
}

export interface WorkflowDeps {
  db: CaseDb;
  store: ContentStore;
  deadlines: Deadlines;
  baseUrl: string;
  now: Date;
  requestId?: string;
}

/** Whether `actor` is one of the case's current units: its department's handler, or the officer of its district. */
async function isUnitMember(deps: WorkflowDeps, row: CaseRow, staff: StaffPrincipal): Promise<boolean> {
  if (staff.role === 'district_officer') return staff.districtId !== null && staff.districtId === row.district_id && row.lead_department_id !== null;
  if (staff.role !== 'department_handler' || !staff.departmentId) return false;
  const unit = await deps.db.selectFrom('case_units').select('department_id').where('case_id', '=', row.id).where('department_id', '=', staff.departmentId).where('returned_at', 'is', null).executeTakeFirst();
  return unit !== undefined;
}

/** The actor labels (case-states' `Actor`) that `actor` holds on this case. */
export async function actorsOn(deps: WorkflowDeps, row: CaseRow, actor: CaseActor): Promise<Actor[]> {
  if (actor.type === 'enterprise') return ['enterprise'];
  if (actor.type === 'system') return [];
  const held: Actor[] = [actor.staff.role];
  if (await isUnitMember(deps, row, actor.staff)) held.push('unit');
  return held;
}

/** The citations a timeline entry's data holds (a draft's, carried to its approval). */
function citesIn(data: unknown): string[] {
  const cites = data && typeof data === 'object' ? (data as { cites?: unknown }).cites : undefined;
  return Array.isArray(cites) ? cites.filter((c): c is string => typeof c === 'string') : [];
}

function endOfDayOrInvalid(deps: WorkflowDeps, date: string, field: string): Date {
  const due = deps.deadlines.endOfDay(date);
  if (Number.isNaN(due.getTime()) || due <= deps.now) throw new CaseActionError('invalid', field, 'date_not_future');
  return due;
}

interface Effect {
  patch: Partial<Omit<CaseTable, 'id' | 'search' | 'extended' | 'confidential' | 'reopen_count'>> & { extended?: boolean; reopen_count?: number };
  body?: string | null;
  data?: Record<string, unknown>;
  notice?: CaseNotice;
  noticeDetail?: string | null;
  noticeDue?: Date | null;
  units?: (trx: CaseDb) => Promise<void>;
}

async function effectOf<A extends CaseAction>(deps: WorkflowDeps, row: CaseRow, action: A, input: ActionInput<A>, actor: CaseActor): Promise<Effect> {
  const now = deps.now;
  const staffId = actor.type === 'staff' ? actor.staff.userId : null;
  switch (action) {
    case 'accept': {
      const { limit_id, district } = input as ActionInput<'accept'>;
      const wanted = row.fie_complaint ? 'fie-complaint-handling' : limit_id;
      const entry = deps.store.all('service-limits').find((l) => l.id === wanted);
      if (!entry || entry.stage === 'materials' || entry.stage === 'acceptance' || !entry.case_kinds.includes(row.kind) || entry.fie_complaint !== row.fie_complaint) {
        throw new CaseActionError('invalid', 'limit_id', 'limit_not_for_case');
      }
      const districtId = district ? district : row.district_id;
      if (districtId && !(await deps.db.selectFrom('districts').select('id').where('id', '=', districtId).executeTakeFirst())) throw new CaseActionError('invalid', 'district', 'unknown_district');
      const due = deps.deadlines.dueAt(now, limitOf(entry));
      return {
        patch: { accepted_at: now, clock_started_at: now, paused_at: null, resumed_at: null, limit_id: entry.id, limit_amount: entry.limit.amount, limit_unit: entry.limit.unit, due_at: due, district_id: districtId },
        data: { limit_id: entry.id, due_at: due.toISOString() },
        notice: 'accepted',
        noticeDue: due,
      };
    }
    case 'reject': {
      const { reason } = input as ActionInput<'reject'>;
      return { patch: { closed_at: now }, body: reason, notice: 'rejected', noticeDetail: reason };
    }
    case 'request_materials': {
      if (row.materials_requested_at) throw new CaseActionError('already_requested');
      const { missing } = input as ActionInput<'request_materials'>;
      const materialsDue = deps.deadlines.dueAt(now, limitOf(serviceLimit(deps.store, 'fie-complaint-materials')));
      return { patch: { paused_at: now, materials_requested_at: now, materials_due_at: materialsDue }, body: missing, data: { materials_due_at: materialsDue.toISOString() }, notice: 'materials_requested', noticeDetail: missing, noticeDue: materialsDue };
    }
    case 'supply_materials': {
      const { body } = input as ActionInput<'supply_materials'>;
      if (row.fie_complaint) {
        // The acceptance decision is due 7 working days after the materials are complete: a new clock.
        const due = deps.deadlines.dueAt(now, limitOf(serviceLimit(deps.store, 'fie-complaint-acceptance')));
        return { patch: { resumed_at: now, clock_started_at: now, due_at: due }, body, data: { due_at: due.toISOString() } };
      }
      const due = deps.deadlines.dueAt(row.clock_started_at, { amount: row.limit_amount, unit: row.limit_unit }, [{ from: row.paused_at ?? now, to: now }]);
      return { patch: { resumed_at: now, due_at: due }, body, data: { due_at: due.toISOString() } };
    }
    case 'answer':
    case 'approve_reply': {
      let body: string | null = (input as ActionInput<'answer'>).body ?? null;
      let cites: string[] = (input as ActionInput<'approve_reply'>).cites ?? [];
      if (action === 'approve_reply' && !body) {
        // Approved as drafted: the draft's text and the library items it cites.
        const draft = await deps.db.selectFrom('case_events').select(['body', 'data']).where('case_id', '=', row.id).where('action', '=', 'draft_reply').orderBy('id', 'desc').executeTakeFirst();
        body = draft?.body ?? null;
        if (!(input as ActionInput<'approve_reply'>).cites) cites = citesIn(draft?.data);
      }
      if (!body) throw new CaseActionError('invalid', 'body', 'required');
      if (!citationsExist(deps.store, cites)) throw new CaseActionError('invalid', 'cites', 'unknown_citation');
      return { patch: { replied_at: now }, body, data: cites.length ? { cites } : undefined, notice: 'replied', noticeDetail: body };
    }
    case 'mark_duplicate': {
      const { duplicate_of } = input as ActionInput<'mark_duplicate'>;
      const original = await deps.db.selectFrom('cases').select(['id', 'reference']).where('reference', '=', duplicate_of).executeTakeFirst();
      if (!original || original.id === row.id) throw new CaseActionError('invalid', 'duplicate_of', 'unknown_reference');
      return { patch: { duplicate_of: original.id, closed_at: now, resolution_code: 'duplicate' }, data: { duplicate_of: original.reference }, notice: 'closed' };
    }
    case 'dispatch': {
      const { lead, co } = input as ActionInput<'dispatch'>;
      const ids = [lead, ...co.filter((c) => c !== lead)];
      const found = await deps.db.selectFrom('departments').select(['id', 'active']).where('id', 'in', ids).execute();
      for (const id of ids) if (!found.some((d) => d.id === id && d.active)) throw new CaseActionError('invalid', id === lead ? 'lead' : 'co', 'unknown_department');
      return {
        patch: { lead_department_id: lead },
        data: { lead, co: ids.slice(1) },
        units: async (trx) => {
          await trx.insertInto('case_units').values(ids.map((department_id, i) => ({ case_id: row.id, department_id, role: i === 0 ? ('lead' as const) : ('co' as const), assigned_at: now, signed_at: null, due_at: null, returned_at: null, return_reason: null, handler_id: null }))).execute();
        },
      };
    }
    case 'return': {
      const { reason } = input as ActionInput<'return'>;
      return {
        patch: { lead_department_id: null },
        body: reason,
        units: async (trx) => {
          await trx.updateTable('case_units').set({ returned_at: now, return_reason: reason }).where('case_id', '=', row.id).where('returned_at', 'is', null).execute();
        },
      };
    }
    case 'sign_for': {
      // The unit's own clock runs from its sign-for, with the case's limit.
      const unitDue = deps.deadlines.dueAt(now, { amount: row.limit_amount, unit: row.limit_unit });
      const department = actor.type === 'staff' && actor.staff.role === 'department_handler' ? actor.staff.departmentId : row.lead_department_id;
      return {
        patch: {},
        data: { department, unit_due_at: unitDue.toISOString() },
        units: async (trx) => {
          if (!department) return;
          await trx.updateTable('case_units').set({ signed_at: now, due_at: unitDue, handler_id: staffId }).where('case_id', '=', row.id).where('department_id', '=', department).where('returned_at', 'is', null).where('signed_at', 'is', null).execute();
        },
      };
    }
    case 'start':
      return { patch: {} };
    case 'request_extension': {
      const { next_steps, proposed_due } = input as ActionInput<'request_extension'>;
      endOfDayOrInvalid(deps, proposed_due, 'proposed_due');
      return { patch: {}, body: next_steps, data: { proposed_due } };
    }
    case 'approve_extension': {
      const { next_steps, new_due } = input as ActionInput<'approve_extension'>;
      const due = endOfDayOrInvalid(deps, new_due, 'new_due');
      return { patch: { due_at: due, extended: true }, body: next_steps, data: { new_due, due_at: due.toISOString(), previous_due_at: row.due_at.toISOString() }, notice: 'extended', noticeDetail: next_steps, noticeDue: due };
    }
    case 'deny_extension':
    case 'return_draft': {
      return { patch: {}, body: (input as ActionInput<'deny_extension'>).reason };
    }
    case 'draft_reply': {
      const { body, cites } = input as ActionInput<'draft_reply'>;
      if (!citationsExist(deps.store, cites)) throw new CaseActionError('invalid', 'cites', 'unknown_citation');
      return { patch: {}, body, data: cites.length ? { cites } : undefined };
    }
    case 'record_return_visit':
    case 'rate': {
      const { resolved, satisfaction } = input as ActionInput<'rate'>;
      const text = action === 'rate' ? (input as ActionInput<'rate'>).comment : (input as ActionInput<'record_return_visit'>).note;
      return { patch: { resolved, satisfaction }, body: text ?? null, data: { resolved, satisfaction } };
    }
    case 'close': {
      const { resolution_code, note } = input as ActionInput<'close'>;
      return { patch: { closed_at: now, resolution_code }, body: note ?? null, data: { resolution_code }, notice: 'closed', noticeDetail: note ?? null };
    }
    case 'reopen': {
      const since = row.closed_at ?? row.replied_at;
      if (actor.type === 'enterprise' && (!since || now.getTime() - since.getTime() > REOPEN_WINDOW_DAYS * 86_400_000)) throw new CaseActionError('window_closed');
      const due = deps.deadlines.dueAt(now, { amount: row.limit_amount, unit: row.limit_unit });
      return {
        patch: { closed_at: null, resolution_code: null, clock_started_at: now, paused_at: null, resumed_at: null, due_at: due, reopen_count: row.reopen_count + 1, lead_department_id: null },
        body: (input as ActionInput<'reopen'>).reason,
        data: { due_at: due.toISOString() },
        notice: 'reopened',
        noticeDue: due,
        units: async (trx) => {
          await trx.updateTable('case_units').set({ returned_at: now, return_reason: 'reopened' }).where('case_id', '=', row.id).where('returned_at', 'is', null).execute();
        },
      };
    }
    case 'add_note':
      return { patch: {}, body: (input as ActionInput<'add_note'>).body };
  }
  throw new CaseActionError('invalid');
}

/**
 * Applies `action` to the case `reference`. Staff see only cases in their scope (others are "not found"); the
 * enterprise must have been authenticated by its token before (the caller passes the row's reference).
 */
export async function applyAction<A extends CaseAction>(deps: WorkflowDeps, reference: string, actor: CaseActor, action: A, rawInput: unknown): Promise<{ status: CaseStatus; eventId: string }> {
  const parsed = ACTION_INPUTS[action].safeParse(rawInput ?? {});
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new CaseActionError('invalid', String(issue.path[0] ?? ''), issue.message);
  }
  const input = parsed.data as ActionInput<A>;
  const transition = transitionFor(action);

  return deps.db.transaction().execute(async (trx) => {
    const scope = actor.type === 'staff' ? staffScopeOf(actor.staff) : { kind: 'all' as const };
    const row = await scopedCases(trx, scope).selectAll('cases').where('cases.reference', '=', reference).forUpdate().executeTakeFirst();
    if (!row) throw new CaseActionError('not_found');
    const txDeps = { ...deps, db: trx };
    const held = await actorsOn(txDeps, row, actor);
    if (!transition.actors.some((a) => held.includes(a))) throw new CaseActionError('not_allowed');
    if (!transition.from.includes(row.status)) throw new CaseActionError('wrong_state');

    const effect = await effectOf(txDeps, row, action, input, actor);
    const to = transition.to ?? row.status;
    await trx.updateTable('cases').set({ ...effect.patch, status: to, updated_at: deps.now }).where('id', '=', row.id).execute();
    if (effect.units) await effect.units(trx);
    const event = await trx
      .insertInto('case_events')
      .values({
        case_id: row.id,
        at: deps.now,
        actor_type: actor.type,
        actor_id: actor.type === 'staff' ? actor.staff.userId : null,
        action,
        from_status: row.status,
        to_status: to,
        visibility: transition.visibility,
        body: effect.body ?? null,
        data: JSON.stringify(effect.data ?? {}),
        request_id: deps.requestId ?? null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    if (actor.type === 'staff') {
      await recordAudit(trx, {
        at: deps.now,
        actor: actor.staff.userId,
        action: `case.${action}`,
        entity: 'case',
        entityId: row.reference,
        before: { status: row.status },
        after: { status: to, ...(effect.data ?? {}) },
        requestId: deps.requestId,
      });
    }
    if (effect.notice && row.contact_email && !row.anonymous) {
      const url = trackingPageUrl(deps.baseUrl, row.lang, row.reference);
      await queueEmail(trx, noticeEmail({ to: row.contact_email, lang: row.lang, reference: row.reference, notice: effect.notice, detail: effect.noticeDetail ?? effect.body ?? null, dueAt: effect.noticeDue ?? null, url }), { now: deps.now });
    }
    return { status: to, eventId: event.id };
  });
}
