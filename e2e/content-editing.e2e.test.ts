/**
 * [CONTENT] issue #12 in a real browser: an investor saves a profile from Policies for me (double opt-in); a content
 * editor changes a policy's Chinese summary and the rule threshold that decides whether it applies (the parameter
 * and the rule's sentence that quotes it) and submits them; another editor reviews and publishes them from the review
 * queue; the public policy page and the policy-match answer change within 5 seconds (the process's own content
 * polling); the worker e-mails the subscribed investor exactly once. Every page is checked with axe-core (no
 * violations) and photographed, in English and Chinese.
 */
import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { workerContributions } from '../src/app.js';
import { systemClock } from '../src/platform/clock.js';
import { urls } from '../src/platform/http/urls.js';
import { createWorker } from '../src/platform/jobs/start-worker.js';
import { PASSWORD } from '../test/helpers/pipeline-fixtures.js';
import { createStaffWithPassword, startStaffApp, type StaffTestApp } from '../test/helpers/staff.js';
import { testConfig } from '../test/helpers/test-app.js';
import { axeViolations, launchBrowser, SHOTS } from './browser.js';

const POLICY = 'foreign-rd-headquarters-confirmation-opinions-2021';
const RULE = 'rd-hq-confirmation';
const PARAMETER = 'rd_hq_min_paid_in_capital_usd';
const INVESTOR = 'investor@example.com';
/** An R&D centre with USD 1.5 million paid in: below today's USD 2 million threshold, above the new USD 1 million. */
const PROFILE = '?entity_type=rd_center&paid_in_capital_usd=1500000&authorised_by_parent=yes';
const NEW_SUMMARY_ZH = '（编辑更新）外资研发总部认定：实缴注册资本不低于100万美元，并经境外母公司授权。';

let t: StaffTestApp;
let base: string;
let browser: Browser;
let outbox: string;
let stopWorker: () => Promise<void>;

beforeAll(async () => {
  t = await startStaffApp();
  for (const [email, name] of [['editor@example.gov', 'Wang Editor'], ['reviewer@example.gov', 'Li Reviewer']]) {
    await createStaffWithPassword(t, { email, name, role: 'content_editor', password: PASSWORD });
  }
  base = await t.app.listen({ port: 0, host: '127.0.0.1' });
  // The process refreshes its read model the way a server does: polling the content version (CONTENT_POLL_MS).
  t.content.startPolling(testConfig().CONTENT_POLL_MS, () => undefined);
  // The worker as ROLE=all runs it: the scheduler, the alert sweep and e-mail delivery into DATA_DIR/outbox.
  const dataDir = await mkdtemp(path.join(tmpdir(), 'ib-e2e-content-'));
  outbox = path.join(dataDir, 'outbox');
  const config = testConfig({ MAIL_SINK: 'file', DATA_DIR: dataDir, JOB_POLL_MS: '200' });
  const silent = { info: () => undefined, warn: () => undefined, error: () => undefined } as never;
  const { worker, close } = createWorker(config, t.database.db, silent, systemClock, workerContributions({ config, db: t.database.db, clock: systemClock }));
  worker.start();
  stopWorker = async () => {
    await worker.stop();
    close();
  };
  browser = await launchBrowser();
});
afterAll(async () => {
  t?.content.stopPolling();
  await stopWorker?.();
  await browser?.close();
  await t?.close();
});

async function newPage(): Promise<Page> {
  return (await browser.newContext({ bypassCSP: true, viewport: { width: 1280, height: 900 } })).newPage();
}

async function signedIn(email: string): Promise<Page> {
  const page = await newPage();
  await page.goto(base + urls.staffSignIn('en'));
  await page.fill('#email', email);
  await page.fill('#password', PASSWORD);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  return page;
}

async function check(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
  expect(await axeViolations(page), name).toEqual([]);
}

/** The .eml files the worker wrote to the given address, read whole. */
async function mailTo(address: string): Promise<string[]> {
  const files = await readdir(outbox).catch(() => [] as string[]);
  const messages = await Promise.all(files.map((file) => readFile(path.join(outbox, file), 'utf8')));
  return messages.filter((message) => new RegExp(`^To: ${address.replace('.', '\\.')}`, 'm').test(message));
}

