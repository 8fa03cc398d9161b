/**
 * The investors' pages and the one investor timeline over real HTTP with signed-in staff (PGlite, and PostgreSQL with
 * TEST_DATABASE_URL): a project's moves, a service item, a linked case and an interaction in order, newest first; the
 * same investor seen by a Chaoyang officer (no Haidian project, item or case; their own Chaoyang case); plan addresses
 * and case references refused at their fields; the kind filter; search, creating an investor; both languages.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { urls } from '../src/platform/http/urls.js';
import { tTimeline } from '../src/modules/pipeline/messages.timeline.js';
import type { PipelineDb } from '../src/modules/pipeline/pipeline.tables.js';
import { moveProject, type PipelineContext } from '../src/modules/pipeline/project-workflow.js';
import { investorTimeline } from '../src/modules/pipeline/timeline.js';
import { databaseTargets } from './helpers/databases.js';
import { caseFixtures, type CaseFixtures } from './helpers/case-fixtures.js';
import { latinSentences } from './helpers/latin-sentences.js';
import { acting, haidianLead, pipelineContext, pipelinePeople, signInPeople, type PipelinePeople, type SignedIn } from './helpers/pipeline-fixtures.js';
import { startStaffApp, type StaffTestApp } from './helpers/staff.js';

const HOUR = 3_600_000;
/** Text as Preact writes it into HTML. */
const escaped = (text: string) => text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

