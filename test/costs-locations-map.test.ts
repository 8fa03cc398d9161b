/**
 * The review of the cost estimator, the locations ranking and the investment map, over real HTTP in both languages:
 * rent rows per business district (Yizhuang's own), both social insurance shares and the total remitted, staff
 * apartments on the tiered residential tariff, period labels, what the total includes; scores said in words, the BDA
 * ranked with the districts, the investor's origin; the map's central districts enlarged with their own labels.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHttpTestApp } from './helpers/test-app.js';

let t: Awaited<ReturnType<typeof startHttpTestApp>>;
let base: string;
beforeAll(async () => {
  t = await startHttpTestApp();
  base = t.base;
});
afterAll(() => t.close());

const page = async (path: string) => {
  const response = await fetch(base + path);
  expect(response.status, path).toBe(200);
  return response.text();
};
const post = async (path: string, body: unknown) => (await fetch(base + path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })).json();
/** The part of a page from an element's id to the next top-level section. */
const section = (html: string, id: string) => {
  const start = html.indexOf(`id="${id}"`);
  expect(start, id).toBeGreaterThan(-1);
  // Up to the next top-level section (ranked lists nest their own <section>s).
  const ends = [html.indexOf('<section class="section"', start), html.indexOf('<section class="sources"', start), html.indexOf('</main>', start)].filter((i) => i > -1);
  return html.slice(start, Math.min(...ends));
};
/** Visible text: tags dropped, entities that matter decoded. */
const text = (html: string) => html.replace(/<title>[^<]*<\/title>/g, ' ').replace(/<[^>]+>/g, ' ').replace(/&amp;/g, '&').replace(/&quot;/g, '"').replace(/\s+/g, ' ');
/** Three or more Latin words in a row: an English phrase on a Chinese page. */
const englishPhrase = /[A-Za-z]{2,}(?:[ ,'’-]+[A-Za-z]{2,}){2,}/;

describe('cost estimator', () => {
  const yizhuang = 'location1=bda%7CYizhuang+Development+Zone&location2=chaoyang%7COthers&office_area=100&months=12';
  const everything = `${yizhuang}&staff=60&salary=15000&apartments=10&apartment_kwh=300&heating_area=100`;

  it('prices Yizhuang from its own rent row and says which row each location used (en, zh)', async () => {
    const en = section(await page(`/en/costs/estimate?${yizhuang}`), 'results');
    expect(en).toContain('Office rent row: Yizhuang Development Zone');
    expect(en).toContain('Office rent row: Others*');
    expect(en).toContain('104,544'); // 100 m² × 87.12 × 12
    expect(en).toContain('8,712 per month');
    expect(en).toContain('293,640'); // 100 m² × 244.70 × 12 (Chaoyang, outside its business districts)
    expect(text(en)).toContain('Office rent is priced from the rent table’s row “Yizhuang Development Zone”: 87.12 yuan per m² per month');
    const zh = section(await page(`/zh/costs/estimate?${yizhuang}`), 'results');
    expect(zh).toContain('写字楼租金所用行：亦庄开发区');
    expect(zh).toContain('每月8,712');
    expect(text(zh)).toContain('写字楼租金按租金表“亦庄开发区”一行计价');
  });

  it('offers each business district of a district and “elsewhere” (the Others row)', async () => {
    const html = await page('/en/costs/estimate');
    for (const value of ['chaoyang|CBD', 'chaoyang|Others', 'bda|Yizhuang Development Zone', 'haidian|Others', 'changping']) expect(html).toContain(`value="${value}"`);
    expect(html).not.toContain('value="bda|Others"');
  });

  it('shows both social insurance shares and the total remitted, with the 3-yuan medical item', async () => {
    const en = text(section(await page(`/en/costs/estimate?${everything}`), 'social-insurance'));
    expect(en).toMatch(/Basic medical insurance \(including maternity insurance\) 9\.8% 2%\+3 yuan 1,058,400 218,160 1,276,560/);
    expect(en).toMatch(/Total, without employment injury insurance 2,840,400 1,136,160 3,976,560/);
    expect(en).toContain('Per employee per month: 3,945 yuan paid by the employer + 1,578 yuan paid by the employee (including the 3 yuan of the medical insurance) = 5,523 yuan remitted');
    const zh = text(section(await page(`/zh/costs/estimate?${everything}`), 'social-insurance'));
    expect(zh).toMatch(/基本医疗保险（含生育保险） 9\.8% 2%\+3元 1,058,400 218,160 1,276,560/);
    expect(zh).toContain('合计缴纳5,523元');
  });

  it('prices staff apartments on the tiered residential tariff and labels every amount’s period', async () => {
    const en = await page(`/en/costs/estimate?${everything}`);
    const results = text(section(en, 'results'));
    expect(results).toContain('Staff apartments: electricity (tiered residential tariff)');
    expect(results).toContain('(240 kWh × 0.4883 yuan + 60 kWh × 0.5383 yuan) per apartment per month × 10 apartments × 12 months');
    expect(results).toContain('17,938.80');
    expect(results).toContain('1,494.90 per month');
    expect(results).toContain('for 1 heating season');
    expect(results).toContain('Total for 12 months (one year): the employer’s costs, without ranges');
    expect(en).toContain('Period to estimate (months; 12 = one year)');
    expect(en).toContain('Salary base per employee (yuan per month)');
    const zh = text(section(await page(`/zh/costs/estimate?${everything}`), 'results'));
    expect(zh).toContain('每套每月（240千瓦时 × 0.4883元 + 60千瓦时 × 0.5383元）× 10套 × 12个月');
    expect(zh).toContain('12个月（一年）合计：单位承担的费用，不含区间项');
  });

  it('says what the total includes and excludes', async () => {
    const en = text(section(await page(`/en/costs/estimate?${everything}`), 'results'));
    expect(en).toMatch(/The total includes .*Office rent .*Staff apartments: electricity/);
    expect(en).toMatch(/The total does not include .*withheld from their salaries.*housing provident fund/);
    const zh = text(section(await page(`/zh/costs/estimate?${everything}`), 'results'));
    expect(zh).toMatch(/合计包括 .*写字楼租金/);
    expect(zh).toMatch(/合计不包括 .*从工资中代扣.*住房公积金/);
  });

  it('writes no English phrase in the Chinese results', async () => {
    const zh = await page(`/zh/costs/estimate?${everything}&water=20&gas=10&electricity_kwh=500`);
    for (const id of ['results', 'social-insurance']) expect(text(section(zh, id)).match(englishPhrase)?.[0] ?? null, id).toBeNull();
  });

  it('gives the API both shares, the rent row and the period', async () => {
    const body = await post('/api/v1/cost-estimate', { district: 'bda', office: { area_m2: 100 }, staff: { count: 10, monthly_salary_cny: 2420 }, staff_apartments: { count: 4, kwh_per_month: 450 } });
    expect(body.location.rent_row).toMatchObject({ area: { en: 'Yizhuang Development Zone' }, effective_rent: 87.12 });
    expect(body.social_insurance).toMatchObject({ employer_cny: 76375.2, employee_cny: 30852, remitted_cny: 107227.2 });
    expect(body.components.find((c: { key: string }) => c.key === 'staff_apartment_electricity').amount_cny).toBe(11651.28);
    expect(body.period_label.en).toBe('for 12 months (one year)');
    const wrong = await fetch(`${base}/api/v1/cost-estimate`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ district: 'changping', office: { area_m2: 100, business_district: 'CBD' } }) });
    expect(wrong.status).toBe(400);
  });

  it('downloads the employees’ share and the total remitted in the CSV', async () => {
    const csv = await (await fetch(`${base}/zh/costs/estimate.csv?${everything}`)).text();
    expect(csv).toContain('"个人缴纳的社会保险（从工资中代扣）","1136160"');
    expect(csv).toContain('社会保险合计缴纳（单位＋个人，不含工伤保险）');
  });
});

