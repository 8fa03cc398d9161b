/**
 * [PIPELINE] the investment-project pipeline in a real browser: a commissioner creates a project from a service-line
 * case, moves it to negotiating and then to signed with the agreement's evidence (refused first without it); a municipal
 * coordinator joins the team as verifier and confirms registration with the company's credit code; the investor's
 * timeline shows the case and the project's moves. Every page is checked with axe-core (no violations) in English and
 * Chinese and photographed.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { urls } from '../src/platform/http/urls.js';
import { caseFixtures } from '../test/helpers/case-fixtures.js';
import { PASSWORD, pipelinePeople, VALID_USCC, type PipelinePeople } from '../test/helpers/pipeline-fixtures.js';
import { startStaffApp, type StaffTestApp } from '../test/helpers/staff.js';
import { axeViolations, launchBrowser, SHOTS } from './browser.js';

let t: StaffTestApp;
let people: PipelinePeople;
let base: string;
let browser: Browser;
let caseReference: string;
let projectPath: string;

beforeAll(async () => {
  t = await startStaffApp();
  people = await pipelinePeople(t);
  const cases = await caseFixtures(t);
  ({ reference: caseReference } = await cases.file({
    kind: 'demand', topic: 'policies', district: 'haidian', lang: 'en', subject: 'Looking for R&D space near Zhongguancun',
    description: 'We plan a robotics R&D centre in Beijing and would like help finding space and the applicable support policies.',
    enterprise_name: 'Nordlicht Robotik GmbH',
  }));
  base = await t.app.listen({ port: 0, host: '127.0.0.1' });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await t?.close();
});

async function signedIn(email: string): Promise<Page> {
  const page = await (await browser.newContext({ bypassCSP: true, viewport: { width: 1280, height: 900 } })).newPage();
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

const chinese = (path: string) => path.replace(/^\/en\//, '/zh/');

describe('[PIPELINE] from a service-line case to a registered company', () => {
  it('a commissioner creates the project from the case and moves it to signed with the agreement', async () => {
    // The coordinator who handles the case sees the way from it to a project (commissioners do not open case pages).
    const coordinator = await signedIn(people.coordinator.email);
    await coordinator.goto(base + urls.staffCase('en', caseReference));
    const link = coordinator.getByRole('link', { name: 'Create an investment project from this case' });
    await expect(link.getAttribute('href')).resolves.toBe(urls.staffProjectNew('en', { case: caseReference }));
    // The commissioner follows that address (sent on by the coordinator).
    const page = await signedIn(people.commissioner.email);
    await page.goto(base + urls.staffProjectNew('en', { case: caseReference }));
    await expect(page.locator('h1').innerText()).resolves.toBe('New investment project');
    await expect(page.locator('main').innerText()).resolves.toContain(caseReference);
    await expect(page.locator('#investor_name').inputValue()).resolves.toBe('Nordlicht Robotik GmbH');
    await check(page, 'pipeline-new-from-case-en');

    await page.selectOption('#origin', 'DE');
    await page.fill('#name', 'Robotics R&D centre');
    await page.selectOption('#kind', 'rd_centre');
    await page.selectOption('#industry_id', 'intelligent-equipment');
    await page.selectOption('#district_id', 'haidian');
    await page.fill('#currency', 'EUR');
    await page.fill('#amount_total', '12,000,000');
    await page.getByRole('button', { name: 'Create the project' }).click();
    await expect(page.locator('main').innerText()).resolves.toContain('The project was created.');
    projectPath = new URL(page.url()).pathname;
    expect(projectPath).toMatch(/^\/en\/staff\/projects\/PJ-2026-\d{6}$/);

    await page.getByRole('button', { name: 'Move to Negotiating' }).click();
    await expect(page.locator('main').innerText()).resolves.toContain('Moved to Negotiating.');

    // Signed without the agreement: every missing piece of evidence is named at its field.
    await page.getByRole('button', { name: 'Move to Signed' }).click();
    const errors = await page.locator('.error-summary').innerText();
    for (const label of ['Agreement signed on', 'Parties to the agreement', 'Agreement reference']) expect(errors).toContain(label);
    await check(page, 'pipeline-move-refused-en');

    await page.fill('#move-signed-amount_cny', '93,600,000');
    await page.fill('#move-signed-amount_cny_on', '2026-11-20');
    await page.fill('#move-signed-signed_on', '2026-11-25');
    await page.fill('#move-signed-agreement_parties', 'Nordlicht Robotik GmbH; Haidian District People’s Government');
    await page.fill('#move-signed-agreement_ref', 'HD-2026-117');
    await page.getByRole('button', { name: 'Move to Signed' }).click();
    await expect(page.locator('main').innerText()).resolves.toContain('Moved to Signed.');
    // Registration is the municipal side's: the commissioner is told who makes it, with no form.
    expect(await page.getByRole('button', { name: 'Move to Registered' }).count()).toBe(0);
    await check(page, 'pipeline-project-signed-en');
    await page.goto(base + chinese(projectPath));
    await check(page, 'pipeline-project-signed-zh');
  });

  it('a municipal coordinator joins as verifier and confirms the registration', async () => {
    const page = await signedIn(people.coordinator.email);
    await page.goto(base + projectPath);
    await page.locator('#team summary').click();
    await page.selectOption('#team-role', 'municipal_verifier');
    await page.selectOption('#team-staff_user_id', people.coordinator.userId);
    await page.getByRole('button', { name: 'Add to the team' }).click();
    await expect(page.locator('main').innerText()).resolves.toContain('Municipal verifier');

    await page.fill('#move-registered-uscc', VALID_USCC.slice(0, 17) + '0');
    await page.fill('#move-registered-registered_on', '2026-11-28');
    await page.fill('#move-registered-registered_capital', '5000000');
    await page.getByRole('button', { name: 'Move to Registered' }).click();
    await expect(page.locator('.error-summary').innerText()).resolves.toContain('Unified social credit code');
    await page.fill('#move-registered-uscc', VALID_USCC);
    await page.getByRole('button', { name: 'Move to Registered' }).click();
    await expect(page.locator('main').innerText()).resolves.toContain('Moved to Registered.');
    await check(page, 'pipeline-project-registered-en');
  });

  it("the investor's timeline shows the case and the project's moves, in both languages", async () => {
    const page = await signedIn(people.coordinator.email);
    await page.goto(base + projectPath);
    await page.getByRole('link', { name: 'Nordlicht Robotik GmbH' }).first().click();
    const timeline = await page.locator('main').innerText();
    expect(timeline).toContain(caseReference);
    expect(timeline).toContain('Signed');
    expect(timeline).toContain('Registered');
    await check(page, 'pipeline-investor-timeline-en');
    await page.goto(base + chinese(new URL(page.url()).pathname));
    const zh = await page.locator('main').innerText();
    expect(zh).toContain(caseReference);
    expect(zh).toContain('已签约');
    expect(zh).toContain('已注册');
    await check(page, 'pipeline-investor-timeline-zh');
  });

  it('the list, board, dashboard, investors, opportunities and import pages pass axe in both languages', async () => {
    const page = await signedIn(people.coordinator.email);
    for (const lang of ['en', 'zh'] as const) {
      for (const [name, path] of [
        ['list', urls.staffProjects(lang)],
        ['board', urls.staffProjectsBoard(lang)],
        ['dashboard', urls.staffProjectsDashboard(lang)],
        ['investors', urls.staffInvestors(lang)],
        ['opportunities', urls.staffOpportunities(lang)],
        ['import', urls.staffProjectsImport(lang)],
        ['services', `${chinese(projectPath).replace('/zh/', `/${lang}/`)}/services`],
      ] as const) {
        const response = await page.goto(base + path);
        expect(response?.status(), path).toBe(200);
        await check(page, `pipeline-${name}-${lang}`);
      }
    }
  });
});
