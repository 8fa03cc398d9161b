/**
 * The pipeline's staff JSON API through the real app (PGlite, and PostgreSQL with TEST_DATABASE_URL): without valid
 * credentials every endpoint answers the same 401 problem+json; an API client's bearer token acts as its staff account
 * (role and scope: a Chaoyang officer's token never sees a Haidian project); a revoked token is refused; a session
 * needs X-CSRF-Token for changes; create → move without evidence (every field named) → with evidence; the stage rules'
 * actors hold (a commissioner cannot confirm registration); the answers match the OpenAPI document, which validates;
 * the administrators' page creates (token shown once) and revokes clients; the command line makes a working token.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { validate as validateOpenApi } from '@readme/openapi-parser';
import { Ajv2020 } from 'ajv/dist/2020.js';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiClient } from '../src/modules/pipeline/api/api-clients.js';
import { principalOfToken } from '../src/modules/pipeline/api/staff-api-auth.js';
import { pipelineDb } from '../src/modules/pipeline/pipeline.tables.js';
import { createStaffUser } from '../src/modules/staff/index.js';
import { csrfTokenFor, staffDb } from '../src/platform/auth/index.js';
import { openDatabase } from '../src/platform/db/database.js';
import { migrateToLatest } from '../src/platform/db/migrate.js';
import { urls } from '../src/platform/http/urls.js';
import { databaseTargets } from './helpers/databases.js';
import { haidianLead, PASSWORD, pipelineContext, pipelinePeople, VALID_USCC, type PipelinePeople } from './helpers/pipeline-fixtures.js';
import { cookiesOf, createStaffWithPassword, hiddenCsrf, signInAs, startStaffApp, type StaffTestApp } from './helpers/staff.js';

type Problem = { type: string; status: number; detail: string; errors: { field: string; code: string; detail: string }[] };
type Json = Record<string, unknown>;

/** The environment without DATABASE_URL (the command then opens PGlite in DATA_DIR). */
function withoutDatabaseUrl(): NodeJS.ProcessEnv {
  const { DATABASE_URL: _unused, ...env } = process.env;
  return env;
}

