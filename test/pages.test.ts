/** Server-rendered pages in both languages: structure, language handling, caching, errors and security headers. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from './helpers/test-app.js';
import { everyPageType } from './helpers/page-urls.js';
import { urls } from '../src/platform/http/urls.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp('pglite');
});
afterAll(() => t.close());

describe.each(['en', 'zh'] as const)('every page type in %s', (lang) => {
  it('renders with lang, hreflang, skip link, navigation, language switch and sources', async () => {
    for (const [name, url] of Object.entries(everyPageType(t.content.store, lang))) {
      const response = await t.app.inject({ url });
      expect(response.statusCode, `${name} ${url}`).toBe(200);
      const html = response.body;
      expect(html, name).toContain(`<html lang="${lang === 'zh' ? 'zh-CN' : 'en'}"`);
      expect(html, name).toContain('hreflang="zh-CN"');
      expect(html, name).toContain('class="skip-link" href="#main"');
      expect(html, name).toContain('<main id="main"');
      const other = lang === 'en' ? 'zh' : 'en';
      expect(html, name).toContain(`href="${url.replace(`/${lang}`, `/${other}`).replace(/&/g, '&amp;')}"`);
      // Pages that state no fact (an empty search box, a question with no answer) have no source to show.
      if (!['about', 'searchEmpty', 'askNothing', 'planEmpty'].includes(name)) expect(html, `${name} shows its sources`).toContain('class="sources"');
      expect(html, name).not.toMatch(/<script(?![^>]*\bsrc=)/);
      expect(html, name).not.toMatch(/\sstyle="/);
    }
  });
});

describe('page behaviour', () => {
  it('labels Chinese text we translated as unofficial', async () => {
    const html = (await t.app.inject({ url: urls.industries('zh') })).body + (await t.app.inject({ url: urls.industry('zh', t.content.store.all('industries')[0].id) })).body;
    expect(html).toContain('非官方译文');
    expect((await t.app.inject({ url: urls.industry('en', t.content.store.all('industries')[0].id) })).body).not.toContain('Unofficial translation</span>');
  });

  it('filters projects by district and words, and explains a bad filter in the visitor’s language', async () => {
    const haidian = t.content.store.all('projects').filter((p) => p.district === 'haidian');
    const filtered = await t.app.inject({ url: urls.projects('en', { district: 'haidian' }) });
    expect(filtered.body).toContain(`${haidian.length} projects`);
    const word = haidian[0].en.name.split(' ').find((w) => w.length > 4)!;
    const byWord = await t.app.inject({ url: urls.projects('en', { q: word }) });
    expect(byWord.body).toContain(haidian[0].en.name.replace(/&/g, '&amp;').replace(/'/g, '&#39;').slice(0, 10));
    const bad = await t.app.inject({ url: urls.projects('zh', { district: 'atlantis' }) });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('请检查以下问题');
    expect(bad.body).toContain('“atlantis”不是有效的区');
  });

  it('shows everything about a district on its page', async () => {
    const profile = t.content.store.districtProfile('haidian')!;
    const html = (await t.app.inject({ url: urls.district('en', 'haidian') })).body;
    for (const park of profile.parks) expect(html).toContain(urls.park('en', park.id));
    for (const cluster of profile.clusters) expect(html).toContain(urls.zone('en', cluster.id));
    for (const contact of profile.contacts) expect(html).toContain(`contact-${contact.id}`);
    expect(html).toContain(`${profile.projects.length} projects`);
  });

  it('links every district on the map to its page', async () => {
    const html = (await t.app.inject({ url: urls.map('en') })).body;
    for (const district of t.content.store.districts) expect(html).toContain(`href="${urls.district('en', district.id)}"`);
    expect((await t.app.inject({ url: '/en/map?layer=weather' })).statusCode).toBe(404);
  });

  it('renders the statistics charts as SVG on the server', async () => {
    const html = (await t.app.inject({ url: urls.statistics('zh') })).body;
    expect(html).toMatch(/<svg[^>]+role="img"/);
  });

  it('answers a repeated request from the cache with 304 and compresses pages', async () => {
    const first = await t.app.inject({ url: urls.costs('en'), headers: { 'accept-encoding': 'gzip' } });
    expect(first.headers['content-encoding']).toBe('gzip');
    const etag = first.headers.etag as string;
    expect(etag).toMatch(/^W\/"\d+-/);
    const again = await t.app.inject({ url: urls.costs('en'), headers: { 'if-none-match': etag } });
    expect(again.statusCode).toBe(304);
  });

  it('shows a 404 page in the visitor’s language', async () => {
    const response = await t.app.inject({ url: '/zh/industries/no-such-industry' });
    expect(response.statusCode).toBe(404);
    expect(response.body).toContain('页面不存在');
    expect((await t.app.inject({ url: '/fr/industries' })).statusCode).toBe(404);
  });

  it('sends a strict content security policy and the other security headers', async () => {
    const response = await t.app.inject({ url: urls.home('en') });
    const csp = response.headers['content-security-policy'] as string;
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain('unsafe-inline');
    expect(response.headers['x-content-type-options']).toBe('nosniff');
  });

  it('sends visitors at / to their language', async () => {
    const response = await t.app.inject({ url: '/', headers: { 'accept-language': 'zh-CN,zh;q=0.9' } });
    expect(response.statusCode).toBe(302);
    expect(response.headers.location).toBe('/zh');
  });
});
