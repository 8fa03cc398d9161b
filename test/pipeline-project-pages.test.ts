/**
 * The project pages over real HTTP with signed-in staff (PGlite, and PostgreSQL with TEST_DATABASE_URL): creating a
 * project with a new or a known investor and from a service-line case; errors at their fields in both languages;
 * moves refused without their evidence and made with it, shown in the history; registration confirmed by the
 * municipal side and refused to the commissioner; scope (404); status and team forms; CSRF; the Chinese page.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { urls } from '../src/platform/http/urls.js';
import { fieldLabel, problemText, refusalText, t } from '../src/modules/pipeline/messages.js';
import { tProject } from '../src/modules/pipeline/messages.project.js';
import { createInvestor, moveProject, type PipelineContext } from '../src/modules/pipeline/project-workflow.js';
import { findProject, stageLog } from '../src/modules/pipeline/project.repository.js';
import type { PipelineDb } from '../src/modules/pipeline/pipeline.tables.js';
import { databaseTargets } from './helpers/databases.js';
import { caseFixtures, type CaseFixtures } from './helpers/case-fixtures.js';
import { postForm } from './helpers/case-http.js';
import { latinSentences } from './helpers/latin-sentences.js';
import { acting, haidianLead, PASSWORD, pipelineContext, pipelinePeople, signInPeople, VALID_USCC, type PipelinePeople, type SignedIn } from './helpers/pipeline-fixtures.js';
import { hiddenCsrf, signInAs, startStaffApp, type StaffTestApp } from './helpers/staff.js';

const SIGNED = { amount_cny: '93,600,000', amount_cny_on: '2026-11-20', signed_on: '2026-11-25', agreement_parties: 'Nordlicht Robotics GmbH; Haidian District People\'s Government', agreement_ref: 'HD-2026-117' };
const REGISTERED = { uscc: VALID_USCC, registered_on: '2026-11-28', registered_capital: '5000000' };
const NEW_PROJECT = { name: 'Battery cell pilot line', kind: 'new', industry_id: 'intelligent-equipment', district_id: 'haidian', currency: 'USD', amount_total: '25,000,000', source_kind: 'event', source_detail: 'Zhongguancun Forum' };

/** The reference a redirect to a project page names. */
const referenceIn = (location: unknown) => String(location).match(/PJ-\d{4}-\d{6,}/)?.[0] ?? '';
/** The visible text of a page: no tags, no attribute values, and not the fixtures' staff names ("Test haidian"). */
const textOf = (html: string) => html.replace(/Test \w+/g, ' ').replace(/<(script|style)[\s\S]*?<\/\1>/g, ' ').replace(/<[^>]+>/g, ' ').replace(/&[a-z#0-9]+;/g, ' ');
const escaped = (text: string) => text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

describe.each(databaseTargets())('project pages (%s)', (target) => {
  let t0: StaffTestApp;
  let app: FastifyInstance;
  let context: PipelineContext & { db: PipelineDb };
  let people: PipelinePeople;
  let cases: CaseFixtures;
  let signed: SignedIn;

  const get = (who: keyof PipelinePeople, url: string) => signed.get(who, url);
  const post = (who: keyof PipelinePeople, url: string, fields: Record<string, string>) => signed.post(who, url, fields);

  beforeAll(async () => {
    t0 = await startStaffApp({ target });
    app = t0.app;
    context = await pipelineContext(t0);
    people = await pipelinePeople(t0);
    cases = await caseFixtures(t0);
    signed = await signInPeople(t0, people, ['commissioner', 'otherCommissioner', 'haidian', 'chaoyang', 'coordinator', 'viewer']);
  });
  afterAll(async () => t0?.close());

  it('creates a project with a new investor and opens its page at lead', async () => {
    const form = await get('commissioner', urls.staffProjectNew('en'));
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain('name="origin"');
    const response = await post('commissioner', urls.staffProjectNew('en'), { investor_id: 'new', investor_name: 'Voltaic Cells AG', origin: 'CH', parent_group: 'Voltaic Holding', ...NEW_PROJECT });
    expect(response.statusCode).toBe(303);
    const reference = referenceIn(response.headers.location);
    expect(response.headers.location).toContain('notice=created');
    const page = await get('commissioner', String(response.headers.location));
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(tProject('en', 'pipeline.project.notice.created'));
    expect(page.body).toContain(`${reference}: ${NEW_PROJECT.name}`);
    expect(page.body).toContain('Voltaic Cells AG');
    expect(page.body).toMatch(/aria-current="step"[^>]*>\s*<span class="stage-progress__name">Lead<\/span>/);
    // The commissioner who created it is on its team.
    expect(page.body).toContain(people.commissioner.email.startsWith('commissioner') ? 'Test commissioner' : '');
  });

  it('creates a project for a known investor chosen from a search', async () => {
    const investor = await createInvestor(context, acting(people.coordinator), { name: 'Lumen Optics KK', origin: 'JP' });
    const search = await get('coordinator', urls.staffProjectNew('en') + '?investor_q=lumen');
    expect(search.body).toContain(`value="${investor.id}"`);
    const response = await post('coordinator', urls.staffProjectNew('en'), { investor_id: investor.id, ...NEW_PROJECT, name: 'Optics lab' });
    expect(response.statusCode).toBe(303);
    const project = await findProject(context.db, { kind: 'all' }, referenceIn(response.headers.location));
    expect(project?.investor_id).toBe(investor.id);
    const preselected = await get('coordinator', urls.staffProjectNew('en', { investor: investor.id }));
    expect(preselected.body).toMatch(new RegExp(`value="${investor.id}"[^>]*checked`));
  });

  it('creates a project from a service-line case: the case is shown, prefilled and linked', async () => {
    const { reference: caseRef } = await cases.file({ enterprise_name: 'Helix Biotech Ltd', subject: 'Lab space for a biotech R&D centre' });
    const form = await get('commissioner', urls.staffProjectNew('en', { case: caseRef }));
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain(caseRef);
    expect(form.body).toContain(escaped('Lab space for a biotech R&D centre'));
    expect(form.body).toContain('value="Helix Biotech Ltd"');
    expect(form.body).toMatch(/<option value="service_case" selected/);
    const response = await post('commissioner', urls.staffProjectNew('en'), {
      case: caseRef, investor_id: 'new', investor_name: 'Helix Biotech Ltd', origin: 'GB', name: 'Helix R&D centre', kind: 'rd_centre', district_id: 'haidian', source_kind: 'service_case',
    });
    expect(response.statusCode).toBe(303);
    const project = (await findProject(context.db, { kind: 'all' }, referenceIn(response.headers.location)))!;
    const caseRow = await context.db.selectFrom('cases').select('id').where('reference', '=', caseRef).executeTakeFirstOrThrow();
    expect(project.source_case_id).toBe(caseRow.id);
    const link = await context.db.selectFrom('investor_cases').selectAll().where('case_id', '=', caseRow.id).executeTakeFirst();
    expect(link?.investor_id).toBe(project.investor_id);
    // The coordinator may open the case: the project page links it.
    const page = await get('coordinator', urls.staffProject('en', project.reference));
    expect(page.body).toContain(`href="${urls.staffCase('en', caseRef)}"`);
    // The staff case page offers the way into the pipeline.
    const casePage = await get('coordinator', urls.staffCase('en', caseRef));
    expect(casePage.body).toContain(escaped(urls.staffProjectNew('en', { case: caseRef })));
    // A case nobody has: not found.
    expect((await get('commissioner', urls.staffProjectNew('en', { case: 'IB-2026-999999' }))).statusCode).toBe(404);
  });

  it.each(['en', 'zh'] as const)('refuses an empty create form with each problem at its field (%s)', async (lang) => {
    const response = await post('commissioner', urls.staffProjectNew(lang), { investor_id: 'new', origin: 'CN', currency: 'dollars', signed_on: '2027-03-01' });
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('class="error-summary"');
    for (const problem of [
      { field: 'investor_name', code: 'required' }, { field: 'origin', code: 'invalid' }, { field: 'name', code: 'required' }, { field: 'currency', code: 'invalid' },
    ] as const) {
      expect(response.body).toContain(`href="#${problem.field}"`);
      expect(response.body).toContain(`id="${problem.field}-error"`);
      expect(response.body).toContain(escaped(problemText(lang, problem)));
    }
    // The choices left empty are reported at their selects, naming the field.
    for (const field of ['kind', 'source_kind']) {
      expect(response.body).toContain(`href="#${field}"`);
      expect(response.body).toMatch(new RegExp(`id="${field}-error">.*?${escaped(fieldLabel(lang, field)).replace(/[()]/g, '.')}`));
    }
    // What was typed comes back.
    expect(response.body).toContain('value="dollars"');
  });

  it('refuses a move without its evidence, naming each missing field, then makes it with the evidence', async () => {
    const { reference } = await haidianLead(context, people.commissioner, { currency: null, amount_total: null });
    const page = await get('commissioner', urls.staffProject('en', reference));
    expect(page.body).toContain(`action="${urls.staffProjectMove('en', reference)}"`);
    expect(page.body).toContain('id="move-negotiating-amount_total"');
    const refused = await post('commissioner', urls.staffProjectMove('en', reference), { to: 'negotiating' });
    expect(refused.statusCode).toBe(400);
    for (const field of ['currency', 'amount_total']) {
      expect(refused.body).toContain(`id="move-negotiating-${field}-error"`);
      expect(refused.body).toContain(escaped(problemText('en', { field, code: 'required' })));
    }
    const moved = await post('commissioner', urls.staffProjectMove('en', reference), { to: 'negotiating', currency: 'EUR', amount_total: '12,000,000', note: 'Board approved the budget.' });
    expect(moved.statusCode).toBe(303);
    const after = await get('commissioner', String(moved.headers.location).replace('#main', ''));
    expect(after.body).toContain(tProject('en', 'pipeline.project.notice.moved', { stage: t('en', 'pipeline.stage.negotiating') }));
    expect(after.body).toContain(tProject('en', 'pipeline.project.standing', { stage: 'Negotiating', status: 'Active' }));
    expect(after.body).toContain(tProject('en', 'pipeline.project.history.moved', { from: 'Lead', to: 'Negotiating' }));
    expect(after.body).toContain('Board approved the budget.');
    expect(after.body).toContain('EUR');
    // The board's card forms go back to the board.
    const toSigned = await post('commissioner', urls.staffProjectMove('en', reference), { to: 'signed', ...SIGNED, back: 'board' });
    expect(toSigned.statusCode).toBe(303);
    expect(toSigned.headers.location).toBe(urls.staffProjectsBoard('en'));
    // The address opened directly goes to the page.
    const direct = await get('commissioner', urls.staffProjectMove('en', reference));
    expect(direct.statusCode).toBe(303);
    expect(direct.headers.location).toBe(urls.staffProject('en', reference));
  });

  it('lets the verifier confirm registration and refuses it to the commissioner (403)', async () => {
    const { reference } = await haidianLead(context, people.commissioner);
    await moveProject(context, acting(people.commissioner), reference, { to: 'negotiating' });
    await moveProject(context, acting(people.commissioner), reference, { to: 'signed', evidence: SIGNED });
    const commissionerPage = await get('commissioner', urls.staffProject('en', reference));
    expect(commissionerPage.body).not.toContain('id="move-registered-uscc"');
    const refused = await post('commissioner', urls.staffProjectMove('en', reference), { to: 'registered', ...REGISTERED });
    expect(refused.statusCode).toBe(403);
    expect(refused.body).toContain(escaped(refusalText('en', 'not_allowed')));
    const verifierPage = await get('coordinator', urls.staffProject('en', reference));
    expect(verifierPage.body).toContain('id="move-registered-uscc"');
    const bad = await post('coordinator', urls.staffProjectMove('en', reference), { to: 'registered', ...REGISTERED, uscc: '91350100M000100Y44' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain(escaped(problemText('en', { field: 'uscc', code: 'uscc' })));
    const confirmed = await post('coordinator', urls.staffProjectMove('en', reference), { to: 'registered', ...REGISTERED });
    expect(confirmed.statusCode).toBe(303);
    expect((await findProject(context.db, { kind: 'all' }, reference))?.stage).toBe('registered');
    const history = await get('commissioner', urls.staffProject('en', reference));
    expect(history.body).toContain(tProject('en', 'pipeline.project.history.moved', { from: 'Signed', to: 'Registered' }));
    expect(history.body).toContain(VALID_USCC);
    // A move the project cannot make from where it is now: 409 with the page.
    const stale = await post('coordinator', urls.staffProjectMove('en', reference), { to: 'signed', note: 'Again' });
    expect(stale.statusCode).toBe(409);
    expect(stale.body).toContain(escaped(refusalText('en', 'no_such_move')));
  });

  it('hides a project from another district\'s officer (404) and refuses a post without CSRF (403)', async () => {
    const { reference } = await haidianLead(context, people.haidian);
    expect((await get('chaoyang', urls.staffProject('en', reference))).statusCode).toBe(404);
    expect((await post('chaoyang', urls.staffProjectMove('en', reference), { to: 'negotiating' })).statusCode).toBe(404);
    expect((await get('chaoyang', urls.staffProjectEdit('en', reference))).statusCode).toBe(404);
    const noCsrf = await postForm(app, urls.staffProjectMove('en', reference), signed.cookie.haidian!, { to: 'negotiating' });
    expect(noCsrf.statusCode).toBe(403);
    expect((await findProject(context.db, { kind: 'all' }, reference))?.stage).toBe('lead');
  });

  it('refuses "lost" without a reason, then records it with one', async () => {
    const { reference } = await haidianLead(context, people.haidian);
    const refused = await post('haidian', urls.staffProjectStatus('en', reference), { status: 'lost', note: 'They chose Shanghai.' });
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('id="status-reason-error"');
    expect(refused.body).toContain(escaped(problemText('en', { field: 'reason', code: 'required' })));
    expect(refused.body).toMatch(/<details[^>]*id="status"[^>]*open/);
    const lost = await post('haidian', urls.staffProjectStatus('en', reference), { status: 'lost', reason: 'other_city', note: 'They chose Shanghai.' });
    expect(lost.statusCode).toBe(303);
    const page = await get('haidian', urls.staffProject('en', reference));
    expect(page.body).toContain(t('en', 'pipeline.reason.other_city'));
    expect(page.body).toContain(tProject('en', 'pipeline.project.history.status', { from: 'Active', to: 'Lost' }));
    // Closed: no move is offered; the district may not reopen it, the coordinator may.
    expect(page.body).not.toContain(`action="${urls.staffProjectMove('en', reference)}"`);
    expect((await post('haidian', urls.staffProjectStatus('en', reference), { status: 'active' })).statusCode).toBe(403);
    expect((await post('coordinator', urls.staffProjectStatus('en', reference), { status: 'active' })).statusCode).toBe(303);
    const log = await stageLog(context.db, (await findProject(context.db, { kind: 'all' }, reference))!.id);
    expect(log.map((row) => row.to_status)).toEqual(['active', 'lost', 'active']);
  });

  it('lets the district officer staff the team; the new commissioner then sees the project', async () => {
    const { reference } = await haidianLead(context, people.haidian);
    expect((await get('otherCommissioner', urls.staffProject('en', reference))).statusCode).toBe(404);
    const page = await get('haidian', urls.staffProject('en', reference));
    expect(page.body).toContain(`action="${urls.staffProjectTeam('en', reference)}"`);
    expect(page.body).toContain(`value="${people.otherCommissioner.userId}"`);
    const bad = await post('haidian', urls.staffProjectTeam('en', reference), { role: 'commissioner', staff_user_id: '' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('id="team-staff_user_id-error"');
    const added = await post('haidian', urls.staffProjectTeam('en', reference), { role: 'commissioner', staff_user_id: people.otherCommissioner.userId });
    expect(added.statusCode).toBe(303);
    const seen = await get('otherCommissioner', urls.staffProject('en', reference));
    expect(seen.statusCode).toBe(200);
    expect(seen.body).toContain(tProject('en', 'pipeline.project.history.teamAdded', { name: 'Test commissioner2', role: t('en', 'pipeline.team.commissioner') }));
    // A commissioner does not staff projects.
    expect((await post('otherCommissioner', urls.staffProjectTeam('en', reference), { role: 'commissioner', staff_user_id: people.commissioner.userId })).statusCode).toBe(403);
    const removed = await post('haidian', urls.staffProjectTeam('en', reference), { role: 'commissioner', staff_user_id: people.otherCommissioner.userId, remove: 'yes' });
    expect(removed.statusCode).toBe(303);
    expect((await get('otherCommissioner', urls.staffProject('en', reference))).statusCode).toBe(404);
  });

  it('edits the project\'s fields, with errors at their fields, and shows the change in the history', async () => {
    const { reference } = await haidianLead(context, people.haidian);
    const form = await get('haidian', urls.staffProjectEdit('en', reference));
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain('value="Robot arm R&amp;D centre"');
    const bad = await post('haidian', urls.staffProjectEdit('en', reference), { name: 'Robot arm R&D centre', kind: 'rd_centre', district_id: 'chaoyang', source_kind: 'event', expected_jobs: 'many' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('id="expected_jobs-error"');
    const saved = await post('haidian', urls.staffProjectEdit('en', reference), { name: 'Robot arm R&D centre', kind: 'rd_centre', industry_id: 'intelligent-equipment', district_id: 'haidian', currency: 'EUR', amount_total: '12000000', source_kind: 'event', expected_jobs: '120' });
    expect(saved.statusCode).toBe(303);
    const page = await get('haidian', String(saved.headers.location));
    expect(page.body).toContain(tProject('en', 'pipeline.project.notice.updated'));
    expect(page.body).toContain(tProject('en', 'pipeline.project.history.updated'));
    expect(page.body).toContain(fieldLabel('en', 'expected_jobs'));
    // A viewer reads but does not edit.
    expect((await get('viewer', urls.staffProject('en', reference))).statusCode).toBe(200);
    expect((await get('viewer', urls.staffProjectEdit('en', reference))).statusCode).toBe(403);
  });

  it('renders the Chinese pages without English in the page\'s own words', async () => {
    const zhCookie = await signInAs(app, people.coordinator.email, PASSWORD, 'zh');
    const zhCsrf = hiddenCsrf((await app.inject({ url: urls.staffHome('zh'), headers: { cookie: zhCookie } })).body);
    const zhPost = (url: string, fields: Record<string, string>) => postForm(app, url, zhCookie, { _csrf: zhCsrf, ...fields });
    const form = await app.inject({ url: urls.staffProjectNew('zh'), headers: { cookie: zhCookie } });
    expect(form.statusCode).toBe(200);
    expect(latinSentences(textOf(form.body))).toEqual([]);
    const created = await zhPost(urls.staffProjectNew('zh'), { investor_id: 'new', investor_name: '光子科技', origin: 'SG', name: '光子芯片研发中心', kind: 'rd_centre', industry_id: 'intelligent-equipment', district_id: 'haidian', currency: 'SGD', amount_total: '8000000', source_kind: 'municipal' });
    expect(created.statusCode).toBe(303);
    const reference = referenceIn(created.headers.location);
    await zhPost(urls.staffProjectMove('zh', reference), { to: 'negotiating', currency: 'SGD', amount_total: '8000000', note: '已完成首轮洽谈。' });
    await zhPost(urls.staffProjectStatus('zh', reference), { status: 'delayed', note: '等待董事会批准。' });
    const page = await app.inject({ url: urls.staffProject('zh', reference), headers: { cookie: zhCookie } });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(tProject('zh', 'pipeline.project.history.moved', { from: t('zh', 'pipeline.stage.lead'), to: t('zh', 'pipeline.stage.negotiating') }));
    expect(latinSentences(textOf(page.body))).toEqual([]);
    const edit = await app.inject({ url: urls.staffProjectEdit('zh', reference), headers: { cookie: zhCookie } });
    expect(latinSentences(textOf(edit.body))).toEqual([]);
  });
});
