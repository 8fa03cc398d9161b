/**
 * [PLAN] an investor answers the progressive questionnaire step by step and changes an answer;
 * [SITES] ranks locations and compares two of them side by side. JavaScript off, as for every page.
 */
import type { BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SHOTS, startBrowserApp, type BrowserApp } from './browser.js';

let app: BrowserApp;
let base: string;
let context: BrowserContext;

beforeAll(async () => {
  app = await startBrowserApp();
  ({ base, context } = app);
});
afterAll(() => app?.close());

const questionnaire = '#questionnaire form.plan-form >> nth=0';

describe('[PLAN] plan my investment', () => {
  it('asks a few questions at a time, remembers the answers and lets the investor change one', async () => {
    const page = await context.newPage();
    await page.goto(`${base}/en/plan`);
    const form = page.locator(questionnaire);
    // Step 1: the questions the plan needs first.
    await form.locator('#industry').selectOption('pharmaceutical-health');
    await form.locator('#activity').fill('R&D of antibody drugs');
    await form.locator('#entity_type').selectOption('rd_center');
    await form.locator('#district').selectOption('haidian');
    await form.locator('#staff').fill('60');
    await form.locator('button[type=submit]').click();
    await page.waitForURL(/entity_type=rd_center/);
    await expect(page.locator('#policies').count()).resolves.toBe(1);
    // Answered questions are no longer asked, but listed.
    await expect(page.locator(`${questionnaire} >> #entity_type`).count()).resolves.toBe(0);
    await expect(page.locator('.answers').textContent()).resolves.toContain('R&D centre');
    // Step 2: answer one of the questions that still matter.
    await page.locator(questionnaire).locator('#in_ftz').selectOption('no');
    await page.locator(questionnaire).locator('button[type=submit]').click();
    await page.waitForURL(/in_ftz=no/);
    expect(page.url()).toContain('district=haidian');
    // Change an earlier answer in the full form (a <details>, no script needed).
    await page.locator('.change-answers summary').click();
    await page.locator('#all-district').selectOption('changping');
    await page.locator('.change-answers button[type=submit]').click();
    await page.waitForURL(/district=changping/);
    expect(page.url()).toContain('in_ftz=no');
    await expect(page.locator('#steps').textContent()).resolves.toContain('Changping');
    await page.screenshot({ path: `${SHOTS}/en-plan-progressive.png`, fullPage: true });
    await page.close();
  });
});

describe('[SITES] where to locate', () => {
  it('ranks every kind of location and compares a district with a park', async () => {
    const page = await context.newPage();
    await page.goto(`${base}/zh/locations`);
    await page.locator('#industry').selectOption('pharmaceutical-health');
    await page.locator('#space').selectOption('industrial');
    await page.locator('#area').fill('1200');
    await page.locator('form.estimator-form button[type=submit]').click();
    await page.waitForURL(/space=industrial/);
    for (const kind of ['district', 'park', 'ftz_cluster', 'project']) await expect(page.locator(`#ranked-${kind} + ol li`).count()).resolves.toBeGreaterThan(0);
    await page.locator('input[value="district:changping"]').check();
    await page.locator('input[value="park:beijing-etdz"]').check();
    await page.locator('#ranking button[type=submit]').click();
    await page.waitForURL(/compare=/);
    const table = page.locator('#compare table');
    await expect(table.locator('thead').textContent()).resolves.toMatch(/昌平区[\s\S]*北京经济技术开发区/);
    await page.screenshot({ path: `${SHOTS}/zh-locations-compare.png`, fullPage: true });
    await page.close();
  });
});
