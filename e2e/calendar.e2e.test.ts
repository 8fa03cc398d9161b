/**
 * [CALENDAR] in a real browser: an investor finds when 15 working days end across Spring Festival (English and
 * Chinese, the form submitted without script), then an administrator adds a closure (errors first) and the investor's
 * answer moves — no axe-core violations on any page, a screenshot of each.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStaffUser } from '../src/modules/staff/index.js';
import { setPasswordWithToken } from '../src/modules/staff/set-password.js';
import { staffDb } from '../src/platform/auth/index.js';
import { urls } from '../src/platform/http/urls.js';
import { axeViolations, SHOTS, startBrowserApp, type BrowserApp } from './browser.js';

let app: BrowserApp;
let page: Page;
const PASSWORD = 'seven lanterns over the drum tower';

beforeAll(async () => {
  app = await startBrowserApp();
  const db = staffDb(app.t.database.db);
  const { token } = await createStaffUser(db, { email: 'calendar.admin@example.gov.cn', name: 'Wang Fang 王芳', role: 'admin', actor: null, now: new Date() });
  await setPasswordWithToken(db, { token, password: PASSWORD, now: new Date(), requestId: 'e2e' });
  page = await (await app.browser.newContext({ bypassCSP: true, viewport: { width: 1280, height: 900 } })).newPage();
});
afterAll(async () => {
  await app?.close();
});

async function check(name: string): Promise<void> {
  expect(await axeViolations(page)).toEqual([]);
  await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
}

describe.each(['en', 'zh'] as const)('[CALENDAR] when a time limit in working days ends (%s)', (lang) => {
  const words = {
    en: { submit: 'Find the end date', answer: 'end on Wednesday, 11 March 2026', missing: 'Enter the number of working days' },
    zh: { submit: '计算届满日期', answer: '2026年3月11日星期三', missing: '请输入1至1000之间的整数工作日天数' },
  }[lang];

  it('answers across Spring Festival 2026 from the form, errors first', async () => {
    await page.goto(app.base + urls.workingDays(lang));
    await check(`calendar-page-empty-${lang}`);
    await page.fill('#from', '2026-02-12');
    await page.getByRole('button', { name: words.submit }).click();
    await expect(page.locator('.error-summary').innerText()).resolves.toContain(words.missing);
    await check(`calendar-page-errors-${lang}`);
    await page.fill('#add', '15');
    await page.getByRole('button', { name: words.submit }).click();
    await expect(page.locator('#answer').innerText()).resolves.toContain(words.answer);
    await expect(page.locator('#skipped tbody tr').count()).resolves.toBe(12);
    await check(`calendar-page-answer-${lang}`);
  });
});

describe('[CALENDAR][ADMIN] an administrator adds a closure and the answer moves', () => {
  it('signs in, sees 2026 from the package, adds a closure after an error, and the public page follows', async () => {
    await page.goto(app.base + urls.staffSignIn('en'));
    await page.fill('#email', 'calendar.admin@example.gov.cn');
    await page.fill('#password', PASSWORD);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();

    for (const lang of ['zh', 'en'] as const) {
      await page.goto(app.base + urls.staffAdminCalendar(lang, { year: 2026 }));
      await check(`calendar-admin-2026-${lang}`);
    }
    await page.fill('#date', '2026-03-02');
    await page.fill('#name_en', 'Municipal closure');
    await page.getByRole('button', { name: 'Add the override' }).click();
    await expect(page.locator('.error-summary').innerText()).resolves.toContain('Choose whether the day is a day off or a working day');
    await check('calendar-admin-errors-en');
    await page.check('input[name="kind"][value="day_off"]');
    await page.fill('#name_zh', '全市停止办公');
    await page.getByRole('button', { name: 'Add the override' }).click();
    await expect(page.locator('.staff-notice').innerText()).resolves.toContain('The override for 2026-03-02 is added.');
    await check('calendar-admin-added-en');

    await page.goto(app.base + urls.workingDays('en', { from: '2026-02-12', add: 15 }));
    await expect(page.locator('#answer').innerText()).resolves.toContain('end on Thursday, 12 March 2026');
    await expect(page.locator('#skipped').innerText()).resolves.toContain('Municipal closure');

    await page.goto(app.base + urls.staffAdminCalendar('en', { year: 2027 }));
    await check('calendar-admin-2027-en');
  });
});
