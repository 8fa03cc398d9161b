/**
 * [STAFF] a new administrator's first visit, in a real browser: the one-time link, choosing a password (errors
 * first), signing in, the home page with role and scope, signing out everywhere — in English and Chinese, with no
 * axe-core violations on any of the pages and a screenshot of each.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStaffUser } from '../src/modules/staff/index.js';
import { staffDb } from '../src/platform/auth/index.js';
import { urls } from '../src/platform/http/urls.js';
import { axeViolations, SHOTS, startBrowserApp, type BrowserApp } from './browser.js';

let app: BrowserApp;
let page: Page;

beforeAll(async () => {
  app = await startBrowserApp();
  // axe is injected as a script, which the pages' CSP forbids: this context bypasses CSP (the pages have no script).
  page = await (await app.browser.newContext({ bypassCSP: true, viewport: { width: 1280, height: 900 } })).newPage();
});
afterAll(async () => {
  await app?.close();
});

async function check(name: string): Promise<void> {
  expect(await axeViolations(page)).toEqual([]);
  await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
}

describe.each(['en', 'zh'] as const)('[STAFF] first sign-in of an administrator (%s)', (lang) => {
  const email = `chen.jing.${lang}@example.gov.cn`;
  const password = lang === 'zh' ? '北海公园的白塔在阳光下很美丽' : 'white pagoda over beihai';
  const text = {
    en: { save: 'Save password', signIn: 'Sign in', role: 'Administrator', scope: 'All of Beijing', out: 'Sign out everywhere', common: 'too common' },
    zh: { save: '保存密码', signIn: '登录', role: '管理员', scope: '全市', out: '在所有设备上退出', common: '过于常见' },
  }[lang];

  it('chooses a password through the one-time link, signs in, sees the role and signs out everywhere', async () => {
    const { token } = await createStaffUser(staffDb(app.t.database.db), { email, name: 'Chen Jing 陈静', role: 'admin', actor: null, now: new Date() });
    await page.goto(app.base + urls.staffSetPassword(lang, token));
    await check(`staff-set-password-${lang}`);

    await page.fill('#password', 'password1234');
    await page.fill('#confirm', 'password1234');
    await page.getByRole('button', { name: text.save }).click();
    await expect(page.locator('.error-summary').innerText()).resolves.toContain(text.common);
    await check(`staff-set-password-errors-${lang}`);

    await page.fill('#password', password);
    await page.fill('#confirm', password);
    await page.getByRole('button', { name: text.save }).click();
    expect(new URL(page.url()).pathname).toBe(urls.staffSignIn(lang));
    await check(`staff-sign-in-${lang}`);

    await page.fill('#email', email);
    await page.fill('#password', password);
    await page.getByRole('button', { name: text.signIn, exact: true }).click();
    expect(new URL(page.url()).pathname).toBe(urls.staffHome(lang));
    const main = await page.locator('main').innerText();
    expect(main).toContain(text.role);
    expect(main).toContain(text.scope);
    await check(`staff-home-${lang}`);

    await page.getByRole('button', { name: text.out }).click();
    expect(new URL(page.url()).pathname).toBe(urls.staffSignIn(lang));
    await page.goto(app.base + urls.staffHome(lang));
    expect(new URL(page.url()).pathname).toBe(urls.staffSignIn(lang));
  });
});
