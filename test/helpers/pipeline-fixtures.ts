/**
 * Pipeline test fixtures: real staff accounts for each kind of person a project has (a commissioner, a Haidian and a
 * Chaoyang district officer, a municipal coordinator who verifies, a viewer), an investor, and the workflow context
 * over the test app's database and content with the app's controllable clock.
 */
import type { LightMyRequestResponse } from 'fastify';
import type { StaffRole } from '../../src/platform/auth/index.js';
import { pipelineDb, type PipelineDb } from '../../src/modules/pipeline/pipeline.tables.js';
import { createInvestor, createProject, type Acting, type PipelineContext } from '../../src/modules/pipeline/project-workflow.js';
import type { PipelineStaff } from '../../src/modules/pipeline/project-access.js';
import { ContentService } from '../../src/modules/content/index.js';
import { csrfOf, postForm } from './case-http.js';
import { createStaffWithPassword, signInAs, type StaffTestApp } from './staff.js';

export const PASSWORD = 'correct horse battery staple 42';
/** A unified social credit code with a valid check character. */
export const VALID_USCC = '91350100M000100Y43';

export interface PipelinePeople {
  commissioner: PipelineStaff & { email: string };
  otherCommissioner: PipelineStaff & { email: string };
  haidian: PipelineStaff & { email: string };
  chaoyang: PipelineStaff & { email: string };
  coordinator: PipelineStaff & { email: string };
  viewer: PipelineStaff & { email: string };
  handler: PipelineStaff & { email: string };
}

async function person(t: StaffTestApp, key: string, role: StaffRole, districtId: string | null = null) {
  const email = `${key}@pipeline.example.gov.cn`;
  const departmentId = role === 'department_handler' ? (await t.db.selectFrom('departments').select('id').executeTakeFirstOrThrow()).id : null;
  const userId = await createStaffWithPassword(t, { email, name: `Test ${key}`, role, districtId, departmentId, password: PASSWORD });
  return { userId, role, districtId, email };
}

export async function pipelinePeople(t: StaffTestApp): Promise<PipelinePeople> {
  return {
    commissioner: await person(t, 'commissioner', 'project_commissioner'),
    otherCommissioner: await person(t, 'commissioner2', 'project_commissioner'),
    haidian: await person(t, 'haidian', 'district_officer', 'haidian'),
    chaoyang: await person(t, 'chaoyang', 'district_officer', 'chaoyang'),
    coordinator: await person(t, 'coordinator', 'municipal_coordinator'),
    viewer: await person(t, 'viewer', 'viewer'),
    handler: await person(t, 'handler', 'department_handler'),
  };
}

export async function pipelineContext(t: StaffTestApp): Promise<PipelineContext & { db: PipelineDb }> {
  const content = new ContentService(t.database.db);
  await content.refresh();
  return { db: pipelineDb(t.database.db), store: () => content.store, now: () => t.clock.now };
}

export const acting = (staff: PipelineStaff): Acting => ({ staff, requestId: 'test' });

/** A lead in Haidian with everything negotiating needs, created by `by`. */
export async function haidianLead(context: PipelineContext, by: PipelineStaff, overrides: Record<string, unknown> = {}) {
  const investor = await createInvestor(context, acting(by), { name: `Nordlicht Robotics GmbH ${Math.random().toString(36).slice(2, 8)}`, origin: 'DE', parent_group: 'Nordlicht Group' });
  const project = await createProject(context, acting(by), {
    investorId: investor.id,
    fields: { name: 'Robot arm R&D centre', kind: 'rd_centre', industry_id: 'intelligent-equipment', district_id: 'haidian', currency: 'EUR', amount_total: '12,000,000', source_kind: 'event', source_detail: '2025 Invest in Beijing Conference', ...overrides },
  });
  return { investorId: investor.id, ...project };
}

/** People signed in through the real form, with their session's CSRF token, and GET/POST as each of them. */
export interface SignedIn {
  cookie: Partial<Record<keyof PipelinePeople, string>>;
  csrf: Partial<Record<keyof PipelinePeople, string>>;
  get(who: keyof PipelinePeople, url: string): Promise<LightMyRequestResponse>;
  /** A url-encoded form post carrying the person's CSRF token. */
  post(who: keyof PipelinePeople, url: string, fields: Record<string, string>): Promise<LightMyRequestResponse>;
}

export async function signInPeople(t: StaffTestApp, people: PipelinePeople, who: readonly (keyof PipelinePeople)[]): Promise<SignedIn> {
  const cookie: SignedIn['cookie'] = {};
  const csrf: SignedIn['csrf'] = {};
  for (const person of who) {
    cookie[person] = await signInAs(t.app, people[person].email, PASSWORD);
    csrf[person] = await csrfOf(t.app, cookie[person]!);
  }
  return {
    cookie,
    csrf,
    get: (person, url) => t.app.inject({ url, headers: { cookie: cookie[person]! } }),
    post: (person, url, fields) => postForm(t.app, url, cookie[person]!, { _csrf: csrf[person]!, ...fields }),
  };
}
