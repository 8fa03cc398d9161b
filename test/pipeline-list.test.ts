/**
 * The project list, saved views, board and CSV over real HTTP with signed-in staff (PGlite, and PostgreSQL with
 * TEST_DATABASE_URL): each filter narrows the list; nobody sees a project outside their scope in the list, board or
 * CSV; a bad filter value answers 400 with its message at the field; saved views per person (save, open, remove,
 * CSRF); the board offers only the moves the rules allow this person; the CSV defuses a formula-looking name.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { urls } from '../src/platform/http/urls.js';
import { t as tPlatform } from '../src/platform/i18n/i18n.js';
import { tList } from '../src/modules/pipeline/messages.list.js';
import { t } from '../src/modules/pipeline/messages.js';
import { moveProject, setProjectStatus, type PipelineContext } from '../src/modules/pipeline/project-workflow.js';
import type { PipelineDb } from '../src/modules/pipeline/pipeline.tables.js';
import { databaseTargets } from './helpers/databases.js';
import { acting, haidianLead, PASSWORD, pipelineContext, pipelinePeople, type PipelinePeople } from './helpers/pipeline-fixtures.js';
import { hiddenCsrf, signInAs, startStaffApp, type StaffTestApp } from './helpers/staff.js';
import { createInvestor, createProject } from '../src/modules/pipeline/project-workflow.js';

const SIGNED = { amount_cny: '93,600,000', amount_cny_on: '2026-11-20', signed_on: '2026-11-25', agreement_parties: 'Nordlicht Robotics GmbH; Haidian District People\'s Government', agreement_ref: 'HD-2026-117' };
const FORMULA_NAME = '=HYPERLINK("http://evil.example","click")';

/** The projects a page links to (the search hint's example reference is not one). */
const refsIn = (html: string) => new Set([...html.matchAll(/href="\/(?:en|zh)\/staff\/projects\/(PJ-\d{4}-\d{6,})"/g)].map((m) => m[1]));
/** The project references a CSV holds. */
const refsInCsv = (csv: string) => new Set(csv.match(/PJ-\d{4}-\d{6,}/g) ?? []);

/** The stages a card's move form offers on the board ([] when the card has no form). */
function movesOn(html: string, lang: string, reference: string): string[] {
  const start = html.indexOf(`action="${urls.staffProjectMove(lang as 'en', reference)}"`);
  if (start < 0) return [];
  const form = html.slice(start, html.indexOf('</form>', start));
  return [...form.matchAll(/<option value="([a-z_]+)"/g)].map((m) => m[1]);
}

