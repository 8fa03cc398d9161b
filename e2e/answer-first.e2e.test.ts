/**
 * [NAV][PLAN][SEARCH] the answer first, JavaScript off: the investor tools in the main menu (open on wide screens,
 * folded under "Menu" on a 390 px phone), the plan's summary and the first search result within the first screen of
 * a phone, in English and Chinese, with no axe-core violations.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, SHOTS, startBrowserApp, type BrowserApp } from './browser.js';

let app: BrowserApp;
let base: string;
let desktop: BrowserContext;
let phone: BrowserContext;

beforeAll(async () => {
  app = await startBrowserApp();
  ({ base, context: desktop } = app);
  phone = await app.browser.newContext({ javaScriptEnabled: false, viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
});
afterAll(async () => {
  await phone?.close();
  await app?.close();
});

/** axe is injected as a script, which the pages' CSP forbids: a CSP-bypassing phone context for that check only. */
async function phoneAxe(path: string): Promise<unknown[]> {
  const context = await app.browser.newContext({ bypassCSP: true, viewport: { width: 390, height: 844 }, isMobile: true });
  const page = await context.newPage();
  await page.goto(base + path);
  const violations = await axeViolations(page);
  await context.close();
  return violations;
}

const TOOLS = {
  en: { menu: 'Menu', tools: ['Plan my investment', 'Policies for me', 'Market access', 'Where to locate', 'Cost estimate'] },
  zh: { menu: '菜单', tools: ['投资计划', '适用政策', '市场准入', '选址', '成本测算'] },
} as const;

const toolLink = (page: Page, name: string) => page.locator('nav.site-nav .site-nav__list--tools').getByRole('link', { name, exact: true });

describe('[NAV] the main menu', () => {
  for (const lang of ['en', 'zh'] as const) {
    it(`shows the investor tools on a wide screen and folds them under “${TOOLS[lang].menu}” on a phone (${lang})`, async () => {
      const wide = await desktop.newPage();
      await wide.goto(`${base}/${lang}/industries`);
      await expect(wide.locator('.site-nav__toggle').isVisible()).resolves.toBe(false);
      for (const name of TOOLS[lang].tools) await expect(toolLink(wide, name).isVisible()).resolves.toBe(true);
      await toolLink(wide, TOOLS[lang].tools[2]).click();
      await wide.waitForURL(/\/market-access$/);
      await wide.close();

      const small = await phone.newPage();
      await small.goto(`${base}/${lang}/industries`);
      await expect(toolLink(small, TOOLS[lang].tools[0]).isVisible()).resolves.toBe(false);
      const toggle = small.getByText(TOOLS[lang].menu, { exact: true });
      await expect(toggle.isVisible()).resolves.toBe(true);
      // The closed menu leaves the page's heading in the first screen.
      expect((await small.locator('h1').boundingBox())!.y).toBeLessThan(844);
      await toggle.click();
      for (const name of TOOLS[lang].tools) await expect(toolLink(small, name).isVisible()).resolves.toBe(true);
      await small.screenshot({ path: `${SHOTS}/${lang}-phone-menu-open.png` });
      await toolLink(small, TOOLS[lang].tools[1]).click();
      await small.waitForURL(/\/policies-for-me$/);
      await small.close();
      for (const path of [`/${lang}`, `/${lang}/market-access?activity=${lang === 'en' ? 'hospital' : '医院'}`]) await expect(phoneAxe(path)).resolves.toEqual([]);
    });
  }
});

describe('[PLAN] the plan on a phone', () => {
  const profile = 'industry=pharmaceutical-health&entity_type=rd_center&district=haidian&paid_in_capital_usd=8000000&staff=60&hires_foreign_staff=yes&office_area=600&salary=15000&activity=hospital';
  for (const lang of ['en', 'zh'] as const) {
    it(`starts with the summary, reached without scrolling past the form (${lang})`, async () => {
      const page = await phone.newPage();
      await page.goto(`${base}/${lang}/plan?${profile}`);
      const summary = page.locator('.plan-summary');
      expect((await summary.boundingBox())!.y).toBeLessThan(844);
      await expect(summary.textContent()).resolves.toMatch(lang === 'en' ? /yuan per year/ : /每年[\d,]+元/);
      // "Details" jumps to the section.
      await summary.locator('a[href="#costs"]').click();
      expect(page.url()).toMatch(/#costs$/);
      await page.screenshot({ path: `${SHOTS}/${lang}-phone-plan.png` });
      await page.close();
      await expect(phoneAxe(`/${lang}/plan?${profile}`)).resolves.toEqual([]);
    });
  }
});

describe('[SEARCH] results first on a phone', () => {
  for (const [lang, q] of [['en', 'social insurance'], ['zh', '社会保险']] as const) {
    it(`keeps the first result within the first screen, the type filters one tap away (${lang})`, async () => {
      const page = await phone.newPage();
      await page.goto(`${base}/${lang}/search?q=${encodeURIComponent(q)}`);
      const first = page.locator('.results .result').first();
      const box = (await first.boundingBox())!;
      expect(box.y).toBeLessThan(844);
      const filters = page.locator('.type-filter a').first();
      await expect(filters.isVisible()).resolves.toBe(false);
      await page.locator('.type-filter__toggle').click();
      await expect(filters.isVisible()).resolves.toBe(true);
      await page.close();
      // On a wide screen the filters stay open beside the results.
      const wide = await desktop.newPage();
      await wide.goto(`${base}/${lang}/search?q=${encodeURIComponent(q)}`);
      await expect(wide.locator('.type-filter a').first().isVisible()).resolves.toBe(true);
      await expect(wide.locator('.type-filter__toggle').isVisible()).resolves.toBe(false);
      await wide.close();
      await expect(phoneAxe(`/${lang}/search?q=${encodeURIComponent(q)}`)).resolves.toEqual([]);
    });
  }
});
