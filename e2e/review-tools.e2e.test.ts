/**
 * [MAP-390] the investment map on a 390 px phone screen, both languages: every label is drawn at a legible size and
 * no two labels overlap on screen (measured in the browser, not estimated). [COSTS][LOCATIONS] the estimator and the
 * locations form used without JavaScript: a Yizhuang office with staff, and a German investor's ranking; axe-core finds
 * no violations on the result pages.
 */
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, SHOTS, startBrowserApp, type BrowserApp } from './browser.js';

let app: BrowserApp;
let base: string;
let browser: Browser;
let phone: BrowserContext;
let axeContext: BrowserContext;

beforeAll(async () => {
  app = await startBrowserApp();
  ({ base, browser } = app);
  phone = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 390, height: 844 }, deviceScaleFactor: 2 });
  axeContext = await browser.newContext({ bypassCSP: true, viewport: { width: 390, height: 844 } });
});
afterAll(() => app?.close());

describe.each(['en', 'zh'] as const)('[MAP-390] %s', (lang) => {
  it('draws every district label at 11 px or more, none overlapping another', async () => {
    const page = await phone.newPage();
    await page.goto(`${base}/${lang}/map`);
    for (const svg of ['svg.district-map', 'svg.district-inset']) {
      const labels = await page.locator(`${svg} text.district-map__label`).evaluateAll((nodes) =>
        nodes.map((n) => {
          const r = n.getBoundingClientRect();
          // The rendered size: the font size in SVG units times the SVG's scale on screen.
          const svgEl = (n as SVGTextElement).ownerSVGElement!;
          const scale = svgEl.getBoundingClientRect().width / svgEl.viewBox.baseVal.width;
          return { text: n.textContent, x0: r.left, y0: r.top, x1: r.right, y1: r.bottom, px: parseFloat(getComputedStyle(n).fontSize) * scale };
        }),
      );
      expect(labels.length, svg).toBeGreaterThanOrEqual(7);
      for (const [i, a] of labels.entries()) {
        expect(a.px, `${a.text} in ${svg}`).toBeGreaterThanOrEqual(11);
        for (const b of labels.slice(i + 1)) {
          const overlap = a.x0 < b.x1 - 1 && b.x0 < a.x1 - 1 && a.y0 < b.y1 - 1 && b.y0 < a.y1 - 1;
          expect(overlap, `${a.text} / ${b.text}`).toBe(false);
        }
      }
    }
    await page.locator('.map-figure').screenshot({ path: `${SHOTS}/map-390-${lang}.png` });
    // Dongcheng can be tapped in the enlargement.
    await page.locator(`svg.district-inset a[href="/${lang}/districts/dongcheng"]`).click();
    await page.waitForURL(`${base}/${lang}/districts/dongcheng`);
    await page.close();
  });
});

describe('[COSTS][LOCATIONS] forms without JavaScript', () => {
  it('estimates a Yizhuang office with staff and apartments, and shows both social insurance shares', async () => {
    const page = await phone.newPage();
    await page.goto(`${base}/en/costs/estimate`);
    await page.locator('#location1').selectOption('bda|Yizhuang Development Zone');
    await page.locator('#office_area').fill('100');
    await page.locator('#apartments').fill('4');
    await page.locator('#apartment_kwh').fill('450');
    await page.locator('#staff').fill('10');
    await page.locator('#salary').fill('2420');
    await page.locator('form.estimator-form button[type=submit]').click();
    await page.waitForURL(/location1=bda/);
    await expect(page.locator('#results').textContent()).resolves.toContain('Office rent row: Yizhuang Development Zone');
    await expect(page.locator('#results').textContent()).resolves.toContain('11,651.28');
    await expect(page.locator('#social-insurance').textContent()).resolves.toContain('107,227.2');
    const checker = await axeContext.newPage();
    await checker.goto(page.url());
    expect(await axeViolations(checker)).toEqual([]);
    await checker.close();
    await page.close();
  });

  it('ranks locations for a German investor in Chinese, the Sino-German zone explained', async () => {
    const page = await phone.newPage();
    await page.goto(`${base}/zh/locations`);
    await page.locator('#industry').selectOption('automobile-transportation');
    await page.locator('#origin').selectOption('germany');
    await page.locator('form.estimator-form button[type=submit]').click();
    await page.waitForURL(/origin=germany/);
    await expect(page.locator('#ranking').textContent()).resolves.toContain('指南将该区域与德国投资者相联系');
    await expect(page.locator('#ranked-district + ol').textContent()).resolves.toContain('北京经济技术开发区');
    const checker = await axeContext.newPage();
    await checker.goto(page.url());
    expect(await axeViolations(checker)).toEqual([]);
    await checker.close();
    await page.close();
  });
});
