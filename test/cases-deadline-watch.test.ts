/**
 * The worker's deadline watch with a controlled clock, on PGlite and PostgreSQL: the lead unit is warned before the
 * due time, the district and the acceptance agency when it passes, the coordinators a day later; each message once,
 * however many sweeps or workers run; a new due date (extension) warns again; a paused case is not chased.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { workerContributions } from '../src/app.js';
import { buildWorkingCalendar } from '../src/modules/calendar/index.js';
import { ContentService, type ContentStore } from '../src/modules/content/index.js';
import { calendarDeadlines } from '../src/modules/cases/calendar-deadlines.js';
import { applyAction, type CaseActor } from '../src/modules/cases/case-workflow.js';
import { caseSubmissionSchema } from '../src/modules/cases/case.schemas.js';
import { caseDb, type CaseDb } from '../src/modules/cases/case.tables.js';
import { submitCase } from '../src/modules/cases/submit-case.js';
import { JobWorker } from '../src/platform/jobs/index.js';
import type { StaffRole } from '../src/platform/auth/index.js';
import { databaseTargets } from './helpers/databases.js';
import { startStaffApp, type StaffTestApp } from './helpers/staff.js';
import { testConfig } from './helpers/test-app.js';

const deadlines = calendarDeadlines(() => buildWorkingCalendar());

describe.each(databaseTargets())('deadline watch (%s)', (target) => {
  let t: StaffTestApp;
  let db: CaseDb;
  let store: ContentStore;
  let clock: Date;
  let worker: JobWorker;
  const accounts = new Map<string, { role: StaffRole; districtId: string | null; departmentId: string | null }>();

  async function account(email: string, role: StaffRole, districtId: string | null = null, departmentId: string | null = null): Promise<CaseActor> {
    const row = await db.insertInto('staff_users').values({ email, name: email, password_hash: 'x', role, district_id: districtId, department_id: departmentId, disabled_at: null }).returning('id').executeTakeFirstOrThrow();
    accounts.set(email, { role, districtId, departmentId });
    return { type: 'staff', staff: { userId: row.id, email, name: email, role, districtId, departmentId, sessionId: 's', csrfToken: 'c', signedInAt: clock } };
  }
  const mailTo = async (reference: string) =>
    ((await db.selectFrom('jobs' as never).selectAll().execute()) as { kind: string; payload: { to: string; subject: string } }[])
      .filter((j) => j.kind === 'send_email' && j.payload.subject.includes(reference))
      .map((j) => j.payload.to)
      .sort();
  const at = () => ({ db, store, deadlines, baseUrl: 'http://test.invalid', now: clock });

  beforeAll(async () => {
    t = await startStaffApp({ target });
    db = caseDb(t.database.db);
    const content = new ContentService(t.database.db);
    await content.refresh();
    store = content.store;
    clock = new Date('2026-12-01T02:00:00Z');
    const { periodic } = workerContributions({ config: testConfig(), db: t.database.db, clock: () => clock });
    worker = new JobWorker({ db: t.database.db, handlers: [], periodic, clock: () => clock });
  }, 120_000);
  afterAll(() => t?.close());

  it('warns the unit, then the district and the agency, then the coordinators — each once', async () => {
    const unit = (await db.selectFrom('departments').select('id').where('district_id', '=', 'haidian').executeTakeFirstOrThrow()).id;
    const agent = await account('agent@example.gov.cn', 'acceptance_agent');
    await account('handler@example.gov.cn', 'department_handler', null, unit);
    await account('officer@example.gov.cn', 'district_officer', 'haidian');
    await account('coordinator@example.gov.cn', 'municipal_coordinator');
    await account('other-officer@example.gov.cn', 'district_officer', 'chaoyang');
    const filed = await submitCase(db, store, deadlines, caseSubmissionSchema.parse({
      kind: 'demand', topic: 'policies', district: 'haidian', subject: 'Subsidy', description: 'A subsidy was promised and not paid.', anonymous: true, consent: true,
    }), { channel: 'web', now: clock, baseUrl: 'http://test.invalid' });
    await applyAction(at(), filed.reference, agent, 'accept', { limit_id: 'general-demand' });
    await applyAction(at(), filed.reference, agent, 'dispatch', { lead: unit });
    const due = (await db.selectFrom('cases').select('due_at').where('reference', '=', filed.reference).executeTakeFirstOrThrow()).due_at;

    clock = new Date(due.getTime() - 2 * 86_400_000);
    await worker.runPeriodic(true);
    expect(await mailTo(filed.reference)).toEqual([]);

    clock = new Date(due.getTime() - 3_600_000);
    await worker.runPeriodic(true);
    await worker.runPeriodic(true);
    expect(await mailTo(filed.reference)).toEqual(['handler@example.gov.cn']);

    clock = new Date(due.getTime() + 60_000);
    await worker.runPeriodic(true);
    expect(await mailTo(filed.reference)).toEqual(['agent@example.gov.cn', 'handler@example.gov.cn', 'handler@example.gov.cn', 'officer@example.gov.cn']);

    clock = new Date(due.getTime() + 86_400_000 + 60_000);
    await Promise.all([worker.runPeriodic(true), worker.runPeriodic(true)]);
    const all = await mailTo(filed.reference);
    expect(all.filter((m) => m === 'coordinator@example.gov.cn')).toHaveLength(1);
    expect(all).not.toContain('other-officer@example.gov.cn');
    const events = await db.selectFrom('case_events').select(['action', 'visibility']).where('case_id', '=', filed.id).where('actor_type', '=', 'system').execute();
    expect(events.map((e) => e.action)).toEqual(['deadline_due_soon', 'deadline_overdue', 'deadline_escalated']);
    expect(events.every((e) => e.visibility === 'internal')).toBe(true);
  });

  it('does not chase a case waiting for the enterprise, and warns again for a new due date', async () => {
    const agent = await account('agent2@example.gov.cn', 'acceptance_agent');
    const coordinator = await account('coordinator2@example.gov.cn', 'municipal_coordinator');
    clock = new Date('2026-12-10T02:00:00Z');
    const paused = await submitCase(db, store, deadlines, caseSubmissionSchema.parse({
      kind: 'complaint', fie_complaint: true, topic: 'government-conduct', subject: 'Permit', description: 'A permit was refused without reasons.', anonymous: true, consent: true,
    }), { channel: 'web', now: clock, baseUrl: 'http://test.invalid' });
    await applyAction(at(), paused.reference, agent, 'request_materials', { missing: 'The refusal letter.' });
    clock = new Date('2027-01-30T02:00:00Z');
    await worker.runPeriodic(true);
    expect(await mailTo(paused.reference)).toEqual([]);

    clock = new Date('2026-12-10T02:00:00Z');
    const extended = await submitCase(db, store, deadlines, caseSubmissionSchema.parse({
      kind: 'inquiry', topic: 'policies', subject: 'Rates', description: 'Which rate applies to our imports?', anonymous: true, consent: true,
    }), { channel: 'web', now: clock, baseUrl: 'http://test.invalid' });
    // A general inquiry is due on arrival: overdue at once, no warning first.
    await worker.runPeriodic(true);
    const first = await db.selectFrom('case_escalations').select('level').where('case_id', '=', extended.id).execute();
    expect(first.map((e) => e.level)).toEqual(['overdue']);
    await applyAction(at(), extended.reference, agent, 'accept', { limit_id: 'sophisticated-inquiry-single' });
    const newDue = (await db.selectFrom('cases').select('due_at').where('id', '=', extended.id).executeTakeFirstOrThrow()).due_at;
    clock = new Date(newDue.getTime() - 3_600_000);
    await worker.runPeriodic(true);
    const levels = await db.selectFrom('case_escalations').select(['level', 'due_at']).where('case_id', '=', extended.id).orderBy('sent_at').execute();
    expect(levels.map((e) => e.level)).toEqual(['overdue', 'due_soon']);
    expect(levels[1].due_at.getTime()).toBe(newDue.getTime());
    expect(coordinator.type).toBe('staff');
  });
});
