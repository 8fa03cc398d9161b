/**
 * Cases with known outcomes for the reports' tests (and the browser check's screenshots): filed and moved through
 * the real workflow (submitCase, applyAction) at fixed instants in November 2026, so the dashboard's figures for the
 * period 2026-11-02 – 2026-12-01, seen at 2026-12-01 10:00 Beijing time, are known in advance:
 *
 *   name  district  kind/topic                 submitted (UTC)   outcome
 *   A     haidian   demand/policies            11-10 02:00       accepted, dispatched to the Haidian unit, replied 11-12 (on time); rated resolved, 5
 *   B     haidian   demand/policies            11-15 17:00       (Monday 16th in Beijing) accepted, dispatched, replied 11-24 (late: due 11-23 24:00); return visit: not resolved, 2
 *   C     chaoyang  inquiry/establishment      11-16 02:00       answered on the spot an hour later (real time: late); rated resolved, 4
 *   D     chaoyang  inquiry/establishment      11-18 02:00       answered at once (on time)
 *   E     haidian   complaint/government-conduct 11-24 03:00     accepted (due 12-01 24:00), dispatched: due soon now
 *   F     chaoyang  demand/tax-finance         11-20 02:00       accepted (due 11-27 24:00), not dispatched: overdue now
 *   G     haidian   demand/policies            11-28 02:00       declined the same day (on time)
 *   H     haidian   demand/policies            10-01 02:00       replied 10-02: outside the period
 *   I     chaoyang  FIE complaint/government-conduct 11-26 02:00 missing materials requested: paused
 */
import { buildWorkingCalendar } from '../../src/modules/calendar/index.js';
import type { ContentStore } from '../../src/modules/content/index.js';
import { calendarDeadlines } from '../../src/modules/cases/calendar-deadlines.js';
import { applyAction, type CaseActor } from '../../src/modules/cases/case-workflow.js';
import { caseSubmissionSchema } from '../../src/modules/cases/case.schemas.js';
import type { CaseDb } from '../../src/modules/cases/case.tables.js';
import { submitCase } from '../../src/modules/cases/submit-case.js';
import type { StaffPrincipal, StaffRole } from '../../src/platform/auth/index.js';

const deadlines = calendarDeadlines(() => buildWorkingCalendar());

/** The moment the tests look at the dashboard: 1 December 2026, 10:00 Beijing time. */
export const REPORT_NOW = new Date('2026-12-01T02:00:00Z');

async function actor(db: CaseDb, role: StaffRole, scope: { districtId?: string; departmentId?: string } = {}): Promise<CaseActor> {
  const id = crypto.randomUUID();
  await db.insertInto('staff_users').values({ id, email: `${role}.${id.slice(0, 8)}@example.gov.cn`, name: role, password_hash: null, role, district_id: scope.districtId ?? null, department_id: scope.departmentId ?? null, disabled_at: null }).execute();
  const staff: StaffPrincipal = { userId: id, email: `${role}@example.gov.cn`, name: role, role, districtId: scope.districtId ?? null, departmentId: scope.departmentId ?? null, sessionId: 's', csrfToken: 'c', signedInAt: REPORT_NOW };
  return { type: 'staff', staff };
}

export interface ReportCases {
  refs: Record<'A' | 'B' | 'C' | 'D' | 'E' | 'F' | 'G' | 'H' | 'I', string>;
  /** The department the Haidian cases are dispatched to. */
  haidianUnit: string;
}

