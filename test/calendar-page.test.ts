/**
 * /en/working-days and /zh/working-days through the real app: the end date with every day not counted and its
 * reason and source, errors in the visitor's language, a year not held said plainly, examples that start today, an
 * override reaching the cached page, and a link from every page's footer.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/app.js';
import { ContentService, loadContentSet } from '../src/modules/content/index.js';
import { calendarDb } from '../src/modules/calendar/calendar.tables.js';
import { loadWorkingCalendar } from '../src/modules/calendar/index.js';
import { urls } from '../src/platform/http/urls.js';
import { openTestDatabase, type TestDatabase } from './helpers/databases.js';
import { realContent, testConfig } from './helpers/test-app.js';
import type { FastifyInstance } from 'fastify';

let app: FastifyInstance;
let database: TestDatabase;
const clock = { now: new Date('2026-09-29T20:00:00Z') }; // 04:00 on 30 September in Beijing

beforeAll(async () => {
  database = await openTestDatabase('pglite');
  await loadContentSet(database.db, await realContent());
  const content = new ContentService(database.db);
  await content.refresh();
  app = await buildApp(testConfig(), { db: database.db, content, clock: () => clock.now });
  await app.ready();
});
afterAll(async () => {
  await app.close();
  await database.close();
});

const get = (url: string) => app.inject({ url });
const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');

describe('the working-days page', () => {
  it('answers in English: the end date at 24:00, the days not counted with reasons and sources, the weekend worked', async () => {
    const response = await get(urls.workingDays('en', { from: '2026-09-30', add: 7 }));
    expect(response.statusCode).toBe(200);
    const body = text(response.body);
    expect(body).toContain('7 working days after Wednesday, 30 September 2026 end on Thursday, 15 October 2026: the time limit ends at 24:00 Beijing time on that day.');
    expect(body).toContain('8 days between the start and the end are not working days');
    expect(body).toContain('Thursday, 1 October 2026 National Day holiday State Council notice for 2026');
    expect(body).toContain('Sunday, 11 October 2026 Weekend (Sunday) Weekly rest days');
    expect(body).toContain('Saturday, 10 October 2026 Make-up working day for the National Day holiday');
    expect(response.body).toContain('href="https://www.gov.cn/zhengce/zhengceku/202511/content_7047091.htm"');
    expect(body).toContain('as transcribed by the chinese-days package, version 1.5.7');
    expect(response.body).toContain('<html lang="en"');
  });

  it('answers in Chinese across Spring Festival 2026, with no English sentence', async () => {
    const response = await get(urls.workingDays('zh', { from: '2026-02-12', add: 15 }));
    expect(response.statusCode).toBe(200);
    const body = text(response.body);
    expect(body).toContain('2026年2月12日星期四之后的第15个工作日是2026年3月11日星期三，期限于当日24时（北京时间）届满。');
    expect(body).toContain('2026年2月20日星期五 春节假期（调休）');
    expect(body).toContain('2026年2月14日星期六 春节调休上班日');
    expect(body).toContain('2026年2月28日星期六 春节调休上班日');
    expect(response.body).toContain('<html lang="zh-CN"');
  });

  it('reports every problem of the form at once, in the visitor’s language (400)', async () => {
    const en = await get('/en/working-days?from=2026-02-30&add=abc');
    expect(en.statusCode).toBe(400);
    expect(text(en.body)).toContain('There is a problem Enter the start date as a real date, for example 2026-09-30 Enter the number of working days as a whole number from 1 to 1,000');
    const zh = await get('/zh/working-days?add=15');
    expect(zh.statusCode).toBe(400);
    expect(text(zh.body)).toContain('请输入有效的起算日，例如2026-09-30');
    expect(zh.body).toContain('href="#from"');
    expect((await get('/en/working-days?from=2026-09-30&add=0')).statusCode).toBe(400);
  });

  it('says plainly when the count reaches a year whose arrangement is not held, instead of guessing', async () => {
    const en = await get(urls.workingDays('en', { from: '2026-12-20', add: 15 }));
    expect(en.statusCode).toBe(200);
    expect(text(en.body)).toContain('We cannot give the end date yet');
    expect(text(en.body)).toContain('The count reaches 2027');
    expect(en.body).not.toContain('class="answer-card"');
    const zh = await get(urls.workingDays('zh', { from: '2001-03-01', add: 5 }));
    expect(text(zh.body)).toContain('本日历仅收录2004–2026年的放假安排');
  });

  it('offers examples that start today in Beijing, and keeps the day in the cache key', async () => {
    const first = await get(urls.workingDays('en'));
    expect(first.body).toContain(`href="${urls.workingDays('en', { from: '2026-09-30', add: 15 }).replace(/&/g, '&amp;')}"`);
    expect(first.body).toContain('value="2026-09-30"');
    clock.now = new Date('2026-09-30T16:30:00Z'); // 00:30 on 1 October in Beijing
    const next = await get(urls.workingDays('en'));
    expect(next.body).toContain('value="2026-10-01"');
    clock.now = new Date('2026-09-29T20:00:00Z');
  });

  it('answers from an override at once, although the page was cached', async () => {
    const url = urls.workingDays('en', { from: '2026-09-30', add: 7 });
    expect(text((await get(url)).body)).toContain('end on Thursday, 15 October 2026');
    await calendarDb(database.db).insertInto('calendar_overrides').values({ date: '2026-10-09', is_working_day: false, name_en: 'Municipal closure', name_zh: '全市停止办公', note: null, created_by: null, created_at: new Date() }).execute();
    await loadWorkingCalendar(database.db);
    const changed = text((await get(url)).body);
    expect(changed).toContain('end on Friday, 16 October 2026');
    expect(changed).toContain('Friday, 9 October 2026 Municipal closure Entered by the platform’s administrators');
    await calendarDb(database.db).deleteFrom('calendar_overrides').execute();
    await loadWorkingCalendar(database.db);
    expect(text((await get(url)).body)).toContain('end on Thursday, 15 October 2026');
  });

  it('is linked from the footer of every public page', async () => {
    for (const lang of ['en', 'zh'] as const) expect((await get(urls.home(lang))).body).toContain(`href="${urls.workingDays(lang)}"`);
  });
});
