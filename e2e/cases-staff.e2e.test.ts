/**
 * [CASES][STAFF] the service line's staff side in a real browser: an acceptance agent accepts a case on its page and
 * dispatches it from the workbench, a district officer signs for it and drafts the reply from a template citing a
 * policy, a coordinator approves it — and the enterprise's tracking page shows the reply and the cited policy.
 * Each page is checked with axe-core (no violations) and photographed in English and Chinese.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { urls } from '../src/platform/http/urls.js';
import { caseFixtures, PASSWORD, type CaseFixtures } from '../test/helpers/case-fixtures.js';
import { startStaffApp, type StaffTestApp } from '../test/helpers/staff.js';
import { axeViolations, launchBrowser, SHOTS } from './browser.js';

let t: StaffTestApp;
let f: CaseFixtures;
let base: string;
let browser: Browser;
let filed: { reference: string; token: string };
let haidianUnit: string;

beforeAll(async () => {
  t = await startStaffApp();
  f = await caseFixtures(t);
  base = await t.app.listen({ port: 0, host: '127.0.0.1' });
  browser = await launchBrowser();
  haidianUnit = f.unitOf('haidian');
  filed = await f.file({ subject: '研发中心补贴未兑现', lang: 'zh', description: '我公司今年三月申请研发中心补贴，至今未收到任何答复。', enterprise_name: '示例机器人（北京）有限公司' });
  // Other cases so the workbench shows its queues: one overdue, one waiting for materials.
  await f.caseIn('accepted', { district: 'chaoyang', subject: 'Customs clearance delayed', topic: 'customs-trade' });
  await f.caseIn('needs_materials', { kind: 'complaint', fie_complaint: true, topic: 'government-conduct', subject: 'Licence refused without reasons' });
});
afterAll(async () => {
  await browser?.close();
  await t?.close();
});

/** A signed-in browser page (JavaScript on only so that axe can run: the pages have no script of their own). */
async function signedIn(role: Parameters<CaseFixtures['person']>[0], scope: Parameters<CaseFixtures['person']>[1] = {}): Promise<Page> {
  const person = await f.person(role, scope);
  const page = await (await browser.newContext({ bypassCSP: true, viewport: { width: 1280, height: 900 } })).newPage();
  await page.goto(base + urls.staffSignIn('en'));
  await page.fill('#email', person.email);
  await page.fill('#password', PASSWORD);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  return page;
}

async function check(page: Page, name: string): Promise<void> {
  expect(await axeViolations(page), name).toEqual([]);
  await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
}

describe('[CASES][STAFF] from acceptance to the enterprise reading the reply', () => {
  it('an acceptance agent sees the workbench and the case in both languages, accepts the case and dispatches it in bulk', async () => {
    const page = await signedIn('acceptance_agent');
    for (const lang of ['en', 'zh'] as const) {
      await page.goto(base + urls.staffCases(lang));
      await expect(page.locator('h1').innerText()).resolves.toBe(lang === 'en' ? 'Cases' : '诉求工作台');
      await expect(page.locator('.case-table').innerText()).resolves.toContain(filed.reference);
      await check(page, `cases-workbench-${lang}`);
      await page.goto(base + urls.staffCase(lang, filed.reference));
      await check(page, `cases-case-page-${lang}`);
    }

    await page.goto(base + urls.staffCase('en', filed.reference));
    await page.locator('#action-accept summary').click();
    await page.selectOption('#accept-limit_id', 'sophisticated-demand');
    await page.getByRole('button', { name: 'Accept the case' }).click();
    await expect(page.locator('.staff-notice').innerText()).resolves.toContain('Done: Accept');
    await expect(page.locator('.case-facts').first().innerText()).resolves.toContain('Accepted');

    // Bulk dispatch from the workbench: the accepted queue, this case ticked, the Haidian unit as lead.
    await page.goto(base + urls.staffCases('en', { status: 'accepted' }));
    await page.check(`#case-${filed.reference}`);
    await page.selectOption('#dispatch-lead', haidianUnit);
    await page.getByRole('button', { name: 'Dispatch selected cases' }).click();
    await expect(page.locator('h1').innerText()).resolves.toBe('Dispatch results');
    await expect(page.locator('.case-dispatch-result__done').innerText()).resolves.toContain(filed.reference);
    await check(page, 'cases-dispatch-result-en');
  });

  it('a district officer of Haidian signs for it, starts, and drafts the reply from a template citing a policy', async () => {
    const page = await signedIn('district_officer', { districtId: 'haidian' });
    await page.goto(base + urls.staffCases('en', { queue: 'unit' }));
    await page.getByRole('link', { name: filed.reference }).click();
    await page.getByRole('button', { name: 'Sign for the case' }).click();
    await page.getByRole('button', { name: 'Start handling' }).click();

    await page.locator('#action-draft_reply summary').click();
    await page.selectOption('#draft_reply-template', 'policies-reply');
    await page.locator('#action-draft_reply').getByRole('button', { name: 'Use this template' }).click();
    // The template is filled in the case's language (Chinese), with the greeting and the reference.
    const draft = page.locator('#draft_reply-body');
    await expect(draft.inputValue()).resolves.toContain(`诉求 ${filed.reference}`);
    await draft.fill(`示例机器人（北京）有限公司：\n\n经核实，研发中心补贴将于12月20日拨付。诉求编号 ${filed.reference}。`);
    const cite = await page.locator('#draft_reply-cites option').first().getAttribute('value');
    await page.selectOption('#draft_reply-cites', cite!);
    await check(page, 'cases-case-draft-en');
    await page.getByRole('button', { name: 'Save the draft for approval' }).click();
    await expect(page.locator('.staff-notice').innerText()).resolves.toContain('Draft the reply');
    await expect(page.locator('.case-timeline').innerText()).resolves.toContain('Reply drafted');
  });

  it('a coordinator approves the reply, and the enterprise reads it with the cited policy on its tracking page', async () => {
    const page = await signedIn('municipal_coordinator');
    await page.goto(base + urls.staffCase('zh', filed.reference));
    await page.locator('#action-approve_reply summary').click();
    await expect(page.locator('#approve_reply-body').inputValue()).resolves.toContain('12月20日拨付');
    await check(page, 'cases-case-approve-zh');
    await page.getByRole('button', { name: '审核并发送' }).click();
    await expect(page.locator('.case-facts').first().innerText()).resolves.toContain('已答复');

    const tracking = await (await browser.newContext({ bypassCSP: true, viewport: { width: 1280, height: 900 } })).newPage();
    await tracking.goto(base + urls.withQuery(urls.serviceTrack('zh'), { ref: filed.reference, token: filed.token }));
    const history = await tracking.locator('main').innerText();
    expect(history).toContain('12月20日拨付');
    const cited = tracking.locator('.service-event--approve-reply a');
    await expect(cited.count()).resolves.toBeGreaterThan(0);
    expect(await cited.first().getAttribute('href')).toMatch(/^\/zh\/policies\//);
    await check(tracking, 'cases-tracking-reply-zh');
  });
});