/** Quoted-printable soft breaks and escapes undone, so links and words read as sent. */
function plain(message: string): string {
  return message.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

async function until<T>(what: string, probe: () => Promise<T | undefined | false>, limitMs: number): Promise<{ value: T; ms: number }> {
  const started = Date.now();
  for (;;) {
    const value = await probe();
    if (value) return { value, ms: Date.now() - started };
    if (Date.now() - started > limitMs) throw new Error(`${what}: not within ${limitMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** On a revision page: press a step's button and come back to the revision page. */
async function press(page: Page, label: string): Promise<void> {
  await page.getByRole('button', { name: label, exact: true }).click();
  await expect.poll(() => page.url()).toMatch(/\/staff\/content\/revisions\/\d+/);
}

describe('[CONTENT] an editor changes a policy and its threshold, a reviewer publishes, investors see it and hear of it', () => {
  it('an investor saves the profile from Policies for me and confirms it from the e-mail (double opt-in)', async () => {
    const page = await newPage();
    await page.goto(base + urls.policiesForMe('zh') + PROFILE);
    await check(page, 'content-alert-form-zh');
    await page.goto(base + urls.policiesForMe('en') + PROFILE);
    await page.fill('#alert-email', INVESTOR);
    await page.check('#alert-consent');
    await check(page, 'content-alert-form-en');
    await page.locator('.alert-subscribe button[type=submit]').click();
    await expect(page.locator('h1').innerText()).resolves.toBe('Check your inbox');
    await check(page, 'content-alert-inbox-en');

    const { value: confirmation } = await until('the confirmation e-mail', async () => (await mailTo(INVESTOR))[0], 15_000);
    const link = /https?:\/\/[^\s]+\/en\/alerts\/confirm\?token=[A-Za-z0-9_-]+/.exec(plain(confirmation))?.[0];
    expect(link).toBeTruthy();
    await page.goto(base + new URL(link!).pathname + new URL(link!).search);
    await check(page, 'content-alert-confirm-en');
    await page.locator('main button[type=submit]').click();
    await expect(page.locator('h1').innerText()).resolves.toBe('E-mails about policies confirmed');
  });

  it('the editor changes the policy’s Chinese summary and the threshold with the sentence that quotes it, and submits them', async () => {
    const editor = await signedIn('editor@example.gov');

    // The policy: the Chinese summary, in the form generated from the policy schema (seen in both languages).
    await editor.goto(base + urls.staffContentEdit('zh', 'policies', POLICY));
    await check(editor, 'content-policy-edit-zh');
    await editor.goto(base + urls.staffContentEdit('en', 'policies', POLICY));
    await editor.locator('textarea[name="zh.summary"]').fill(NEW_SUMMARY_ZH);
    await check(editor, 'content-policy-edit-en');
    await editor.getByRole('button', { name: 'Save draft', exact: true }).click();
    await expect.poll(() => editor.url()).toMatch(/\/staff\/content\/revisions\/\d+/);
    await expect(editor.locator('main').innerText()).resolves.toContain(NEW_SUMMARY_ZH.slice(0, 6));
    await check(editor, 'content-policy-revision-en');
    await press(editor, 'Submit for review');
    // A second person publishes policies: the author is not offered the step.
    expect(await editor.getByRole('button', { name: 'Publish now', exact: true }).count()).toBe(0);

    // The threshold: the rule parameter's value.
    await editor.goto(base + urls.staffContentEdit('en', 'rule-parameters', PARAMETER));
    await editor.locator('[name="value"]').fill('1000000');
    // Its name states the amount too: it changes with it, in both languages.
    const labelEn = editor.locator('[name="en.label"]');
    const labelZh = editor.locator('[name="zh.label"]');
    await labelEn.fill((await labelEn.inputValue()).replace('$2 million', '$1 million'));
    await labelZh.fill((await labelZh.inputValue()).replace('200万', '100万'));
    expect(await labelEn.inputValue()).toContain('$1 million');
    expect(await labelZh.inputValue()).toContain('100万');
    await editor.getByRole('button', { name: 'Save draft', exact: true }).click();
    await expect.poll(() => editor.url()).toMatch(/\/staff\/content\/revisions\/\d+/);
    await press(editor, 'Submit for review');

    // The rule: its condition's sentence quotes the threshold, so it changes with it (the rule editor, in Chinese too).
    await editor.goto(base + urls.staffContentEdit('zh', 'rules', RULE));
    await check(editor, 'content-rule-edit-zh');
    await editor.goto(base + urls.staffContentEdit('en', 'rules', RULE));
    const field = await editor.evaluate(() => {
      const areas = [...document.querySelectorAll<HTMLTextAreaElement>('textarea[name$=".label_en"]')];
      const area = areas.find((a) => a.value.includes('USD 2 million'));
      return area ? { en: area.name, zh: area.name.replace(/label_en$/, 'label_zh'), zhValue: (document.querySelector<HTMLTextAreaElement>(`textarea[name="${area.name.replace(/label_en$/, 'label_zh')}"]`)?.value ?? '') } : null;
    });
    expect(field).not.toBeNull();
    await editor.locator(`textarea[name="${field!.en}"]`).fill('Total paid-in registered capital in Beijing of at least USD 1 million');
    await editor.locator(`textarea[name="${field!.zh}"]`).fill(field!.zhValue.replace('200万', '100万'));
    await check(editor, 'content-rule-edit-en');
    await editor.getByRole('button', { name: 'Save draft', exact: true }).click();
    await expect.poll(() => editor.url()).toMatch(/\/staff\/content\/revisions\/\d+/);
    // Before it goes anywhere: the rule tests (the saved profiles' outcomes with and without the change).
    await press(editor, 'Submit for review');
  });

  it('the reviewer publishes the three revisions from the review queue; the public page and the policy match change within 5 s', async () => {
    const reviewer = await signedIn('reviewer@example.gov');
    await reviewer.goto(base + urls.staffContentReview('zh'));
    await check(reviewer, 'content-review-zh');
    await reviewer.goto(base + urls.staffContentReview('en'));
    const boxes = reviewer.locator('input[type=checkbox][name="revision"]');
    expect(await boxes.count()).toBe(3);
    for (const box of await boxes.all()) await box.check();
    await check(reviewer, 'content-review-en');

    const before = await (await fetch(base + urls.policiesForMe('en') + PROFILE)).text();
    expect(before).not.toContain(NEW_SUMMARY_ZH);
    await reviewer.getByRole('button', { name: 'Publish the selected revisions', exact: true }).click();
    const published = Date.now();
    await check(reviewer, 'content-review-published-en');

    const policyPage = await until('the new Chinese summary on the public policy page', async () => {
      const response = await fetch(base + urls.policy('zh', POLICY));
      return (await response.text()).includes(NEW_SUMMARY_ZH);
    }, 10_000);
    const match = await until('the policy match applying the new threshold', async () => {
      const html = await (await fetch(base + urls.policiesForMe('en') + PROFILE)).text();
      return html.includes('at least USD 1 million') && html;
    }, 10_000);
    expect(Date.now() - published).toBeLessThan(5_000 + 1_000);
    expect(policyPage.ms).toBeLessThanOrEqual(5_000);
    expect(match.ms).toBeLessThanOrEqual(5_000);

    const page = await newPage();
    await page.goto(base + urls.policy('zh', POLICY));
    await expect(page.locator('main').innerText()).resolves.toContain(NEW_SUMMARY_ZH);
    await check(page, 'content-policy-public-zh');
  });

  it('the subscribed investor gets exactly one e-mail about it, with the reason and a one-click unsubscribe', async () => {
    const { value: alert } = await until('the alert e-mail', async () => (await mailTo(INVESTOR)).find((m) => !/alerts\/confirm\?token/.test(plain(m))), 30_000);
    const text = plain(alert);
    expect(text).toMatch(/Foreign-invested R&D headquarters|R&D headquarters/i);
    expect(text).toContain('at least USD 1 million');
    expect(text).toMatch(/^List-Unsubscribe:\s+<https?:\/\/[^>]+\/alerts\/unsubscribe\?token=/m);
    expect(text).toMatch(/^List-Unsubscribe-Post: List-Unsubscribe=One-Click/m);
    // Another sweep later: still one alert (once per profile per change).
    await new Promise((resolve) => setTimeout(resolve, 6_000));
    expect((await mailTo(INVESTOR)).filter((m) => !/alerts\/confirm\?token/.test(plain(m)))).toHaveLength(1);
  });
});
