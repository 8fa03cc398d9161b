/**
 * Regression tests for facts the public pages got wrong: numbers the source misprints, repost dates shown as issue
 * dates, names mistranslated in the source, and how curation notes and document numbers are shown.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Policy } from '../src/modules/content/index.js';
import { urls } from '../src/platform/http/urls.js';
import { SOURCE_HEADINGS_ZH } from '../src/platform/views/source-headings.js';
import { sectionLabel } from '../src/platform/views/sources.js';
import { startTestApp, type TestApp } from './helpers/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp('pglite');
});
afterAll(() => t.close());

/** Every string of an item except its "About this data" note. */
function publicStrings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(publicStrings);
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([key, v]) => (key === 'data_note' ? [] : publicStrings(v)));
  return [];
}

const page = async (url: string) => (await t.app.inject({ url })).body;

describe('phone numbers the source misprints', () => {
  it('never shows 12306 (the railway line) as a customs hotline; the customs hotline is 12360', () => {
    const store = t.content.store;
    const everything = [...store.all('contacts'), ...store.all('procedures'), ...store.all('policies')].flatMap(publicStrings).join('\n');
    expect(everything).not.toContain('12306');
    const customs = store.get('contacts', 'beijing-customs')!;
    expect(customs.phones.map((p) => p.number)).toContain('12360');
    expect(customs.data_note?.en).toContain('12306');
  });

  it('labels 12367 as the immigration service hotline, as the guide does', () => {
    const phone = t.content.store.all('contacts').flatMap((c) => c.phones).find((p) => p.number === '12367')!;
    expect(phone.label?.en).toMatch(/Immigration/);
    expect(phone.label?.zh).toContain('移民管理局12367服务平台');
  });
});

describe('names', () => {
  it('gives the Tongzhou U Valley project its developer’s name, 联东U谷, not 东帝汶 (Timor-Leste)', () => {
    const projects = t.content.store.all('projects');
    expect(projects.flatMap(publicStrings).join('\n')).not.toMatch(/东帝汶|Timor/);
    expect(t.content.store.get('projects', 'tongzhou-11')?.zh.name).toBe('联东U谷数字安全产业基地');
  });

  it('keeps the Investment Promotion Bureau and the Investment Promotion Service Center apart as the guide does', () => {
    const store = t.content.store;
    expect(store.get('contacts', 'beijing-investment-promotion-bureau')?.zh.name).toBe('北京市投资促进局');
    expect(store.get('contacts', 'beijing-foreign-complaints-acceptance')?.zh.name).toContain('北京市投资促进服务中心');
  });
});

describe('policy dates', () => {
  const docYear = (p: Policy) => Number((p.doc_number_zh ?? p.doc_number ?? '').match(/[[〔](\d{4})[\]〕]/)?.[1] ?? NaN);

  it('shows no date later than the year in the document number (a repost date is not an issue date)', () => {
    const later = t.content.store.policies.filter((p) => p.date && Number.isFinite(docYear(p)) && Number(p.date.slice(0, 4)) > docYear(p)).map((p) => `${p.id} ${p.date}`);
    expect(later).toEqual([]);
  });

  it('explains a dropped repost date in "About this data"', async () => {
    const policy = t.content.store.get('policies', 'sci-tech-center-overall-plan-2016')!;
    expect(policy.date).toBeUndefined();
    expect(policy.data_note?.en).toContain('22 May 2019');
    const en = await page(urls.policy('en', policy.id));
    expect(en).toMatch(/<details class="data-note"><summary>About this data<\/summary>/);
    expect(await page(urls.policy('zh', policy.id))).toMatch(/<details class="data-note"><summary>关于本数据<\/summary>/);
  });

  it('keeps both dates of the 2021 Several Measures with their context', () => {
    const measures = t.content.store.get('policies', 'several-measures-stabilize-foreign-investment-2021')!;
    expect(measures.date).toBe('2021-12-09');
    expect(measures.en.summary).toMatch(/December 9, 2021[^.]*December 29, 2021/);
    expect(measures.zh.summary).toMatch(/2021年12月9日[^。]*2021年12月29日/);
  });
});

describe('Chinese pages', () => {
  it('show the Chinese document number alone when there is one', async () => {
    const policy = t.content.store.policies.find((p) => p.doc_number && p.doc_number_zh)!;
    const zh = await page(urls.policy('zh', policy.id));
    expect(zh).toContain(policy.doc_number_zh);
    expect(zh).not.toContain(policy.doc_number);
    expect(await page(urls.policy('en', policy.id))).toContain(policy.doc_number);
  });

  it('list no English document numbers in the policy library', async () => {
    const pages = Math.ceil(t.content.store.policies.length / 20);
    let html = '';
    for (let n = 1; n <= pages; n++) html += await page(urls.policies('zh', { page: n }));
    const english = t.content.store.policies.map((p) => p.doc_number).filter((n): n is string => !!n && html.includes(n));
    expect(english).toEqual([]);
  });

  it('have a Chinese heading for every part of every source path in the content', () => {
    const parts = new Set<string>();
    const walk = (value: unknown): void => {
      if (Array.isArray(value)) value.forEach(walk);
      else if (value && typeof value === 'object') {
        const record = value as Record<string, unknown>;
        if (typeof record.document === 'string' && typeof record.section === 'string') for (const part of record.section.split(' > ')) parts.add(part);
        Object.values(record).forEach(walk);
      }
    };
    for (const kind of ['districts', 'contacts', 'zones', 'industries', 'parks', 'projects', 'policies', 'procedures', 'costs', 'statistics', 'glossary', 'articles', 'rules', 'market-access-items', 'market-access-lists', 'plan-steps'] as const) walk(t.content.store.all(kind));
    expect(parts.size).toBeGreaterThan(300);
    expect([...parts].filter((part) => !(part in SOURCE_HEADINGS_ZH))).toEqual([]);
    expect(sectionLabel('LIFE IN BEIJING > Visas for foreigners', 'zh')).toBe('在京生活 › 外国人签证');
    expect(sectionLabel('LIFE IN BEIJING > Visas for foreigners', 'en')).toBe('LIFE IN BEIJING > Visas for foreigners');
  });
});

describe('policies for me', () => {
  it('says what the investor answered and what a policy needs in words, in the page’s language', async () => {
    const query = '?entity_type=wfoe&district=chaoyang';
    expect(await page(urls.policiesForMe('en') + query)).toContain('you said: wholly foreign-owned enterprise; needed: R&amp;D centre');
    expect(await page(urls.policiesForMe('zh') + query)).toContain('您填写的是外商独资企业；要求：研发中心');
  });
});

describe('the 2021 Several Measures', () => {
  it('shows both dates the sources give, each named', async () => {
    for (const [lang, issued, released] of [['en', 'Issued', 'Released'], ['zh', '印发日期', '发布日期']] as const) {
      const html = await page(urls.policy(lang, 'several-measures-stabilize-foreign-investment-2021'));
      expect(html).toContain(issued);
      expect(html).toContain('2021-12-09');
      expect(html).toContain(released);
      expect(html).toContain('2021-12-29');
    }
  });
});
