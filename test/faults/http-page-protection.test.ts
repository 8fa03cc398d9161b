/**
 * Faults 1 and 2: uncached pages with a query are rate-limited per client and their free text is bounded; unknown
 * query parameters reach neither the cache key nor the canonical link; the page cache is bounded in bytes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/test-app.js';
import { PageCache } from '../../src/platform/http/page-cache.js';
import { clientKey } from '../../src/platform/http/page-guard.js';
import { loadConfig } from '../../src/config.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp('pglite', { PAGE_RATE_LIMIT: '20' });
});
afterAll(() => t.close());

const from = (remoteAddress: string) => ({ remoteAddress });

describe('a flood of distinct searches', () => {
  it('is rate-limited per client with a 429 page in the visitor’s language, while cached pages stay available', async () => {
    expect((await t.app.inject({ url: '/en', ...from('198.51.100.1') })).statusCode).toBe(200);
    const statuses: number[] = [];
    let last = null as null | Awaited<ReturnType<typeof t.app.inject>>;
    const began = Date.now();
    for (let i = 0; i < 40; i++) {
      last = await t.app.inject({ url: `/zh/search?q=${encodeURIComponent(`公司注册 ${i} flood${i}`)}`, ...from('198.51.100.7') });
      statuses.push(last.statusCode);
    }
    // At most the budget (20) of renders, plus the tokens refilled while the loop ran (20 a minute: one per 3 s on a
    // slow, shared machine); the rest are refused before any search runs.
    const refilled = Math.floor((Date.now() - began) / 3000);
    expect(statuses.filter((s) => s === 200).length).toBeLessThanOrEqual(20 + refilled);
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(20 - refilled);
    expect(last!.statusCode).toBe(429);
    expect(Number(last!.headers['retry-after'])).toBeGreaterThan(0);
    expect(last!.headers['content-type']).toContain('text/html');
    expect(last!.body).toContain('lang="zh-CN"');
    expect(last!.body).toContain('请求过多');
    // The same client still gets cached pages, and another client still gets its searches.
    expect((await t.app.inject({ url: '/en', ...from('198.51.100.7') })).statusCode).toBe(200);
    expect((await t.app.inject({ url: '/en/search?q=tax', ...from('198.51.100.8') })).statusCode).toBe(200);
    // A search already rendered is cached: it costs nothing, even to the client out of budget.
    expect((await t.app.inject({ url: '/en/search?q=tax', ...from('198.51.100.7') })).statusCode).toBe(200);
  });

  it('answers too long a query or too many words with a 400 page in the visitor’s language', async () => {
    const long = await t.app.inject({ url: `/zh/search?q=${'税'.repeat(350)}`, ...from('198.51.100.20') });
    expect(long.statusCode).toBe(400);
    expect(long.body).toContain('lang="zh-CN"');
    expect(long.body).toContain('最多输入 300 个字符');
    const words = await t.app.inject({ url: `/en/ask?q=${Array.from({ length: 30 }, (_, i) => `w${i}`).join('+')}`, ...from('198.51.100.20') });
    expect(words.statusCode).toBe(400);
    expect(words.body).toContain('too many words');
    const repeated = await t.app.inject({ url: `/en/locations?${Array.from({ length: 60 }, () => 'compare=haidian').join('&')}`, ...from('198.51.100.20') });
    expect(repeated.statusCode).toBe(400);
  });
});

describe('clients on IPv6', () => {
  it('share one budget per /64, so rotating the interface address does not reset it', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 30; i++) {
      const response = await t.app.inject({ url: `/en/search?q=ipv6+${i}`, remoteAddress: `2001:db8:0:7::${(i + 1).toString(16)}` });
      statuses.push(response.statusCode);
    }
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(10);
    expect(clientKey('2001:db8:0:7::1')).toBe(clientKey('2001:0db8:0000:0007:ffff:1:2:3'));
    expect(clientKey('2001:db8:0:8::1')).not.toBe(clientKey('2001:db8:0:7::1'));
    expect(clientKey('::ffff:192.0.2.1')).toBe('192.0.2.1');
  });
});

describe('unknown query parameters', () => {
  it('are left out of the canonical link and of the cache key', async () => {
    const page = await t.app.inject({ url: '/en/industries?utm=1&x=%3Cb%3E', ...from('198.51.100.30') });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<link rel="canonical" href="http://test.invalid/en/industries"/>');
    expect(page.body).not.toContain('utm=');
    // A declared parameter stays, in its own encoding; unknown ones around it go.
    const search = await t.app.inject({ url: '/en/search?utm=9&q=company+registration&ref=x', ...from('198.51.100.31') });
    expect(search.body).toContain('<link rel="canonical" href="http://test.invalid/en/search?q=company+registration"/>');
    // With a budget of 20 renders, 60 variants of one search by ?utm= are 60 cache hits after the first render.
    for (let i = 0; i < 60; i++) {
      const response = await t.app.inject({ url: `/en/search?q=visa&utm=${i}`, ...from('198.51.100.32') });
      expect(response.statusCode, `utm=${i}`).toBe(200);
    }
  });
});

describe('the page cache', () => {
  it('is bounded in bytes, least recently used first out', () => {
    const cache = new PageCache(1024 * 1024);
    const body = (i: number) => Array.from({ length: 4000 }, (_, j) => `${i}-${j}-${(i * 7919 + j * 104729) % 1000003}`).join(' ');
    for (let i = 0; i < 200; i++) {
      cache.set(`k${i}`, body(i), 200, 1);
      if (i === 5) cache.get('k0');
      expect(cache.bytes).toBeLessThanOrEqual(1024 * 1024);
    }
    expect(cache.size).toBeLessThan(200);
    expect(cache.get('k199')).toBeDefined();
    expect(cache.get('k1')).toBeUndefined();
  });

  it('takes its byte budget from PAGE_CACHE_MAX_BYTES', () => {
    expect(loadConfig({}).PAGE_CACHE_MAX_BYTES).toBe(64 * 1024 * 1024);
    expect(loadConfig({ PAGE_CACHE_MAX_BYTES: '8388608' }).PAGE_CACHE_MAX_BYTES).toBe(8388608);
    expect(() => loadConfig({ PAGE_CACHE_MAX_BYTES: 'lots' })).toThrow(/PAGE_CACHE_MAX_BYTES/);
  });
});
