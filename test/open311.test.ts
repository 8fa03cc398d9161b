/**
 * Open311 GeoReport v2 over real HTTP on a real database (PGlite, and PostgreSQL with TEST_DATABASE_URL): discovery,
 * services and definitions, filing with an API key (a case with channel open311), every error in the Open311 format,
 * the requests' filters and what they show to whom, one request, the token, JSON and XML (well-formed, escaped), the
 * per-key rate limit and the OpenAPI document.
 */
import { validate as validateOpenApi } from '@readme/openapi-parser';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyAction, type CaseActor } from '../src/modules/cases/case-workflow.js';
import { caseDb, type CaseDb } from '../src/modules/cases/case.tables.js';
import { createOpen311Client, disableOpen311Client, open311Db } from '../src/modules/open311/index.js';
import { serviceRequestListSchema } from '../src/modules/open311/open311.schemas.js';
import { jsonSchemaOf } from '../src/platform/http/openapi-schema.js';
import { hashToken, type StaffPrincipal, type StaffRole } from '../src/platform/auth/index.js';
import { urls } from '../src/platform/http/urls.js';
import { calendarDeadlines } from '../src/modules/cases/calendar-deadlines.js';
import { buildWorkingCalendar } from '../src/modules/calendar/index.js';
import { ContentService } from '../src/modules/content/index.js';
import { databaseTargets } from './helpers/databases.js';
import { startStaffApp, type StaffTestApp } from './helpers/staff.js';
import { childrenNamed, childText, parseXml } from './helpers/xml.js';

type Open311Request = Record<string, string | null>;
type Open311Errors = { code: number; description: string }[];

const deadlines = calendarDeadlines(() => buildWorkingCalendar());

const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();

const validRequest = (key: string, extra: Record<string, string> = {}) => ({
  api_key: key,
  service_code: 'policies.demand',
  description: 'We applied for the R&D centre subsidy in March 2026.\nNothing has been paid since.',
  email: 'Ops@Example.com',
  first_name: 'Mei',
  last_name: 'Chen',
  phone: '+86 10 1234 5678',
  'attribute[district]': 'haidian',
  'attribute[enterprise_name]': 'Example Robotics (Beijing) Co., Ltd.',
  'attribute[uscc]': '91350100M000100Y43',
  'attribute[foreign_invested]': 'true',
  'attribute[consent]': 'true',
  ...extra,
});

