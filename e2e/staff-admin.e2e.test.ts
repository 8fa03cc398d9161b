/**
 * [STAFF] the administration pages in a real browser: accounts list, invite (errors, then the one-time link), one
 * account, the audit log, departments and districts (add, deactivate, a handler invited to a department) — in English
 * and Chinese, with no axe-core violations and a screenshot of each.
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
const PASSWORD = 'copper kettle by the west gate';

beforeAll(async () => {
  app = await startBrowserApp();
  const db = staffDb(app.t.database.db);
  for (const [email, name] of [['admin.e2e@example.gov.cn', 'Chen Jing 陈静'], ['officer.e2e@example.gov.cn', 'Li Na 李娜']] as const) {
    const role = email.startsWith('admin') ? 'admin' : 'district_officer';
    const { token } = await createStaffUser(db, { email, name, role, districtId: role === 'admin' ? null : 'haidian', actor: null, now: new Date() });
    await setPasswordWithToken(db, { token, password: PASSWORD, now: new Date(), requestId: 'e2e' });
  }
  page = await (await app.browser.newContext({ bypassCSP: true, viewport: { width: 1280, height: 900 } })).newPage();
  await page.goto(app.base + urls.staffSignIn('en'));
  await page.fill('#email', 'admin.e2e@example.gov.cn');
  await page.fill('#password', PASSWORD);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
});
afterAll(async () => {
  await app?.close();
});

async function check(name: string): Promise<void> {
  expect(await axeViolations(page)).toEqual([]);
  await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
}

describe.each(['en', 'zh'] as const)('[STAFF] administration pages (%s)', (lang) => {
  const text = {
    en: { invite: 'Create account and link', once: 'shown only this once', name: 'Enter the person’s name', users: 'Staff accounts' },
    zh: { invite: '创建账户并生成链接', once: '链接仅显示这一次', name: '请输入姓名', users: '工作人员账户' },
  }[lang];

  it('lists accounts, invites a person (errors first), shows an account and the audit log', async () => {
    await page.goto(app.base + urls.staffAdminUsers(lang));
    await expect(page.locator('h1').innerText()).resolves.toBe(text.users);
    await check(`staff-admin-users-${lang}`);

    await page.goto(app.base + urls.staffAdminInvite(lang));
    await page.selectOption('#role', 'district_officer');
    await page.getByRole('button', { name: text.invite }).click();
    await expect(page.locator('.error-summary').innerText()).resolves.toContain(text.name);
    await check(`staff-admin-invite-errors-${lang}`);

    await page.fill('#name', lang === 'en' ? 'Zhou Min' : '周敏');
    await page.fill('#email', `zhou.min.${lang}@example.gov.cn`);
    await page.selectOption('#district', 'chaoyang');
    await page.getByRole('button', { name: text.invite }).click();
    await expect(page.locator('main').innerText()).resolves.toContain(text.once);
    await check(`staff-admin-link-${lang}`);

    await page.locator('main a', { hasText: lang === 'en' ? 'Back to the account' : '返回账户页面' }).click();
    await check(`staff-admin-user-${lang}`);

    await page.goto(app.base + urls.staffAdminAudit(lang));
    await expect(page.locator('tbody tr').count()).resolves.toBeGreaterThan(3);
    await check(`staff-admin-audit-${lang}`);
  });

  it('lists departments and districts, adds a department (errors first), deactivates it, invites a handler of a department', async () => {
    const words = {
      en: { title: 'Departments and districts', add: 'Add department', missing: 'Enter the department’s name in English', added: 'is added', deactivate: 'Deactivate', off: 'is deactivated' },
      zh: { title: '部门和区', add: '添加部门', missing: '请输入部门的英文名称', added: '已添加部门', deactivate: '停用', off: '已停用部门' },
    }[lang];
    await page.goto(app.base + urls.staffAdminDepartments(lang));
    await expect(page.locator('h1').innerText()).resolves.toBe(words.title);
    await check(`staff-admin-departments-${lang}`);

    await page.goto(app.base + urls.staffAdminDepartmentNew(lang));
    await page.getByRole('button', { name: words.add }).click();
    await expect(page.locator('.error-summary').innerText()).resolves.toContain(words.missing);
    await check(`staff-admin-department-errors-${lang}`);
    await page.fill('#name_en', `Tongzhou Foreign Investment Service Centre ${lang}`);
    await page.fill('#name_zh', `通州区外商投资服务中心${lang}`);
    await page.selectOption('#kind', 'district');
    await page.selectOption('#district', 'tongzhou');
    await page.getByRole('button', { name: words.add }).click();
    await expect(page.locator('.staff-notice').innerText()).resolves.toContain(words.added);

    const slug = `tongzhou-foreign-investment-service-centre-${lang}`;
    await page.locator(`#department-${slug} button`).click();
    await expect(page.locator('.staff-notice').innerText()).resolves.toContain(words.off);
    await page.goto(app.base + urls.staffAdminDepartments(lang, { district: 'tongzhou' }));
    await check(`staff-admin-departments-tongzhou-${lang}`);

    await page.goto(app.base + urls.staffAdminInvite(lang));
    await page.fill('#name', lang === 'en' ? 'Wang Lei' : '王磊');
    await page.fill('#email', `wang.lei.${lang}@example.gov.cn`);
    await page.selectOption('#role', 'department_handler');
    await page.selectOption('#department', 'tongzhou-commerce-bureau');
    await check(`staff-admin-invite-department-${lang}`);
    await page.getByRole('button', { name: text.invite }).click();
    await expect(page.locator('main').innerText()).resolves.toContain(text.once);

    await page.goto(app.base + urls.staffAdminAudit(lang, { entity: 'department' }));
    await expect(page.locator('tbody tr').count()).resolves.toBeGreaterThan(0);
    await check(`staff-admin-audit-departments-${lang}`);
  });
});
