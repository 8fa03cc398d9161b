/**
 * Fault 1, many addresses: when a flood of distinct searches comes from more clients than the per-client budget can
 * see, uncached query renders are held to a share of each second (503, retry in a second), and cached pages answer.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp('pglite', { PAGE_RENDER_SHARE: '0.05' });
});
afterAll(() => t.close());

describe('a search flood from many addresses', () => {
  it('gets 503 past the render share, while cached pages keep answering', async () => {
    expect((await t.app.inject({ url: '/zh' })).statusCode).toBe(200);
    const statuses: number[] = [];
    let busy = null as null | Awaited<ReturnType<typeof t.app.inject>>;
    for (let i = 0; i < 150; i++) {
      const response = await t.app.inject({ url: `/zh/search?q=${encodeURIComponent(`公司 税务 ${i} many${i}`)}`, remoteAddress: `198.18.${i >> 8}.${i & 255}` });
      statuses.push(response.statusCode);
      if (response.statusCode === 503) busy = response;
      expect((await t.app.inject({ url: '/zh', remoteAddress: `198.18.${i >> 8}.${i & 255}` })).statusCode).toBe(200);
    }
    expect(statuses.filter((s) => s === 200).length).toBeGreaterThan(0);
    expect(busy, 'some searches were refused').not.toBeNull();
    expect(busy!.headers['retry-after']).toBe('1');
    expect(busy!.body).toContain('lang="zh-CN"');
    expect(busy!.body).toContain('服务繁忙');
    // The next second has a fresh share.
    await new Promise((r) => setTimeout(r, 1100));
    expect((await t.app.inject({ url: '/en/search?q=after+the+flood', remoteAddress: '198.18.9.9' })).statusCode).toBe(200);
  });
});
