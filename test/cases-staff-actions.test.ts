/**
 * The case page's actions through HTTP, on a real database (PGlite, and PostgreSQL with TEST_DATABASE_URL): every
 * transition a staff member can take, from each status it leaves, posted by each kind of staff member — allowed
 * ones answer 303 and move the case (with an audit row by that person), refused ones answer 403 (the role or unit may
 * not) or 404 (the case is outside their scope) and change nothing. Also: the CSRF token is required, a form with
 * missing answers comes back with each error at its field in the person's language, and a case that moved on since
 * the page was opened says so (409).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENTERPRISE_ONLY } from '../src/modules/cases/case.access.js';
import { TRANSITIONS, type CaseAction, type CaseStatus } from '../src/modules/cases/case-states.js';
import type { StaffRole } from '../src/platform/auth/index.js';
import { urls } from '../src/platform/http/urls.js';
import { caseFixtures, type CaseFixtures, type Person } from './helpers/case-fixtures.js';
import { csrfOf, postForm } from './helpers/case-http.js';
import { databaseTargets } from './helpers/databases.js';
import { startStaffApp, type StaffTestApp } from './helpers/staff.js';

/** Statuses in which the case has a lead unit (a Haidian department): its handler and the Haidian officer are its unit. */
const WITH_UNIT: readonly CaseStatus[] = ['dispatched', 'signed_for', 'in_progress', 'extension_requested', 'reply_drafted', 'replied', 'closed'];
const ROLES = ['acceptance_agent', 'municipal_coordinator', 'district_officer', 'department_handler', 'viewer', 'admin'] as const;
type Role = (typeof ROLES)[number];

/**
 * What should happen, from the rules as the issue states them: viewers and administrators never act (403); a
 * department handler sees only cases its department handles (404 otherwise); the unit's actions are for the lead
 * unit's handler and the district's officer once the case is dispatched; every other action for the roles its
 * transition names.
 */
function expected(action: CaseAction, role: Role, status: CaseStatus): 'allowed' | 'forbidden' | 'not_found' {
  if (role === 'viewer' || role === 'admin') return 'forbidden';
  if (role === 'department_handler' && !WITH_UNIT.includes(status)) return 'not_found';
  const actors = TRANSITIONS.find((t) => t.action === action)!.actors;
  const isUnit = (role === 'district_officer' || role === 'department_handler') && WITH_UNIT.includes(status);
  return actors.includes(role as StaffRole) || (isUnit && actors.includes('unit')) ? 'allowed' : 'forbidden';
}

