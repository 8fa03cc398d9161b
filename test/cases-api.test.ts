/**
 * The service line's JSON API through the real app (PGlite, and PostgreSQL with TEST_DATABASE_URL): filing a case
 * (201, Location, the documented shape), every class of invalid input named in a 400 problem, the token required to
 * read or act (a wrong or missing token answers the same bytes as an unknown reference), the enterprise's actions,
 * and the limits per address and per e-mail (429 with Retry-After).
 */
import { validate as validateOpenApi } from '@readme/openapi-parser';
import { Ajv2020 } from 'ajv/dist/2020.js';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyAction, type CaseActor } from '../src/modules/cases/case-workflow.js';
import { caseDb } from '../src/modules/cases/case.tables.js';
import { calendarDeadlines } from '../src/modules/cases/calendar-deadlines.js';
import { buildWorkingCalendar } from '../src/modules/calendar/index.js';
import { ContentService } from '../src/modules/content/index.js';
import { urls } from '../src/platform/http/urls.js';
import { databaseTargets } from './helpers/databases.js';
import { startStaffApp, type StaffTestApp } from './helpers/staff.js';

const valid = {
  kind: 'demand', topic: 'policies', district: 'haidian', subject: 'R&D subsidy not paid',
  description: 'We applied for the R&D centre subsidy in March and have heard nothing since.',
  enterprise_name: 'Example Robotics (Beijing) Co., Ltd.', uscc: '91350100M000100Y43', foreign_invested: true,
  contact_name: 'Wang Li', contact_email: 'ops@example.com', lang: 'en', consent: true,
};

type Problem = { type: string; status: number; detail: string; errors: { field: string; code: string; detail: string }[]; 'invalid-params': { name: string; reason: string }[] };

let addressCounter = 0;
/** Each filing from its own address unless a test says otherwise, so the per-address limit is met only on purpose. */
const nextAddress = () => `10.1.${Math.floor(++addressCounter / 250)}.${addressCounter % 250}`;

