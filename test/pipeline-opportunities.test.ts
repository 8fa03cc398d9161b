/**
 * The 2025 conference's opportunities and the pipeline, over real HTTP (PGlite, and PostgreSQL with TEST_DATABASE_URL):
 * staff see how many projects are at each stage for every opportunity — counted over all of Beijing — but the names
 * and links of projects only within their scope; the public list says whether an opportunity is still open, taken up
 * once a project for it is signed, and open again when that project is lost (never the names or the negotiations).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { urls } from '../src/platform/http/urls.js';
import { tOpportunities } from '../src/modules/pipeline/messages.opportunities.js';
import { tProjects } from '../src/modules/projects/index.js';
import { moveProject, setProjectStatus, type PipelineContext } from '../src/modules/pipeline/project-workflow.js';
import type { PipelineDb } from '../src/modules/pipeline/pipeline.tables.js';
import { databaseTargets } from './helpers/databases.js';
import { acting, haidianLead, PASSWORD, pipelineContext, pipelinePeople, type PipelinePeople } from './helpers/pipeline-fixtures.js';
import { signInAs, startStaffApp, type StaffTestApp } from './helpers/staff.js';

const SIGNED = { amount_cny: '93,600,000', amount_cny_on: '2026-11-20', signed_on: '2026-11-25', agreement_parties: 'Nordlicht Robotics GmbH; Haidian District People\'s Government', agreement_ref: 'HD-2026-117' };

/** The project references a page links to. */
const refsIn = (html: string) => new Set([...html.matchAll(/href="\/(?:en|zh)\/staff\/projects\/(PJ-\d{4}-\d{6,})"/g)].map((m) => m[1]));

/** One opportunity's row of the staff overview. */
function rowOf(html: string, id: string): string {
  const match = html.match(new RegExp(`<tr id="opportunity-${id}">([\\s\\S]*?)</tr>`));
  if (!match) throw new Error(`no row for ${id}`);
  return match[1];
}

/** A row's numbers: the opportunity's number, then lead … operating, then lost or abandoned. */
const numbersOf = (row: string) => [...row.matchAll(/<td class="num">(\d+)<\/td>/g)].map((m) => Number(m[1]));

/** One opportunity's item on the public list. */
function publicItem(html: string, id: string): string {
  const match = html.match(new RegExp(`<li id="opportunity-${id}"[^>]*>([\\s\\S]*?)</li>`));
  if (!match) throw new Error(`no public item for ${id}`);
  return match[1];
}

