/**
 * Fault 5: calendar dates are validated; invalid CSV, feed and calendar queries are 400 problems; a JSON `null` body
 * is a 400 problem; the `/` redirect varies on Accept-Language; OpenAPI, feeds and sitemap have ETags and
 * compression; Fastify's own 4xx answers are problem+json.
 */
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/test-app.js';
import { urls } from '../../src/platform/http/urls.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp('pglite', { HTTP_BODY_LIMIT: '4096' });
});
afterAll(() => t.close());

const profile = 'entity_type=wfoe&district=haidian&industry=digital-economy';
const problemOf = (response: { headers: Record<string, unknown>; body: string }) => {
  expect(response.headers['content-type']).toContain('application/problem+json');
  return JSON.parse(response.body) as { status: number; type: string; detail: string; 'invalid-params'?: { name: string }[] };
};

describe('plan calendar', () => {
  it('exports a plan from a real start date', async () => {
    const response = await t.app.inject({ url: `${urls.planIcs('en')}?${profile}&start=2025-03-01` });
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain('BEGIN:VCALENDAR');
  });

  it.each(['9999-12-31', '2025-02-31', '2025-13-01', '1899-01-01', 'tomorrow'])('answers start=%s with a 400 problem', async (start) => {
    const response = await t.app.inject({ url: `${urls.planIcs('en')}?${profile}&start=${start}` });
    expect(response.statusCode).toBe(400);
    expect(problemOf(response)['invalid-params']?.[0].name).toBe('start');
  });

  it('does not fail the plan page on such a date', async () => {
    expect((await t.app.inject({ url: `${urls.plan('en')}?${profile}&start=9999-12-31` })).statusCode).toBeLessThan(500);
  });

  it('answers an invalid profile with a 400 problem, not 404', async () => {
    const response = await t.app.inject({ url: `${urls.planIcs('zh')}?district=atlantis&entity_type=castle` });
    expect(response.statusCode).toBe(400);
    problemOf(response);
  });
});

describe('CSV and feed queries', () => {
  it('answers an invalid estimate export with a 400 problem', async () => {
    for (const query of ['', '?location1=nowhere', '?location1=haidian&office_area=-5']) {
      const response = await t.app.inject({ url: `/en/costs/estimate.csv${query}` });
      expect(response.statusCode, query).toBe(400);
      problemOf(response);
    }
  });

  it('answers an unknown feed topic with a 400 problem', async () => {
    const response = await t.app.inject({ url: `${urls.policyFeed('en')}?topic=no-such-topic` });
    expect(response.statusCode).toBe(400);
    expect(problemOf(response)['invalid-params']?.[0].name).toBe('topic');
  });
});

describe('JSON bodies', () => {
  it.each(['/api/v1/policy-match', '/api/v1/cost-estimate', '/api/v1/site-recommendations'])('answers a null body to %s with a 400 problem', async (url) => {
    const response = await t.app.inject({ method: 'POST', url, headers: { 'content-type': 'application/json' }, payload: 'null' });
    expect(response.statusCode).toBe(400);
    expect(problemOf(response).status).toBe(400);
  });
});

describe('the root redirect', () => {
  it('varies on Accept-Language', async () => {
    const response = await t.app.inject({ url: '/', headers: { 'accept-language': 'zh-CN' } });
    expect(response.statusCode).toBe(302);
    expect(response.headers.location).toBe('/zh');
    expect(String(response.headers.vary)).toMatch(/Accept-Language/i);
  });
});

describe('validators and compression', () => {
  it.each([['openapi', '/api/openapi.json'], ['feed', '/en/policies/feed.atom'], ['sitemap', '/sitemap.xml']])('%s has an ETag, answers 304 and is compressed', async (_name, url) => {
    const first = await t.app.inject({ url, headers: { 'accept-encoding': 'gzip, br' } });
    expect(first.statusCode).toBe(200);
    expect(first.headers.etag).toBeTruthy();
    expect(first.headers['content-encoding']).toBe('br');
    expect(String(first.headers.vary)).toMatch(/Accept-Encoding/);
    const again = await t.app.inject({ url, headers: { 'if-none-match': String(first.headers.etag) } });
    expect(again.statusCode).toBe(304);
    expect((await t.app.inject({ url })).headers.etag).toBe(first.headers.etag);
  });
});

describe('errors from Fastify’s own layer', () => {
  it('answers a body over the limit with a 413 problem', async () => {
    const response = await t.app.inject({ method: 'POST', url: '/api/v1/policy-match', headers: { 'content-type': 'application/json' }, payload: JSON.stringify({ district: 'x'.repeat(10_000) }) });
    expect(response.statusCode).toBe(413);
    expect(problemOf(response).status).toBe(413);
  });

  it('answers an unsupported media type with a 415 problem', async () => {
    const response = await t.app.inject({ method: 'POST', url: '/api/v1/policy-match', headers: { 'content-type': 'application/xml' }, payload: '<a/>' });
    expect(response.statusCode).toBe(415);
    expect(problemOf(response).status).toBe(415);
  });

  it('answers a bad percent-encoding in the path with a 400 problem', async () => {
    const response = await t.app.inject({ url: '/api/v1/districts/%E0%A4%A' });
    expect(response.statusCode).toBe(400);
    expect(problemOf(response).status).toBe(400);
  });

  it('answers a path segment over the maximum length with a 414 problem', async () => {
    const response = await t.app.inject({ url: `/api/v1/districts/${'a'.repeat(200)}` });
    expect(response.statusCode).toBe(414);
    expect(problemOf(response).status).toBe(414);
  });

  it('answers headers over the limit with a 431 problem (real HTTP)', async () => {
    const base = await t.app.listen({ port: 0, host: '127.0.0.1' });
    const port = Number(new URL(base).port);
    const text = await new Promise<string>((resolve) => {
      const socket = net.connect(port, '127.0.0.1', () => socket.write(`GET /en HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`));
      let data = '';
      socket.on('data', (d) => (data += d.toString()));
      socket.on('error', () => undefined);
      socket.on('close', () => resolve(data));
    });
    expect(text).toMatch(/^HTTP\/1\.1 431/);
    expect(text).toContain('application/problem+json');
    expect(JSON.parse(text.slice(text.indexOf('\r\n\r\n') + 4)).status).toBe(431);
  });
});
