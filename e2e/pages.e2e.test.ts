/**
 * [PAGES][A11Y]: every page type in both languages in a real browser with JavaScript off, checked by axe-core;
 * [MAP]: a visitor follows the investment map to a district page; [PROJECTS]: filters projects with the form.
 */
import type { BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../test/helpers/test-app.js';
import { everyPageType } from '../test/helpers/page-urls.js';
import { axeViolations, SHOTS, startBrowserApp, type BrowserApp } from './browser.js';

let app: BrowserApp;
let t: TestApp;
let base: string;
let context: BrowserContext;
/** axe-core is injected as a script, which the pages' CSP rightly forbids; this context only runs the checks. */
let axeContext: BrowserContext;

beforeAll(async () => {
  app = await startBrowserApp();
  ({ t, base, context } = app);
  axeContext = await app.browser.newContext({ bypassCSP: true, viewport: { width: 1280, height: 900 } });
});
afterAll(() => app?.close());

describe.each(['en', 'zh'] as const)('[PAGES][A11Y] %s', (lang) => {
  it('opens every page type without JavaScript and axe-core finds no violations', async () => {
    const page = await context.newPage();
    const failures: string[] = [];
    for (const [name, url] of Object.entries(everyPageType(t.content.store, lang))) {
      const response = await page.goto(base + url);
      expect(response?.status(), url).toBe(200);
      await expect(page.locator('h1').first().textContent()).resolves.toBeTruthy();
      await page.screenshot({ path: `${SHOTS}/${lang}-${name}.png`, fullPage: false });
      // axe needs script in the page; a second context with JavaScript on checks the same HTML.
      const checker = await axeContext.newPage();
      await checker.goto(base + url);
      for (const v of await axeViolations(checker)) failures.push(`${url}: ${v.id} (${v.impact}) ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
      await checker.close();
    }
    await page.close();
    expect(failures).toEqual([]);
  });
});

describe('[MAP] investment map', () => {
  it('takes a visitor from the map to the district page', async () => {
    const page = await context.newPage();
    await page.goto(`${base}/en/map`);
    await page.locator('svg.district-map a[href="/en/districts/haidian"]').click();
    await page.waitForURL(`${base}/en/districts/haidian`);
    await expect(page.locator('h1').textContent()).resolves.toContain('Haidian');
    await page.screenshot({ path: `${SHOTS}/map-to-haidian.png`, fullPage: true });
    await page.close();
  });
});

describe('[PROJECTS] project filter', () => {
  it('filters by district with the form, in Chinese, without JavaScript', async () => {
    const page = await context.newPage();
    await page.goto(`${base}/zh/projects`);
    await page.selectOption('#district', 'chaoyang');
    await page.locator('form.filter-form button[type=submit]').click();
    await page.waitForURL(/district=chaoyang/);
    const count = t.content.store.all('projects').filter((p) => p.district === 'chaoyang').length;
    await expect(page.locator('.result-count').textContent()).resolves.toContain(String(count));
    await page.screenshot({ path: `${SHOTS}/zh-projects-chaoyang.png` });
    await page.close();
  });

  it('switches language and stays on the same page', async () => {
    const page = await context.newPage();
    await page.goto(`${base}/en/costs`);
    await page.locator('.site-header__lang').click();
    await page.waitForURL(`${base}/zh/costs`);
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('zh-CN');
    await page.close();
  });
});

describe.each(['en', 'zh'] as const)('[SEARCH] %s', (lang) => {
  it('searches, filters by type and opens a result, without JavaScript', async () => {
    const page = await context.newPage();
    await page.goto(`${base}/${lang}`);
    await page.fill('#site-search-q', lang === 'zh' ? '外资研发中心' : 'R&D centres');
    await page.locator('.site-search button').click();
    await page.waitForURL(/\/search\?q=/);
    await expect(page.locator('.result').count()).resolves.toBeGreaterThan(0);
    await page.locator('.type-filter a[href*="type=policies"]').click();
    await page.waitForURL(/type=policies/);
    const types = await page.locator('.result__type').allTextContents();
    expect(new Set(types).size).toBe(1);
    await page.screenshot({ path: `${SHOTS}/${lang}-search-policies.png`, fullPage: true });
    await page.locator('.result__title a').first().click();
    await page.waitForURL(/\/policies\/.+rd-center/);
    await expect(page.locator('h1').textContent()).resolves.toBeTruthy();
    await page.close();
  });
});
