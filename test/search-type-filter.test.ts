/**
 * The search page's type filter. Content kinds the index holds no units of (rules, plan steps, site terms) have no
 * label: such a ?type= answered 500; it is now ignored like any unknown type.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { urls } from '../src/platform/http/urls.js';
import { startTestApp, type TestApp } from './helpers/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp('pglite');
}, 300_000);
afterAll(() => t.close());

const resultCount = (html: string) => html.match(/\d+ results?/)?.[0];

it.each(['rules', 'plan-steps', 'site-terms', 'no-such-kind'])('ignores ?type=%s, which the index holds nothing of, and shows every result', async (type) => {
  const unfiltered = await t.app.inject({ url: urls.search('en', { q: 'hospital' }) });
  const response = await t.app.inject({ url: `${urls.search('en', { q: 'hospital' })}&type=${type}` });
  expect(response.statusCode).toBe(200);
  expect(resultCount(response.body)).toBe(resultCount(unfiltered.body));
  expect(resultCount(response.body)).toBeDefined();
});

it('still filters by a kind the index holds', async () => {
  const response = await t.app.inject({ url: `${urls.search('en', { q: 'hospital' })}&type=policies` });
  expect(response.statusCode).toBe(200);
  expect(response.body).toContain('aria-current="page"');
});
