/**
 * The freshness report over real HTTP with a controlled clock (PGlite, and PostgreSQL with TEST_DATABASE_URL): nothing
 * is due on the day the content was verified; 70 days on, the policies and rules fall due within 30 days; 100 days on,
 * they are overdue by the right number of days, most overdue first; marking one verified through the workflow takes it
 * off the list; a scheduled policy expiry within 60 days is listed; the kind filter and the CSV say the same; the rule
 * questions (no last_verified) are never listed; readers only.
 */
import { parse } from 'csv-parse/sync';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Policy } from '../src/modules/content/index.js';
import { beijingDay } from '../src/modules/editorial/freshness.js';
import { markVerified, scheduleExpiry, type EditorialContext } from '../src/modules/editorial/revision-workflow.js';
import { urls } from '../src/platform/http/urls.js';
import { databaseTargets } from './helpers/databases.js';
import { createStaffWithPassword, signInAs, startStaffApp, type StaffTestApp } from './helpers/staff.js';
import { realContent } from './helpers/test-app.js';

const PASSWORD = 'correct horse battery staple 42';
const DAY = 86_400_000;

/** Whole days from `from` (YYYY-MM-DD) to `to` (YYYY-MM-DD). */
const daysBetween = (from: string, to: string) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY);

/** The rows of one of the report's tables: data-kind, data-id and the days cell. */
function rowsOf(html: string, table: string): { kind: string; id: string; days: number }[] {
  const body = new RegExp(`<table class="data-table ${table}">([\\s\\S]*?)</table>`).exec(html)?.[1] ?? '';
  return [...body.matchAll(/<tr data-kind="([^"]+)" data-id="([^"]+)">[\s\S]*?data-days="(-?\d+)"/g)].map((m) => ({ kind: m[1], id: m[2], days: Number(m[3]) }));
}

