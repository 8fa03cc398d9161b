/**
 * [SERVICE] the public side of the enterprise service line in a real browser: an investor files a complaint in
 * Chinese with JavaScript off and sees the confirmation, follows the case by its tracking link, sends the materials
 * asked for, reads the reply and rates it; the same pages in English and Chinese with no axe-core violations and a
 * screenshot of each (form, errors, confirmation, look-up, case).
 */
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ContentService } from '../src/modules/content/index.js';
import { caseDb } from '../src/modules/cases/case.tables.js';
import { urls } from '../src/platform/http/urls.js';
import { localDirectoryStorage } from '../src/modules/cases/attachments/storage.js';
import { PDF, staffActors } from '../test/helpers/service-form.js';
import { axeViolations, SHOTS, startBrowserApp, type BrowserApp } from './browser.js';

let app: BrowserApp;
let checked: BrowserContext;
let staff: ReturnType<typeof staffActors>;

beforeAll(async () => {
  app = await startBrowserApp();
  // axe is injected as a script, which the pages' CSP forbids: this context bypasses CSP for the checks only.
  checked = await app.browser.newContext({ bypassCSP: true, viewport: { width: 1280, height: 900 } });
  const content = new ContentService(app.t.database.db);
  await content.refresh();
  staff = staffActors(caseDb(app.t.database.db), () => content.store, () => new Date());
});
afterAll(async () => {
  // The documents uploaded here went to the configured folder (DATA_DIR/attachments): remove them.
  if (app) {
    const storage = localDirectoryStorage(app.t.config.ATTACHMENTS_DIR ?? path.join(app.t.config.DATA_DIR, 'attachments'));
    for (const { storage_key } of await caseDb(app.t.database.db).selectFrom('case_attachments').select('storage_key').execute()) await storage.delete(storage_key);
  }
  await app?.close();
});

async function check(page: Page, name: string): Promise<void> {
  expect(await axeViolations(page), name).toEqual([]);
  await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
}

async function fillComplaint(page: Page, lang: 'en' | 'zh'): Promise<void> {
  await page.check('#kind-complaint');
  await page.check('#fie_complaint');
  await page.check('input[name="topic"][value="government-conduct"]');
  await page.selectOption('#district', 'chaoyang');
  await page.fill('#subject', lang === 'zh' ? '施工许可审批超期' : 'Construction permit overdue');
  await page.fill('#description', lang === 'zh' ? '我司于九月提交施工许可申请，材料齐全，至今未获审批，也未收到任何说明。' : 'We applied for the construction permit in September with complete materials and have had no decision or explanation.');
  await page.fill('#enterprise_name', lang === 'zh' ? '示例精密制造（北京）有限公司' : 'Example Precision Manufacturing (Beijing) Co., Ltd.');
  await page.fill('#uscc', '91350100M000100Y43');
  await page.check('#foreign_invested');
  await page.fill('#investor_origin', lang === 'zh' ? '德国' : 'Germany');
  await page.fill('#contact_name', lang === 'zh' ? '王丽' : 'Li Wang');
  await page.fill('#contact_email', `investor.${lang}.${Date.now()}@example.com`);
  await page.check('#consent');
}

describe('[SERVICE] an investor files a complaint in Chinese and follows it', () => {
  it('works without JavaScript: the form, the confirmation with reference and token, the case by its tracking link', async () => {
    const page = await app.context.newPage();
    await page.goto(app.base + urls.service('zh'));
    await fillComplaint(page, 'zh');
    await page.setInputFiles('#attachments', [{ name: '施工许可申请.pdf', mimeType: 'application/pdf', buffer: PDF }]);
    await page.getByRole('button', { name: '提交' }).click();
    await expect(page.locator('h1').innerText()).resolves.toMatch(/^已收到您的事项：IB-\d{4}-\d{6}$/);
    const reference = await page.locator('#case-reference').innerText();
    const token = await page.locator('#case-token').innerText();
    expect(token).toMatch(/^[\w-]{43}$/);
    await expect(page.locator('main').innerText()).resolves.toContain('7个工作日内作出是否受理的决定');
    await expect(page.locator('#attachments-h + ul').innerText()).resolves.toBe('施工许可申请.pdf');
    await page.getByRole('link', { name: '查询事项进度' }).click();
    await expect(page.locator('h1').innerText()).resolves.toBe(`事项 ${reference}`);
    await expect(page.locator('main').innerText()).resolves.toContain('已收到，等待受理');
    await page.close();
  });
});