describe.each(databaseTargets())('pipeline staff API (%s)', (target) => {
  let t: StaffTestApp;
  let people: PipelinePeople;
  let document: { paths: Record<string, Record<string, { responses: Record<string, { content: Record<string, { schema: object }> }> }>>; components: Json };
  /** A Haidian lead made by the commissioner (so it is theirs, and Haidian's). */
  let haidian: { reference: string; investorId: string };
  const tokens: Record<string, string> = {};

  beforeAll(async () => {
    t = await startStaffApp({ target, env: { API_RATE_LIMIT: '600' } });
    people = await pipelinePeople(t);
    const context = await pipelineContext(t);
    haidian = await haidianLead(context, people.commissioner);
    for (const key of ['commissioner', 'haidian', 'chaoyang', 'coordinator', 'viewer'] as const) {
      const made = await createApiClient(pipelineDb(t.database.db), { name: `${key} client`, staffUserId: people[key].userId, actor: null, now: t.clock.now });
      if (!made.ok) throw new Error(JSON.stringify(made.problems));
      tokens[key] = made.token;
    }
    document = (await t.app.inject({ url: urls.openapi() })).json();
  }, 180_000);
  afterAll(() => t?.close());

  const api = (method: 'GET' | 'POST' | 'PATCH', url: string, options: { token?: string; cookie?: string; csrf?: string; body?: unknown; lang?: string; address?: string } = {}) =>
    t.app.inject({
      method,
      url,
      remoteAddress: options.address,
      headers: {
        ...(options.token !== undefined ? { authorization: `Bearer ${options.token}` } : {}),
        ...(options.cookie ? { cookie: options.cookie } : {}),
        ...(options.csrf ? { 'x-csrf-token': options.csrf } : {}),
        ...(options.lang ? { 'accept-language': options.lang } : {}),
        ...(options.body !== undefined ? { 'content-type': 'application/json' } : {}),
      },
      ...(options.body !== undefined ? { payload: JSON.stringify(options.body) } : {}),
    });

  /** Validates a body against the schema the OpenAPI document gives for this operation and status. */
  function expectDocumented(pathName: string, method: string, response: LightMyRequestResponse) {
    const schema = document.paths[pathName][method].responses[response.statusCode].content['application/json'].schema;
    const validate = new Ajv2020({ strict: false }).compile(schema);
    expect(validate(response.json()), JSON.stringify(validate.errors)).toBe(true);
  }

  const expectProblem = (response: LightMyRequestResponse, status: number) => {
    expect(response.statusCode, response.body).toBe(status);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    return response.json() as Problem;
  };

  describe('without valid credentials', () => {
    const endpoints = (reference: string, investorId: string): ['GET' | 'POST' | 'PATCH', string][] => [
      ['GET', urls.apiStaffProjects()],
      ['POST', urls.apiStaffProjects()],
      ['GET', urls.apiStaffProjectsDashboard()],
      ['GET', urls.apiStaffProject(reference)],
      ['PATCH', urls.apiStaffProject(reference)],
      ['POST', urls.apiStaffProject(reference, 'move')],
      ['POST', urls.apiStaffProject(reference, 'status')],
      ['GET', urls.apiStaffProject(reference, 'history')],
      ['GET', urls.apiStaffInvestors()],
      ['POST', urls.apiStaffInvestors()],
      ['GET', urls.apiStaffInvestor(investorId)],
      ['GET', urls.apiStaffInvestor(investorId, 'timeline')],
    ];

    it('answers every endpoint 401 problem+json with WWW-Authenticate: Bearer, the same body for an existing and a missing project', async () => {
      const bodies = new Set<string>();
      const existing = endpoints(haidian.reference, haidian.investorId);
      const missing = endpoints('PJ-2026-999999', '00000000-0000-4000-8000-000000000000');
      for (const [method, url] of [...existing, ...missing]) {
        const response = await api(method, url, method === 'GET' ? {} : { body: {} });
        expectProblem(response, 401);
        expect(response.headers['www-authenticate']).toMatch(/^Bearer/);
        bodies.add(response.body);
      }
      expect(bodies.size).toBe(1);
      expect(JSON.parse([...bodies][0])).toMatchObject({ status: 401, type: '/problems/unauthorized' });
      expect([...bodies][0]).not.toContain(haidian.reference);
    });

    it('refuses an unknown token, a malformed Authorization header and a Basic one alike', async () => {
      const url = urls.apiStaffProject(haidian.reference);
      const anonymous = (await api('GET', url)).body;
      for (const headers of [{ authorization: `Bearer ${'A'.repeat(43)}` }, { authorization: 'Bearer' }, { authorization: 'Basic YWRtaW46YWRtaW4=' }]) {
        const response = await t.app.inject({ url, headers });
        expectProblem(response, 401);
        expect(response.body).toBe(anonymous);
      }
    });
  });

  describe('with an API client token', () => {
    it('acts with its account’s scope: a Chaoyang officer’s token never sees a Haidian project', async () => {
      const url = urls.apiStaffProject(haidian.reference);
      const seen = await api('GET', url, { token: tokens.haidian });
      expect(seen.statusCode, seen.body).toBe(200);
      expect(seen.json()).toMatchObject({ reference: haidian.reference, district_id: 'haidian', stage: 'lead' });
      expectDocumented('/api/v1/staff/projects/{reference}', 'get', seen);

      const hidden = expectProblem(await api('GET', url, { token: tokens.chaoyang }), 404);
      const none = expectProblem(await api('GET', urls.apiStaffProject('PJ-2026-999999'), { token: tokens.chaoyang }), 404);
      expect(hidden.detail).toBe(none.detail);
      expectProblem(await api('GET', urls.apiStaffProject(haidian.reference, 'history'), { token: tokens.chaoyang }), 404);
      expectProblem(await api('PATCH', url, { token: tokens.chaoyang, body: { next_action: 'Call' } }), 404);

      const chaoyangList = await api('GET', urls.apiStaffProjects(), { token: tokens.chaoyang });
      expect(chaoyangList.statusCode).toBe(200);
      expect((chaoyangList.json().items as Json[]).map((p) => p.reference)).not.toContain(haidian.reference);
      const haidianList = await api('GET', `${urls.apiStaffProjects()}?district=haidian&stage=lead`, { token: tokens.haidian });
      expect((haidianList.json().items as Json[]).map((p) => p.reference)).toContain(haidian.reference);
      expectDocumented('/api/v1/staff/projects', 'get', haidianList);

      const timeline = await api('GET', urls.apiStaffInvestor(haidian.investorId, 'timeline'), { token: tokens.chaoyang });
      expect(timeline.statusCode).toBe(200);
      expect(timeline.json()).toMatchObject({ in_scope: false, projects: [] });
      const ownTimeline = await api('GET', urls.apiStaffInvestor(haidian.investorId, 'timeline'), { token: tokens.haidian });
      expect((ownTimeline.json().projects as Json[]).map((p) => p.reference)).toEqual([haidian.reference]);
      expectDocumented('/api/v1/staff/investors/{id}/timeline', 'get', ownTimeline);
    });

    it('names an invalid list filter in a 400', async () => {
      const problem = expectProblem(await api('GET', `${urls.apiStaffProjects()}?stage=won&page=0`, { token: tokens.haidian }), 400);
      expect(problem.errors.map((e) => e.field).sort()).toEqual(['page', 'stage']);
    });

    it('creates a project, refuses a move without evidence naming every field, then moves it with the evidence', async () => {
      const created = await api('POST', urls.apiStaffProjects(), {
        token: tokens.commissioner,
        body: { investor: { name: 'Aurora Photonics Ltd', origin: 'GB' }, name: 'Photonics assembly plant', kind: 'new', source_kind: 'event', district_id: 'haidian' },
      });
      expect(created.statusCode, created.body).toBe(201);
      const reference = created.json().reference as string;
      expect(created.headers.location).toBe(urls.apiStaffProject(reference));
      expect(created.json()).toMatchObject({ stage: 'lead', status: 'active', investor: { name: 'Aurora Photonics Ltd', origin: 'GB' } });
      expect(created.json().team).toEqual([expect.objectContaining({ staff_user_id: people.commissioner.userId, role: 'commissioner' })]);
      expectDocumented('/api/v1/staff/projects', 'post', created);

      const move = urls.apiStaffProject(reference, 'move');
      const bare = expectProblem(await api('POST', move, { token: tokens.commissioner, body: { to: 'negotiating' } }), 400);
      expect(bare.errors.map((e) => [e.field, e.code]).sort()).toEqual([['evidence.amount_total', 'required'], ['evidence.currency', 'required'], ['evidence.industry_id', 'required']]);
      expect(bare.errors.every((e) => e.detail.length > 0)).toBe(true);

      const negotiating = await api('POST', move, { token: tokens.commissioner, body: { to: 'negotiating', evidence: { industry_id: 'intelligent-equipment', currency: 'GBP', amount_total: 5_000_000 } } });
      expect(negotiating.statusCode, negotiating.body).toBe(200);
      expect(negotiating.json()).toMatchObject({ stage: 'negotiating', currency: 'GBP', amount_total: '5000000.00' });
      expectDocumented('/api/v1/staff/projects/{reference}/move', 'post', negotiating);

      const agreement = { amount_cny: '45000000', amount_cny_on: '2026-11-20', signed_on: '2026-11-20', agreement_parties: 'Aurora Photonics Ltd; Haidian District', agreement_ref: 'HD-2026-17' };
      const signed = await api('POST', move, { token: tokens.commissioner, body: { to: 'signed', evidence: agreement } });
      expect(signed.statusCode, signed.body).toBe(200);
      expect(signed.json().evidence).toMatchObject({ signed_on: '2026-11-20', agreement_ref: 'HD-2026-17' });

      // Registration is the verifier's or the municipal side's: the commissioner's token is refused, whatever it sends.
      const registration = { uscc: VALID_USCC, registered_on: '2026-11-25', registered_capital: '10000000' };
      const refused = expectProblem(await api('POST', move, { token: tokens.commissioner, body: { to: 'registered', evidence: registration } }), 403);
      expect(refused.type).toBe('/problems/not-allowed');
      const registered = await api('POST', move, { token: tokens.coordinator, body: { to: 'registered', evidence: registration } });
      expect(registered.statusCode, registered.body).toBe(200);
      expect(registered.json()).toMatchObject({ stage: 'registered', evidence: { uscc: VALID_USCC } });
      expect(registered.json().landed_at).toBe(t.clock.now.toISOString());

      expectProblem(await api('POST', move, { token: tokens.coordinator, body: { to: 'lead' } }), 409);
      const history = await api('GET', urls.apiStaffProject(reference, 'history'), { token: tokens.commissioner });
      expect((history.json().entries as Json[]).map((e) => e.to_stage)).toEqual(['lead', 'negotiating', 'signed', 'registered']);
      expectDocumented('/api/v1/staff/projects/{reference}/history', 'get', history);
    });

    it('rejects unknown fields and non-object bodies, in the caller’s language', async () => {
      const url = urls.apiStaffProject(haidian.reference);
      const en = expectProblem(await api('PATCH', url, { token: tokens.haidian, body: { next_action: 'Site visit', stage: 'operating' } }), 400);
      expect(en.errors).toEqual([expect.objectContaining({ field: 'stage', code: 'unknown_field' })]);
      const zh = expectProblem(await api('POST', urls.apiStaffProject(haidian.reference, 'status'), { token: tokens.haidian, body: { to: 'lost' }, lang: 'zh-CN,zh;q=0.9,en;q=0.5' }), 400);
      expect(zh.errors.map((e) => e.field).sort()).toEqual(['note', 'reason']);
      expect(zh.errors.every((e) => /\p{Script=Han}/u.test(e.detail))).toBe(true);
      expectProblem(await api('POST', urls.apiStaffProject(haidian.reference, 'move'), { token: tokens.haidian, body: ['negotiating'] }), 400);
      const unknownEvidence = expectProblem(await api('POST', urls.apiStaffProject(haidian.reference, 'move'), { token: tokens.haidian, body: { to: 'negotiating', evidence: { stage: 'x' } } }), 400);
      expect(unknownEvidence.errors).toEqual([expect.objectContaining({ field: 'evidence.stage', code: 'unknown_field' })]);
      const tooLarge = await api('PATCH', url, { token: tokens.haidian, body: { next_action: 'x'.repeat(40_000) } });
      expectProblem(tooLarge, 413);
      const patched = await api('PATCH', url, { token: tokens.haidian, body: { next_action: 'Site visit', next_action_on: '2026-12-10' } });
      expect(patched.statusCode, patched.body).toBe(200);
      expect(patched.json()).toMatchObject({ next_action: 'Site visit', next_action_on: '2026-12-10' });
    });

    it('lets a viewer read but not write (403)', async () => {
      expect((await api('GET', urls.apiStaffProject(haidian.reference), { token: tokens.viewer })).statusCode).toBe(200);
      const problem = expectProblem(await api('PATCH', urls.apiStaffProject(haidian.reference), { token: tokens.viewer, body: { next_action: 'x' } }), 403);
      expect(problem.type).toBe('/problems/forbidden');
    });

    it('serves investors and the dashboard within the scope', async () => {
      const made = await api('POST', urls.apiStaffInvestors(), { token: tokens.haidian, body: { name: 'Kestrel Biotech AG', origin: 'CH' } });
      expect(made.statusCode, made.body).toBe(201);
      const again = await api('POST', urls.apiStaffInvestors(), { token: tokens.haidian, body: { name: 'kestrel biotech ag', origin: 'ch' } });
      expect(again.statusCode).toBe(200);
      expect(again.json()).toEqual({ id: made.json().id, created: false });
      const found = await api('GET', `${urls.apiStaffInvestors()}?q=Kestrel`, { token: tokens.chaoyang });
      expect(found.json().items).toEqual([expect.objectContaining({ name: 'Kestrel Biotech AG', projects_in_scope: 0 })]);
      expectDocumented('/api/v1/staff/investors', 'get', found);
      const investor = await api('GET', urls.apiStaffInvestor(haidian.investorId), { token: tokens.chaoyang });
      expect(investor.json().projects).toEqual([]);
      expectDocumented('/api/v1/staff/investors/{id}', 'get', investor);

      const dashboard = await api('GET', urls.apiStaffProjectsDashboard(), { token: tokens.chaoyang });
      expect(dashboard.statusCode, dashboard.body).toBe(200);
      expect(dashboard.json().projects).toBe(0);
      const cityWide = await api('GET', urls.apiStaffProjectsDashboard(), { token: tokens.coordinator });
      expect(cityWide.json().projects).toBeGreaterThanOrEqual(2);
      expectDocumented('/api/v1/staff/projects/dashboard', 'get', cityWide);
    });

    it('refuses a token at once when its account is disabled', async () => {
      const id = crypto.randomUUID();
      await t.db.insertInto('staff_users').values({ id, email: `${id}@example.gov.cn`, name: 'Leaver', password_hash: null, role: 'municipal_coordinator', district_id: null, department_id: null, disabled_at: null }).execute();
      const made = await createApiClient(pipelineDb(t.database.db), { name: 'leaver client', staffUserId: id, actor: null, now: t.clock.now });
      if (!made.ok) throw new Error('not made');
      expect((await api('GET', urls.apiStaffProjects(), { token: made.token })).statusCode).toBe(200);
      await t.db.updateTable('staff_users').set({ disabled_at: t.clock.now }).where('id', '=', id).execute();
      expectProblem(await api('GET', urls.apiStaffProjects(), { token: made.token }), 401);
    });

    it('counts failed tokens in the API’s rate limit', async () => {
      const address = '203.0.113.77';
      for (let i = 0; i < 600; i++) {
        const response = await api('GET', urls.apiStaffProjects(), { token: `x${i}`, address });
        if (response.statusCode !== 401) throw new Error(`attempt ${i}: ${response.statusCode}`);
      }
      const limited = await api('GET', urls.apiStaffProjects(), { token: tokens.haidian, address });
      expectProblem(limited, 429);
    });
  });

  describe('with a staff session', () => {
    let cookie: string;
    let csrf: string;
    beforeAll(async () => {
      cookie = await signInAs(t.app, people.haidian.email, PASSWORD);
      csrf = csrfTokenFor(cookie.split('=')[1]);
    });

    it('reads with the cookie alone and needs X-CSRF-Token for a change', async () => {
      expect((await api('GET', urls.apiStaffProject(haidian.reference), { cookie })).statusCode).toBe(200);
      const body = { next_action: 'Send the land offer', next_action_on: '2026-12-12' };
      const missing = expectProblem(await api('PATCH', urls.apiStaffProject(haidian.reference), { cookie, body }), 403);
      expect(missing.type).toBe('/problems/csrf');
      expectProblem(await api('PATCH', urls.apiStaffProject(haidian.reference), { cookie, body, csrf: 'wrong' }), 403);
      const missingPost = expectProblem(await api('POST', urls.apiStaffInvestors(), { cookie, body: { name: 'Session investor', origin: 'FR' } }), 403);
      expect(missingPost.type).toBe('/problems/csrf');
      const changed = await api('PATCH', urls.apiStaffProject(haidian.reference), { cookie, body, csrf });
      expect(changed.statusCode, changed.body).toBe(200);
      expect(changed.json().next_action).toBe('Send the land offer');
    });
  });

  it('documents every endpoint and both ways in, in an OpenAPI document that validates', async () => {
    for (const pathName of ['/api/v1/staff/projects', '/api/v1/staff/projects/dashboard', '/api/v1/staff/projects/{reference}', '/api/v1/staff/projects/{reference}/move', '/api/v1/staff/projects/{reference}/status', '/api/v1/staff/projects/{reference}/history', '/api/v1/staff/investors', '/api/v1/staff/investors/{id}', '/api/v1/staff/investors/{id}/timeline']) {
      expect(document.paths[pathName], pathName).toBeDefined();
      for (const operation of Object.values(document.paths[pathName]) as unknown as { security: object[]; responses: Json }[]) {
        expect(operation.security).toEqual([{ apiToken: [] }, { staffSession: [] }]);
        expect(operation.responses['401']).toBeDefined();
      }
    }
    expect(document.components.securitySchemes).toMatchObject({ apiToken: { type: 'http', scheme: 'bearer' }, staffSession: { type: 'apiKey', in: 'cookie' } });
    await expect(validateOpenApi(structuredClone(document) as never)).resolves.toMatchObject({ valid: true });
  });

  describe('the API clients page (administrators)', () => {
    it('creates a client whose token is shown once and works, then revokes it; both audited', async () => {
      await createStaffWithPassword(t, { email: 'admin@pipeline.example.gov.cn', name: 'Test admin', role: 'admin', password: PASSWORD });
      const cookie = await signInAs(t.app, 'admin@pipeline.example.gov.cn', PASSWORD);
      const page = await t.app.inject({ url: urls.staffAdminApiClients('en'), headers: { cookie } });
      expect(page.statusCode).toBe(200);
      const csrf = hiddenCsrf(page.body);

      const invalid = await t.app.inject({ method: 'POST', url: urls.staffAdminApiClients('en'), headers: { cookie }, payload: { _csrf: csrf, name: '', staff_user_id: people.handler.userId } });
      expect(invalid.statusCode).toBe(400);
      expect(invalid.body).toContain('error-summary');
      expect(invalid.body).toContain('id="name-error"');
      expect(invalid.body).toContain('id="staff_user_id-error"');

      const created = await t.app.inject({ method: 'POST', url: urls.staffAdminApiClients('zh'), headers: { cookie }, payload: { _csrf: csrf, name: 'Haidian reporting', staff_user_id: people.haidian.userId } });
      expect(created.statusCode).toBe(201);
      expect(created.body).toContain('<html lang="zh');
      const token = /id="token"[^>]*value="([^"]+)"/.exec(created.body)?.[1];
      expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
      const read = await api('GET', urls.apiStaffProject(haidian.reference), { token });
      expect(read.statusCode).toBe(200);

      const list = await t.app.inject({ url: urls.staffAdminApiClients('en'), headers: { cookie } });
      expect(list.body).toContain('Haidian reporting');
      expect(list.body).not.toContain(token!);
      const clientId = new RegExp(`/en/staff/admin/api-clients/([0-9a-f-]{36})/revoke`).exec(list.body.slice(list.body.indexOf('Haidian reporting')))?.[1];
      expect(clientId).toBeDefined();

      const revoked = await t.app.inject({ method: 'POST', url: urls.staffAdminApiClientRevoke('en', clientId!), headers: { cookie }, payload: { _csrf: csrf } });
      expect(revoked.statusCode).toBe(303);
      expect(revoked.headers.location).toBe(urls.staffAdminApiClients('en', { notice: 'revoked' }));
      expectProblem(await api('GET', urls.apiStaffProject(haidian.reference), { token }), 401);
      const again = await t.app.inject({ method: 'POST', url: urls.staffAdminApiClientRevoke('en', clientId!), headers: { cookie }, payload: { _csrf: csrf } });
      expect(again.statusCode).toBe(404);

      const audit = await t.db.selectFrom('audit_log').select(['action', 'actor_id']).where('entity', '=', 'staff_api_client').where('entity_id', '=', clientId!).orderBy('id').execute();
      expect(audit.map((row) => row.action)).toEqual(['pipeline.api_client_created', 'pipeline.api_client_revoked']);
      expect(new Set(audit.map((row) => row.actor_id)).size).toBe(1);
    });

    it('is for administrators only', async () => {
      const cookie = await signInAs(t.app, people.coordinator.email, PASSWORD);
      expect((await t.app.inject({ url: urls.staffAdminApiClients('en'), headers: { cookie } })).statusCode).toBe(403);
      const anonymous = await t.app.inject({ url: urls.staffAdminApiClients('en') });
      expect(anonymous.statusCode).toBe(303);
      expect(cookiesOf(anonymous).ib_staff_session).toBeUndefined();
    });
  });

  it('the command line creates a client whose token works', async () => {
    const run = promisify(execFile);
    const script = path.resolve(import.meta.dirname, '..', 'scripts', 'create-staff-api-client.ts');
    const args = ['--import', 'tsx', script, '--name', 'District export', '--email', people.chaoyang.email];
    if (target === 'postgres') {
      // The same database as the running app: the token is tried over HTTP.
      const { stdout } = await run(process.execPath, args, { env: { ...process.env, DATABASE_URL: t.database.url!, LOG_LEVEL: 'silent' } });
      const token = /^\s+([A-Za-z0-9_-]{43})$/m.exec(stdout)?.[1];
      expect(token).toBeDefined();
      const response = await api('GET', urls.apiStaffProjects(), { token });
      expect(response.statusCode).toBe(200);
      return;
    }
    // PGlite's files are the process's own: a database of its own for the command, then read back as the guard reads it.
    const dir = await mkdtemp(path.join(tmpdir(), 'ib-api-client-'));
    try {
      let db = await openDatabase({ dataDir: dir });
      await migrateToLatest(db);
      const { userId } = await createStaffUser(staffDb(db), { email: people.chaoyang.email, name: 'Chaoyang officer', role: 'district_officer', districtId: 'chaoyang', actor: null, now: new Date() });
      await db.destroy();
      const { stdout } = await run(process.execPath, args, { env: { ...withoutDatabaseUrl(), DATA_DIR: dir, LOG_LEVEL: 'silent' } });
      const token = /^\s+([A-Za-z0-9_-]{43})$/m.exec(stdout)?.[1];
      expect(token).toBeDefined();
      db = await openDatabase({ dataDir: dir });
      try {
        expect(await principalOfToken(pipelineDb(db), token!)).toMatchObject({ userId, role: 'district_officer', districtId: 'chaoyang' });
      } finally {
        await db.destroy();
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
