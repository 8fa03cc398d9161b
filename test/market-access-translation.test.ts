/** Chinese text of a market-access item that is not verified against the official list is labelled as our translation. */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startTestApp, type TestApp } from './helpers/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

it('labels every unverified item’s Chinese text as an unofficial translation on the Chinese check page', async () => {
  const unverified = t.content.store.all('market-access-items').filter((i) => !i.verified);
  expect(unverified.length).toBeGreaterThan(0);
  for (const item of unverified) expect(item.zh_translation, item.id).toBe('unofficial');
  const html = (await t.app.inject(`/zh/market-access?activity=${unverified[0].id}`)).body;
  expect(html).toContain('非官方译文');
  const english = (await t.app.inject(`/en/market-access?activity=${unverified[0].id}`)).body;
  expect(english).not.toContain('Unofficial translation');
});
