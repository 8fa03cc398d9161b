/**
 * [CASES][REPORTS] the service line's dashboard and the public performance page in a real browser (JavaScript off
 * for the pages; on only for axe): a coordinator reads the dashboard, changes the period with the form, follows a
 * count to the cases behind it; a visitor reads the performance page. No axe-core violation; a screenshot of each
 * page in English and Chinese. The cases have known outcomes (test/helpers/case-reports.ts), seen on 1 December 2026.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseDb } from '../src/modules/cases/case.tables.js';
import { ContentService } from '../src/modules/content/index.js';
import { urls } from '../src/platform/http/urls.js';
import { REPORT_NOW, seedReportCases } from '../test/helpers/case-reports.js';
import { createStaffWithPassword, startStaffApp, type StaffTestApp } from '../test/helpers/staff.js';
import { axeViolations, launchBrowser, SHOTS } from './browser.js';

const PASSWORD = 'copper kettle by the west gate';
let t: StaffTestApp;
let base: string;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  t = await startStaffApp();
  t.clock.now = REPORT_NOW;
  const content = new ContentService(t.database.db);
  await content.refresh();
  await seedReportCases(caseDb(t.database.db), content.store);
  await createStaffWithPassword(t, { email: 'coordinator.e2e@example.gov.cn', name: 'Chen Jing 陈静', role: 'municipal_coordinator', password: PASSWORD });
  base = await t.app.listen({ port: 0, host: '127.0.0.1' });
  browser = await launchBrowser();
  page = await (await browser.newContext({ bypassCSP: true, javaScriptEnabled: true, viewport: { width: 1280, height: 900 } })).newPage();
  await page.goto(base + urls.staffSignIn('en'));
  await page.fill('#email', 'coordinator.e2e@example.gov.cn');
  await page.fill('#password', PASSWORD);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
});
afterAll(async () => {
  await browser?.close();
  await t?.close();
});

async function check(name: string): Promise<void> {
  expect(await axeViolations(page), name).toEqual([]);
  await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
}

describe.each(['en', 'zh'] as const)('[CASES][REPORTS] dashboard and performance page (%s)', (lang) => {
  const words = {
    en: { title: 'Service line dashboard', show: 'Show figures', drill: 'Cases behind a figure', performance: 'Service line performance', hotline: 'Handled 255,000 enterprise requests, with a resolution rate of 97.5%.' },
    zh: { title: '诉求办理数据看板', show: '查看数据', drill: '数字背后的诉求', performance: '诉求办理情况', hotline: '办理企业诉求25.5万件，解决率97.5%。' },
  }[lang];

  it('a coordinator reads the dashboard, narrows the period and follows a count to its cases', async () => {
    await page.goto(base + urls.staffCasesDashboard(lang));
    await expect(page.locator('h1').innerText()).resolves.toBe(words.title);
    await expect(page.locator('.dashboard-summary .stat__value').first().innerText()).resolves.toBe('8');
    await check(`cases-dashboard-${lang}`);

    await page.fill('#from', '2026-11-16');
    await page.fill('#to', '2026-11-22');
    await page.getByRole('button', { name: words.show }).click();
    expect(page.url()).toContain('from=2026-11-16&to=2026-11-22');
    await expect(page.locator('.dashboard-summary .stat__value').first().innerText()).resolves.toBe('4');

    await page.fill('#from', '2026-11-30');
    await page.fill('#to', '2026-11-01');
    await page.getByRole('button', { name: words.show }).click();
    await expect(page.locator('.error-summary').count()).resolves.toBe(1);
    await check(`cases-dashboard-errors-${lang}`);

    await page.goto(base + urls.staffCasesDashboard(lang));
    await page.locator('#on-time tfoot a').nth(2).click();
    await expect(page.locator('h1').innerText()).resolves.toBe(words.drill);
    await expect(page.locator('tbody tr').count()).resolves.toBe(2);
    await check(`cases-dashboard-list-${lang}`);
  });

  it('a visitor reads the performance page, with the guide’s 12345 figure beside this platform’s', async () => {
    const visitor = await (await browser.newContext({ bypassCSP: true, viewport: { width: 1280, height: 900 } })).newPage();
    await visitor.goto(base + urls.servicePerformance(lang));
    await expect(visitor.locator('h1').innerText()).resolves.toBe(words.performance);
    await expect(visitor.locator('main').innerText()).resolves.toContain(words.hotline);
    expect(await axeViolations(visitor)).toEqual([]);
    await visitor.screenshot({ path: `${SHOTS}/service-performance-${lang}.png`, fullPage: true });
    await visitor.close();
  });
});
