/**
 * Cases in any status for the staff pages' tests: filed with submitCase and moved there through the real workflow
 * (applyAction, with an acceptance agent and the lead unit's handler), at the test app's clock; and staff accounts
 * with a password, signed in through the real form.
 */
import { buildWorkingCalendar } from '../../src/modules/calendar/index.js';
import { ContentService, type ContentStore } from '../../src/modules/content/index.js';
import { calendarDeadlines } from '../../src/modules/cases/calendar-deadlines.js';
import { applyAction, type CaseActor } from '../../src/modules/cases/case-workflow.js';
import { caseSubmissionSchema } from '../../src/modules/cases/case.schemas.js';
import type { CaseStatus } from '../../src/modules/cases/case-states.js';
import { caseDb, type CaseDb } from '../../src/modules/cases/case.tables.js';
import { submitCase } from '../../src/modules/cases/submit-case.js';
import type { StaffPrincipal, StaffRole } from '../../src/platform/auth/index.js';
import { createStaffWithPassword, signInAs, type StaffTestApp } from './staff.js';

export const deadlines = calendarDeadlines(() => buildWorkingCalendar());
export const PASSWORD = 'copper kettle by the west gate';

export interface Person {
  id: string;
  email: string;
  role: StaffRole;
  cookie: string;
  principal: StaffPrincipal;
}

export interface CaseFixtures {
  db: CaseDb;
  store: ContentStore;
  /** An active department of each district, by district id. */
  unitOf: (district: string) => string;
  /** An account with a password, signed in (its Cookie header in `cookie`). */
  person(role: StaffRole, scope?: { districtId?: string; departmentId?: string }, lang?: 'en' | 'zh'): Promise<Person>;
  /** A new case (a demand on policies in Haidian unless `fields` say otherwise), moved to `status`. */
  caseIn(status: CaseStatus, fields?: Record<string, unknown>): Promise<string>;
  file(fields?: Record<string, unknown>): Promise<{ reference: string; token: string }>;
}

let counter = 0;

export async function caseFixtures(t: StaffTestApp): Promise<CaseFixtures> {
  const db = caseDb(t.database.db);
  const content = new ContentService(t.database.db);
  await content.refresh();
  const store = content.store;
  const departments = await db.selectFrom('departments').select(['id', 'district_id']).where('active', '=', true).orderBy('id').execute();
  const unitOf = (district: string) => departments.find((d) => d.district_id === district)!.id;
  const deps = () => ({ db, store, deadlines, baseUrl: 'http://test.invalid', now: t.clock.now });

  async function person(role: StaffRole, scope: { districtId?: string; departmentId?: string } = {}, lang: 'en' | 'zh' = 'en'): Promise<Person> {
    counter += 1;
    const email = `${role}.${counter}@example.gov.cn`;
    const name = `${role.replace(/_/g, ' ')} ${counter}`;
    const id = await createStaffWithPassword(t, { email, name, role, districtId: scope.districtId ?? null, departmentId: scope.departmentId ?? null, password: PASSWORD });
    const cookie = await signInAs(t.app, email, PASSWORD, lang);
    const principal: StaffPrincipal = { userId: id, email, name, role, districtId: scope.districtId ?? null, departmentId: scope.departmentId ?? null, sessionId: 's', csrfToken: 'c', signedInAt: t.clock.now };
    return { id, email, role, cookie, principal };
  }

  const agent = await person('acceptance_agent');
  const staffActor = (p: Person): CaseActor => ({ type: 'staff', staff: p.principal });
  const handlers = new Map<string, Person>();
  async function handlerOf(department: string): Promise<Person> {
    if (!handlers.has(department)) handlers.set(department, await person('department_handler', { departmentId: department }));
    return handlers.get(department)!;
  }

  async function file(fields: Record<string, unknown> = {}) {
    const submission = caseSubmissionSchema.parse({
      kind: 'demand', topic: 'policies', district: 'haidian', subject: 'R&D subsidy not paid', lang: 'en',
      description: 'We applied for the R&D centre subsidy in March and have heard nothing since.',
      enterprise_name: 'Example Robotics (Beijing) Co., Ltd.', uscc: '91350100M000100Y43', foreign_invested: true,
      contact_email: 'ops@example.com', consent: true, ...fields,
    });
    const filed = await submitCase(db, store, deadlines, submission, { channel: 'web', now: t.clock.now, baseUrl: 'http://test.invalid' });
    return { reference: filed.reference, token: filed.token };
  }

  /** The steps from 'submitted' to each status. */
  const PATHS: Record<CaseStatus, readonly string[]> = {
    submitted: [],
    needs_materials: ['request_materials'],
    rejected: ['reject'],
    accepted: ['accept'],
    dispatched: ['accept', 'dispatch'],
    signed_for: ['accept', 'dispatch', 'sign_for'],
    in_progress: ['accept', 'dispatch', 'sign_for', 'start'],
    extension_requested: ['accept', 'dispatch', 'sign_for', 'start', 'request_extension'],
    reply_drafted: ['accept', 'dispatch', 'sign_for', 'start', 'draft_reply'],
    replied: ['accept', 'dispatch', 'sign_for', 'start', 'draft_reply', 'approve_reply'],
    closed: ['accept', 'dispatch', 'sign_for', 'start', 'draft_reply', 'approve_reply', 'close'],
  };
  const INPUTS: Record<string, Record<string, unknown>> = {
    request_materials: { missing: 'The decision you complain about.' },
    reject: { reason: 'Not a matter for the service line.' },
    accept: { limit_id: 'general-demand' },
    request_extension: { next_steps: 'Waiting for the finance bureau.', proposed_due: '2027-01-15' },
    draft_reply: { body: 'The subsidy will be paid on 20 December.' },
    approve_reply: {},
    close: { resolution_code: 'resolved' },
  };

  async function caseIn(status: CaseStatus, fields: Record<string, unknown> = {}): Promise<string> {
    const { reference } = await file(fields);
    const district = (fields.district as string | undefined) ?? 'haidian';
    const lead = unitOf(district);
    for (const action of PATHS[status]) {
      const unitStep = ['sign_for', 'start', 'request_extension', 'draft_reply'].includes(action);
      const who = unitStep ? staffActor(await handlerOf(lead)) : staffActor(agent);
      const input = action === 'dispatch' ? { lead } : (INPUTS[action] ?? {});
      await applyAction(deps(), reference, who, action as never, input);
    }
    return reference;
  }

  return { db, store, unitOf, person, caseIn, file };
}
