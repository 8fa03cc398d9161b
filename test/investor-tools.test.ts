/** The investor tools over real HTTP: policy match, market access, site recommendations, cost estimate, plan. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHttpTestApp } from './helpers/test-app.js';

let t: Awaited<ReturnType<typeof startHttpTestApp>>;
let base: string;
beforeAll(async () => {
  t = await startHttpTestApp();
  base = t.base;
});
afterAll(() => t.close());

const post = async (path: string, body: unknown) => {
  const response = await fetch(base + path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return { status: response.status, type: response.headers.get('content-type') ?? '', body: await response.json() };
};
const investor = { industry: '抗体药物', entity_type: 'rd_center', district: 'Haidian', paid_in_capital_usd: 8_000_000, staff: 60 };

describe('POST /api/v1/policy-match', () => {
  it('returns the contract: understood, results with reasons and sources, next questions', async () => {
    const { status, body } = await post('/api/v1/policy-match?lang=zh&detail=full', investor);
    expect(status).toBe(200);
    expect(body.understood.district).toMatchObject({ value: 'haidian', how: 'name' });
    expect(body.understood.industry.value).toBe('pharmaceutical-health');
    const statuses = new Set(body.results.map((r: { status: string }) => r.status));
    expect([...statuses].every((s) => ['applies', 'may_apply', 'does_not_apply'].includes(s as string))).toBe(true);
    const applies = body.results.find((r: { status: string }) => r.status === 'applies');
    expect(applies.policy).toMatchObject({ id: expect.any(String), title: expect.any(String) });
    expect(applies.reasons.passed.length).toBeGreaterThan(0);
    expect(applies.sources.length).toBeGreaterThan(0);
    expect(body.next_questions[0]).toMatchObject({ fact: expect.any(String), question: expect.any(String) });
  });

  it('reports unknown keys and invalid values as problem+json naming the field', async () => {
    const unknown = await post('/api/v1/policy-match', { ...investor, favourite_colour: 'red' });
    expect(unknown.status).toBe(400);
    expect(unknown.type).toContain('application/problem+json');
    expect(unknown.body['invalid-params'][0].name).toBe('favourite_colour');
    const invalid = await post('/api/v1/policy-match', { district: 'Atlantis', staff: -3 });
    expect(invalid.status).toBe(400);
    expect(invalid.body['invalid-params'].map((p: { name: string }) => p.name)).toEqual(['staff']);
  });
});

describe('GET /api/v1/market-access', () => {
  it('finds a prohibition with its item number and says when the text is not verified', async () => {
    const response = await fetch(`${base}/api/v1/market-access?activity=rare+earth+mining`);
    const body = await response.json();
    expect(body.verdict).toBe('prohibited');
    expect(body.items[0]).toMatchObject({ measure: 'prohibited', item_number: expect.any(Number), verified: false });
    expect(body.items[0].notice).toContain('Check against the official text');
  });

  it('names a Beijing pilot that opens an activity, with its conditions', async () => {
    const body = await (await fetch(`${base}/api/v1/market-access?activity=${encodeURIComponent('外资独资医院')}&lang=zh`)).json();
    expect(body.verdict).toBe('opened_by_beijing_pilot');
    expect(body.beijing_openings[0].conditions).toBeTruthy();
  });

  it('takes a list item code instead of words', async () => {
    const items = JSON.parse((await (await fetch(`${base}/api/v1/market-access-items?measure=prohibited&limit=1`)).text())).items;
    const body = await (await fetch(`${base}/api/v1/market-access?activity=${items[0].id}`)).json();
    expect(body.verdict).toBe('prohibited');
    expect(body.items.map((i: { code: string }) => i.code)).toEqual([items[0].id]);
    const opened = JSON.parse((await (await fetch(`${base}/api/v1/market-access-items?measure=opened&limit=1`)).text())).items[0];
    expect((await (await fetch(`${base}/api/v1/market-access?activity=${opened.id}`)).json()).verdict).toBe('opened_by_beijing_pilot');
  });

  it('never calls an activity allowed when the lists held are not complete and verified', async () => {
    const body = await (await fetch(`${base}/api/v1/market-access?activity=selling+bicycles`)).json();
    expect(body.verdict).toBe('no_item_found');
    expect(body.conclusive).toBe(false);
    expect(body.note).toContain('does not mean the activity is allowed');
  });
});

describe('POST /api/v1/site-recommendations', () => {
  type Located = { kind: string; id: string; name: string; score: number; districts: string[]; factors: { factor: string; points: number; evidence: string }[]; rent_estimate: { monthly_cny: number; effective_rent: number; area_m2: number } | null };
  const all = (body: Record<string, Located[]>) => [...body.districts, ...body.parks, ...body.ftz_clusters, ...body.projects];

  it('ranks districts, parks, FTZ clusters and projects, each score the sum of its named factors', async () => {
    const { status, body } = await post('/api/v1/site-recommendations', { industry: 'pharmaceutical-health', needs: { ftz: true, space: 'industrial', area_m2: 600 } });
    expect(status).toBe(200);
    for (const kind of ['districts', 'parks', 'ftz_clusters', 'projects']) expect(body[kind].length, kind).toBeGreaterThan(0);
    expect(body.districts[0].factors.some((f: { factor: string }) => f.factor === 'industry_layout')).toBe(true);
    expect(body.ftz_clusters.every((c: Located) => c.factors.some((f) => f.factor === 'in_ftz'))).toBe(true);
    for (const location of all(body)) {
      expect(location.score).toBe(location.factors.reduce((n, f) => n + f.points, 0));
      if (location.rent_estimate) expect(location.rent_estimate.monthly_cny).toBe(Math.round(600 * location.rent_estimate.effective_rent));
    }
  });

  it('ranks a project only for what its own name says, quoting the word found in it', async () => {
    const { body } = await post('/api/v1/site-recommendations', { industry: 'intelligent-equipment', limit: 20 });
    expect(body.projects.length).toBeGreaterThan(0);
    for (const project of body.projects as Located[]) {
      const own = project.factors.find((f) => f.factor === 'project_industry')!;
      const term = /“(.+)”/.exec(own.evidence)![1];
      const item = await (await fetch(`${base}/api/v1/projects/${project.id}`)).json();
      expect(`${item.en.name} ${item.zh.name}`.toLowerCase()).toContain(term.toLowerCase());
    }
    const none = await post('/api/v1/site-recommendations', { needs: { ftz: true } });
    expect(none.body.projects).toEqual([]);
    expect(none.body.notes[0]).toContain('industry');
  });

  it('counts the industry double for an investor who wants to sit among its own industry', async () => {
    const plain = await post('/api/v1/site-recommendations', { industry: 'pharmaceutical-health' });
    const cluster = await post('/api/v1/site-recommendations', { industry: 'pharmaceutical-health', needs: { same_industry_cluster: true } });
    const layout = (body: Record<string, Located[]>) => body.districts.find((d) => d.id === 'changping')!.factors.find((f) => f.factor === 'industry_layout')!.points;
    expect(layout(cluster.body)).toBe(2 * layout(plain.body));
  });

  it('keeps every kind inside the districts asked for', async () => {
    const { body } = await post('/api/v1/site-recommendations', { industry: 'pharmaceutical-health', districts: ['daxing'], needs: { space: 'industrial' } });
    expect(all(body).every((l: Located) => l.districts.length === 0 ? false : l.districts.includes('daxing'))).toBe(true);
  });

  it('names the bad field in a problem document (an industry in words that fit none is not an error: it is left unknown)', async () => {
    const unknown = await post('/api/v1/site-recommendations', { industry: 'spaceships' });
    expect(unknown.status).toBe(200);
    expect(unknown.body.understood.industry).toMatchObject({ given: 'spaceships', value: null });
    const badSpace = await post('/api/v1/site-recommendations', { needs: { space: 'garage' } });
    expect(badSpace.status).toBe(400);
    expect(JSON.stringify(badSpace.body['invalid-params'])).toContain('space');
  });
});

describe('/…/locations', () => {
  it('compares a district, a park and a project side by side', async () => {
    const html = await (await fetch(`${base}/en/locations?industry=intelligent-equipment&space=industrial&compare=district:daxing&compare=park:beijing-etdz&compare=project:changping-1`)).text();
    const table = html.slice(html.indexOf('id="compare"'));
    for (const name of ['Daxing District', 'Beijing Economic-Technological Development Area', 'Robotics Industrial Park Phase I']) expect(table).toContain(name);
    expect(html).toContain('id="ranked-project"');
    expect(html).toContain('value="project:');
  });

  it('explains bad numbers in the visitor’s language', async () => {
    const response = await fetch(`${base}/zh/locations?area=abc&max_rent=-3`);
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(html).toContain('请输入面积');
    expect(html).toContain('href="#max_rent"');
  });
});

describe('POST /api/v1/cost-estimate', () => {
  it('prices a location with formulas and keeps the injury-insurance range out of the total', async () => {
    const { body } = await post('/api/v1/cost-estimate', { district: 'haidian', office: { area_m2: 600 }, staff: { count: 60, monthly_salary_cny: 15000 } });
    expect(body.total).toBe(4_961_592);
    expect(body.total_range).toEqual({ min: 4_983_192, max: 5_166_792 });
    expect(body.components[0]).toMatchObject({ name: { en: 'Office rent' }, formula: expect.stringContaining('294.61') });
  });
});

describe('plan my investment', () => {
  const query = 'industry=pharmaceutical-health&entity_type=rd_center&district=haidian&paid_in_capital_usd=8000000&staff=60&hires_foreign_staff=yes&imports_goods=yes&office_area=600&salary=15000&start=2026-01-05&activity=app+store';

  it('shows every section on one page, with contacts in the investor’s district', async () => {
    const html = await (await fetch(`${base}/en/plan?${query}`)).text();
    for (const id of ['policies', 'market-access', 'locations', 'costs', 'steps']) expect(html).toContain(`id="${id}"`);
    expect(html).toContain('contact-haidian-hr-social-security');
    expect(html).toContain('1 January – 30 June');
    // Each section's link to its full tool carries the answers already given.
    expect(html).toContain('/en/market-access?activity=app+store');
    const estimator = /href="(\/en\/costs\/estimate\?location1=haidian[^"]*office_area=600&amp;staff=60&amp;salary=15000)"/.exec(html)![1].replaceAll('&amp;', '&');
    const estimate = await (await fetch(base + estimator)).text();
    expect(estimate).toContain('4,961,592');
  });

  it('exports the dated obligations as iCalendar', async () => {
    const response = await fetch(`${base}/zh/plan/obligations.ics?${query}`);
    expect(response.headers.get('content-type')).toContain('text/calendar');
    const ics = await response.text();
    expect(ics).toContain('BEGIN:VCALENDAR');
    expect(ics).toContain('DTSTART;VALUE=DATE:20270101');
    expect(ics).toContain('DTEND;VALUE=DATE:20260205');
  });

  it('explains bad answers in the visitor’s language', async () => {
    const response = await fetch(`${base}/zh/plan?staff=abc`);
    expect(response.status).toBe(400);
    expect(await response.text()).toContain('请检查“员工人数”的回答');
  });

  it('shows which results change in a "what if"', async () => {
    const html = await (await fetch(`${base}/en/policies-for-me?${query}&whatif=district:bda`)).text();
    expect(html).toMatch(/District: Beijing Economic-Technological Development Area[^<]*— \d+ results? would change/);
  });

  it('answers "what if" for the paid-in capital and for a status, naming the policies that flip', async () => {
    const person = 'investor_type=individual&investor_origin=foreign&entity_type=wfoe&paid_in_capital_usd=300000&industry_encouraged=yes&stable_investment_years=3';
    const capital = await (await fetch(`${base}/en/policies-for-me?${person}&whatif_capital=2500000`)).text();
    const panel = capital.slice(capital.indexOf('class="panel what-if"'));
    const title = t.content.store.get('policies', 'immigration-convenience-12-measures-2019')!.en.title;
    expect(panel).toMatch(/Paid-in registered capital \(USD\): 2,500,000/);
    expect(panel).toContain('Does not apply → <strong>Applies</strong>');
    expect(panel).toContain(title);
    const status = await (await fetch(`${base}/zh/policies-for-me?entity_type=wfoe&statuses=srdi&whatif=statuses:high_tech`)).text();
    expect(status).toMatch(/\+ 高新技术企业 — 将有 \d+ 项结果发生变化/);
  });
});

describe('where to locate', () => {
  it('ranks districts with evidence, highlights the best on the map and compares up to three', async () => {
    const html = await (await fetch(`${base}/en/locations?industry=pharmaceutical-health&ftz=yes&compare=haidian&compare=changping&compare=bda&compare=daxing`)).text();
    expect(html).toContain('Haidian District is a key location for the pharmaceutical and health industry (guide: “');
    // Three districts outlined; a central one is outlined on the main map and in its enlargement.
    expect(new Set([...html.matchAll(/<a href="([^"]+)" class="is-highlighted"/g)].map((m) => m[1])).size).toBe(3);
    const table = html.slice(html.indexOf('Locations side by side</caption>'));
    expect(table).toContain('/en/districts/haidian');
    expect(table).toContain('/en/districts/bda');
    expect(table.slice(0, table.indexOf('</thead>'))).not.toContain('/en/districts/daxing');
  });
});

describe('the progressive questionnaire', () => {
  /** The first questionnaire form on the page: the questions it asks (visible fields) and the answers it carries. */
  const questionnaire = (html: string) => {
    const section = html.slice(html.indexOf('id="questionnaire"'));
    const form = section.slice(section.indexOf('<form'), section.indexOf('</form>'));
    const asked = [...form.matchAll(/<(?:select|input)(?![^>]*type="hidden")[^>]*\bname="([a-z_]+)"/g)].map((m) => m[1]);
    const carried = [...form.matchAll(/<input type="hidden" name="([a-z_]+)"/g)].map((m) => m[1]);
    return { asked: [...new Set(asked)], carried, section };
  };

  it('asks only the most decisive questions first, and keeps every question under "change any answer"', async () => {
    const html = await (await fetch(`${base}/en/policies-for-me`)).text();
    const { asked, section } = questionnaire(html);
    const { body } = await post('/api/v1/policy-match', {});
    expect(asked.length).toBeLessThanOrEqual(6);
    expect(asked).toEqual(body.next_questions.slice(0, 6).map((q: { fact: string }) => q.fact).sort((a: string, b: string) => Number(a === 'statuses') - Number(b === 'statuses')));
    const all = section.slice(section.indexOf('<details'));
    for (const name of ['industry', 'activity', 'revenue_cny', 'imports_goods']) expect(all).toContain(`name="${name}"`);
  });

  it('carries the answers given, lists them, and asks what still settles a result', async () => {
    const answers = 'entity_type=rd_center&district=haidian&industry=pharmaceutical-health';
    const html = await (await fetch(`${base}/en/policies-for-me?${answers}`)).text();
    const { asked, carried, section } = questionnaire(html);
    expect(carried.sort()).toEqual(['district', 'entity_type', 'industry']);
    for (const name of ['entity_type', 'district', 'industry']) expect(asked).not.toContain(name);
    expect(section).toContain('Your answers so far');
    expect(section).toContain('R&amp;D centre');
    const { body } = await post('/api/v1/policy-match', { entity_type: 'rd_center', district: 'haidian', industry: 'pharmaceutical-health' });
    expect(asked).toContain(body.next_questions[0].fact);
  });

  it('puts a wrong answer back in front of the investor with its error', async () => {
    const response = await fetch(`${base}/zh/policies-for-me?industry=pharmaceutical-health&staff=lots`);
    expect(response.status).toBe(400);
    const { asked, carried } = questionnaire(await response.text());
    expect(asked[0]).toBe('staff');
    expect(carried).toContain('industry');
  });
});