describe.each(['zh', 'en'] as const)('[SERVICE] the service line pages (%s)', (lang) => {
  const words = {
    zh: { submit: '提交', error: '请检查以下问题', done: '已收到您的事项', track: '查询事项进度', show: '查看我的事项', materials: '提交材料', rate: '提交评价', thanks: '谢谢，您的评价已记录。' },
    en: { submit: 'Send request', error: 'There is a problem', done: 'Request received', track: 'Follow your request', show: 'Show my request', materials: 'Send materials', rate: 'Send rating', thanks: 'Thank you: your rating has been recorded.' },
  }[lang];

  it('form, errors, confirmation, look-up, materials, reply and rating — axe-clean, each looked at', async () => {
    const page = await checked.newPage();
    await page.goto(app.base + urls.service(lang));
    await check(page, `service-form-${lang}`);

    await page.getByRole('button', { name: words.submit }).click();
    await expect(page.locator('.error-summary h2').innerText()).resolves.toBe(words.error);
    await check(page, `service-form-errors-${lang}`);

    await fillComplaint(page, lang);
    await page.getByRole('button', { name: words.submit }).click();
    await expect(page.locator('h1').innerText()).resolves.toContain(words.done);
    const reference = await page.locator('#case-reference').innerText();
    const token = await page.locator('#case-token').innerText();
    await check(page, `service-confirmation-${lang}`);

    // The look-up form: reference pre-filled from ?ref= (as the later e-mails link), the token typed in.
    await page.goto(app.base + urls.serviceTrack(lang, reference));
    await check(page, `service-track-lookup-${lang}`);
    await page.fill('#token', token);
    await page.getByRole('button', { name: words.show }).click();
    await expect(page.locator('h1').innerText()).resolves.toContain(reference);

    // The agency asks for materials: the page shows what and by when; the investor answers.
    const agent = await staff.make('acceptance_agent');
    await staff.act(reference, agent, 'request_materials', { missing: lang === 'zh' ? '请补充施工许可申请受理回执。' : 'Please send the receipt of your permit application.' });
    await page.reload();
    await check(page, `service-track-materials-${lang}`);
    await page.fill('#body', lang === 'zh' ? '受理回执编号：2026-0918-001，今日邮寄。' : 'Receipt No. 2026-0918-001, posted today.');
    await page.getByRole('button', { name: words.materials }).click();
    await expect(page.locator('.service-notice').innerText()).resolves.toBeTruthy();

    // Accepted, handled and answered; the investor reads the reply and rates it.
    await staff.act(reference, agent, 'accept', { limit_id: 'fie-complaint-handling' });
    const departments = await caseDb(app.t.database.db).selectFrom('departments').select(['id', 'district_id']).where('active', '=', true).execute();
    const unit = departments.find((d) => d.district_id === 'chaoyang')!;
    const handler = await staff.make('department_handler', { departmentId: unit.id });
    await staff.act(reference, agent, 'dispatch', { lead: unit.id, co: [] });
    await staff.act(reference, handler, 'sign_for', {});
    await staff.act(reference, handler, 'start', {});
    await staff.act(reference, handler, 'draft_reply', { body: lang === 'zh' ? '施工许可已于今日核发，请到区政务服务中心领取。' : 'The permit was issued today: collect it at the district government service centre.' });
    await staff.act(reference, agent, 'approve_reply', {});
    await page.goto(app.base + urls.serviceTrack(lang, reference));
    await page.fill('#token', token);
    await page.getByRole('button', { name: words.show }).click();
    await check(page, `service-track-replied-${lang}`);
    await page.check('#resolved');
    await page.check('#satisfaction-5');
    await page.getByRole('button', { name: words.rate }).click();
    await expect(page.locator('.service-notice').innerText()).resolves.toBe(words.thanks);
    await check(page, `service-track-rated-${lang}`);
    await page.close();
  });
});