describe.each(databaseTargets())('cases API (%s)', (target) => {
  let t: StaffTestApp;
  let document: Record<string, unknown>;
  let emailCounter = 0;
  const email = () => `ops${++emailCounter}@example.com`;

  beforeAll(async () => {
    t = await startStaffApp({ target, env: { API_RATE_LIMIT: '100000', CASE_SUBMIT_PER_ADDRESS_PER_HOUR: '3', CASE_SUBMIT_PER_EMAIL_PER_HOUR: '2' } });
    document = (await t.app.inject({ url: urls.openapi() })).json();
  }, 120_000);
  afterAll(() => t?.close());

  const file = (body: unknown, address = nextAddress()) =>
    t.app.inject({ method: 'POST', url: urls.apiCases(), remoteAddress: address, ...(body === undefined ? {} : { headers: { 'content-type': 'application/json' }, payload: JSON.stringify(body) }) });
  const fileOk = async (overrides: Record<string, unknown> = {}) => {
    const response = await file({ ...valid, contact_email: email(), ...overrides });
    expect(response.statusCode, response.body).toBe(201);
    return response.json() as { reference: string; token: string };
  };
  const read = (reference: string, token?: string, how: 'header' | 'query' = 'header') =>
    t.app.inject({ url: how === 'query' && token !== undefined ? `${urls.apiCase(reference)}?token=${encodeURIComponent(token)}` : urls.apiCase(reference), headers: how === 'header' && token !== undefined ? { 'x-case-token': token } : {} });
  const act = (reference: string, token: string, part: 'materials' | 'rating' | 'reopen', body: unknown) =>
    t.app.inject({ method: 'POST', url: urls.apiCase(reference, part), headers: { 'x-case-token': token, 'content-type': 'application/json' }, payload: JSON.stringify(body) });

  /** Validates a body against the schema the OpenAPI document gives for this operation and status. */
  function expectDocumented(path: string, method: string, status: number, body: unknown) {
    const paths = document.paths as Record<string, Record<string, { responses: Record<string, { content: Record<string, { schema: object }> }> }>>;
    const schema = paths[path][method].responses[status].content['application/json'].schema;
    const ajv = new Ajv2020({ strict: false });
    const validate = ajv.compile(schema);
    expect(validate(body), JSON.stringify(validate.errors)).toBe(true);
  }

  async function staffActor(role: 'acceptance_agent'): Promise<CaseActor> {
    const id = crypto.randomUUID();
    await t.db.insertInto('staff_users').values({ id, email: `${id}@example.gov.cn`, name: role, password_hash: null, role, district_id: null, department_id: null, disabled_at: null }).execute();
    return { type: 'staff', staff: { userId: id, email: `${id}@example.gov.cn`, name: role, role, districtId: null, departmentId: null, sessionId: 's', csrfToken: 'c', signedInAt: t.clock.now } };
  }
  async function staffActs(reference: string, actor: CaseActor, action: Parameters<typeof applyAction>[3], input: unknown) {
    const content = new ContentService(t.database.db);
    await content.refresh();
    const deps = { db: caseDb(t.database.db), store: content.store, deadlines: calendarDeadlines(() => buildWorkingCalendar()), baseUrl: 'http://test.invalid', now: t.clock.now };
    return applyAction(deps, reference, actor, action, input);
  }

  describe('filing', () => {
    it('answers 201 with the reference, the token, the due date and its rule, a Location and no-store', async () => {
      const response = await file({ ...valid, contact_email: email() });
      expect(response.statusCode, response.body).toBe(201);
      const body = response.json();
      expect(body).toEqual({
        reference: expect.stringMatching(/^IB-2026-\d{6}$/),
        token: expect.stringMatching(/^[A-Za-z0-9_-]{20,}$/),
        status: 'submitted',
        // A general demand: 7 calendar days from 1 December 2026, 10:00 in Beijing, to the end of 8 December.
        due_at: '2026-12-08T16:00:00.000Z',
        time_limit: { id: 'general-demand', amount: 7, unit: 'calendar_days', rule: { en: expect.any(String), zh: expect.any(String) } },
        tracking_url: expect.stringContaining(`/en/service/track?ref=${body.reference}&token=`),
      });
      expect(response.headers.location).toBe(urls.apiCase(body.reference));
      expect(response.headers['cache-control']).toBe('no-store');
      expectDocumented('/api/v1/cases', 'post', 201, body);
      const row = await caseDb(t.database.db).selectFrom('cases').select(['channel', 'token_hash', 'contact_email']).where('reference', '=', body.reference).executeTakeFirstOrThrow();
      expect(row.channel).toBe('api');
      expect(row.token_hash).not.toContain(body.token);
    });

    it('reads the case back from its Location with the token, in the documented shape', async () => {
      const filed = await fileOk();
      const response = await read(filed.reference, filed.token);
      expect(response.statusCode).toBe(200);
      expect(response.headers['cache-control']).toBe('no-store');
      const body = response.json();
      expect(body).toMatchObject({ reference: filed.reference, status: 'submitted', subject: valid.subject, topic: { id: 'policies' }, attachments: [], can: { supply_materials: false, rate: false, reopen_until: null } });
      expect(body.timeline).toEqual([expect.objectContaining({ action: 'submit', status: 'submitted' })]);
      expect(body).not.toHaveProperty('contact_email');
      expectDocumented('/api/v1/cases/{reference}', 'get', 200, body);
      expect((await read(filed.reference, filed.token, 'query')).statusCode).toBe(200);
    });
  });

  describe('invalid submissions', () => {
    const problemOf = async (body: unknown): Promise<Problem> => {
      const response = await file(body);
      expect(response.statusCode, response.body).toBe(400);
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
      return response.json();
    };
    const without = (...keys: string[]) => Object.fromEntries(Object.entries(valid).filter(([k]) => !keys.includes(k)));

    it.each([
      ['null', null],
      ['an array', [valid]],
      ['a string', 'kind=demand'],
      ['a number', 42],
      ['no body at all', undefined],
    ])('refuses %s as the body', async (_name, body) => {
      const problem = await problemOf(body);
      expect(problem.errors).toEqual([{ field: 'body', code: 'not_object', detail: 'The body must be a JSON object.' }]);
    });

    it('names every missing field at once', async () => {
      const problem = await problemOf(without('kind', 'topic', 'subject', 'description', 'consent'));
      expect(problem.errors.map((e) => [e.field, e.code])).toEqual(expect.arrayContaining([['kind', 'choose_kind'], ['topic', 'choose_topic'], ['subject', 'subject_required'], ['description', 'description_required'], ['consent', 'consent_required']]));
      expect(problem['invalid-params'].map((p) => p.name).sort()).toEqual(['consent', 'description', 'kind', 'subject', 'topic']);
    });

    it.each([
      ['a kind not offered', { kind: 'praise' }, 'kind', 'choose_kind'],
      ['an unknown district', { district: 'shanghai' }, 'district', 'choose_district'],
      ['an unknown topic', { topic: 'weather' }, 'topic', 'unknown_topic'],
      ['a topic that takes no demands', { topic: 'government-conduct' }, 'topic', 'topic_kind_mismatch'],
      ['a subject too long', { subject: 'x'.repeat(201) }, 'subject', 'too_long'],
      ['a description too short', { description: 'Help' }, 'description', 'description_short'],
      ['a credit code with a wrong check character', { uscc: '91350100M000100Y44' }, 'uscc', 'uscc_invalid'],
      ['an e-mail that is not one', { contact_email: 'ops at example' }, 'contact_email', 'email_invalid'],
      ['a telephone number with letters', { contact_phone: 'call me' }, 'contact_phone', 'phone_invalid'],
      ['no way back to the enterprise', { contact_email: undefined }, 'contact_email', 'contact_required'],
      ['an anonymous case with contact details', { anonymous: true }, 'anonymous', 'anonymous_with_contact'],
      ['the FIE mechanism for a demand', { fie_complaint: true }, 'fie_complaint', 'fie_needs_complaint'],
      ['consent not given', { consent: false }, 'consent', 'consent_required'],
      ['a yes/no given as text', { foreign_invested: 'yes' }, 'foreign_invested', 'invalid_type'],
      ['a field the API does not take', { website: 'http://spam.example' }, 'website', 'unknown_field'],
    ])('names the field for %s', async (_name, overrides, field, code) => {
      const problem = await problemOf({ ...valid, contact_email: email(), ...overrides });
      expect(problem).toMatchObject({ type: '/problems/invalid-request', status: 400 });
      expect(problem.errors).toContainEqual({ field, code, detail: expect.any(String) });
      expect(problem['invalid-params']).toContainEqual({ name: field, reason: expect.any(String) });
      expect(problem.detail).toContain(field);
    });
  });

  describe('the token', () => {
    it('is needed to read a case: a wrong or missing token answers the same bytes as an unknown reference', async () => {
      const filed = await fileOk();
      const other = await fileOk();
      const unknownReference = filed.reference.replace(/\d{6}$/, '999999');
      const answers = await Promise.all([
        read(filed.reference),
        read(filed.reference, 'x'.repeat(filed.token.length)),
        read(filed.reference, other.token),
        read(filed.reference, filed.token.slice(0, -1)),
        read(filed.reference, `${filed.token.slice(0, -1)}${filed.token.endsWith('A') ? 'B' : 'A'}`, 'query'),
        read(unknownReference, filed.token),
        read(unknownReference),
        read('not-a-reference', filed.token),
      ]);
      const shape = (r: LightMyRequestResponse) => ({ status: r.statusCode, type: r.headers['content-type'], cache: r.headers['cache-control'], length: r.headers['content-length'], body: r.body });
      const first = shape(answers[0]);
      expect(first.status).toBe(404);
      expect(first.cache).toBe('no-store');
      for (const answer of answers) expect(shape(answer)).toEqual(first);
      expect(first.body).not.toContain(filed.reference);
    });

    it('is needed to act on a case, with the same answer as an unknown reference', async () => {
      const filed = await fileOk();
      const unknown = await read(filed.reference.replace(/\d{6}$/, '999999'), filed.token);
      const refused = await act(filed.reference, 'y'.repeat(filed.token.length), 'materials', { body: 'The licence is attached.' });
      expect(refused.statusCode).toBe(404);
      expect(refused.body).toBe(unknown.body);
    });

    it('never appears in a problem, even when sent in the query', async () => {
      const filed = await fileOk();
      const response = await t.app.inject({ method: 'POST', url: `${urls.apiCase(filed.reference, 'materials')}?token=${filed.token}`, headers: { 'content-type': 'application/json' }, payload: '{}' });
      expect(response.statusCode).toBe(400);
      expect(response.body).not.toContain(filed.token);
    });
  });

  describe("the enterprise's actions", () => {
    it('refuses an action not open in the case’s status with 409, and invalid input with the field', async () => {
      const filed = await fileOk();
      const early = await act(filed.reference, filed.token, 'rating', { resolved: true, satisfaction: 5 });
      expect(early.statusCode).toBe(409);
      expect(early.json()).toMatchObject({ type: '/problems/wrong-state', status: 409 });
      expect((await act(filed.reference, filed.token, 'materials', { body: 'Here.' })).statusCode).toBe(409);
      const invalid = await act(filed.reference, filed.token, 'rating', { resolved: 'yes', satisfaction: 9, stars: 5 });
      expect(invalid.statusCode).toBe(400);
      expect((invalid.json() as Problem).errors.map((e) => e.field).sort()).toEqual(['resolved', 'satisfaction', 'stars']);
      const nullBody = await t.app.inject({ method: 'POST', url: urls.apiCase(filed.reference, 'reopen'), headers: { 'x-case-token': filed.token, 'content-type': 'application/json' }, payload: 'null' });
      expect(nullBody.statusCode).toBe(400);
      expect((nullBody.json() as Problem).errors).toEqual([expect.objectContaining({ field: 'body', code: 'not_object' })]);
    });

    it('supplies materials, rates the reply and reopens the case, each seen in the public view', async () => {
      const filed = await fileOk();
      const agent = await staffActor('acceptance_agent');
      await staffActs(filed.reference, agent, 'request_materials', { missing: 'A copy of the business licence.' });
      expect((await read(filed.reference, filed.token)).json().can.supply_materials).toBe(true);

      const supplied = await act(filed.reference, filed.token, 'materials', { body: 'The licence number is 110108012345678.' });
      expect(supplied.statusCode, supplied.body).toBe(200);
      expect(supplied.headers['cache-control']).toBe('no-store');
      expect(supplied.json()).toMatchObject({ status: 'submitted', can: { supply_materials: false } });
      expect(supplied.json().timeline.at(-1)).toMatchObject({ action: 'supply_materials', text: 'The licence number is 110108012345678.' });
      expectDocumented('/api/v1/cases/{reference}/materials', 'post', 200, supplied.json());

      await staffActs(filed.reference, agent, 'answer', { body: 'The subsidy was paid on 28 November.' });
      const rated = await act(filed.reference, filed.token, 'rating', { resolved: true, satisfaction: 4, comment: 'Thank you.' });
      expect(rated.statusCode, rated.body).toBe(200);
      expect(rated.json()).toMatchObject({ status: 'replied', resolved: true, satisfaction: 4, can: { rate: false } });

      const reopened = await act(filed.reference, filed.token, 'reopen', { reason: 'The amount paid is short by half.' });
      expect(reopened.statusCode, reopened.body).toBe(200);
      expect(reopened.json()).toMatchObject({ status: 'accepted' });
    });

    it('refuses to reopen once the window has passed (409 window-closed)', async () => {
      const filed = await fileOk();
      const agent = await staffActor('acceptance_agent');
      await staffActs(filed.reference, agent, 'answer', { body: 'Answered.' });
      t.clock.advance(16 * 86_400_000);
      try {
        const late = await act(filed.reference, filed.token, 'reopen', { reason: 'Still not solved.' });
        expect(late.statusCode).toBe(409);
        expect(late.json()).toMatchObject({ type: '/problems/window-closed' });
      } finally {
        t.clock.advance(-16 * 86_400_000);
      }
    });
  });

  describe('limits', () => {
    it('refuses a third case from one e-mail in an hour (429 problem, Retry-After), counting plus-addresses as one mailbox', async () => {
      await fileOk({ contact_email: 'limits@example.com' });
      await fileOk({ contact_email: 'Limits+second@example.com' });
      const refused = await file({ ...valid, contact_email: 'limits@example.com' });
      expect(refused.statusCode).toBe(429);
      expect(refused.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(refused.json()).toMatchObject({ type: '/problems/too-many-requests', status: 429 });
      expect(Number(refused.headers['retry-after'])).toBe(3600);
      t.clock.advance(3_600_000);
      try {
        expect((await file({ ...valid, contact_email: 'limits@example.com' })).statusCode).toBe(201);
      } finally {
        t.clock.advance(-3_600_000);
      }
    });

    it('refuses a fourth case from one address in an hour, whatever the e-mail; invalid requests cost nothing', async () => {
      const address = '192.0.2.77';
      expect((await file({ ...valid, consent: false }, address)).statusCode).toBe(400);
      for (let i = 0; i < 3; i++) expect((await file({ ...valid, contact_email: email() }, address)).statusCode).toBe(201);
      const refused = await file({ ...valid, contact_email: email() }, address);
      expect(refused.statusCode).toBe(429);
      expect(refused.json().detail).toContain('from this address');
      expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
      expect((await file({ ...valid, contact_email: email() }, '192.0.2.78')).statusCode).toBe(201);
    });
  });

  it('limits the enterprise’s writes to 30 a minute per address (429 problem), stricter than reads', async () => {
    const filed = await fileOk();
    const post = () => t.app.inject({ method: 'POST', url: urls.apiCase(filed.reference, 'rating'), remoteAddress: '198.51.100.9', headers: { 'x-case-token': filed.token, 'content-type': 'application/json' }, payload: '{}' });
    for (let i = 0; i < 30; i++) expect((await post()).statusCode).toBe(400);
    const limited = await post();
    expect(limited.statusCode).toBe(429);
    expect(limited.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(limited.json()).toMatchObject({ type: '/problems/too-many-requests', status: 429 });
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    const reads = await t.app.inject({ url: urls.apiCase(filed.reference), remoteAddress: '198.51.100.9', headers: { 'x-case-token': filed.token } });
    expect(reads.statusCode).toBe(200);
  });

  it('documents every route in a valid OpenAPI document', async () => {
    const paths = Object.keys(document.paths as object);
    for (const path of ['/api/v1/cases', '/api/v1/cases/{reference}', '/api/v1/cases/{reference}/materials', '/api/v1/cases/{reference}/rating', '/api/v1/cases/{reference}/reopen', '/api/v1/cases/{reference}/attachments', '/api/v1/cases/{reference}/attachments/{id}']) {
      expect(paths).toContain(path);
    }
    await expect(validateOpenApi(structuredClone(document) as never)).resolves.toMatchObject({ valid: true });
  });
});
