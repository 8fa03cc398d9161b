/**
 * "The tools answer the investor's question first", through the real stack (buildApp on a fresh embedded database
 * with the real content, a clock the test sets): the plan's summary, the market-access bottom line, the steps for
 * regulated activities, the main menu, and "today" as the date in Beijing — also in the page cache.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../src/app.js';
import { ContentService, loadContentSet } from '../src/modules/content/index.js';
import { ruleBookOf } from '../src/modules/matching/rule-book.js';
import { openTestDatabase, type TestDatabase } from './helpers/databases.js';
import { realContent, testConfig } from './helpers/test-app.js';

let app: FastifyInstance;
let database: TestDatabase;
let content: ContentService;
/** The app's clock: each test sets the instant it needs. */
let now = new Date('2026-12-01T04:00:00Z');

beforeAll(async () => {
  database = await openTestDatabase('pglite');
  await loadContentSet(database.db, await realContent());
  content = new ContentService(database.db);
  await content.refresh();
  app = await buildApp(testConfig(), { db: database.db, content, clock: () => now });
  await app.ready();
});
afterAll(async () => {
  await app?.close();
  await database?.close();
});

const get = async (url: string) => {
  const response = await app.inject(url);
  return { status: response.statusCode, html: response.body, etag: response.headers.etag };
};
/** The visible text of an HTML fragment, one space between tags. */
const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/&amp;/g, '&').replace(/&quot;/g, '"').replace(/\s+/g, ' ');
const section = (html: string, cls: string) => {
  const start = html.indexOf(`<section class="${cls}"`);
  return start < 0 ? '' : html.slice(start, html.indexOf('</section>', start) + 10);
};
/** Three or more Latin words in a row: an English phrase on a Chinese page. */
const ENGLISH_PHRASE = /[A-Za-z]{2,}(?:[\s,.;:'’-]+[A-Za-z]{2,}){2,}/;

const PROFILE = 'industry=pharmaceutical-health&entity_type=rd_center&district=haidian&paid_in_capital_usd=8000000&staff=60&hires_foreign_staff=yes&imports_goods=yes';
const PLAN = `${PROFILE}&office_area=600&salary=15000&activity=hospital`;

describe('the plan on one screen', () => {
  it('answers first: location, cost per year with what it leaves out, policies, market access, steps and the first deadline', async () => {
    now = new Date('2026-12-01T04:00:00Z');
    const { status, html } = await get(`/en/plan?${PLAN}`);
    expect(status).toBe(200);
    const summary = section(html, 'plan-summary');
    // It comes before every detailed section.
    expect(html.indexOf('class="plan-summary"')).toBeLessThan(html.indexOf('id="policies"'));
    const words = text(summary);
    expect(words).toContain('Haidian District (your choice)');
    expect(words).toMatch(/Best match for your answers: [^.]*District/);
    expect(words).toMatch(/[\d,]+ yuan per year/);
    expect(words).toContain('office rent for 600 m² (Zhongguancun)');
    expect(words).toContain('employer social insurance (pension, unemployment, medical) for 60 staff at 15,000 yuan a month');
    expect(words).toContain('Not included: the salaries themselves (10,800,000 yuan a year); the housing provident fund');
    expect(words).toMatch(/\d+ apply · \d+ may apply/);
    expect(words).toContain('Opened in Beijing by National Health and Medical Administration [2024] No.36');
    expect(words).toMatch(/\d+ steps/);
    // The start date defaults to today in Beijing: employment registration within 30 days of it.
    expect(words).toContain('First deadline: Employment registration within 30 days of recruiting — by 31 December 2026');
    for (const id of ['locations', 'costs', 'policies', 'market-access', 'steps']) expect(summary).toContain(`href="#${id}"`);
  });

  it('says the same in Chinese, with no English sentence in the summary', async () => {
    const { html } = await get(`/zh/plan?${PLAN}`);
    const words = text(section(html, 'plan-summary'));
    expect(words).toContain('海淀区（您的选择）');
    expect(words).toMatch(/每年[\d,]+元/);
    expect(words).toContain('不包括：工资本身（每年10,800,000元）；住房公积金');
    expect(words).toMatch(/北京试点已开放(（[^）]*〔2024〕36号）)?：卫生和社会工作——医院/);
    expect(words).toContain('首个期限：招用人员之日起30日内办理就业登记——如按计划日期开始，须在2026年12月31日前完成。');
    expect(words).not.toMatch(ENGLISH_PHRASE);
  });

  it('lists exactly the policies Policies for me lists for the same answers on the same day', async () => {
    for (const lang of ['en', 'zh'] as const) {
      const plan = await get(`/${lang}/plan?${PLAN}`);
      const mine = await get(`/${lang}/policies-for-me?${PROFILE}&activity=hospital`);
      const count = (html: string) => /<p class="result-count"[^>]*>([^<]+)<\/p>/.exec(html)![1].trim();
      expect(count(plan.html)).toBe(count(mine.html));
      const applying = (html: string) => [...html.matchAll(/<li class="match match--(?:applies|may_apply)">[\s\S]*?<a href="([^"]+)"/g)].map((m) => m[1]).sort();
      expect(applying(plan.html)).toEqual(applying(mine.html));
    }
  });

  it('adds the guide’s customs licensing step for a pharmaceutical importer, and says sector licences are not covered', async () => {
    const importer = await get(`/en/plan?${PLAN}`);
    const steps = text(importer.html.slice(importer.html.indexOf('id="steps"')));
    expect(steps).toContain('Customs licences for regulated imports, such as the health quarantine approval for special items');
    expect(steps).toContain('For your activity');
    expect(steps).toContain('Sector licences are not covered');
    const noImports = await get(`/en/plan?${PLAN.replace('imports_goods=yes', 'imports_goods=no')}`);
    expect(noImports.html).not.toContain('Customs licences for regulated imports');
    expect(text(section(noImports.html, 'plan-summary'))).toContain('Sector licences (for medicines, hospitals, telecoms, finance, food…) are not covered');
    const zh = await get(`/zh/plan?${PLAN}`);
    expect(text(zh.html)).toContain('进口管制物品的海关行政许可，如特殊物品出入境卫生检疫审批');
    // A business line brings its steps too: cell and gene therapy imports, or building a plant.
    const therapy = await get('/en/plan?industry=future-industries&business_lines=cell_gene_therapy&imports_goods=yes&entity_type=wfoe&district=daxing');
    expect(therapy.html).toContain('Customs licences for regulated imports');
    const plant = await get('/en/plan?industry=intelligent-equipment&business_lines=manufacturing&entity_type=wfoe&district=bda');
    const plantSteps = text(plant.html.slice(plant.html.indexOf('id="steps"')));
    expect(plantSteps).toContain('If you build your own plant: land, the planning permit and real estate registration');
    expect(plantSteps).toContain('Added for your activity: If you build your own plant');
    expect(plant.html).not.toContain('Customs licences for regulated imports');
    const office = await get('/en/plan?industry=intelligent-equipment&business_lines=ai&entity_type=wfoe&district=haidian');
    expect(office.html).not.toContain('If you build your own plant');
    expect(text(zh.html)).toContain('本计划不含行业许可');
  });
});

describe('"today" is the date in Beijing', () => {
  it('puts a rule in force from midnight in Beijing, on the plan and on Policies for me alike, and never serves yesterday’s cached page', async () => {
    const store = content.store;
    const dated = ruleBookOf(store).rules.find((r) => r.valid_from);
    expect(dated, 'a rule with a start date').toBeDefined();
    const title = store.get('policies', dated!.policy)!.en.title;
    const midnight = new Date(`${dated!.valid_from}T00:00:00+08:00`).getTime();
    const url = `/en/policies-for-me?${PROFILE}`;
    // 23:30 in Beijing the day before: not yet in force.
    now = new Date(midnight - 30 * 60_000);
    const before = await get(url);
    const planBefore = await get(`/en/plan?${PLAN}`);
    // 00:30 in Beijing — still the day before in UTC — the rule is in force, and the cached page is not reused.
    now = new Date(midnight + 30 * 60_000);
    expect(now.toISOString().slice(0, 10)).not.toBe(dated!.valid_from);
    const after = await get(url);
    const planAfter = await get(`/en/plan?${PLAN}`);
    expect(before.html).not.toContain(title);
    expect(after.html).toContain(title);
    expect(after.etag).not.toBe(before.etag);
    expect(planBefore.html).not.toContain(title);
    expect(planAfter.html).toContain(title);
    const day = new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', day: 'numeric', month: 'long', year: 'numeric' }).format(new Date(`${dated!.valid_from}T00:00:00Z`));
    expect(text(section(planAfter.html, 'plan-summary'))).toContain(`on ${day} (Beijing time)`);
    expect(text(after.html)).toContain(`Policies in force on ${day} (Beijing time)`);
    const zh = await get(`/zh/policies-for-me?${PROFILE}`);
    expect(text(zh.html)).toMatch(/按\d{4}年\d{1,2}月\d{1,2}日（北京时间）有效的政策计算/);
    // The API answers from the same clock: the rule is in the answer at 00:30 Beijing time, not at 23:30.
    const apiRules = async () => JSON.parse((await app.inject({ method: 'POST', url: '/api/v1/policy-match?limit=200', payload: {} })).body).results.map((r: { rule: string }) => r.rule);
    expect(await apiRules()).toContain(dated!.id);
    now = new Date(midnight - 30 * 60_000);
    expect(await apiRules()).not.toContain(dated!.id);
  });

  it('dates the calendar export from the same clock', async () => {
    now = new Date('2026-12-31T17:00:00Z');
    const ics = (await get(`/en/plan/obligations.ics?${PROFILE}`)).html;
    expect(ics).toContain('DTSTAMP:20261231T170000Z');
    // Start = today in Beijing (1 January 2027): employment registration within 30 days ends on 31 January.
    expect(ics).toContain('DTEND;VALUE=DATE:20270201');
  });
});

describe('market access: the bottom line first', () => {
  const cases: [string, string, RegExp, RegExp][] = [
    ['rare earth mining', '稀土开采', /^Prohibited for foreign investment: .+ \(item \d+ of the negative list\)\.$/, /^禁止外商投资：.+（负面清单第\d+条）。$/],
    ['market research', '市场调查', /^Restricted: Market research is limited to joint ventures/, /^限制：/],
    ['hospital', '医院', /^Opened in Beijing by .+ \(Health and social work — hospitals\), on the conditions below\.$/, /^北京试点已开放(（[^）]*〔2024〕36号）)?：卫生和社会工作——医院，须符合下列条件。$/],
    ['bakery', '面包店', /^No restriction found in the lists we hold — check the official list\.$/, /^在平台所存清单中未找到限制——请以官方清单为准。$/],
  ];
  it.each(cases)('answers “%s” in one line at the top of the result, in both languages', async (en, zh, enLine, zhLine) => {
    for (const [lang, activity, line] of [['en', en, enLine], ['zh', zh, zhLine]] as const) {
      const { html } = await get(`/${lang}/market-access?activity=${encodeURIComponent(activity)}`);
      const result = html.slice(html.indexOf('id="result"'));
      const first = /<p class="verdict[^"]*"[^>]*>([^<]+)<\/p>/.exec(result)!;
      expect(text(first[1]).trim()).toMatch(line);
      // Nothing of the result comes before it but the section's heading, and the result comes before the form.
      expect(result.indexOf(first[0])).toBeLessThan(result.indexOf('<ul class="matches"'));
      expect(html.indexOf('id="result"')).toBeLessThan(html.indexOf('<form class="filter-form"'));
      if (lang === 'zh') expect(text(first[1])).not.toMatch(ENGLISH_PHRASE);
    }
  });
});

describe('market access: the document that opens an activity', () => {
  it('names it in the page’s language, and leaves an English-only number off /zh', async () => {
    const zh = await get(`/zh/market-access?activity=${encodeURIComponent('应用商店')}`);
    expect(text(/<p class="verdict[^"]*"[^>]*>([^<]+)<\/p>/.exec(zh.html)![1])).toMatch(/^北京试点已开放（国函〔2023〕130号）：/);
    const en = await get('/en/market-access?activity=app+store');
    expect(text(/<p class="verdict[^"]*"[^>]*>([^<]+)<\/p>/.exec(en.html)![1])).toMatch(/^Opened in Beijing by Letter of State \[2023\] No\.130 /);
  });
});

describe('navigation', () => {
  it('puts the investor tools in the main menu, which folds into a <details> “Menu” without script', async () => {
    for (const [lang, menu, tools] of [
      ['en', 'Menu', ['Plan my investment', 'Policies for me', 'Market access', 'Where to locate', 'Cost estimate']],
      ['zh', '菜单', ['投资计划', '适用政策', '市场准入', '选址', '成本测算']],
    ] as const) {
      const { html } = await get(`/${lang}/industries`);
      const nav = html.slice(html.indexOf('<nav class="site-nav"'), html.indexOf('</nav>', html.indexOf('<nav class="site-nav"')));
      expect(nav).toMatch(new RegExp(`<details class="site-nav__menu"><summary class="site-nav__toggle">${menu}</summary>`));
      const toolList = nav.slice(nav.indexOf('site-nav__list--tools'), nav.indexOf('</ul>', nav.indexOf('site-nav__list--tools')));
      expect([...toolList.matchAll(/<a [^>]*>([^<]+)<\/a>/g)].map((m) => m[1])).toEqual(tools);
      for (const href of ['plan', 'policies-for-me', 'market-access', 'locations', 'costs/estimate']) expect(toolList).toContain(`href="/${lang}/${href}"`);
    }
    for (const [path, name] of [['market-access', 'Market access'], ['plan', 'Plan my investment'], ['policies-for-me', 'Policies for me'], ['locations', 'Where to locate'], ['costs/estimate', 'Cost estimate']]) {
      const { html } = await get(`/en/${path}`);
      expect(html).toContain(`<a href="/en/${path}" aria-current="page">${name}</a>`);
    }
  });

  it('hides the “Menu” and filter toggles on wide screens only where the browser can show a closed <details>’ content', async () => {
    const css = (await get('/assets/site.css')).html.replace(/\/\*[\s\S]*?\*\//g, '');
    const supports = css.indexOf('@supports selector(::details-content)');
    expect(supports).toBeGreaterThan(-1);
    // Outside @supports the toggles are always shown: an older browser gets a folded menu, never a missing one.
    const outside = css.replace(/@supports selector\(::details-content\) \{[\s\S]*?\n\}\n/g, '');
    expect(outside).not.toMatch(/\.(site-nav|type-filter)__toggle \{ display: none; \}/);
    expect(outside).not.toContain('::details-content');
  });

  it('gives the home page one primary action: the plan', async () => {
    for (const lang of ['en', 'zh'] as const) {
      const { html } = await get(`/${lang}`);
      const hero = html.slice(html.indexOf('<div class="hero">'), html.indexOf('</div>', html.indexOf('class="hero__actions"')));
      expect([...hero.matchAll(/class="button[^"]*"/g)]).toHaveLength(1);
      expect(hero).toMatch(new RegExp(`<a class="button button--inverse hero__primary" href="/${lang}/plan">`));
    }
  });

  it('folds the search filters into a <details> before the results', async () => {
    const { html } = await get('/zh/search?q=%E7%A4%BE%E4%BC%9A%E4%BF%9D%E9%99%A9');
    expect(html).toMatch(/<details class="type-filter-box"><summary class="type-filter__toggle">按类型筛选：全部类型<\/summary><nav class="type-filter"/);
  });
});
