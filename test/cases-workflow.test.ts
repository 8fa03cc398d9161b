/**
 * The service line's core on a real database (PGlite, and PostgreSQL with TEST_DATABASE_URL): filing, the token,
 * every transition of the state machine for its allowed and refused actors, scope isolation, the enterprise's clock
 * (pause while materials are awaited, restart for a foreign-invested enterprise's complaint), extension, audit rows
 * and e-mails in the outbox — all through submitCase/applyAction with the real working calendar.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildWorkingCalendar } from '../src/modules/calendar/index.js';
import type { ContentStore } from '../src/modules/content/index.js';
import { caseDb, type CaseDb } from '../src/modules/cases/case.tables.js';
import { calendarDeadlines } from '../src/modules/cases/calendar-deadlines.js';
import { applyAction, CaseActionError, type CaseActor } from '../src/modules/cases/case-workflow.js';
import { caseSubmissionSchema } from '../src/modules/cases/case.schemas.js';
import { submitCase } from '../src/modules/cases/submit-case.js';
import { findCaseForStaff, findCaseWithToken } from '../src/modules/cases/case.repository.js';
import { publicView } from '../src/modules/cases/public-view.js';
import { TRANSITIONS, CASE_STATUSES, type CaseAction } from '../src/modules/cases/case-states.js';
import type { StaffPrincipal, StaffRole } from '../src/platform/auth/index.js';
import { databaseTargets } from './helpers/databases.js';
import { startStaffApp, type StaffTestApp } from './helpers/staff.js';

const deadlines = calendarDeadlines(() => buildWorkingCalendar());

/** Staff actors are real accounts (the timeline and the units point at them); `staffIds` collects them for the test's database. */
const pendingStaff: { id: string; role: StaffRole; districtId: string | null; departmentId: string | null }[] = [];
function staff(role: StaffRole, scope: { districtId?: string; departmentId?: string } = {}): CaseActor {
  const id = crypto.randomUUID();
  pendingStaff.push({ id, role, districtId: scope.districtId ?? null, departmentId: scope.departmentId ?? null });
  const principal: StaffPrincipal = {
    userId: id, email: `${role}@example.gov.cn`, name: role, role,
    districtId: scope.districtId ?? null, departmentId: scope.departmentId ?? null,
    sessionId: 's', csrfToken: 'c', signedInAt: new Date(),
  };
  return { type: 'staff', staff: principal };
}

const submission = (overrides: Record<string, unknown> = {}) =>
  caseSubmissionSchema.parse({
    kind: 'demand', topic: 'policies', district: 'haidian', subject: 'R&D subsidy not paid', lang: 'zh',
    description: 'We applied for the R&D centre subsidy in March and have heard nothing since.',
    enterprise_name: 'Example Robotics (Beijing) Co., Ltd.', uscc: '91350100M000100Y43', foreign_invested: true,
    contact_email: 'Ops@Example.com', consent: true, ...overrides,
  });