describe.each(databaseTargets())('the freshness report (%s)', (target) => {
  let t: StaffTestApp;
  let app: FastifyInstance;
  let editorId: string;
  let policies: Policy[];
  let ctx: EditorialContext;

  const at = (iso: string) => t.clock.advance(Date.parse(iso) - t.clock.now.getTime());
  async function report(query: { kind?: string } = {}, lang: 'en' | 'zh' = 'en', who = 'editor') {
    const cookie = await signInAs(app, `${who}@fresh.example.gov.cn`, PASSWORD);
    const response = await app.inject({ url: urls.staffContentFreshness(lang, query), headers: { cookie } });
    return response;
  }

  beforeAll(async () => {
    t = await startStaffApp({ target });
    app = t.app;
    editorId = await createStaffWithPassword(t, { email: 'editor@fresh.example.gov.cn', name: 'Fresh Editor', role: 'content_editor', password: PASSWORD });
    await createStaffWithPassword(t, { email: 'viewer@fresh.example.gov.cn', name: 'Fresh Viewer', role: 'viewer', password: PASSWORD });
    await createStaffWithPassword(t, { email: 'commissioner@fresh.example.gov.cn', name: 'Fresh Commissioner', role: 'project_commissioner', password: PASSWORD });
    policies = (await realContent()).policies;
    ctx = { db: t.database.db, content: t.content, now: () => t.clock.now };
  });
  afterAll(async () => {
    await t?.close();
  });

  it('lists nothing overdue or due on the day the content was verified, and never the rule questions', async () => {
    const latest = policies.map((p) => p.last_verified).sort().at(-1)!;
    at(`${latest}T02:00:00Z`);
    const page = await report();
    expect(page.statusCode).toBe(200);
    expect(rowsOf(page.body, 'freshness-overdue')).toEqual([]);
    expect(page.body).toContain('Nothing is overdue.');
    expect(page.body).not.toContain('data-kind="rule-facts"');
    // Days are Beijing days: 17:00 UTC is already the next day.
    expect(beijingDay(new Date('2027-03-10T15:59:59Z'))).toBe('2027-03-10');
    expect(beijingDay(new Date('2027-03-10T16:00:00Z'))).toBe('2027-03-11');
  });

  it('70 days on, lists the policies falling due within 30 days, soonest first', async () => {
    const latest = policies.map((p) => p.last_verified).sort().at(-1)!;
    const today = new Date(Date.parse(`${latest}T02:00:00Z`) + 70 * DAY).toISOString().slice(0, 10);
    at(`${today}T02:00:00Z`);
    const rows = rowsOf((await report({ kind: 'policies' })).body, 'freshness-due-soon');
    expect(rows.map((r) => r.id).sort()).toEqual(policies.filter((p) => daysBetween(today, p.last_verified) + 90 <= 30).map((p) => p.id).sort());
    for (const row of rows) expect(row.days).toBe(daysBetween(today, policies.find((p) => p.id === row.id)!.last_verified) + 90);
    expect(rows.map((r) => r.days)).toEqual([...rows.map((r) => r.days)].sort((a, b) => a - b));
  });

  it('100 days on, lists every policy as overdue by the right number of days, most overdue first; other kinds by their own interval', async () => {
    const latest = policies.map((p) => p.last_verified).sort().at(-1)!;
    const today = new Date(Date.parse(`${latest}T02:00:00Z`) + 100 * DAY).toISOString().slice(0, 10);
    at(`${today}T02:00:00Z`);
    const page = await report();
    const overdue = rowsOf(page.body, 'freshness-overdue');
    const listed = overdue.filter((r) => r.kind === 'policies');
    expect(listed).toHaveLength(policies.length);
    for (const row of listed) expect(row.days).toBe(daysBetween(policies.find((p) => p.id === row.id)!.last_verified, today) - 90);
    expect(overdue.map((r) => r.days)).toEqual([...overdue.map((r) => r.days)].sort((a, b) => b - a));
    // Contacts are checked every 180 days: none is overdue yet.
    expect(overdue.some((r) => r.kind === 'contacts')).toBe(false);
    expect(page.body).not.toContain('data-kind="rule-facts"');
    // The filter narrows the list to one kind.
    const rules = rowsOf((await report({ kind: 'rules' })).body, 'freshness-overdue');
    expect(rules.length).toBeGreaterThan(0);
    expect(rules.every((r) => r.kind === 'rules')).toBe(true);
    // Titles link to the item's page, in Chinese on the zh page with the English title marked as English.
    const policy = policies.find((p) => p.en.title !== p.zh.title)!;
    const zh = await report({ kind: 'policies' }, 'zh');
    expect(zh.body).toContain(`href="${urls.staffContentItem('zh', 'policies', policy.id)}"`);
    expect(zh.body).toContain(`<span lang="en" class="freshness-other-lang">`);
  });

  it('takes an item off the list once it is marked verified through the workflow', async () => {
    const policy = policies[0];
    expect(rowsOf((await report({ kind: 'policies' })).body, 'freshness-overdue').some((r) => r.id === policy.id)).toBe(true);
    await markVerified(ctx, { userId: editorId, role: 'content_editor' }, 'policies', policy.id);
    await t.content.refresh();
    const rows = rowsOf((await report({ kind: 'policies' })).body, 'freshness-overdue');
    expect(rows.some((r) => r.id === policy.id)).toBe(false);
    expect(rows).toHaveLength(policies.length - 1);
  });

  it('lists a policy whose expiry is scheduled within 60 days', async () => {
    const policy = policies[1];
    const expireAt = new Date(t.clock.now.getTime() + 30 * DAY);
    await scheduleExpiry(ctx, { userId: editorId, role: 'content_editor' }, 'policies', policy.id, expireAt, 'replaced by the 2027 measures');
    const far = policies[2];
    await scheduleExpiry(ctx, { userId: editorId, role: 'content_editor' }, 'policies', far.id, new Date(t.clock.now.getTime() + 90 * DAY), null);
    const page = await report();
    const section = /<table class="data-table freshness-expiring">([\s\S]*?)<\/table>/.exec(page.body)?.[1] ?? '';
    expect([...section.matchAll(/<tr data-id="([^"]+)">/g)].map((m) => m[1])).toEqual([policy.id]);
    expect(section).toContain('30 days');
  });

  it('gives the same lists as CSV, with the kind filter', async () => {
    const cookie = await signInAs(app, 'viewer@fresh.example.gov.cn', PASSWORD);
    const response = await app.inject({ url: urls.staffContentFreshnessCsv('en', { kind: 'policies' }), headers: { cookie } });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/^text\/csv/);
    expect(response.headers['content-disposition']).toMatch(/^attachment; filename="content-freshness-\d{4}-\d{2}-\d{2}-policies\.csv"$/);
    expect(response.body.startsWith('\ufeff')).toBe(true);
    const [header, ...rows] = parse(response.body.slice(1)) as string[][];
    expect(header.slice(0, 2)).toEqual(['kind', 'id']);
    const page = rowsOf((await report({ kind: 'policies' })).body, 'freshness-overdue');
    expect(rows.filter((r) => r[4] === 'overdue').map((r) => [r[0], r[1], Number(r[8])])).toEqual(page.map((r) => [r.kind, r.id, r.days]));
    expect(rows.some((r) => r[1] === policies[0].id)).toBe(false);
    const zh = await app.inject({ url: urls.staffContentFreshnessCsv('zh'), headers: { cookie } });
    expect((parse(zh.body.slice(1)) as string[][])[0][0]).toBe('类型');
  });

  it('is for content readers only', async () => {
    expect((await report({}, 'en', 'viewer')).statusCode).toBe(200);
    expect((await report({}, 'en', 'commissioner')).statusCode).toBe(403);
  });
});