describe.each(databaseTargets())('staff actions on the case page (%s)', (target) => {
  let t: StaffTestApp;
  let f: CaseFixtures;
  const people = {} as Record<Role, Person & { csrf: string }>;
  let original: string;

  beforeAll(async () => {
    t = await startStaffApp({ target });
    f = await caseFixtures(t);
    for (const role of ROLES) {
      const scope = role === 'district_officer' ? { districtId: 'haidian' } : role === 'department_handler' ? { departmentId: f.unitOf('haidian') } : {};
      const person = await f.person(role, scope);
      people[role] = { ...person, csrf: await csrfOf(t.app, person.cookie) };
    }
    original = await f.caseIn('accepted');
  }, 180_000);
  afterAll(() => t?.close());

  const form = (action: CaseAction): Record<string, string | string[]> => {
    const forms: Partial<Record<CaseAction, Record<string, string | string[]>>> = {
      accept: { limit_id: 'sophisticated-demand' },
      reject: { reason: 'Not a matter for the service line.' },
      request_materials: { missing: 'The administrative decision.' },
      answer: { body: 'Register online at the one-stop portal.' },
      mark_duplicate: { duplicate_of: original },
      dispatch: { lead: f.unitOf('haidian'), co: [f.unitOf('chaoyang')] },
      return: { reason: 'Not for our department.' },
      request_extension: { next_steps: 'Waiting for the finance bureau.', proposed_due: '2027-01-15' },
      approve_extension: { next_steps: 'The finance bureau confirms the payment dates.', new_due: '2027-01-15' },
      deny_extension: { reason: 'Finish within the limit.' },
      draft_reply: { body: 'The subsidy will be paid on 20 December.' },
      return_draft: { reason: 'Give the date.' },
      approve_reply: { body: 'The subsidy will be paid on 20 December.' },
      record_return_visit: { resolved: 'yes', satisfaction: '4', note: 'Called back.' },
      close: { resolution_code: 'resolved' },
      reopen: { reason: 'The payment did not arrive.' },
      add_note: { body: 'Called the finance bureau.' },
    };
    return forms[action] ?? {};
  };
  const statusOf = async (reference: string) => (await f.db.selectFrom('cases').select('status').where('reference', '=', reference).executeTakeFirstOrThrow()).status;
  const auditRows = (reference: string, action: string, actor: string) =>
    f.db.selectFrom('audit_log').select('id').where('entity', '=', 'case').where('entity_id', '=', reference).where('action', '=', `case.${action}`).where('actor_id', '=', actor).execute();

  const staffTransitions = TRANSITIONS.filter((tr) => !ENTERPRISE_ONLY.includes(tr.action));
  const pairs = staffTransitions.flatMap((tr) => tr.from.map((from) => ({ tr, from })));

  it.each(pairs.map(({ tr, from }) => [tr.action, from, tr] as const))('%s from %s: allowed roles move the case, the others are refused', async (action, from, tr) => {
    // Refused attempts change nothing, so they share one case; each allowed one gets its own.
    const shared = await f.caseIn(from);
    for (const role of ROLES) {
      const outcome = expected(action, role, from);
      const person = people[role];
      const reference = outcome === 'allowed' ? await f.caseIn(from) : shared;
      const response = await postForm(t.app, urls.staffCaseAction('en', reference, action), person.cookie, { _csrf: person.csrf, ...form(action) });
      const label = `${action} from ${from} by ${role}`;
      if (outcome === 'allowed') {
        expect(response.statusCode, `${label}: ${response.body.slice(0, 300)}`).toBe(303);
        expect(await statusOf(reference), label).toBe(tr.to ?? from);
        expect(await auditRows(reference, action, person.id), label).toHaveLength(1);
      } else {
        expect(response.statusCode, label).toBe(outcome === 'forbidden' ? 403 : 404);
        expect(await statusOf(reference), label).toBe(from);
        expect(await auditRows(reference, action, person.id), label).toHaveLength(0);
      }
    }
  }, 180_000);

  it('covers every staff action of the state machine', () => {
    expect(new Set(pairs.map((p) => p.tr.action)).size).toBe(staffTransitions.length);
    expect(staffTransitions.length).toBeGreaterThanOrEqual(19);
  });

  it('refuses a post without the session’s CSRF token, and one with another session’s', async () => {
    const reference = await f.caseIn('submitted');
    const agent = people.acceptance_agent;
    const missing = await postForm(t.app, urls.staffCaseAction('en', reference, 'accept'), agent.cookie, form('accept'));
    expect(missing.statusCode).toBe(403);
    const foreign = await postForm(t.app, urls.staffCaseAction('en', reference, 'accept'), agent.cookie, { _csrf: people.municipal_coordinator.csrf, ...form('accept') });
    expect(foreign.statusCode).toBe(403);
    const flag = await postForm(t.app, urls.staffCaseConfidential('en', reference), agent.cookie, { confidential: 'yes' });
    expect(flag.statusCode).toBe(403);
    expect(await statusOf(reference)).toBe('submitted');
    const row = await f.db.selectFrom('cases').select('confidential').where('reference', '=', reference).executeTakeFirstOrThrow();
    expect(row.confidential).toBe(false);
  });

  it('answers a form with missing answers with every error at its field, in the person’s language', async () => {
    const reference = await f.caseIn('in_progress');
    const officer = people.district_officer;
    const en = await postForm(t.app, urls.staffCaseAction('en', reference, 'request_extension'), officer.cookie, { _csrf: officer.csrf });
    expect(en.statusCode).toBe(400);
    expect(en.body).toContain('<a href="#request_extension-next_steps">Enter “Next steps and why more time is needed”</a>');
    expect(en.body).toContain('<a href="#request_extension-proposed_due">Enter “Proposed completion date” as a date');
    // The form is open again, with its errors next to the fields.
    expect(en.body).toMatch(/<details class="case-action" id="action-request_extension" open/);
    const zh = await postForm(t.app, urls.staffCaseAction('zh', reference, 'request_extension'), officer.cookie, { _csrf: officer.csrf, next_steps: '等待财政局确认。', proposed_due: '2020-01-01' });
    expect(zh.statusCode).toBe(400);
    expect(zh.body).toContain('日期须晚于今天');
    expect(zh.body).toContain('等待财政局确认。');
    expect(await statusOf(reference)).toBe('in_progress');
  });

  it('says so when the case has moved on since the page was opened (409), and maps refusals to their field', async () => {
    const reference = await f.caseIn('accepted');
    const agent = people.acceptance_agent;
    const again = await postForm(t.app, urls.staffCaseAction('en', reference, 'accept'), agent.cookie, { _csrf: agent.csrf, ...form('accept') });
    expect(again.statusCode).toBe(409);
    expect(again.body).toContain('The case has moved on since you opened it');
    const unknown = await postForm(t.app, urls.staffCaseAction('en', reference, 'dispatch'), agent.cookie, { _csrf: agent.csrf, lead: 'no-such-unit' });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.body).toContain('<a href="#dispatch-lead">A chosen unit is not active: choose another</a>');
    const wrongLimit = await f.caseIn('submitted');
    const limit = await postForm(t.app, urls.staffCaseAction('en', wrongLimit, 'accept'), agent.cookie, { _csrf: agent.csrf, limit_id: 'general-inquiry' });
    expect(limit.statusCode).toBe(400);
    expect(limit.body).toContain('<a href="#accept-limit_id">This time limit is not for this kind of case: choose another</a>');
  });

  it('shows each person only the forms of the actions open to them', async () => {
    const reference = await f.caseIn('dispatched');
    const page = async (role: Role) => (await t.app.inject({ url: urls.staffCase('en', reference), headers: { cookie: people[role].cookie } })).body;
    const forms = (html: string) => [...html.matchAll(/id="action-([a-z_]+)"/g)].map((m) => m[1]).sort();
    expect(forms(await page('department_handler'))).toEqual(['add_note', 'return', 'sign_for']);
    expect(forms(await page('acceptance_agent'))).toEqual(['add_note']);
    expect(forms(await page('viewer'))).toEqual([]);
    expect(await page('viewer')).toContain('You can read this case but not act on it.');
  });
});