describe.each(databaseTargets())('project list, saved views, board and CSV (%s)', (target) => {
  let t0: StaffTestApp;
  let app: FastifyInstance;
  let context: PipelineContext & { db: PipelineDb };
  let people: PipelinePeople;
  const cookie: Partial<Record<keyof PipelinePeople, string>> = {};
  /** negotiating, by the Haidian officer; a commissioner-made lead with an overdue action; a signed one; a lost one. */
  const p = { negotiating: '', commissioners: '', signed: '', lost: '', chaoyang: '', old: '' };
  let opportunityId = '';

  const get = (who: keyof PipelinePeople, url: string) => app.inject({ url, headers: { cookie: cookie[who]! } });
  const listed = async (who: keyof PipelinePeople, query: Record<string, string> = {}) => {
    const response = await get(who, urls.staffProjects('en', query));
    expect(response.statusCode).toBe(200);
    return refsIn(response.body);
  };

  beforeAll(async () => {
    t0 = await startStaffApp({ target });
    app = t0.app;
    context = await pipelineContext(t0);
    people = await pipelinePeople(t0);
    // One project created a year earlier, on the app's own clock (the "created in year" filter).
    const today = t0.clock.now;
    t0.clock.now = new Date('2025-06-02T02:00:00Z');
    p.old = (await haidianLead(context, people.haidian, { name: 'Last year\'s lead' })).reference;
    t0.clock.now = today;
    p.negotiating = (await haidianLead(context, people.haidian, { name: 'Battery pack plant' })).reference;
    await moveProject(context, acting(people.coordinator), p.negotiating, { to: 'negotiating' });
    p.commissioners = (await haidianLead(context, people.commissioner, { name: FORMULA_NAME, kind: 'expansion', next_action: 'Call the CFO', next_action_on: '2026-11-20', amount_cny: '50000000' })).reference;
    p.signed = (await haidianLead(context, people.haidian, { name: 'Signed pharma lab' })).reference;
    await moveProject(context, acting(people.coordinator), p.signed, { to: 'negotiating' });
    await moveProject(context, acting(people.coordinator), p.signed, { to: 'signed', evidence: SIGNED });
    p.lost = (await haidianLead(context, people.haidian, { name: 'Lost logistics hub', next_action_on: '2026-11-01' })).reference;
    await setProjectStatus(context, acting(people.coordinator), p.lost, { to: 'lost', reason: 'other_city', note: 'Went to Shanghai.' });
    opportunityId = context.store().all('projects').find((o) => o.district === 'chaoyang')!.id;
    const investor = await createInvestor(context, acting(people.chaoyang), { name: 'Lakeside Foods Inc', name_zh: '湖畔食品公司', origin: 'US' });
    p.chaoyang = (
      await createProject(context, acting(people.chaoyang), {
        investorId: investor.id,
        fields: { name: 'Food innovation centre', kind: 'new', industry_id: 'intelligent-equipment', district_id: 'chaoyang', opportunity_id: opportunityId, source_kind: 'municipal' },
      })
    ).reference;
    for (const who of ['commissioner', 'otherCommissioner', 'haidian', 'chaoyang', 'coordinator', 'viewer'] as const) cookie[who] = await signInAs(app, people[who].email, PASSWORD);
  });
  afterAll(async () => t0?.close());

  it('lists every project for the municipal side, and each filter narrows the list', async () => {
    expect(await listed('coordinator')).toEqual(new Set(Object.values(p)));
    expect(await listed('coordinator', { district: 'chaoyang' })).toEqual(new Set([p.chaoyang]));
    expect(await listed('coordinator', { origin: 'us' })).toEqual(new Set([p.chaoyang]));
    expect(await listed('coordinator', { kind: 'expansion' })).toEqual(new Set([p.commissioners]));
    expect(await listed('coordinator', { stage: 'negotiating,signed' })).toEqual(new Set([p.negotiating, p.signed]));
    expect(await listed('coordinator', { status: 'lost' })).toEqual(new Set([p.lost]));
    expect(await listed('coordinator', { source: 'municipal' })).toEqual(new Set([p.chaoyang]));
    expect(await listed('coordinator', { industry: 'intelligent-equipment', district: 'chaoyang' })).toEqual(new Set([p.chaoyang]));
    // Overdue: the next action's date is past and the project is still pursued (the lost one is not overdue).
    expect(await listed('coordinator', { overdue: 'yes' })).toEqual(new Set([p.commissioners]));
    expect(await listed('coordinator', { opportunity: 'yes' })).toEqual(new Set([p.chaoyang]));
    expect((await listed('coordinator', { opportunity: 'no' })).has(p.chaoyang)).toBe(false);
    expect(await listed('coordinator', { year: '2025' })).toEqual(new Set([p.old]));
    expect((await listed('coordinator', { year: '2026' })).has(p.old)).toBe(false);
    expect(await listed('commissioner', { mine: 'yes' })).toEqual(new Set([p.commissioners]));
    expect(await listed('coordinator', { mine: 'yes' })).toEqual(new Set());
  });

  it('searches the reference, words of the name and the investor\'s name', async () => {
    expect(await listed('coordinator', { q: p.signed.toLowerCase() })).toEqual(new Set([p.signed]));
    expect(await listed('coordinator', { q: 'pharma' })).toEqual(new Set([p.signed]));
    expect(await listed('coordinator', { q: 'Lakeside' })).toEqual(new Set([p.chaoyang]));
    // The investor's name matches anywhere in it, in either language.
    expect(await listed('coordinator', { q: 'keside foo' })).toEqual(new Set([p.chaoyang]));
    expect(await listed('coordinator', { q: '湖畔' })).toEqual(new Set([p.chaoyang]));
    expect(await listed('coordinator', { q: 'zebra' })).toEqual(new Set());
  });

  it('says an overdue next action in words, and sorts by the next action date', async () => {
    const page = await get('coordinator', urls.staffProjects('en', { sort: 'next_action' }));
    expect(page.body).toContain(tList('en', 'pipeline.list.overdue'));
    const order = [...refsIn(page.body)];
    expect(order.indexOf(p.lost)).toBeLessThan(order.indexOf(p.commissioners));
  });

  it('never shows a district officer another district\'s projects, nor a commissioner others\' (list, board, CSV)', async () => {
    const chaoyangSees = [p.chaoyang];
    expect(await listed('chaoyang')).toEqual(new Set(chaoyangSees));
    expect(refsIn((await get('chaoyang', urls.staffProjectsBoard('en'))).body)).toEqual(new Set(chaoyangSees));
    expect(refsInCsv((await get('chaoyang', urls.staffProjectsCsv('en'))).body)).toEqual(new Set(chaoyangSees));
    // A filter for another district cannot widen the scope.
    expect(await listed('chaoyang', { district: 'haidian' })).toEqual(new Set());
    expect(await listed('commissioner')).toEqual(new Set([p.commissioners]));
    expect(refsIn((await get('commissioner', urls.staffProjectsBoard('en'))).body)).toEqual(new Set([p.commissioners]));
    expect(refsInCsv((await get('commissioner', urls.staffProjectsCsv('en'))).body)).toEqual(new Set([p.commissioners]));
    expect(await listed('otherCommissioner')).toEqual(new Set());
    expect((await listed('haidian')).has(p.chaoyang)).toBe(false);
    // A role outside the pipeline is refused every page of it.
    const handler = await signInAs(app, people.handler.email, PASSWORD);
    for (const url of [urls.staffProjects('en'), urls.staffProjectsBoard('en'), urls.staffProjectsCsv('en')]) {
      expect((await app.inject({ url, headers: { cookie: handler } })).statusCode).toBe(403);
    }
  });

  it('answers a bad filter value with 400 and the message at its field, in the page\'s language', async () => {
    for (const lang of ['en', 'zh'] as const) {
      const response = await get('coordinator', urls.staffProjects(lang, { stage: 'won', origin: 'Germany' }));
      expect(response.statusCode).toBe(400);
      const stageError = tPlatform(lang, 'form.error.choose', { label: tList(lang, 'pipeline.list.filter.stage') });
      expect(response.body).toMatch(new RegExp(`id="filter-stage-error">[^<]*${stageError.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
      expect(response.body).toContain('href="#filter-origin"');
      expect(response.body).toContain('id="filter-origin-error"');
      // Nothing is listed until the filters are corrected.
      expect(refsIn(response.body)).toEqual(new Set());
    }
    expect((await get('coordinator', urls.staffProjectsBoard('en', { sort: 'sideways' }))).statusCode).toBe(400);
    expect((await get('coordinator', urls.staffProjectsCsv('en', { year: '1999' }))).statusCode).toBe(400);
  });

  it('saves a view per person, opens it, refuses a duplicate name or a missing CSRF token, and removes it', async () => {
    const page = await get('haidian', urls.staffProjects('en', { stage: 'signed' }));
    const csrf = hiddenCsrf(page.body);
    const query = page.body.match(/name="query" value="([^"]*)"/)![1].replace(/&amp;/g, '&');
    const post = (who: keyof PipelinePeople, url: string, payload: Record<string, string>) => app.inject({ method: 'POST', url, headers: { cookie: cookie[who]! }, payload });

    expect((await post('haidian', urls.staffProjectsViews('en'), { name: 'Signed ones', query })).statusCode).toBe(403);
    const saved = await post('haidian', urls.staffProjectsViews('en'), { name: 'Signed ones', query, _csrf: csrf });
    expect(saved.statusCode).toBe(303);
    const after = await get('haidian', saved.headers.location as string);
    expect(after.body).toContain(tList('en', 'pipeline.list.views.saved'));
    const link = after.body.match(/<a href="([^"]+)">Signed ones<\/a>/)![1].replace(/&amp;/g, '&');
    const opened = await get('haidian', link);
    expect(refsIn(opened.body)).toEqual(new Set([p.signed]));

    const duplicate = await post('haidian', urls.staffProjectsViews('en'), { name: 'Signed ones', query, _csrf: csrf });
    expect(duplicate.statusCode).toBe(400);
    expect(duplicate.body).toContain(tList('en', 'pipeline.list.views.error.duplicate'));
    const badQuery = await post('haidian', urls.staffProjectsViews('en'), { name: 'Broken', query: 'stage=won', _csrf: csrf });
    expect(badQuery.statusCode).toBe(400);

    // Another person sees none of it and cannot remove it.
    const id = after.body.match(/action="\/en\/staff\/projects\/views\/([0-9a-f-]+)\/remove"/)![1];
    expect((await get('chaoyang', urls.staffProjects('en'))).body).not.toContain('Signed ones');
    const chaoyangCsrf = hiddenCsrf((await get('chaoyang', urls.staffProjects('en'))).body);
    expect((await post('chaoyang', urls.staffProjectsViewRemove('en', id), { _csrf: chaoyangCsrf })).statusCode).toBe(404);
    expect((await post('haidian', urls.staffProjectsViewRemove('en', id), {})).statusCode).toBe(403);
    const removed = await post('haidian', urls.staffProjectsViewRemove('en', id), { _csrf: csrf });
    expect(removed.statusCode).toBe(303);
    expect((await get('haidian', urls.staffProjects('en'))).body).not.toContain('Signed ones');
    const audit = await t0.database.db.withTables<{ audit_log: { action: string; actor_id: string } }>().selectFrom('audit_log').select('action').where('actor_id', '=', people.haidian.userId).where('action', 'like', 'pipeline.view_%').execute();
    expect(audit.map((a) => a.action).sort()).toEqual(['pipeline.view_removed', 'pipeline.view_saved']);
  });

  it('offers on the board only the moves the rules allow this person', async () => {
    const board = async (who: keyof PipelinePeople) => (await get(who, urls.staffProjectsBoard('en'))).body;
    const coordinator = await board('coordinator');
    expect(movesOn(coordinator, 'en', p.negotiating).sort()).toEqual(['lead', 'signed']);
    expect(movesOn(coordinator, 'en', p.signed).sort()).toEqual(['negotiating', 'registered']);
    expect(movesOn(coordinator, 'en', p.lost)).toEqual([]);
    const haidian = await board('haidian');
    expect(movesOn(haidian, 'en', p.negotiating)).toEqual(['signed']);
    // Registration is the municipal side's to confirm.
    expect(movesOn(haidian, 'en', p.signed)).toEqual([]);
    expect(movesOn(await board('commissioner'), 'en', p.commissioners)).toEqual(['negotiating']);
    const viewer = await board('viewer');
    expect(refsIn(viewer).has(p.negotiating)).toBe(true);
    expect(viewer).not.toContain('/move"');
    // Each form posts to the project's move address with the session's token.
    expect(coordinator).toContain(`name="_csrf" value="${hiddenCsrf(coordinator)}"`);
  });

  it('exports the filtered list as CSV with headers in the page\'s language and a formula-looking name defused', async () => {
    const response = await get('coordinator', urls.staffProjectsCsv('zh', { district: 'haidian', status: 'active' }));
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/^text\/csv/);
    expect(response.headers['content-disposition']).toMatch(/^attachment; filename="projects-\d{4}-\d{2}-\d{2}\.csv"$/);
    const lines = response.body.replace(/^\ufeff/, '').trim().split('\r\n');
    expect(lines[0].split(',')[0]).toBe(tList('zh', 'pipeline.list.table.reference'));
    expect(lines[0]).toContain(tList('zh', 'pipeline.list.table.amount'));
    expect(refsInCsv(response.body)).toEqual(new Set([p.old, p.negotiating, p.commissioners, p.signed]));
    expect(lines).toHaveLength(5);
    const formulaLine = lines.find((line) => line.startsWith(p.commissioners))!;
    expect(formulaLine.split(',')[1]).toBe('"\'=HYPERLINK(""http://evil.example""');
    expect(formulaLine).toContain(t('zh', 'pipeline.stage.lead'));
    expect(response.body).not.toMatch(/(^|,)=HYPERLINK/m);
  });

  it('renders the list and the board in both languages', async () => {
    for (const lang of ['en', 'zh'] as const) {
      const list = await get('coordinator', urls.staffProjects(lang));
      expect(list.statusCode).toBe(200);
      expect(list.body).toContain(`lang="${lang === 'zh' ? 'zh-CN' : 'en'}"`);
      expect(list.body).toContain(`<h1>${tList(lang, 'pipeline.list.title')}</h1>`);
      expect(list.body).toContain(t(lang, 'pipeline.stage.negotiating'));
      expect(list.body).toContain(`href="${urls.staffProjectsDashboard(lang)}"`);
      const board = await get('coordinator', urls.staffProjectsBoard(lang));
      expect(board.statusCode).toBe(200);
      expect(board.body).toContain(`<h1>${tList(lang, 'pipeline.list.boardTitle')}</h1>`);
    }
  });

  it('moves a card from the board without script: the form posts to the project\'s move address and comes back', async () => {
    const { reference } = await haidianLead(context, people.haidian, { name: 'Moved from the board' });
    const board = (await get('haidian', urls.staffProjectsBoard('en'))).body;
    expect(movesOn(board, 'en', reference)).toEqual(['negotiating']);
    const moved = await app.inject({ method: 'POST', url: urls.staffProjectMove('en', reference), headers: { cookie: cookie.haidian! }, payload: { to: 'negotiating', back: 'board', _csrf: hiddenCsrf(board) } });
    expect(moved.statusCode).toBe(303);
    expect(await listed('haidian', { stage: 'negotiating', q: reference })).toEqual(new Set([reference]));
  });
});