describe('locations', () => {
  it('explains each point in words that name the place and quote the guide (en, zh)', async () => {
    const en = text(section(await page('/en/locations?industry=pharmaceutical-health'), 'ranking'));
    expect(en).toContain('Haidian District is a key location for the pharmaceutical and health industry (guide: “Haidian District, Daxing District, Changping District, Beijing Economic-Technological Development Area');
    expect(en).toMatch(/Haidian District offers \d+ projects of the 2025 Invest in Beijing Conference\. \(\+0\.5 points\)/);
    expect(en).not.toMatch(/\(\+\d+(?:\.\d+)?\):/);
    const zh = text(section(await page('/zh/locations?industry=pharmaceutical-health'), 'ranking'));
    expect(zh).toContain('海淀区是医药健康产业的重点布局区域（指南：“');
    expect(zh).toContain('（+3分）');
  });

  it('ranks the BDA with the districts', async () => {
    const html = await page('/en/locations?industry=electronic-information');
    const districts = section(html, 'ranked-district');
    expect(districts).toContain('href="/en/districts/bda"');
    expect(text(districts)).toContain('Beijing Economic-Technological Development Area (Yizhuang) is a key location for the electronic information industry');
    // Among the three best, it is outlined on the map like a district.
    const top = await page('/en/locations?industry=automobile-transportation');
    const ranked = (await post('/api/v1/site-recommendations', { industry: 'automobile-transportation' })).districts.map((d: { id: string }) => d.id);
    expect(ranked.slice(0, 3)).toContain('bda');
    expect(top).toContain('<a href="/en/districts/bda" class="is-highlighted">');
    const body = await post('/api/v1/site-recommendations', { industry: 'intelligent-equipment' });
    const bda = body.districts.find((d: { id: string }) => d.id === 'bda');
    expect(bda.factors.find((f: { factor: string }) => f.factor === 'industry_layout').evidence).toContain('Yizhuang');
  });

  it('counts the investor’s origin where the guide ties it to a cooperation zone', async () => {
    const en = text(section(await page('/en/locations?origin=germany'), 'ranking'));
    expect(en).toContain('The guide ties this zone to German investors (guide: “');
    expect(en).toContain('Shunyi District hosts the Beijing Sino-German Economic and Technological Cooperation Pilot Demonstration Zone');
    const zh = text(section(await page('/zh/locations?origin=japan'), 'ranking'));
    expect(zh).toContain('指南将该区域与日本投资者相联系');
    expect(zh).toContain('大兴区设有北京中日创新合作示范区');
    const body = await post('/api/v1/site-recommendations', { origin_country: 'europe' });
    const zone = body.parks.find((p: { id: string }) => p.id === 'sino-german-zone');
    expect(zone.factors.find((f: { factor: string }) => f.factor === 'origin_zone')).toMatchObject({ points: 1, evidence: expect.stringContaining('Hidden Champion Forum') });
  });

  it('says when the guide ties no place to the origin (no Sino-Korean zone)', async () => {
    expect(text(await page('/en/locations?origin=korea&industry=aerospace'))).toContain('it names no Sino-Korean or other country’s zone');
    expect(text(await page('/zh/locations?origin=korea&industry=aerospace'))).toContain('未提及中韩或其他国家的合作区');
    const bad = await fetch(`${base}/zh/locations?origin=atlantis`);
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain('请从列表中选择投资者来源地');
  });

  it('writes no English phrase in the Chinese ranking', async () => {
    for (const query of ['industry=pharmaceutical-health&origin=germany&ftz=yes&bonded=yes&airport=yes&space=industrial&max_rent=200', 'industry=intelligent-equipment&space=office&area=300']) {
      const zh = text(section(await page(`/zh/locations?${query}`), 'ranking'));
      expect(zh.match(englishPhrase)?.[0] ?? null, query).toBeNull();
    }
  });
});