describe('the investor tools in the OpenAPI document', () => {
  it('documents each request from its schema and the fields each answer really has', async () => {
    const document = await (await fetch(`${base}/api/openapi.json`)).json();
    const match = document.paths['/api/v1/policy-match'].post;
    expect(Object.keys(match.requestBody.content['application/json'].schema.properties)).toEqual(expect.arrayContaining(['industry', 'entity_type', 'district', 'investor_type', 'statuses']));
    const answerSchema = match.responses[200].content['application/json'].schema;
    const { body } = await post('/api/v1/policy-match', investor);
    for (const key of answerSchema.required) expect(body).toHaveProperty(key);
    for (const key of answerSchema.properties.results.items.required) expect(body.results[0]).toHaveProperty(key);
    const sites = document.paths['/api/v1/site-recommendations'].post.responses[200].content['application/json'].schema;
    const ranked = (await post('/api/v1/site-recommendations', { industry: 'pharmaceutical-health' })).body;
    expect(Object.keys(ranked).sort()).toEqual(Object.keys(sites.properties).sort());
    for (const key of Object.keys(sites.properties.districts.items.properties)) expect(ranked.districts[0]).toHaveProperty(key);
    const access = document.paths['/api/v1/market-access'].get;
    expect(access.parameters.map((p: { name: string }) => p.name)).toEqual(['activity', 'in_ftz', 'foreign_share_pct', 'lang']);
    const docs = await (await fetch(`${base}/api/docs`)).text();
    expect(docs).toContain('POST /api/v1/policy-match');
  });
});
