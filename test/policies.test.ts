/** The policy library: combined facets with counts, sorting, URL state, policy pages, feeds and the sitemap. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from './helpers/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp('pglite');
});
afterAll(() => t.close());

const page = async (url: string) => (await t.app.inject({ url })).body;
const countOf = (html: string) => Number(html.match(/class="result-count" role="status">(?:共 )?(\d+)/)?.[1]);

describe('policy library', () => {
  it('lists every policy by default', async () => {
    expect(countOf(await page('/en/policies'))).toBe(t.content.store.policies.length);
  });

  it('combines facets: AND across facets, OR within one', async () => {
    const policies = t.content.store.policies;
    const rd = policies.filter((p) => p.topics.includes('rd-centers'));
    const rdMunicipal = rd.filter((p) => p.level === 'municipal');
    const rdOrTalent = policies.filter((p) => p.topics.includes('rd-centers') || p.topics.includes('talent'));
    expect(countOf(await page('/en/policies?topic=rd-centers'))).toBe(rd.length);
    expect(countOf(await page('/en/policies?topic=rd-centers&level=municipal'))).toBe(rdMunicipal.length);
    expect(countOf(await page('/en/policies?topic=rd-centers&topic=talent'))).toBe(rdOrTalent.length);
  });

  it('shows the count each facet value would give', async () => {
    const html = await page('/en/policies?topic=rd-centers');
    const municipal = t.content.store.policies.filter((p) => p.topics.includes('rd-centers') && p.level === 'municipal').length;
    expect(html).toMatch(new RegExp(`value="municipal"[^>]*/><label[^>]*>Municipal <span class="count">\\(${municipal}\\)`));
  });

  it('sorts newest first by default and by relevance when words are given', async () => {
    const html = await page('/en/policies');
    const dates = [...html.matchAll(/· (\d{4}-\d{2}(?:-\d{2})?) ·/g)].map((m) => m[1]);
    expect(dates.length).toBeGreaterThan(5);
    expect([...dates].sort().reverse()).toEqual(dates);
    const relevant = await page('/en/policies?q=R%26D+centres');
    const first = relevant.match(/class="policy-item__title"><a href="\/en\/policies\/([^"]+)"/)?.[1];
    expect(first).toMatch(/rd-center/);
  });

  it('keeps the whole state in the URL, including pages', async () => {
    const html = await page('/en/policies?audience=all-enterprises');
    expect(html).toContain('audience=all-enterprises&amp;page=2');
    expect(html).toContain('checked');
  });

  it('explains an unknown facet value in the visitor’s language', async () => {
    const response = await t.app.inject({ url: '/zh/policies?level=galactic' });
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('“galactic”不是有效选项');
  });
});

describe('policy page', () => {
  it('shows the measures with departments, related policies and where the policy is cited', async () => {
    const html = await page('/en/policies/several-measures-stabilize-foreign-investment-2021');
    expect(html).toContain('id="part-25"');
    expect(html).toContain('Responsible departments');
    expect(html).toContain('Related policies');
  });
});

describe('feeds and sitemap', () => {
  it('publishes an Atom feed of all policies and one per topic', async () => {
    const all = await t.app.inject({ url: '/en/policies/feed.atom' });
    expect(all.headers['content-type']).toContain('application/atom+xml');
    expect(all.body.match(/<entry>/g)?.length).toBe(t.content.store.policies.length);
    const talent = await page('/zh/policies/feed.atom?topic=talent');
    expect(talent.match(/<entry>/g)?.length).toBe(t.content.store.policies.filter((p) => p.topics.includes('talent')).length);
    // An unknown topic is an invalid query: a 400 problem, not a missing page.
    expect((await t.app.inject({ url: '/en/policies/feed.atom?topic=nothing' })).statusCode).toBe(400);
  });

  it('lists every public page in both languages in sitemap.xml', async () => {
    const xml = await page('/sitemap.xml');
    const store = t.content.store;
    for (const p of store.policies) {
      expect(xml).toContain(`http://test.invalid/en/policies/${p.id}</loc>`);
      expect(xml).toContain(`http://test.invalid/zh/policies/${p.id}</loc>`);
    }
    expect(xml).toContain('hreflang="zh-CN"');
    expect(xml).toContain(`/en/districts/bda</loc>`);
  });
});

describe('a policy page says who the policy is for', () => {
  it('lists each rule’s benefit and conditions, with the guide’s sentence, in both languages', async () => {
    const app = await startTestApp();
    try {
      const rule = app.content.store.all('rules').find((r) => r.policy === 'foreign-rd-centers-regulations-2022')!;
      for (const lang of ['en', 'zh'] as const) {
        const html = (await app.app.inject(`/${lang}/policies/foreign-rd-centers-regulations-2022`)).body;
        expect(html).toContain('id="conditions-h"');
        expect(html).toContain(rule[lang].benefit.slice(0, 30));
        expect(html).toContain('<q lang="en">support the establishment and development of foreign-funded R&amp;D centers in Beijing</q>');
      }
    } finally {
      await app.close();
    }
  });
});