describe('investment map', () => {
  it.each(['en', 'zh'] as const)('names the central districts in an enlargement, not on the crowded main map (%s)', async (lang) => {
    const html = await page(`/${lang}/map`);
    const main = html.slice(html.indexOf('<svg class="district-map"'), html.indexOf('</svg>', html.indexOf('<svg class="district-map"')));
    const inset = html.slice(html.indexOf('<svg class="district-inset"'), html.indexOf('</svg>', html.indexOf('<svg class="district-inset"')));
    const names = lang === 'en' ? ['Dongcheng', 'Xicheng', 'Chaoyang', 'Haidian', 'Fengtai', 'Shijingshan', 'BDA'] : ['东城区', '西城区', '朝阳区', '海淀区', '丰台区', '石景山区', '经开区'];
    const labels = (svg: string) => [...svg.matchAll(/<text[^>]*class="district-map__label"[^>]*><tspan[^>]*>([^<]+)</g)].map((m) => m[1]);
    expect(labels(inset).sort()).toEqual([...names].sort());
    for (const name of names) expect(labels(main)).not.toContain(name);
    expect(labels(main).length).toBe(10);
    // Every central district can be followed from the enlargement too.
    for (const id of ['dongcheng', 'xicheng', 'bda']) expect(inset).toContain(`href="/${lang}/districts/${id}"`);
    expect(html).toContain(lang === 'en' ? 'The central districts, enlarged' : '中心城区放大图');
  });
});
