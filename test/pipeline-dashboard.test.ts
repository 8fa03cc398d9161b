/**
 * The pipeline dashboard on PGlite (and PostgreSQL with TEST_DATABASE_URL): projects are made and moved through the
 * workflow functions while the app's clock is moved forward between moves, so time in stage is known from the moves
 * this test made — each stay is computed here from the clock readings at entering and leaving (percentile_cont's
 * linear interpolation done by hand), not copied from the output. Then: a status change inside a stage does not split
 * it, the implementation rate per year, the funnel, scope (a district officer counts only their district), overdue
 * next actions, the CSV's sections, a bad filter answered 400 at its field, and both languages.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { urls } from '../src/platform/http/urls.js';
import { pipelineDashboard, type PipelineDashboard } from '../src/modules/pipeline/dashboard.queries.js';
import { tDashboard } from '../src/modules/pipeline/messages.dashboard.js';
import { t } from '../src/modules/pipeline/messages.js';
import { projectScopeOf } from '../src/modules/pipeline/project-access.js';
import type { PipelineDb } from '../src/modules/pipeline/pipeline.tables.js';
import { createInvestor, createProject, moveProject, setProjectStatus, type PipelineContext } from '../src/modules/pipeline/project-workflow.js';
import type { Stage } from '../src/modules/pipeline/stage-rules.js';
import { databaseTargets } from './helpers/databases.js';
import { acting, haidianLead, PASSWORD, pipelineContext, pipelinePeople, VALID_USCC, type PipelinePeople } from './helpers/pipeline-fixtures.js';
import { signInAs, startStaffApp, type StaffTestApp } from './helpers/staff.js';

const DAY = 86_400_000;
const SIGNED = { amount_cny: '93,600,000', amount_cny_on: '2026-11-20', signed_on: '2026-11-25', agreement_parties: 'Nordlicht Robotics GmbH; Haidian District People\'s Government', agreement_ref: 'HD-2026-117' };
const REGISTERED = { uscc: VALID_USCC, registered_on: '2026-11-28', registered_capital: '5000000' };

/** percentile_cont as PostgreSQL defines it: linear between the two nearest of the sorted values. */
function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const position = p * (sorted.length - 1);
  const low = Math.floor(position);
  const high = Math.ceil(position);
  return sorted[low] + (sorted[high] - sorted[low]) * (position - low);
}

/** The sections of the dashboard's CSV: caption → rows (a small RFC 4180 reader: quoted fields, CRLF). */
function csvSections(body: string): Map<string, string[][]> {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  const text = body.replace(/^\ufeff/, '');
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (cell += '"'), i++;
      else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') row.push(cell), (cell = '');
    else if (c === '\r' && text[i + 1] === '\n') row.push(cell), rows.push(row), (row = []), (cell = ''), i++;
    else cell += c;
  }
  const sections = new Map<string, string[][]>();
  let current: string[][] | null = null;
  for (const r of rows) {
    const caption = /^[^:：]+: (.+)$/.exec(r.length === 1 ? r[0] : '');
    if (caption && r.length === 1 && current === null) sections.set(caption[1], (current = []));
    else if (r.length === 1 && r[0] === '') current = null;
    else current?.push(r);
  }
  return sections;
}

