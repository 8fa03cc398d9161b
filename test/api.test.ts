/** The JSON API over real HTTP: lists, filters, pagination, items, problem+json errors, OpenAPI, rate limits. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseTargets } from './helpers/databases.js';
import { startTestApp, type TestApp } from './helpers/test-app.js';
import { CONTENT_KINDS } from '../src/modules/content/index.js';

describe.each(databaseTargets())('API on %s', (target) => {
  let t: TestApp;
  let base: string;

  beforeAll(async () => {
    t = await startTestApp(target, { API_RATE_LIMIT: '1000' });
    base = await t.app.listen({ port: 0, host: '127.0.0.1' });
  });
  afterAll(() => t.close());

  it('lists every content kind with totals and items', async () => {
    for (const kind of Object.keys(CONTENT_KINDS)) {
      const response = await fetch(`${base}/api/v1/${kind}?limit=200`);
      expect(response.status, kind).toBe(200);
      const body = await response.json();
      expect(body.total, kind).toBe(t.content.store.count(kind as keyof typeof CONTENT_KINDS));
      expect(body.items.length, kind).toBe(Math.min(200, body.total));
    }
  });

  it('filters projects by district and pages through them', async () => {
    const all = await (await fetch(`${base}/api/v1/projects?district=chaoyang&limit=200`)).json();
    expect(all.total).toBe(t.content.store.all('projects').filter((p) => p.district === 'chaoyang').length);
    expect(all.items.every((p: { district: string }) => p.district === 'chaoyang')).toBe(true);
    const page2 = await (await fetch(`${base}/api/v1/projects?district=chaoyang&limit=5&offset=5`)).json();
    expect(page2.items.map((p: { id: string }) => p.id)).toEqual(all.items.slice(5, 10).map((p: { id: string }) => p.id));
  });

  it('finds policies by Chinese or English words and by category', async () => {
    const zh = await (await fetch(`${base}/api/v1/policies?q=${encodeURIComponent('外商投资法')}`)).json();
    expect(zh.items.some((p: { id: string }) => p.id.includes('foreign-investment-law'))).toBe(true);
    const en = await (await fetch(`${base}/api/v1/policies?q=r%26d&category=foreign-investment`)).json();
    expect(en.total).toBeGreaterThan(0);
    expect(en.items.every((p: { category: string }) => p.category === 'foreign-investment')).toBe(true);
  });

  it('returns one item by id, with its sources', async () => {
    const response = await fetch(`${base}/api/v1/districts/haidian`);
    const district = await response.json();
    expect(district).toMatchObject({ id: 'haidian', zh: { name: '海淀区' } });
    expect(district.sources.length).toBeGreaterThan(0);
  });

  it('answers an unknown id with a problem+json 404 that says what to do', async () => {
    const response = await fetch(`${base}/api/v1/parks/atlantis`);
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    const problem = await response.json();
    expect(problem).toMatchObject({ status: 404, title: 'Not Found' });
    expect(problem.detail).toContain('/api/v1/parks');
  });

  it('lists every invalid query parameter at once', async () => {
    const response = await fetch(`${base}/api/v1/projects?district=atlantis&limit=0&colour=red`);
    expect(response.status).toBe(400);
    const problem = await response.json();
    expect(problem['invalid-params'].map((p: { name: string }) => p.name).sort()).toEqual(['colour', 'district', 'limit']);
  });

  it('publishes an OpenAPI 3 document covering every kind, and a docs page', async () => {
    const document = await (await fetch(`${base}/api/openapi.json`)).json();
    expect(document.openapi).toMatch(/^3\./);
    for (const kind of Object.keys(CONTENT_KINDS)) {
      expect(document.paths[`/api/v1/${kind}`]).toBeDefined();
      expect(document.paths[`/api/v1/${kind}/{id}`]).toBeDefined();
    }
    const docs = await fetch(`${base}/api/docs`);
    expect(docs.status).toBe(200);
    expect(await docs.text()).toContain('/api/v1/policies');
  });

  it('reports readiness with the content version', async () => {
    const ready = await (await fetch(`${base}/readyz`)).json();
    expect(ready).toMatchObject({ status: 'ready', checks: { database: true, content: true } });
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
  });
});

describe('API rate limit', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp('pglite', { API_RATE_LIMIT: '3' });
  });
  afterAll(() => t.close());

  it('answers the request over the limit with 429 problem+json', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) statuses.push((await t.app.inject({ url: '/api/v1/glossary' })).statusCode);
    expect(statuses).toEqual([200, 200, 200, 429]);
    const limited = await t.app.inject({ url: '/api/v1/glossary' });
    expect(limited.headers['content-type']).toContain('application/problem+json');
    expect(limited.json()).toMatchObject({ status: 429 });
  });
});