describe.each(databaseTargets())('conference opportunities in the pipeline (%s)', (target) => {
  let t0: StaffTestApp;
  let app: FastifyInstance;
  let context: PipelineContext & { db: PipelineDb };
  let people: PipelinePeople;
  const cookie: Partial<Record<keyof PipelinePeople, string>> = {};
  const p = { haidianLead: '', haidianTalks: '', chaoyang: '' };

  const get = (who: keyof PipelinePeople, url: string) => app.inject({ url, headers: { cookie: cookie[who]! } });

  beforeAll(async () => {
    t0 = await startStaffApp({ target });
    app = t0.app;
    context = await pipelineContext(t0);
    people = await pipelinePeople(t0);
    // Two Haidian projects for haidian-1 (a lead and one in talks); one Chaoyang project in talks for chaoyang-1.
    p.haidianLead = (await haidianLead(context, people.haidian, { name: 'Seed lab on plot A', opportunity_id: 'haidian-1' })).reference;
    p.haidianTalks = (await haidianLead(context, people.haidian, { name: 'Pharma pilot line', opportunity_id: 'haidian-1' })).reference;
    await moveProject(context, acting(people.coordinator), p.haidianTalks, { to: 'negotiating' });
    p.chaoyang = (await haidianLead(context, people.chaoyang, { name: 'Creative studio', district_id: 'chaoyang', opportunity_id: 'chaoyang-1' })).reference;
    await moveProject(context, acting(people.coordinator), p.chaoyang, { to: 'negotiating' });
    for (const who of ['haidian', 'chaoyang', 'coordinator', 'commissioner', 'handler'] as const) cookie[who] = await signInAs(app, people[who].email, PASSWORD);
  });
  afterAll(async () => t0?.close());

  it('lists every opportunity with the projects at each stage counted over all of Beijing, naming only those in scope', async () => {
    const response = await get('haidian', urls.staffOpportunities('en'));
    expect(response.statusCode).toBe(200);
    const html = response.body;
    expect(html.match(/<tr id="opportunity-/g)).toHaveLength(context.store().all('projects').length);
    // haidian-1: one lead, one negotiating; chaoyang-1: one negotiating — the Haidian officer sees that count too.
    expect(numbersOf(rowOf(html, 'haidian-1'))).toEqual([1, 1, 1, 0, 0, 0, 0]);
    expect(numbersOf(rowOf(html, 'chaoyang-1'))).toEqual([1, 0, 1, 0, 0, 0, 0]);
    expect(numbersOf(rowOf(html, 'haidian-2'))).toEqual([2, 0, 0, 0, 0, 0, 0]);
    // …but only their own district's projects are named and linked.
    expect(refsIn(rowOf(html, 'haidian-1'))).toEqual(new Set([p.haidianLead, p.haidianTalks]));
    expect(refsIn(html)).toEqual(new Set([p.haidianLead, p.haidianTalks]));
    expect(html).not.toContain('Creative studio');
    // The municipal coordinator sees every project; a commissioner on no team sees the counts and no project.
    expect(refsIn((await get('coordinator', urls.staffOpportunities('en'))).body)).toEqual(new Set([p.haidianLead, p.haidianTalks, p.chaoyang]));
    const commissioners = (await get('commissioner', urls.staffOpportunities('zh'))).body;
    expect(refsIn(commissioners)).toEqual(new Set());
    expect(numbersOf(rowOf(commissioners, 'chaoyang-1'))).toEqual([1, 0, 1, 0, 0, 0, 0]);
    expect((await get('handler', urls.staffOpportunities('en'))).statusCode).toBe(403);
  });

  it('filters by district, and answers a district that has no opportunities with 400 and the error at its field', async () => {
    const chaoyang = (await get('coordinator', urls.staffOpportunities('en', { district: 'chaoyang' }))).body;
    const expected = context.store().all('projects').filter((o) => o.district === 'chaoyang').map((o) => `opportunity-${o.id}`);
    expect([...chaoyang.matchAll(/<tr id="(opportunity-[a-z0-9-]+)">/g)].map((m) => m[1]).sort()).toEqual(expected.sort());
    expect(refsIn(chaoyang)).toEqual(new Set([p.chaoyang]));
    const bad = await get('coordinator', urls.staffOpportunities('zh', { district: 'yanqing' }));
    expect(bad.statusCode).toBe(400);
    const message = tOpportunities('zh', 'pipeline.opportunities.error.district');
    expect(bad.body).toContain(`<a href="#district">${message}</a>`);
    expect(bad.body).toMatch(/<select id="district" name="district" aria-invalid="true"/);
    expect(bad.body).not.toContain('<tr id="opportunity-');
  });

  it('shows one opportunity with its counts, the projects in scope, and how many others are not listed', async () => {
    const haidians = await get('haidian', urls.staffOpportunity('en', 'chaoyang-1'));
    expect(haidians.statusCode).toBe(200);
    expect(refsIn(haidians.body)).toEqual(new Set());
    expect(haidians.body).toContain(tOpportunities('en', 'pipeline.opportunities.page.noProjects'));
    expect(haidians.body).toContain(tOpportunities('en', 'pipeline.opportunities.page.outOfScope', { count: 1 }));
    const coordinators = await get('coordinator', urls.staffOpportunity('en', 'chaoyang-1'));
    expect(refsIn(coordinators.body)).toEqual(new Set([p.chaoyang]));
    expect(coordinators.body).toContain('Creative studio');
    expect(coordinators.body).not.toContain(tOpportunities('en', 'pipeline.opportunities.page.outOfScope', { count: 1 }));
    expect((await get('coordinator', urls.staffOpportunity('en', 'atlantis-1'))).statusCode).toBe(404);
  });

  it('tells the public an opportunity is open, taken up once a project for it is signed, and open again when it is lost', async () => {
    const haidianPage = (lang: 'en' | 'zh' = 'en') => app.inject({ url: urls.projects(lang, { district: 'haidian' }) });
    const open = tProjects('en', 'projects.status.open');
    const taken = tProjects('en', 'projects.status.taken');
    const before = await haidianPage();
    expect(publicItem(before.body, 'haidian-1')).toContain(open);
    // Talks alone do not take it up, and the public page names no project and counts no negotiation.
    expect(before.body).not.toContain('Pharma pilot line');
    expect(before.body).not.toMatch(/PJ-\d{4}-/);
    // A second request is the cached page (same ETag, 304 when asked conditionally).
    const again = await app.inject({ url: urls.projects('en', { district: 'haidian' }), headers: { 'if-none-match': String(before.headers.etag) } });
    expect(again.statusCode).toBe(304);

    await moveProject(context, acting(people.coordinator), p.haidianTalks, { to: 'signed', evidence: SIGNED });
    const after = await haidianPage();
    expect(after.headers.etag).not.toBe(before.headers.etag);
    expect(publicItem(after.body, 'haidian-1')).toContain(taken);
    expect(publicItem(after.body, 'haidian-2')).toContain(open);
    expect(publicItem((await haidianPage('zh')).body, 'haidian-1')).toContain(tProjects('zh', 'projects.status.taken'));
    expect(numbersOf(rowOf((await get('haidian', urls.staffOpportunities('en'))).body, 'haidian-1'))).toEqual([1, 1, 0, 1, 0, 0, 0]);
    expect((await get('haidian', urls.staffOpportunity('en', 'haidian-1'))).body).toContain(
      tOpportunities('en', 'pipeline.opportunities.page.public', { status: tOpportunities('en', 'pipeline.opportunities.availability.taken') }),
    );

    await setProjectStatus(context, acting(people.coordinator), p.haidianTalks, { to: 'lost', reason: 'other_city', note: 'Went to Shanghai.' });
    expect(publicItem((await haidianPage()).body, 'haidian-1')).toContain(open);
    expect(numbersOf(rowOf((await get('haidian', urls.staffOpportunities('en'))).body, 'haidian-1'))).toEqual([1, 1, 0, 0, 0, 0, 1]);
  });
});
