/** Search, suggestions and answers over real HTTP, with the API contract other teams rely on. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHttpTestApp } from './helpers/test-app.js';

let t: Awaited<ReturnType<typeof startHttpTestApp>>;
let base: string;
beforeAll(async () => {
  t = await startHttpTestApp();
  base = t.base;
});
afterAll(() => t.close());

const get = async (path: string) => {
  const response = await fetch(base + path);
  return { status: response.status, type: response.headers.get('content-type') ?? '', body: await response.json() };
};

describe('GET /api/v1/search', () => {
  it('finds the telecom item of the market-access lists, linked to the check for that item', async () => {
    const { body } = await get(`/api/v1/search?q=${encodeURIComponent('negative list telecom')}&limit=3`);
    expect(body.results[0]).toMatchObject({ type: 'market-access-items' });
    expect(body.results[0].passage.toLowerCase()).toContain('telecom');
    const check = await fetch(base + body.results[0].url);
    expect(check.status).toBe(200);
    expect(await check.text()).toContain(body.results[0].id);
  });

  it('returns the documented shape, with passage and source for every result', async () => {
    const { status, body } = await get(`/api/v1/search?q=${encodeURIComponent('外资研发中心')}&lang=zh&limit=5`);
    expect(status).toBe(200);
    expect(body).toMatchObject({ query: '外资研发中心', total: expect.any(Number) });
    expect(body.results.length).toBe(5);
    for (const r of body.results) {
      expect(Object.keys(r).sort()).toEqual(['id', 'passage', 'score', 'snippet', 'source', 'title', 'type', 'url'].sort());
      expect(r.passage.length).toBeLessThanOrEqual(1000);
      expect(r.source.document).toMatch(/^00\d_/);
      expect(r.url).toMatch(/^\/zh\//);
    }
    expect(body.results.some((r: { type: string; id: string }) => r.type === 'policies' && r.id.includes('rd-center'))).toBe(true);
  });

  it('filters by type', async () => {
    const { body } = await get('/api/v1/search?q=tongzhou&type=contacts&limit=20');
    expect(body.results.length).toBeGreaterThan(0);
    expect(body.results.every((r: { type: string }) => r.type === 'contacts')).toBe(true);
  });

  it('offers a correction for a misspelt query', async () => {
    const { body } = await get('/api/v1/search?q=permanant+residance');
    expect(body.did_you_mean).toBe('permanent residence');
  });

  it('answers a missing or invalid query with problem+json naming the parameters', async () => {
    const { status, type, body } = await get('/api/v1/search?lang=fr&limit=500');
    expect(status).toBe(400);
    expect(type).toContain('application/problem+json');
    expect(body['invalid-params'].map((p: { name: string }) => p.name).sort()).toEqual(['lang', 'limit', 'q']);
  });
});

describe('GET /api/v1/search/suggest', () => {
  it('completes a prefix with titles and words', async () => {
    const { body } = await get('/api/v1/search/suggest?q=haid');
    expect(body.suggestions.length).toBeGreaterThan(0);
    expect(body.suggestions.some((s: { text: string }) => /Haidian/.test(s.text))).toBe(true);
  });
});

describe('GET /api/v1/answers', () => {
  it('answers a structured question with a sentence and its source, in the question’s language', async () => {
    const { body } = await get(`/api/v1/answers?q=${encodeURIComponent('北京市商务局的传真是多少')}`);
    expect(body.lang).toBe('zh');
    expect(body.answer.sentence).toContain('55579779');
    expect(body.answer.source.section).toContain('SERVICE ORGANIZATIONS');
  });

  it('says when it has no answer and offers contacts instead', async () => {
    const { body } = await get('/api/v1/answers?q=qqqzzz+xxyyzz');
    expect(body.answer).toBeNull();
    expect(body.passages).toEqual([]);
    expect(body.contacts.map((c: { id: string }) => c.id)).toContain('beijing-investment-promotion-bureau');
  });
});

describe('search and ask pages', () => {
  it('highlights matches and shows the type and source of each result', async () => {
    const html = await (await fetch(`${base}/en/search?q=minimum+wage`)).text();
    expect(html).toContain('<mark>');
    expect(html).toContain('class="result__type"');
    expect(html).toContain('Source');
  });

  it('gives next steps instead of an error for an empty or fruitless search', async () => {
    const empty = await fetch(`${base}/zh/search`);
    expect(empty.status).toBe(200);
    expect(await empty.text()).toContain('查找建议');
    const none = await (await fetch(`${base}/en/search?q=qqqzzz`)).text();
    expect(none).toContain('0 results');
    expect(none).toContain('Ways to find it');
  });

  it('shows an answer card on the ask page', async () => {
    const html = await (await fetch(`${base}/en/ask?q=${encodeURIComponent('What is the postcode of the Haidian human resources and social security bureau?')}`)).text();
    expect(html).toContain('class="answer-card"');
    expect(html).toContain('100195');
  });
});