describe.each(databaseTargets())('service line workflow (%s)', (target) => {
  let t: StaffTestApp;
  let db: CaseDb;
  let store: ContentStore;
  let departments: { id: string; district_id: string | null }[];
  const at = (iso: string) => ({ db, store, deadlines, baseUrl: 'http://test.invalid', now: new Date(iso) });
  /** Writes the accounts of the actors made so far (each test makes its actors before acting). */
  async function saveStaff(): Promise<void> {
    for (const s of pendingStaff.splice(0)) {
      await db.insertInto('staff_users').values({ id: s.id, email: `${s.id}@example.gov.cn`, name: s.role, password_hash: null, role: s.role, district_id: s.districtId, department_id: s.departmentId, disabled_at: null }).execute();
    }
  }

  beforeAll(async () => {
    t = await startStaffApp({ target });
    db = caseDb(t.database.db);
    const { ContentService } = await import('../src/modules/content/index.js');
    const content = new ContentService(t.database.db);
    await content.refresh();
    store = content.store;
    departments = await db.selectFrom('departments').select(['id', 'district_id']).where('active', '=', true).execute();
  }, 120_000);
  afterAll(() => t?.close());

  const haidianUnit = () => departments.find((d) => d.district_id === 'haidian')!.id;
  const otherUnit = () => departments.find((d) => d.district_id === 'chaoyang')!.id;

  it('files a case with a reference, a token kept only as a hash, the first timeline entry and the acknowledgement e-mail', async () => {
    const filed = await submitCase(db, store, deadlines, submission(), { channel: 'web', now: new Date('2026-12-01T02:00:00Z'), baseUrl: 'http://test.invalid' });
    expect(filed.reference).toMatch(/^IB-2026-\d{6}$/);
    // General demand: 7 calendar days, ending at 24:00 Beijing time.
    expect(filed.dueAt.toISOString()).toBe('2026-12-08T16:00:00.000Z');
    const row = await db.selectFrom('cases').selectAll().where('reference', '=', filed.reference).executeTakeFirstOrThrow();
    expect(row.token_hash).not.toContain(filed.token);
    expect(row.contact_email).toBe('ops@example.com');
    expect(await findCaseWithToken(db, filed.reference, filed.token)).toBeDefined();
    expect(await findCaseWithToken(db, filed.reference, `${filed.token.slice(0, -1)}x`)).toBeUndefined();
    const mail = await db.selectFrom('jobs' as never).selectAll().execute() as { payload: { to: string; subject: string } }[];
    expect(mail.some((j) => j.payload.to === 'ops@example.com' && j.payload.subject.includes(filed.reference))).toBe(true);
  });

  it('runs a case from acceptance to a rated reply, each step by the actor the state machine names', async () => {
    const filed = await submitCase(db, store, deadlines, submission(), { channel: 'web', now: new Date('2026-12-01T02:00:00Z'), baseUrl: 'http://test.invalid' });
    const ref = filed.reference;
    const agent = staff('acceptance_agent');
    const handler = staff('department_handler', { departmentId: haidianUnit() });
    const coordinator = staff('municipal_coordinator');
    await saveStaff();
    await applyAction(at('2026-12-01T03:00:00Z'), ref, agent, 'accept', { limit_id: 'sophisticated-demand' });
    let row = (await findCaseForStaff(db, { kind: 'all' }, ref))!;
    expect(row.status).toBe('accepted');
    // Sophisticated: 15 calendar days from acceptance.
    expect(row.due_at.toISOString()).toBe('2026-12-16T16:00:00.000Z');
    await applyAction(at('2026-12-01T03:05:00Z'), ref, agent, 'dispatch', { lead: haidianUnit(), co: [otherUnit()] });
    await expect(applyAction(at('2026-12-01T03:06:00Z'), ref, staff('department_handler', { departmentId: departments.find((d) => d.district_id === 'fengtai')!.id }), 'sign_for', {})).rejects.toMatchObject({ reason: 'not_found' });
    await applyAction(at('2026-12-01T04:00:00Z'), ref, handler, 'sign_for', {});
    await applyAction(at('2026-12-01T04:01:00Z'), ref, handler, 'start', {});
    await applyAction(at('2026-12-02T04:00:00Z'), ref, handler, 'request_extension', { next_steps: 'Awaiting the finance bureau.', proposed_due: '2026-12-30' });
    await expect(applyAction(at('2026-12-02T04:10:00Z'), ref, handler, 'approve_extension', { next_steps: 'x', new_due: '2026-12-30' })).rejects.toMatchObject({ reason: 'not_allowed' });
    await applyAction(at('2026-12-02T05:00:00Z'), ref, coordinator, 'approve_extension', { next_steps: 'The finance bureau confirms payment dates.', new_due: '2026-12-30' });
    row = (await findCaseForStaff(db, { kind: 'all' }, ref))!;
    expect(row.extended).toBe(true);
    expect(row.due_at.toISOString()).toBe('2026-12-30T16:00:00.000Z');
    await applyAction(at('2026-12-03T04:00:00Z'), ref, handler, 'add_note', { body: 'Internal: called the finance bureau.' });
    await applyAction(at('2026-12-04T04:00:00Z'), ref, handler, 'draft_reply', { body: 'The subsidy will be paid on 20 December.' });
    await applyAction(at('2026-12-04T05:00:00Z'), ref, agent, 'approve_reply', {});
    const enterprise: CaseActor = { type: 'enterprise' };
    await applyAction(at('2026-12-05T05:00:00Z'), ref, enterprise, 'rate', { resolved: true, satisfaction: 5 });
    await applyAction(at('2026-12-06T05:00:00Z'), ref, agent, 'close', { resolution_code: 'resolved' });

    const found = (await findCaseWithToken(db, ref, filed.token))!;
    const view = await publicView(db, store, found, new Date('2026-12-06T06:00:00Z'));
    expect(view.status).toBe('closed');
    expect(view.timeline.map((e) => e.action)).toEqual(['submit', 'accept', 'dispatch', 'sign_for', 'approve_extension', 'approve_reply', 'rate', 'close']);
    expect(view.timeline.find((e) => e.action === 'approve_reply')!.text).toBe('The subsidy will be paid on 20 December.');
    expect(JSON.stringify(view)).not.toContain('Internal: called');
    expect(view.can.reopen_until).not.toBeNull();
    const audit = await t.db.selectFrom('audit_log').select('action').where('entity', '=', 'case').where('entity_id', '=', ref).execute();
    expect(audit.map((a) => a.action)).toEqual(['case.accept', 'case.dispatch', 'case.sign_for', 'case.start', 'case.request_extension', 'case.approve_extension', 'case.add_note', 'case.draft_reply', 'case.approve_reply', 'case.close']);
  });

  it('pauses the clock of a foreign-invested enterprise complaint while materials are awaited, and restarts the 7 working days when they arrive', async () => {
    const filed = await submitCase(db, store, deadlines, submission({ kind: 'complaint', fie_complaint: true, topic: 'government-conduct' }), { channel: 'api', now: new Date('2026-09-29T02:00:00Z'), baseUrl: 'http://test.invalid' });
    // 7 working days from 29 September 2026: National Day (1–7 October) is skipped; 10 October (Saturday) is worked.
    expect(filed.dueAt.toISOString()).toBe(deadlines.dueAt(new Date('2026-09-29T02:00:00Z'), { amount: 7, unit: 'working_days' }).toISOString());
    const agent = staff('acceptance_agent');
    await applyAction(at('2026-09-30T02:00:00Z'), filed.reference, agent, 'request_materials', { missing: 'The administrative decision you complain about.' });
    await expect(applyAction(at('2026-09-30T03:00:00Z'), filed.reference, agent, 'request_materials', { missing: 'again' })).rejects.toMatchObject({ reason: 'wrong_state' });
    let row = (await findCaseForStaff(db, { kind: 'all' }, filed.reference))!;
    expect(row.status).toBe('needs_materials');
    expect(row.materials_due_at!.toISOString()).toBe(deadlines.dueAt(new Date('2026-09-30T02:00:00Z'), { amount: 15, unit: 'working_days' }).toISOString());
    await applyAction(at('2026-10-12T02:00:00Z'), filed.reference, { type: 'enterprise' }, 'supply_materials', { body: 'Attached the decision.' });
    row = (await findCaseForStaff(db, { kind: 'all' }, filed.reference))!;
    expect(row.status).toBe('submitted');
    expect(row.due_at.toISOString()).toBe(deadlines.dueAt(new Date('2026-10-12T02:00:00Z'), { amount: 7, unit: 'working_days' }).toISOString());
    // A second request for materials is refused: the measures allow one.
    await expect(applyAction(at('2026-10-12T03:00:00Z'), filed.reference, agent, 'request_materials', { missing: 'more' })).rejects.toMatchObject({ reason: 'already_requested' });
    await applyAction(at('2026-10-13T02:00:00Z'), filed.reference, agent, 'accept', { limit_id: 'general-demand' });
    row = (await findCaseForStaff(db, { kind: 'all' }, filed.reference))!;
    expect(row.limit_id).toBe('fie-complaint-handling');
    expect(row.due_at.toISOString()).toBe(deadlines.dueAt(new Date('2026-10-13T02:00:00Z'), { amount: 60, unit: 'working_days' }).toISOString());
  });

  it('keeps a district officer to their district and a department handler to the cases their department handles', async () => {
    const filed = await submitCase(db, store, deadlines, submission({ district: 'chaoyang' }), { channel: 'web', now: new Date('2026-12-01T02:00:00Z'), baseUrl: 'http://test.invalid' });
    expect(await findCaseForStaff(db, { kind: 'district', districtId: 'haidian' }, filed.reference)).toBeUndefined();
    expect(await findCaseForStaff(db, { kind: 'district', districtId: 'chaoyang' }, filed.reference)).toBeDefined();
    expect(await findCaseForStaff(db, { kind: 'department', departmentId: haidianUnit() }, filed.reference)).toBeUndefined();
    await expect(applyAction(at('2026-12-01T03:00:00Z'), filed.reference, staff('district_officer', { districtId: 'haidian' }), 'accept', { limit_id: 'general-demand' })).rejects.toMatchObject({ reason: 'not_found' });
    await applyAction(at('2026-12-01T03:00:00Z'), filed.reference, staff('district_officer', { districtId: 'chaoyang' }), 'accept', { limit_id: 'general-demand' });
    await expect(applyAction(at('2026-12-01T03:00:00Z'), filed.reference, staff('viewer'), 'add_note', { body: 'x' })).rejects.toMatchObject({ reason: 'not_allowed' });
    await expect(applyAction(at('2026-12-01T03:00:00Z'), filed.reference, staff('admin'), 'dispatch', { lead: otherUnit() })).rejects.toMatchObject({ reason: 'not_allowed' });
  });

  it('every transition is refused from every state it does not leave from', async () => {
    const agent = staff('municipal_coordinator');
    const filed = await submitCase(db, store, deadlines, submission(), { channel: 'web', now: new Date('2026-12-01T02:00:00Z'), baseUrl: 'http://test.invalid' });
    // The case is 'submitted': every action that does not start from there is refused before its input is used.
    const refused = TRANSITIONS.filter((tr) => !tr.from.includes('submitted'));
    expect(refused.length).toBeGreaterThan(10);
    for (const transition of refused) {
      const error = await applyAction(at('2026-12-01T03:00:00Z'), filed.reference, transition.actors.includes('enterprise') ? { type: 'enterprise' } : agent, transition.action as CaseAction, validInput(transition.action as CaseAction)).catch((e: unknown) => e);
      expect(error, transition.action).toBeInstanceOf(CaseActionError);
      expect(['wrong_state', 'not_allowed'], transition.action).toContain((error as CaseActionError).reason);
    }
    expect(CASE_STATUSES).toContain('submitted');
  });

  it('rejects invalid input for an action with the field at fault', async () => {
    const filed = await submitCase(db, store, deadlines, submission(), { channel: 'web', now: new Date('2026-12-01T02:00:00Z'), baseUrl: 'http://test.invalid' });
    await expect(applyAction(at('2026-12-01T03:00:00Z'), filed.reference, staff('acceptance_agent'), 'accept', { limit_id: 'general-inquiry' })).rejects.toMatchObject({ reason: 'invalid', field: 'limit_id' });
    await expect(applyAction(at('2026-12-01T03:00:00Z'), filed.reference, staff('acceptance_agent'), 'reject', { reason: '' })).rejects.toMatchObject({ reason: 'invalid', field: 'reason' });
  });
});

function validInput(action: CaseAction): Record<string, unknown> {
  const inputs: Partial<Record<CaseAction, Record<string, unknown>>> = {
    accept: { limit_id: 'general-demand' }, reject: { reason: 'r' }, request_materials: { missing: 'm' }, supply_materials: { body: 'b' },
    answer: { body: 'b' }, mark_duplicate: { duplicate_of: 'IB-2026-000001' }, dispatch: { lead: 'x' }, return: { reason: 'r' },
    request_extension: { next_steps: 'n', proposed_due: '2027-01-10' }, approve_extension: { next_steps: 'n', new_due: '2027-01-10' },
    deny_extension: { reason: 'r' }, draft_reply: { body: 'b' }, return_draft: { reason: 'r' }, approve_reply: { body: 'b' },
    record_return_visit: { resolved: true, satisfaction: 4 }, rate: { resolved: true, satisfaction: 4 }, close: { resolution_code: 'resolved' },
    reopen: { reason: 'r' }, add_note: { body: 'b' },
  };
  return inputs[action] ?? {};
}