describe.each(databaseTargets())('Open311 GeoReport v2 (%s)', (target) => {
  let t: StaffTestApp;
  let base: string;
  let db: CaseDb;
  let key: string;
  let clientId: string;
  let otherKey: string;

  const get = (resource: string, query?: Record<string, string>) => fetch(`${base}${urls.open311(resource, query)}`);
  const post = (resource: string, fields: Record<string, string>) =>
    fetch(`${base}${urls.open311(resource)}`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' }, body: form(fields) });
  /** Files a request at the clock's time and gives its reference and token. */
  async function file(extra: Record<string, string> = {}): Promise<{ reference: string; token: string }> {
    const response = await post('requests.json', validRequest(key, extra));
    expect(response.status, await response.clone().text()).toBe(201);
    const [answer] = (await response.json()) as { service_request_id: string; tracking_token: string }[];
    return { reference: answer.service_request_id, token: answer.tracking_token };
  }

  beforeAll(async () => {
    // Many requests share one contact e-mail here; the limit per e-mail has its own test below.
    t = await startStaffApp({ target, env: { CASE_SUBMIT_PER_EMAIL_PER_HOUR: '1000' } });
    base = await t.app.listen({ port: 0, host: '127.0.0.1' });
    db = caseDb(t.database.db);
    const client = await createOpen311Client(open311Db(t.database.db), { name: 'Partner App', now: t.clock.now });
    [key, clientId] = [client.key, client.id];
    otherKey = (await createOpen311Client(open311Db(t.database.db), { name: 'Other App', now: t.clock.now })).key;
  }, 120_000);
  afterAll(() => t?.close());

  it('answers discovery in JSON and XML, naming the endpoint and both formats', async () => {
    const response = await get('discovery.json');
    expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
    const discovery = await response.json();
    expect(discovery.endpoints).toEqual([
      { specification: 'http://wiki.open311.org/GeoReport_v2', url: 'http://test.invalid/open311/v2', changeset: discovery.changeset, type: 'production', formats: ['application/json', 'text/xml'] },
    ]);
    const xml = await get('discovery.xml');
    expect(xml.headers.get('content-type')).toBe('text/xml; charset=utf-8');
    const { root } = parseXml(await xml.text());
    expect(root.name).toBe('discovery');
    const endpoint = childrenNamed(childrenNamed(root, 'endpoints')[0], 'endpoint')[0];
    expect(childText(endpoint, 'url')).toBe('http://test.invalid/open311/v2');
    expect(childrenNamed(childrenNamed(endpoint, 'formats')[0], 'format').map((f) => f.text)).toEqual(['application/json', 'text/xml']);
  });

  it('lists one service per topic and kind the topic takes, the same in JSON and XML, in English or Chinese', async () => {
    const services = (await (await get('services.json')).json()) as { service_code: string; service_name: string; group: string; metadata: boolean; type: string }[];
    const codes = services.map((s) => s.service_code);
    expect(codes).toContain('policies.inquiry');
    expect(codes).toContain('government-conduct.complaint');
    // The catalogue's "conduct of an administrative body" takes complaints and reports only.
    expect(codes).not.toContain('government-conduct.inquiry');
    expect(new Set(codes).size).toBe(codes.length);
    expect(services.find((s) => s.service_code === 'tax-finance.complaint')).toMatchObject({
      service_name: 'Complaint: Tax, finance and foreign exchange', group: 'Tax, finance and foreign exchange', metadata: true, type: 'realtime',
    });
    const { root } = parseXml(await (await get('services.xml')).text());
    expect(root.name).toBe('services');
    expect(childrenNamed(root, 'service').map((s) => childText(s, 'service_code'))).toEqual(codes);
    const chinese = (await (await get('services.json', { lang: 'zh' })).json()) as { service_code: string; service_name: string }[];
    expect(chinese.find((s) => s.service_code === 'tax-finance.complaint')!.service_name).toBe('投诉：税收、金融与外汇');
  });

  it('defines each service’s attributes: consent required, the complaint mechanism for complaints only', async () => {
    const complaint = await (await get('services/policies.complaint.json')).json();
    expect(complaint.service_code).toBe('policies.complaint');
    const codes = complaint.attributes.map((a: { code: string }) => a.code);
    expect(codes).toEqual(['subject', 'district', 'enterprise_name', 'uscc', 'foreign_invested', 'investor_origin', 'fie_complaint', 'anonymous', 'lang', 'consent']);
    expect(complaint.attributes.map((a: { order: number }) => a.order)).toEqual(codes.map((_: string, i: number) => i + 1));
    expect(complaint.attributes.find((a: { code: string }) => a.code === 'consent')).toMatchObject({ required: true, datatype: 'singlevaluelist', values: [{ key: 'true' }] });
    expect(complaint.attributes.find((a: { code: string }) => a.code === 'district').values).toContainEqual({ key: 'haidian', name: 'Haidian District' });
    const inquiry = await (await get('services/policies.inquiry.json')).json();
    expect(inquiry.attributes.map((a: { code: string }) => a.code)).not.toContain('fie_complaint');
    const { root } = parseXml(await (await get('services/policies.complaint.xml')).text());
    expect(root.name).toBe('service_definition');
    const attributes = childrenNamed(childrenNamed(root, 'attributes')[0], 'attribute');
    expect(attributes.map((a) => childText(a, 'code'))).toEqual(codes);
    const lang = attributes.find((a) => childText(a, 'code') === 'lang')!;
    expect(childrenNamed(childrenNamed(lang, 'values')[0], 'value').map((v) => childText(v, 'key'))).toEqual(['en', 'zh']);

    for (const [resource, format] of [['services/policies.nothing.json', 'json'], ['services/nothing.xml', 'xml']] as const) {
      const missing = await get(resource);
      expect(missing.status).toBe(404);
      if (format === 'json') expect(await missing.json()).toEqual([{ code: 404, description: expect.stringContaining('service_code policies.nothing was not found') }]);
      else expect(childText(parseXml(await missing.text()).root.children[0], 'code')).toBe('404');
    }
  });

  it('files a request with a valid key as a case of channel open311, and returns the reference and the tracking token once', async () => {
    const response = await post('requests.json', validRequest(key, { lat: '39.9593', long: '116.2982', address_string: 'Zhongguancun Street 1', media_url: 'https://example.com/photo.jpg' }));
    expect(response.status).toBe(201);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const [answer] = await response.json();
    expect(answer).toEqual({
      service_request_id: expect.stringMatching(/^IB-2026-\d{6}$/),
      service_notice: 'Demands, complaints and reports, general matters: feedback within 7 days. Answer due by 8 December 2026 at 24:00 (Beijing time).',
      account_id: null,
      tracking_token: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
      tracking_url: expect.stringContaining(`/en/service/track?ref=${answer.service_request_id}&token=`),
    });
    const row = await db.selectFrom('cases').selectAll().where('reference', '=', answer.service_request_id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      channel: 'open311', client_id: clientId, kind: 'demand', topic_id: 'policies', district_id: 'haidian', status: 'submitted', lang: 'en',
      contact_email: 'ops@example.com', contact_phone: '+86 10 1234 5678', contact_name: 'Mei Chen', uscc: '91350100M000100Y43', foreign_invested: true,
      subject: 'We applied for the R&D centre subsidy in March 2026.', token_hash: hashToken(answer.tracking_token),
    });
    expect(row.description).toBe(
      'We applied for the R&D centre subsidy in March 2026.\nNothing has been paid since.\n\nSent through Open311 by Partner App:\n\nAddress: Zhongguancun Street 1\n\n' +
        'Coordinates (WGS84): 39.9593, 116.2982\n\nMedia link (not opened by the platform): https://example.com/photo.jpg',
    );
    // The acknowledgement went to the outbox with the case, as from the web form.
    const mail = (await db.selectFrom('jobs' as never).selectAll().execute()) as { payload: { to: string; subject: string } }[];
    expect(mail.some((j) => j.payload.to === 'ops@example.com' && j.payload.subject.includes(answer.service_request_id))).toBe(true);

    const xml = await post('requests.xml', validRequest(key, { 'attribute[lang]': 'zh', 'attribute[subject]': '研发补贴', description: '我们于2026年3月申请了研发中心补贴，至今未发放。' }));
    expect(xml.status).toBe(201);
    const request = parseXml(await xml.text()).root.children[0];
    expect(childText(request, 'service_request_id')).toMatch(/^IB-2026-\d{6}$/);
    expect(childText(request, 'service_notice')).toBe('一般诉求、投诉、举报：7天内反馈。答复期限：2026年12月8日 24:00（北京时间）。');
    expect(childText(request, 'account_id')).toBe('');
    const zh = await db.selectFrom('cases').select(['subject', 'lang']).where('reference', '=', childText(request, 'service_request_id')!).executeTakeFirstOrThrow();
    expect(zh).toEqual({ subject: '研发补贴', lang: 'zh' });
  });

  it('refuses a POST without a key, with an unknown key or with a disabled client’s key: 403 in the Open311 format', async () => {
    const before = await db.selectFrom('cases').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
    const { api_key: _none, ...withoutKey } = validRequest(key);
    const missing = await post('requests.json', withoutKey);
    expect(missing.status).toBe(403);
    expect(await missing.json()).toEqual([{ code: 403, description: expect.stringContaining('api_key was not provided') }]);
    const unknown = await post('requests.xml', validRequest('o311_not-a-key-of-anyone-at-all-000000000000'));
    expect(unknown.status).toBe(403);
    const error = childrenNamed(parseXml(await unknown.text()).root, 'error')[0];
    expect([childText(error, 'code'), childText(error, 'description')]).toEqual(['403', expect.stringContaining('api_key is not valid')]);
    const disabled = await createOpen311Client(open311Db(t.database.db), { name: 'Gone', now: t.clock.now });
    await disableOpen311Client(open311Db(t.database.db), disabled.id, t.clock.now);
    expect((await post('requests.json', validRequest(disabled.key))).status).toBe(403);
    const after = await db.selectFrom('cases').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
    expect(after.n).toBe(before.n);
  });

  it('answers 400 without a service code, 404 for one the catalogue lacks, and lists every invalid field at once', async () => {
    const { service_code: _none, ...withoutCode } = validRequest(key);
    const missing = await post('requests.json', withoutCode);
    expect(missing.status).toBe(400);
    expect(await missing.json()).toEqual([{ code: 400, description: expect.stringContaining('service_code was not provided') }]);
    for (const code of ['policies.praise', 'nowhere.inquiry', 'government-conduct.inquiry']) {
      const unknown = await post('requests.json', validRequest(key, { service_code: code }));
      expect(unknown.status).toBe(404);
      expect((await unknown.json())[0].description).toContain(`service_code ${code} was not found`);
    }
    const invalid = await post('requests.json', validRequest(key, { 'attribute[uscc]': '91350100M000100Y44', email: 'not-an-address', lat: '39.9', 'attribute[colour]': 'red', 'attribute[consent]': '', 'attribute[district]': 'atlantis' }));
    expect(invalid.status).toBe(400);
    const errors = (await invalid.json()) as Open311Errors;
    expect(errors.every((e) => e.code === 400)).toBe(true);
    expect(errors.map((e) => e.description).sort()).toEqual([
      'attribute[colour] is not an attribute of service policies.demand',
      expect.stringMatching(/^attribute\[district\] must be one of: dongcheng, .*, bda$/),
      'long is required with lat: send both or neither',
    ]);
    const fields = await post('requests.json', validRequest(key, { 'attribute[uscc]': '91350100M000100Y44', email: 'not-an-address', 'attribute[consent]': '', description: 'short' }));
    expect(((await fields.json()) as Open311Errors).map((e) => e.description).sort()).toEqual([
      'attribute[consent] is required: the enterprise must agree to its request being handled (value true)',
      expect.stringMatching(/^attribute\[uscc\] is not a unified social credit code/),
      'description must be at least 10 characters long',
      'email is not an e-mail address',
    ]);
    const anonymous = await post('requests.json', validRequest(key, { 'attribute[anonymous]': 'true' }));
    expect((await anonymous.json())[0].description).toBe('attribute[anonymous] keeps no contact details: send no email or phone with attribute[anonymous]=true');
    const wrongJurisdiction = await post('requests.json', validRequest(key, { jurisdiction_id: 'sfgov.org' }));
    expect(wrongJurisdiction.status).toBe(404);
    expect((await post('requests.json', validRequest(key, { jurisdiction_id: 'test.invalid' }))).status).toBe(201);
  });

  it('filters requests by id, service, dates and status, and shows no contact, enterprise or subject to anyone', async () => {
    t.clock.now = new Date('2027-03-01T02:00:00Z');
    const inquiry = await file({ service_code: 'tax-finance.inquiry', 'attribute[district]': 'chaoyang' });
    t.clock.now = new Date('2027-03-02T02:00:00Z');
    const demand = await file({ service_code: 'tax-finance.demand', email: 'cfo@example.com' });
    t.clock.now = new Date('2027-03-03T02:00:00Z');
    const secret = await file({ service_code: 'tax-finance.demand', description: 'A trade secret: our margin on robot arms is 41 per cent.' });
    await db.updateTable('cases').set({ confidential: true }).where('reference', '=', secret.reference).execute();

    // Staff act through the workflow: the inquiry is answered (closed), the demand accepted and dispatched.
    const content = new ContentService(t.database.db);
    await content.refresh();
    const at = (iso: string) => ({ db, store: content.store, deadlines, baseUrl: 'http://test.invalid', now: new Date(iso) });
    const agent = await staffActor('acceptance_agent');
    const haidian = await db.selectFrom('departments').select(['id', 'name_en']).where('district_id', '=', 'haidian').where('active', '=', true).executeTakeFirstOrThrow();
    await applyAction(at('2027-03-03T03:00:00Z'), inquiry.reference, agent, 'answer', { body: 'Your VAT refund is due on 20 March.' });
    await applyAction(at('2027-03-03T03:00:00Z'), demand.reference, agent, 'accept', { limit_id: 'general-demand' });
    await applyAction(at('2027-03-03T03:05:00Z'), demand.reference, agent, 'dispatch', { lead: haidian.id });
    t.clock.now = new Date('2027-03-04T02:00:00Z');

    const all = (await (await get('requests.json', { service_code: 'tax-finance.inquiry,tax-finance.demand' })).json()) as Open311Request[];
    expect(all.map((r) => r.service_request_id)).toEqual([secret.reference, demand.reference, inquiry.reference]);
    const byId = Object.fromEntries(all.map((r) => [r.service_request_id, r]));
    expect(byId[inquiry.reference]).toEqual({
      service_request_id: inquiry.reference, status: 'closed', status_notes: 'Answered', service_name: 'Inquiry: Tax, finance and foreign exchange',
      service_code: 'tax-finance.inquiry', description: null, agency_responsible: null, service_notice: 'General inquiries: feedback in real time.',
      requested_datetime: '2027-03-01T02:00:00Z', updated_datetime: '2027-03-03T03:00:00Z', expected_datetime: null, address: 'Chaoyang District',
    });
    expect(byId[demand.reference]).toMatchObject({ status: 'open', status_notes: 'Sent to the unit that handles it', agency_responsible: haidian.name_en, expected_datetime: expect.stringMatching(/^2027-03-\d{2}T16:00:00Z$/) });
    expect(byId[secret.reference]).toMatchObject({ status: 'open', status_notes: 'Received', description: null });
    const everything = JSON.stringify(all);
    for (const hidden of ['ops@example.com', 'cfo@example.com', 'Mei', '1234 5678', 'Example Robotics', '91350100M000100Y43', 'R&D centre', 'VAT refund', 'trade secret']) expect(everything).not.toContain(hidden);

    const codes = (query: Record<string, string>) => get('requests.json', query).then(async (r) => ((await r.json()) as Open311Request[]).map((x) => x.service_request_id));
    expect(await codes({ service_code: 'tax-finance.inquiry,tax-finance.demand', status: 'closed' })).toEqual([inquiry.reference]);
    expect(await codes({ service_code: 'tax-finance.inquiry,tax-finance.demand', status: 'open' })).toEqual([secret.reference, demand.reference]);
    expect(await codes({ service_code: 'tax-finance.demand', status: 'open,closed' })).toEqual([secret.reference, demand.reference]);
    expect(await codes({ service_code: 'tax-finance.demand,tax-finance.inquiry', start_date: '2027-03-01T12:00:00+08:00', end_date: '2027-03-02T12:00:00+08:00' })).toEqual([demand.reference]);
    // service_request_id overrides every other parameter.
    expect(await codes({ service_request_id: `${inquiry.reference},${secret.reference}`, status: 'open', service_code: 'policies.inquiry' })).toEqual([secret.reference, inquiry.reference]);
    // Without dates: the 90 days up to now; the requests filed in December 2026 are older than that.
    expect(await codes({})).toEqual([secret.reference, demand.reference, inquiry.reference]);
    expect(await codes({ end_date: '2026-12-31T00:00:00Z' })).not.toContain(inquiry.reference);

    const bad = await get('requests.json', { start_date: '2027-01-01', end_date: '2027-06-01T00:00:00Z', status: 'pending', service_code: 'policies.praise' });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as Open311Errors).map((e) => e.description)).toEqual([
      'start_date: must be a W3C date-time with a time zone, such as 2026-12-01T00:00:00Z',
      'status.0: must be open, closed or both (comma-delimited)',
    ]);
    const span = await get('requests.json', { start_date: '2027-01-01T00:00:00Z', end_date: '2027-06-01T00:00:00Z', service_code: 'policies.praise' });
    expect(((await span.json()) as Open311Errors).map((e) => e.description)).toEqual([
      'service_code: policies.praise is not a service (services.json lists them)',
      'end_date: the span from start_date may not exceed 90 days',
    ]);

    // The client that filed them, with its key, also sees its descriptions (never a confidential one) and the reply.
    const mine = (await (await get('requests.json', { service_code: 'tax-finance.inquiry,tax-finance.demand', api_key: key })).json()) as Open311Request[];
    const mineById = Object.fromEntries(mine.map((r) => [r.service_request_id, r]));
    expect(mineById[inquiry.reference].description).toContain('We applied for the R&D centre subsidy');
    expect(mineById[inquiry.reference].status_notes).toBe('Answered: Your VAT refund is due on 20 March.');
    expect(mineById[secret.reference].description).toBeNull();
    expect(JSON.stringify(mine)).not.toContain('ops@example.com');
    // Another client's key sees what everyone sees.
    const theirs = (await (await get('requests.json', { service_code: 'tax-finance.inquiry', api_key: otherKey })).json()) as Open311Request[];
    expect(theirs[0]).toMatchObject({ description: null, status_notes: 'Answered' });
    expect((await get('requests.json', { api_key: 'o311_wrong' })).status).toBe(403);

    const one = (await (await get(`requests/${demand.reference}.json`)).json()) as Open311Request[];
    expect(one).toEqual([byId[demand.reference]]);
    const oneXml = parseXml(await (await get(`requests/${demand.reference}.xml`)).text()).root;
    expect(oneXml.name).toBe('service_requests');
    expect(childText(childrenNamed(oneXml, 'request')[0], 'agency_responsible')).toBe(haidian.name_en);
    expect(childText(childrenNamed(oneXml, 'request')[0], 'description')).toBe('');
    for (const id of ['IB-2027-999999', 'anything']) {
      const missing = await get(`requests/${id}.json`);
      expect(missing.status).toBe(404);
      expect(await missing.json()).toEqual([{ code: 404, description: `service_request_id ${id} was not found` }]);
    }

    const schema = new Ajv2020({ strict: false, allErrors: true }).compile(jsonSchemaOf(serviceRequestListSchema));
    expect(schema(all), JSON.stringify(schema.errors)).toBe(true);
  });

  it('finds the request of a tracking token, and nothing for any other token', async () => {
    const filed = await file();
    const found = await get(`tokens/${filed.token}.json`);
    expect(found.headers.get('cache-control')).toBe('no-store');
    expect(await found.json()).toEqual([{ service_request_id: filed.reference, token: filed.token }]);
    const xml = parseXml(await (await get(`tokens/${filed.token}.xml`)).text()).root;
    expect(childText(childrenNamed(xml, 'request')[0], 'service_request_id')).toBe(filed.reference);
    for (const token of [`${filed.token.slice(0, -1)}${filed.token.endsWith('A') ? 'B' : 'A'}`, 'short']) {
      const missing = await get(`tokens/${token}.json`);
      expect(missing.status).toBe(404);
      expect(await missing.json()).toEqual([{ code: 404, description: 'token was not found' }]);
    }
  });

  it('writes well-formed XML with the client’s own text escaped', async () => {
    const nasty = 'Fees <script>alert(1)</script> & "charges" for \'R&D\' ]]> <![CDATA[x]]> rose\u0001 by 5 % > 3 %.';
    const filed = await file({ service_code: 'customs-trade.report', description: nasty, 'attribute[subject]': '<b>A & B</b>' });
    const text = await (await get(`requests/${filed.reference}.xml`, { api_key: key })).text();
    expect(text.startsWith('<?xml version="1.0" encoding="utf-8"?>\n<service_requests>')).toBe(true);
    expect(text).not.toContain('<script>');
    const request = childrenNamed(parseXml(text).root, 'request')[0];
    expect(childText(request, 'description')).toBe(nasty.replace('\u0001', ''));
    expect(childText(request, 'service_name')).toBe('Report: Customs and trade');
  });

  it('answers an unknown method or format with a GeoReport v2 error, never an HTML page or a problem', async () => {
    for (const [resource, status] of [['nothing.json', 404], ['services.csv', 404], ['requests/IB-2026-000001', 404]] as const) {
      const response = await get(resource);
      expect(response.status).toBe(status);
      expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
      expect((await response.json())[0].code).toBe(status);
    }
    const xml = await get('nothing.xml');
    expect(childText(childrenNamed(parseXml(await xml.text()).root, 'error')[0], 'code')).toBe('404');
    const json = await fetch(`${base}${urls.open311('requests.json')}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"api_key": ' });
    expect(json.status).toBe(400);
    expect((await json.json())[0].code).toBe(400);
  });

  it('accepts JSON bodies with the attributes as an object', async () => {
    const response = await fetch(`${base}${urls.open311('requests.json')}`, {
      method: 'POST', headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ api_key: key, service_code: 'other.inquiry', description: 'Where do we register a representative office?', phone: '010-12345678', attribute: { consent: 'true', lang: 'zh' } }),
    });
    expect(response.status).toBe(201);
    const [answer] = await response.json();
    const row = await db.selectFrom('cases').select(['kind', 'topic_id', 'lang', 'contact_phone']).where('reference', '=', answer.service_request_id).executeTakeFirstOrThrow();
    expect(row).toEqual({ kind: 'inquiry', topic_id: 'other', lang: 'zh', contact_phone: '010-12345678' });
  });

  it('documents every method in the OpenAPI document, which stays valid', async () => {
    const document = await (await fetch(`${base}/api/openapi.json`)).json();
    for (const path of ['discovery.{format}', 'services.{format}', 'services/{service_code}.{format}', 'requests.{format}', 'requests/{service_request_id}.{format}', 'tokens/{token}.{format}']) {
      expect(document.paths[`/open311/v2/${path}`], path).toBeDefined();
    }
    expect(Object.keys(document.paths['/open311/v2/requests.{format}'])).toEqual(['post', 'get']);
    const result = await validateOpenApi(structuredClone(document) as never);
    expect(result.valid, JSON.stringify(result).slice(0, 2000)).toBe(true);
  });

  /** A staff account in the database, as the workflow's actor. */
  async function staffActor(role: StaffRole): Promise<CaseActor> {
    const id = crypto.randomUUID();
    await db.insertInto('staff_users').values({ id, email: `${id}@example.gov.cn`, name: role, password_hash: null, role, district_id: null, department_id: null, disabled_at: null }).execute();
    const principal: StaffPrincipal = { userId: id, email: `${id}@example.gov.cn`, name: role, role, districtId: null, departmentId: null, sessionId: 's', csrfToken: 'c', signedInAt: new Date() };
    return { type: 'staff', staff: principal };
  }
});

describe('Open311 filing rate limit', () => {
  let t: StaffTestApp;
  beforeAll(async () => {
    t = await startStaffApp({ env: { OPEN311_RATE_LIMIT: '2', CASE_SUBMIT_PER_EMAIL_PER_HOUR: '1000' } });
  }, 120_000);
  afterAll(() => t?.close());

  it('limits each key on its own, and counts attempts without a valid key against the address', async () => {
    const db = open311Db(t.database.db);
    const [first, second] = [await createOpen311Client(db, { name: 'First', now: t.clock.now }), await createOpen311Client(db, { name: 'Second', now: t.clock.now })];
    const postAs = (key: string, format = 'json') =>
      t.app.inject({ method: 'POST', url: urls.open311(`requests.${format}`), headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: form(validRequest(key)) });
    expect((await postAs(first.key)).statusCode).toBe(201);
    expect((await postAs(first.key)).statusCode).toBe(201);
    const limited = await postAs(first.key);
    expect(limited.statusCode).toBe(429);
    expect(limited.headers['retry-after']).toBeDefined();
    expect(limited.json()).toEqual([{ code: 429, description: expect.stringMatching(/^Too many requests: try again in \d+ seconds$/) }]);
    expect(childText(childrenNamed(parseXml((await postAs(first.key, 'xml')).body).root, 'error')[0], 'code')).toBe('429');
    expect((await postAs(second.key)).statusCode).toBe(201);
    expect((await postAs('o311_guess-1')).statusCode).toBe(403);
    expect((await postAs('o311_guess-2')).statusCode).toBe(403);
    expect((await postAs('o311_guess-3')).statusCode).toBe(429);
    // Reading is not filing: the read methods keep the API's own limit.
    expect((await t.app.inject({ url: urls.open311('services.json') })).statusCode).toBe(200);
  });
});

describe('Open311 and the limit per contact e-mail', () => {
  let t: StaffTestApp;
  beforeAll(async () => {
    t = await startStaffApp({ env: { CASE_SUBMIT_PER_EMAIL_PER_HOUR: '2' } });
  }, 120_000);
  afterAll(() => t?.close());

  it('counts the cases filed with one e-mail whatever the channel, and frees a slot an hour later', async () => {
    const { key } = await createOpen311Client(open311Db(t.database.db), { name: 'Partner', now: t.clock.now });
    const postWith = (email: string) =>
      t.app.inject({ method: 'POST', url: urls.open311('requests.json'), headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: form(validRequest(key, { email })) });
    expect((await postWith('ops@example.com')).statusCode).toBe(201);
    expect((await postWith('Ops+open311@Example.com')).statusCode).toBe(201);
    const limited = await postWith('ops@example.com');
    expect(limited.statusCode).toBe(429);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(3500);
    expect(limited.json()).toEqual([{ code: 429, description: expect.stringMatching(/^Too many requests with this email in the last hour: try again in \d+ seconds$/) }]);
    expect((await postWith('legal@example.com')).statusCode).toBe(201);
    t.clock.advance(3_600_000);
    expect((await postWith('ops@example.com')).statusCode).toBe(201);
  });
});