describe.each(databaseTargets())('investor timeline (%s)', (target) => {
  let t0: StaffTestApp;
  let app: FastifyInstance;
  let context: PipelineContext & { db: PipelineDb };
  let people: PipelinePeople;
  let cases: CaseFixtures;
  let signed: SignedIn;
  type Who = 'commissioner' | 'haidian' | 'chaoyang' | 'coordinator' | 'viewer';

  const get = (who: keyof PipelinePeople, url: string) => signed.get(who, url);
  const post = (who: keyof PipelinePeople, url: string, fields: Record<string, string>) => signed.post(who, url, fields);
  const principal = (who: Who) => ({ ...people[who], departmentId: null });

  // One investor with a Haidian project (moved, with an item), a Haidian case, a Chaoyang case and two interactions.
  let investorId: string;
  let project: { reference: string; id: string };
  let haidianCase: string;
  let chaoyangCase: string;
  const ITEM = 'Work permits for three engineers';
  const MEETING = 'Discussed the pilot line site in Zhongguancun';
  const CALL = 'Asked about the regional headquarters recognition';

  beforeAll(async () => {
    // The set-up moves the clock on by hours: sessions stay open for the day.
    t0 = await startStaffApp({ target, env: { STAFF_SESSION_IDLE_MINUTES: '1440' } });
    app = t0.app;
    context = await pipelineContext(t0);
    people = await pipelinePeople(t0);
    cases = await caseFixtures(t0);
    signed = await signInPeople(t0, people, ['commissioner', 'haidian', 'chaoyang', 'coordinator', 'viewer']);
    const lead = await haidianLead(context, people.commissioner);
    investorId = lead.investorId;
    project = lead;
    t0.clock.advance(HOUR);
    await moveProject(context, acting(people.commissioner), project.reference, { to: 'negotiating' });
    t0.clock.advance(HOUR);
    expect((await post('commissioner', urls.staffProjectServices('en', project.reference), { title: ITEM, status: 'open' })).statusCode).toBe(303);
    t0.clock.advance(HOUR);
    haidianCase = await cases.caseIn('submitted');
    expect((await post('haidian', urls.staffInvestorCases('en', investorId), { case_reference: haidianCase })).statusCode).toBe(303);
    t0.clock.advance(HOUR);
    chaoyangCase = await cases.caseIn('submitted', { district: 'chaoyang', subject: 'Parking permit for the showroom' });
    expect((await post('chaoyang', urls.staffInvestorCases('en', investorId), { case_reference: chaoyangCase })).statusCode).toBe(303);
    t0.clock.advance(HOUR);
    const today = '2026-12-01';
    expect((await post('commissioner', urls.staffInvestorInteractions('en', investorId), { kind: 'meeting', occurred_on: today, people: 'Dr. Weber; Ms. Li', notes: MEETING, project_reference: project.reference })).statusCode).toBe(303);
    expect((await post('haidian', urls.staffInvestorInteractions('en', investorId), { kind: 'call', occurred_on: '2026-11-30', notes: CALL })).statusCode).toBe(303);
  });
  afterAll(async () => t0?.close());

  it('shows the project\'s creation and move, the item, the linked cases and the interactions in order, newest first', async () => {
    const page = await get('coordinator', urls.staffInvestor('en', investorId));
    expect(page.statusCode).toBe(200);
    const at = (text: string) => {
      const index = page.body.indexOf(text, page.body.indexOf('id="timeline"'));
      expect(index, text).toBeGreaterThan(0);
      return index;
    };
    const moved = escaped(tTimeline('en', 'pipeline.timeline.project.moved', { from: 'Lead', to: 'Negotiating' }));
    const order = [
      at(MEETING),
      at(tTimeline('en', 'pipeline.timeline.case.submitted', { reference: chaoyangCase })),
      at(tTimeline('en', 'pipeline.timeline.case.submitted', { reference: haidianCase })),
      at(tTimeline('en', 'pipeline.timeline.item.created', { title: ITEM })),
      at(moved),
      at(tTimeline('en', 'pipeline.timeline.project.created')),
      // The call happened the day before, though it was recorded last.
      at(CALL),
    ];
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(page.body).toContain(`href="${urls.staffProject('en', project.reference)}"`);
    expect(page.body).toContain(`href="${urls.staffCase('en', haidianCase)}"`);
    // The function behind the page (and the JSON API) gives the same order.
    const timeline = await investorTimeline(t0.database.db, principal('coordinator'), investorId);
    expect(timeline!.entries.map((e) => (e.kind === 'project' ? `project:${e.event}` : e.kind))).toEqual(['interaction', 'case', 'case', 'service', 'project:moved', 'project:created', 'interaction']);
  });

  it('shows a Chaoyang officer none of the Haidian project\'s entries nor the Haidian case, but their Chaoyang case', async () => {
    const page = await get('chaoyang', urls.staffInvestor('en', investorId));
    expect(page.statusCode).toBe(200);
    expect(page.body).not.toContain(project.reference);
    expect(page.body).not.toContain(ITEM);
    expect(page.body).not.toContain(MEETING);
    expect(page.body).not.toContain(haidianCase);
    expect(page.body).toContain(tTimeline('en', 'pipeline.timeline.case.submitted', { reference: chaoyangCase }));
    expect(page.body).toContain('Parking permit for the showroom');
    // An interaction about no project is every pipeline reader's.
    expect(page.body).toContain(CALL);
    const timeline = await investorTimeline(t0.database.db, principal('chaoyang'), investorId);
    expect(timeline!.projects).toEqual([]);
    expect(timeline!.entries.map((e) => e.kind)).toEqual(['case', 'interaction']);
  });

  it('refuses a plan address that is not this site\'s plan page at its field, and links one that is', async () => {
    const refused = await post('commissioner', urls.staffInvestorInteractions('en', investorId), { kind: 'plan_shared', occurred_on: '2026-12-01', plan_url: 'https://plans.example.com/en/plan?industry=robotics' });
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('href="#interaction-plan_url"');
    expect(refused.body).toContain(escaped(tTimeline('en', 'pipeline.timeline.error.plan_url')));
    for (const address of ['http://test.invalid/en/planner', 'javascript:alert(1)', 'http://test.invalid@evil.example/en/plan']) {
      expect((await post('commissioner', urls.staffInvestorInteractions('en', investorId), { kind: 'plan_shared', occurred_on: '2026-12-01', plan_url: address })).statusCode, address).toBe(400);
    }
    const accepted = await post('commissioner', urls.staffInvestorInteractions('en', investorId), { kind: 'plan_shared', occurred_on: '2026-12-01', plan_url: 'http://test.invalid/zh/plan?industry=robotics&district=haidian' });
    expect(accepted.statusCode).toBe(303);
    const page = await get('commissioner', urls.staffInvestor('en', investorId, { show: 'plan' }));
    expect(page.body).toContain(`href="/zh/plan?industry=robotics&amp;district=haidian"`);
    const audit = await context.db.selectFrom('audit_log').select(['action', 'actor_id']).where('entity', '=', 'interaction').where('action', '=', 'pipeline.interaction_recorded').execute();
    expect(audit.filter((row) => row.actor_id === people.commissioner.userId).length).toBe(2);
  });

  it('refuses a case outside the editor\'s case scope, a future date and a project outside their scope, each at its field', async () => {
    const refused = await post('chaoyang', urls.staffInvestorCases('en', investorId), { case_reference: haidianCase });
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('href="#link-case_reference"');
    expect(refused.body).toContain(escaped(tTimeline('en', 'pipeline.timeline.error.case')));
    const other = await cases.caseIn('submitted');
    expect((await post('chaoyang', urls.staffInvestorCases('en', investorId), { case_reference: other })).statusCode).toBe(400);
    expect(await context.db.selectFrom('investor_cases').select('case_id').where('investor_id', '=', investorId).execute()).toHaveLength(2);
    const bad = await post('chaoyang', urls.staffInvestorInteractions('zh', investorId), { kind: 'visit', occurred_on: '2026-12-05', project_reference: project.reference, plan_url: 'http://test.invalid/en/plan' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain(tTimeline('zh', 'pipeline.timeline.error.occurred_on'));
    expect(bad.body).toContain(tTimeline('zh', 'pipeline.timeline.error.project'));
    expect(bad.body).toContain(tTimeline('zh', 'pipeline.timeline.error.plan_url.unwanted'));
    // The case links that were made are audited.
    const links = await context.db.selectFrom('audit_log').select('actor_id').where('action', '=', 'pipeline.investor_case_linked').execute();
    expect(links.map((row) => row.actor_id).sort()).toEqual([people.haidian.userId, people.chaoyang.userId].sort());
  });

  it('filters the timeline by kind with GET checkboxes', async () => {
    const page = await get('coordinator', `${urls.staffInvestor('en', investorId)}?show=case&show=service`);
    expect(page.body).toContain(haidianCase);
    expect(page.body).toContain(tTimeline('en', 'pipeline.timeline.item.created', { title: ITEM }));
    expect(page.body).not.toContain(MEETING);
    expect(page.body).not.toContain(escaped(tTimeline('en', 'pipeline.timeline.project.created')));
    expect(page.body).toMatch(/name="show" value="case" checked/);
  });

  it('lists investors by either name with their projects in the reader\'s scope; adds one; one with nothing in scope shows its name', async () => {
    const added = await post('commissioner', urls.staffInvestorNew('en'), { name: 'Lumen Optics AB', name_zh: '流明光学', origin: 'SE', parent_group: '' });
    expect(added.statusCode).toBe(303);
    const id = String(added.headers.location).match(/investors\/([0-9a-f-]{36})/)![1];
    const again = await post('commissioner', urls.staffInvestorNew('en'), { name: 'lumen optics ab', origin: 'SE' });
    expect(again.headers.location).toBe(urls.staffInvestor('en', id, { notice: 'exists' }));
    const invalid = await post('commissioner', urls.staffInvestorNew('en'), { name: '', origin: 'CN' });
    expect(invalid.statusCode).toBe(400);
    expect(invalid.body).toContain('href="#investor-name"');
    expect(invalid.body).toContain('href="#investor-origin"');

    const found = await get('coordinator', urls.staffInvestors('zh', { q: '流明' }));
    expect(found.body).toContain('Lumen Optics AB');
    expect(found.body).toContain(new Intl.DisplayNames(['zh-CN'], { type: 'region' }).of('SE')!);
    const counts = async (who: Who) => (await get(who, urls.staffInvestors('en', { q: 'Nordlicht' }))).body.match(/<td class="num">(\d+)<\/td>/g);
    expect(await counts('coordinator')).toContain('<td class="num">1</td>');
    expect(await counts('chaoyang')).not.toContain('<td class="num">1</td>');

    const nothing = await get('chaoyang', urls.staffInvestor('en', id));
    expect(nothing.statusCode).toBe(200);
    expect(nothing.body).toContain('Lumen Optics AB');
    expect(nothing.body).toContain(tTimeline('en', 'pipeline.timeline.nothing'));
    expect((await get('viewer', urls.staffInvestorNew('en'))).statusCode).toBe(403);
    expect((await get('coordinator', urls.staffInvestor('en', '00000000-0000-0000-0000-000000000000'))).statusCode).toBe(404);
  });

  it('renders the investor page and the list in Chinese without English sentences of its own', async () => {
    for (const url of [urls.staffInvestor('zh', investorId), urls.staffInvestors('zh')]) {
      const page = await get('coordinator', url);
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain('<html lang="zh');
      // The fixtures' own English (names, notes, subjects, units) aside.
      const text = page.body
        .replace(/<(script|style|option)[\s\S]*?<\/\1>/g, ' ')
        .replace(/<[^>]+>/g, '\n')
        .split('\n')
        .filter((line) => !/Nordlicht|Robot|Lumen|Work permits|Discussed|Asked about|Parking|R&amp;D|Test |Example|subsidy|Dr\./.test(line))
        .join('\n');
      expect(latinSentences(text)).toEqual([]);
    }
    expect((await get('coordinator', urls.staffInvestor('zh', investorId))).body).toContain(tTimeline('zh', 'pipeline.timeline.heading'));
  });
});