export async function seedReportCases(db: CaseDb, store: ContentStore, options: { haidianUnit?: string } = {}): Promise<ReportCases> {
  const haidianUnit = options.haidianUnit ?? (await db.selectFrom('departments').select('id').where('district_id', '=', 'haidian').where('active', '=', true).orderBy('id').executeTakeFirstOrThrow()).id;
  const agent = await actor(db, 'acceptance_agent');
  const handler = await actor(db, 'department_handler', { departmentId: haidianUnit });
  const enterprise: CaseActor = { type: 'enterprise' };
  const at = (iso: string) => ({ db, store, deadlines, baseUrl: 'http://test.invalid', now: new Date(iso) });
  const file = async (iso: string, fields: Record<string, unknown>) => {
    const submission = caseSubmissionSchema.parse({
      kind: 'demand', topic: 'policies', district: 'haidian', subject: 'Subsidy not paid', lang: 'en',
      description: 'We applied for the subsidy and have heard nothing since.', enterprise_name: 'Example Robotics (Beijing) Co., Ltd.',
      uscc: '91350100M000100Y43', foreign_invested: true, contact_email: 'ops@example.com', consent: true, ...fields,
    });
    return (await submitCase(db, store, deadlines, submission, { channel: 'web', now: new Date(iso), baseUrl: 'http://test.invalid' })).reference;
  };
  const act = (iso: string, ref: string, who: CaseActor, action: Parameters<typeof applyAction>[3], input: unknown) => applyAction(at(iso), ref, who, action, input);
  /** Accepted as a general demand (7 calendar days from acceptance), dispatched to the Haidian unit, replied at `repliedAt`. */
  const throughUnit = async (ref: string, acceptedAt: string, repliedAt?: string) => {
    await act(acceptedAt, ref, agent, 'accept', { limit_id: 'general-demand' });
    await act(acceptedAt, ref, agent, 'dispatch', { lead: haidianUnit });
    await act(acceptedAt, ref, handler, 'sign_for', {});
    await act(acceptedAt, ref, handler, 'start', {});
    if (!repliedAt) return;
    await act(repliedAt, ref, handler, 'draft_reply', { body: 'The subsidy is paid on the 20th.' });
    await act(repliedAt, ref, agent, 'approve_reply', {});
  };

  const A = await file('2026-11-10T02:00:00Z', {});
  await throughUnit(A, '2026-11-10T03:00:00Z', '2026-11-12T05:00:00Z');
  await act('2026-11-13T02:00:00Z', A, enterprise, 'rate', { resolved: true, satisfaction: 5 });

  // Submitted on Sunday 15 November in UTC, which is already Monday 16 November in Beijing: its week is the 16th's.
  const B = await file('2026-11-15T17:00:00Z', {});
  await throughUnit(B, '2026-11-16T05:00:00Z', '2026-11-24T02:00:00Z');
  await act('2026-11-25T02:00:00Z', B, agent, 'record_return_visit', { resolved: false, satisfaction: 2 });

  const C = await file('2026-11-16T02:00:00Z', { kind: 'inquiry', topic: 'establishment', district: 'chaoyang' });
  await act('2026-11-16T03:00:00Z', C, agent, 'answer', { body: 'Register online.' });
  await act('2026-11-17T03:00:00Z', C, enterprise, 'rate', { resolved: true, satisfaction: 4 });

  const D = await file('2026-11-18T02:00:00Z', { kind: 'inquiry', topic: 'establishment', district: 'chaoyang' });
  await act('2026-11-18T02:00:00Z', D, agent, 'answer', { body: 'Register online.' });

  const E = await file('2026-11-24T03:00:00Z', { kind: 'complaint', topic: 'government-conduct' });
  await throughUnit(E, '2026-11-24T03:00:00Z');

  const F = await file('2026-11-20T02:00:00Z', { topic: 'tax-finance', district: 'chaoyang' });
  await act('2026-11-20T02:00:00Z', F, agent, 'accept', { limit_id: 'general-demand' });

  const G = await file('2026-11-28T02:00:00Z', {});
  await act('2026-11-28T03:00:00Z', G, agent, 'reject', { reason: 'Not a matter for the government.' });

  const H = await file('2026-10-01T02:00:00Z', {});
  await throughUnit(H, '2026-10-01T03:00:00Z', '2026-10-02T02:00:00Z');

  const I = await file('2026-11-26T02:00:00Z', { kind: 'complaint', fie_complaint: true, topic: 'government-conduct', district: 'chaoyang' });
  await act('2026-11-26T03:00:00Z', I, agent, 'request_materials', { missing: 'The decision you complain about.' });

  return { refs: { A, B, C, D, E, F, G, H, I }, haidianUnit };
}