describe.each(databaseTargets())('pipeline dashboard (%s)', (target) => {
  let t0: StaffTestApp;
  let app: FastifyInstance;
  let context: PipelineContext & { db: PipelineDb };
  let people: PipelinePeople;
  const cookie: Partial<Record<keyof PipelinePeople, string>> = {};
  /** Each project's stays as this test made them: [stage, entered, left (null: not left)], and whether it was closed. */
  const stays = new Map<string, { district: string; log: [Stage, number, number | null][]; closedAt?: number }>();
  const ref: Record<'a' | 'b' | 'c' | 'd' | 'e' | 'f', string> = { a: '', b: '', c: '', d: '', e: '', f: '' };

  const now = () => t0.clock.now.getTime();
  const advanceDays = (days: number) => t0.clock.advance(days * DAY);
  const made = (reference: string, district = 'haidian') => stays.set(reference, { district, log: [['lead', now(), null]] });
  async function move(reference: string, to: Stage, evidence: Record<string, unknown> = {}) {
    await moveProject(context, acting(people.coordinator), reference, { to, evidence });
    const record = stays.get(reference)!;
    record.log[record.log.length - 1][2] = now();
    record.log.push([to, now(), null]);
  }
  /** The stays of a stage in days, over the projects `counted` selects, as of the clock now. */
  function expectedDays(stage: Stage, counted: (reference: string) => boolean): number[] {
    return [...stays].filter(([reference]) => counted(reference)).flatMap(([, record]) =>
      record.log.filter(([s]) => s === stage).map(([, entered, left]) => ((left ?? record.closedAt ?? now()) - entered) / DAY),
    );
  }
  const figuresFor = (who: keyof PipelinePeople, filters = {}): Promise<PipelineDashboard> => pipelineDashboard(context.db, projectScopeOf(people[who]), filters, t0.clock.now);
  const get = (who: keyof PipelinePeople, url: string) => app.inject({ url, headers: { cookie: cookie[who]! } });

  beforeAll(async () => {
    t0 = await startStaffApp({ target });
    app = t0.app;
    context = await pipelineContext(t0);
    people = await pipelinePeople(t0);
    // 2026-12-01 10:00 Beijing: three Haidian leads, one of them (B) of its own kind so a filter can isolate it.
    ref.a = (await haidianLead(context, people.haidian, { name: 'Robot arm plant', next_action: 'Visit the site', next_action_on: '2026-12-20' })).reference;
    made(ref.a);
    ref.b = (await haidianLead(context, people.haidian, { name: 'Sensor lab expansion', kind: 'expansion' })).reference;
    made(ref.b);
    ref.c = (await haidianLead(context, people.haidian, { name: 'Logistics hub', next_action_on: '2026-12-05' })).reference;
    made(ref.c);
    advanceDays(3);
    await move(ref.a, 'negotiating');
    advanceDays(2);
    // A status change inside B's lead stage: it must not split the stay.
    await setProjectStatus(context, acting(people.coordinator), ref.b, { to: 'delayed', note: 'Board approval postponed.' });
    advanceDays(4);
    await move(ref.b, 'negotiating');
    advanceDays(1);
    await move(ref.a, 'signed', SIGNED);
    advanceDays(6);
    await move(ref.a, 'registered', REGISTERED);
    await setProjectStatus(context, acting(people.coordinator), ref.c, { to: 'lost', reason: 'other_city', note: 'Went to Shanghai.' });
    stays.get(ref.c)!.closedAt = now();
    advanceDays(10.5);
    // A Chaoyang project from a partner institution, with an American investor (outside the Haidian officer's scope).
    const investor = await createInvestor(context, acting(people.chaoyang), { name: 'Lakeside Foods Inc', origin: 'US' });
    ref.d = (
      await createProject(context, acting(people.chaoyang), {
        investorId: investor.id,
        fields: { name: 'Food innovation centre', kind: 'new', industry_id: 'intelligent-equipment', district_id: 'chaoyang', amount_cny: '5000000', source_kind: 'partner', source_detail: 'American Chamber of Commerce', next_action_on: '2027-02-01' },
      })
    ).reference;
    made(ref.d, 'chaoyang');
    // Into 2027 (Beijing): two more Haidian projects; F lands within days.
    advanceDays(9.75);
    ref.e = (await haidianLead(context, people.haidian, { name: 'Battery lab', source_detail: 'Zhongguancun Forum', next_action_on: '2027-01-10' })).reference;
    made(ref.e);
    ref.f = (await haidianLead(context, people.haidian, { name: 'Drone works' })).reference;
    made(ref.f);
    advanceDays(2);
    await move(ref.f, 'negotiating');
    advanceDays(2.25);
    await move(ref.f, 'signed', SIGNED);
    advanceDays(1);
    await move(ref.f, 'registered', REGISTERED);
    advanceDays(4.125);
    for (const who of ['haidian', 'chaoyang', 'coordinator', 'commissioner'] as const) cookie[who] = await signInAs(app, people[who].email, PASSWORD);
  }, 120_000);

  afterAll(async () => {
    await t0?.close();
  });

  it('computes the median and 90th percentile of days in each stage from the clock the moves were made at', async () => {
    const figures = await figuresFor('coordinator');
    for (const stage of ['lead', 'negotiating', 'signed', 'registered', 'operating'] as const) {
      const days = expectedDays(stage, () => true);
      const row = figures.timeInStage.find((r) => r.stage === stage)!;
      expect(row.stays).toBe(days.length);
      if (days.length === 0) {
        expect(row.medianDays).toBeNull();
        continue;
      }
      expect(row.medianDays).toBeCloseTo(percentile(days, 0.5), 6);
      expect(row.p90Days).toBeCloseTo(percentile(days, 0.9), 6);
    }
    // Still in the stage and pursued: D and E at lead, B at negotiating, A and F at registered (C was lost).
    expect(figures.timeInStage.map((r) => [r.stage, r.ongoing])).toEqual([['lead', 2], ['negotiating', 1], ['signed', 0], ['registered', 2], ['operating', 0]]);
  });

  it('does not split a stay in two at a status change, and stops a lost project\'s clock when it was closed', async () => {
    const onlyB = await figuresFor('coordinator', { kind: 'expansion' });
    const lead = onlyB.timeInStage.find((r) => r.stage === 'lead')!;
    const [entered, left] = stays.get(ref.b)!.log[0].slice(1) as [number, number];
    expect(lead.stays).toBe(1);
    expect(lead.medianDays).toBeCloseTo((left - entered) / DAY, 6);
    // C was lost in lead: its stay ends at the closing, not now.
    const closedC = stays.get(ref.c)!;
    const all = await figuresFor('coordinator');
    expect(expectedDays('lead', (r) => r === ref.c)).toEqual([(closedC.closedAt! - closedC.log[0][1]) / DAY]);
    expect(all.timeInStage.find((r) => r.stage === 'lead')!.p90Days).toBeCloseTo(percentile(expectedDays('lead', () => true), 0.9), 6);
  });

  it('counts the funnel now (pursued and closed apart) and how many reached each stage', async () => {
    const figures = await figuresFor('coordinator');
    const at = (stage: Stage) => figures.funnel.find((r) => r.stage === stage)!;
    expect(at('lead').byStatus).toMatchObject({ active: 2, lost: 1 });
    expect([at('lead').pursued, at('lead').closed]).toEqual([2, 1]);
    expect(at('negotiating').byStatus.delayed).toBe(1);
    expect(at('registered').pursued).toBe(2);
    expect(figures.funnel.map((r) => r.reached)).toEqual([6, 3, 2, 2, 0]);
    expect(figures.projects).toBe(6);
  });

  it('gives the implementation rate per year of creation: landed ÷ inventoried', async () => {
    const figures = await figuresFor('coordinator');
    expect(figures.implementation).toEqual([
      { year: 2026, inventoried: 4, landed: 1, rate: 0.25 },
      { year: 2027, inventoried: 2, landed: 1, rate: 0.5 },
    ]);
    const only2027 = await figuresFor('coordinator', { from: '2027-01-01', to: '2027-12-31' });
    expect(only2027.implementation).toEqual([{ year: 2027, inventoried: 2, landed: 1, rate: 0.5 }]);
    expect(only2027.projects).toBe(2);
  });

  it('sums amounts by district, origin and source, signed or later apart', async () => {
    const figures = await figuresFor('coordinator');
    const haidian = figures.byDistrict.find((g) => g.key === 'haidian')!;
    expect(haidian).toMatchObject({ projects: 5, landed: 2, signedProjects: 2, withAmount: 2 });
    expect(Number(haidian.amountCny)).toBe(2 * 93_600_000);
    expect(Number(haidian.signedAmountCny)).toBe(2 * 93_600_000);
    expect(figures.byDistrict.find((g) => g.key === 'chaoyang')).toMatchObject({ projects: 1, signedProjects: 0, amountCny: '5000000.00', signedAmountCny: '0.00' });
    expect(figures.byOrigin.map((g) => [g.key, g.projects])).toEqual([['DE', 5], ['US', 1]]);
    expect(figures.bySource.map((g) => [g.key, g.projects, g.landed])).toEqual([['event', 5, 2], ['partner', 1, 0]]);
    expect(figures.sourceDetails.map((d) => [d.kind, d.detail, d.projects, d.landed])).toEqual([
      ['event', '2025 Invest in Beijing Conference', 4, 2],
      ['event', 'Zhongguancun Forum', 1, 0],
      ['partner', 'American Chamber of Commerce', 1, 0],
    ]);
  });

  it('counts only the district officer\'s own district', async () => {
    const figures = await figuresFor('haidian');
    expect(figures.projects).toBe(5);
    expect(figures.byDistrict.map((g) => g.key)).toEqual(['haidian']);
    expect(figures.implementation.find((y) => y.year === 2026)).toEqual({ year: 2026, inventoried: 3, landed: 1, rate: 1 / 3 });
    const lead = figures.timeInStage.find((r) => r.stage === 'lead')!;
    const days = expectedDays('lead', (r) => stays.get(r)!.district === 'haidian');
    expect(lead.stays).toBe(days.length);
    expect(lead.medianDays).toBeCloseTo(percentile(days, 0.5), 6);
    // A commissioner on no project's team counts nothing.
    expect((await figuresFor('commissioner')).projects).toBe(0);
  });

  it('lists overdue next actions of pursued projects, oldest first, linked to the project', async () => {
    const figures = await figuresFor('coordinator');
    const today = figures.today;
    const daysSince = (date: string) => Math.round((Date.parse(today) - Date.parse(date)) / DAY);
    // C's action is older but C was lost; D's is not yet due.
    expect(figures.overdue.count).toBe(2);
    expect(figures.overdue.rows.map((r) => [r.reference, r.next_action_on, r.daysOverdue])).toEqual([
      [ref.a, '2026-12-20', daysSince('2026-12-20')],
      [ref.e, '2027-01-10', daysSince('2027-01-10')],
    ]);
    const page = await get('coordinator', urls.staffProjectsDashboard('en'));
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(`href="${urls.staffProject('en', ref.a)}"`);
    expect(page.body).toContain(tDashboard('en', 'pipeline.dashboard.overdue.count', { count: 2 }));
  });

  it('exports every table as CSV sections in the page\'s language, within the reader\'s scope', async () => {
    const response = await get('coordinator', urls.staffProjectsDashboardCsv('en'));
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('text/csv');
    const sections = csvSections(response.body);
    const rate = sections.get(tDashboard('en', 'pipeline.dashboard.rate.caption'))!;
    expect(rate[0]).toEqual(['Year created', 'Inventoried', 'Landed', 'Implementation rate (%)']);
    expect(rate.slice(1, 3)).toEqual([['2026', '4', '1', '25'], ['2027', '2', '1', '50']]);
    const funnel = sections.get(tDashboard('en', 'pipeline.dashboard.funnel.caption'))!;
    expect(funnel.find((r) => r[0] === t('en', 'pipeline.stage.lead'))!.at(-1)).toBe('6');
    const time = sections.get(tDashboard('en', 'pipeline.dashboard.time.caption'))!;
    const lead = time.find((r) => r[0] === t('en', 'pipeline.stage.lead'))!;
    expect(Number(lead[3])).toBeCloseTo(percentile(expectedDays('lead', () => true), 0.5), 1);
    const overdue = sections.get(tDashboard('en', 'pipeline.dashboard.overdue.caption'))!;
    expect(overdue.slice(1).map((r) => r[0])).toEqual([ref.a, ref.e]);

    const haidian = csvSections((await get('haidian', urls.staffProjectsDashboardCsv('zh', { year: '2026' }))).body);
    const zhRate = haidian.get(tDashboard('zh', 'pipeline.dashboard.rate.caption'))!;
    expect(zhRate[0][0]).toBe('入库年份');
    expect(zhRate.slice(1)).toEqual([['2026', '3', '1', '33.3']]);
    const districts = haidian.get(tDashboard('zh', 'pipeline.dashboard.amounts.caption', { dimension: tDashboard('zh', 'pipeline.dashboard.amounts.district') }))!;
    expect(districts.slice(1).map((r) => r[0])).toEqual(['海淀区']);
  });

  it('answers 400 with the error at its field for a bad filter, and shows no figure', async () => {
    const bad = await get('coordinator', urls.staffProjectsDashboard('en', { year: '20x6', kind: 'factory' }));
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('id="year-error"');
    expect(bad.body).toContain('id="kind-error"');
    expect(bad.body).toContain(tDashboard('en', 'pipeline.dashboard.error.year'));
    expect(bad.body).not.toContain('id="funnel"');
    const both = await get('coordinator', urls.staffProjectsDashboard('zh', { year: '2026', from: '2026-03-01' }));
    expect(both.statusCode).toBe(400);
    expect(both.body).toContain(tDashboard('zh', 'pipeline.dashboard.error.yearAndPeriod'));
    const order = await get('coordinator', urls.staffProjectsDashboardCsv('en', { from: '2026-12-31', to: '2026-01-01' }));
    expect(order.statusCode).toBe(400);
    expect(order.body).toContain(tDashboard('en', 'pipeline.dashboard.error.order'));
  });

  it('renders in both languages with a chart and a captioned table per figure', async () => {
    for (const lang of ['en', 'zh'] as const) {
      const page = await get('coordinator', urls.staffProjectsDashboard(lang));
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain(tDashboard(lang, 'pipeline.dashboard.title'));
      expect(page.body).toContain(`<caption>${tDashboard(lang, 'pipeline.dashboard.time.caption')}</caption>`);
      expect(page.body).toContain(`aria-label="${tDashboard(lang, 'pipeline.dashboard.funnel.chart')}"`);
      expect(page.body.match(/<svg /g)?.length).toBeGreaterThanOrEqual(5);
    }
    const zh = await get('haidian', urls.staffProjectsDashboard('zh'));
    expect(zh.body).toContain('德国');
    expect(zh.body).not.toContain('Germany');
  });

  it('explains an empty dashboard', async () => {
    const empty = await get('commissioner', urls.staffProjectsDashboard('en'));
    expect(empty.statusCode).toBe(200);
    expect(empty.body).toContain(tDashboard('en', 'pipeline.dashboard.counted.none'));
    expect(empty.body).toContain(tDashboard('en', 'pipeline.dashboard.overdue.none'));
  });
});
