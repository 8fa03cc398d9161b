/**
 * GET /api/v1/calendar/working-days over real HTTP on both databases: answers of the documented shape, every invalid
 * parameter named (400), a year the calendar does not hold refused (422, never a guessed date), and an override
 * written by another process reaching this one's answers without a restart.
 */
import { validate as validateOpenApi } from '@readme/openapi-parser';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { calendarDb } from '../src/modules/calendar/calendar.tables.js';
import { loadWorkingCalendar, workingCalendarService } from '../src/modules/calendar/index.js';
import { urls } from '../src/platform/http/urls.js';
import { databaseTargets } from './helpers/databases.js';
import { startTestApp, type TestApp } from './helpers/test-app.js';

type Problem = { status: number; type: string; 'invalid-params': { name: string; reason: string }[] };

describe.each(databaseTargets())('working-days API (%s)', (target) => {
  let t: TestApp;
  let base: string;
  beforeAll(async () => {
    t = await startTestApp(target, { API_RATE_LIMIT: '10000' });
    base = await t.app.listen({ port: 0, host: '127.0.0.1' });
  });
  afterAll(() => t.close());

  const get = async (query: { from?: string; add?: number; to?: string } | string) => {
    const response = await fetch(`${base}${typeof query === 'string' ? `/api/v1/calendar/working-days?${query}` : urls.apiWorkingDays(query)}`);
    return { status: response.status, type: response.headers.get('content-type') ?? '', body: await response.json() };
  };

  it('answers the date 7 working days after 30 September 2026, with every day skipped, its reason and source', async () => {
    const { status, body } = await get({ from: '2026-09-30', add: 7 });
    expect(status).toBe(200);
    expect(body).toMatchObject({ from: '2026-09-30', add: 7, date: '2026-10-15' });
    expect(body.skipped.map((d: { date: string }) => d.date)).toEqual(['2026-10-01', '2026-10-02', '2026-10-03', '2026-10-04', '2026-10-05', '2026-10-06', '2026-10-07', '2026-10-11']);
    expect(body.skipped[0]).toEqual({
      date: '2026-10-01',
      reason: { en: 'National Day holiday', zh: '国庆节假期' },
      source: { title: { en: 'General Office of the State Council: Notice on the Arrangement of Certain Holidays in 2026', zh: '国务院办公厅关于2026年部分节假日安排的通知' }, url: 'https://www.gov.cn/zhengce/zhengceku/202511/content_7047091.htm' },
    });
    expect(body.skipped.at(-1)).toEqual({ date: '2026-10-11', reason: { en: 'Weekend (Sunday)', zh: '周末（星期日）' }, source: null });
    expect(body.extra_working_days).toEqual([expect.objectContaining({ date: '2026-10-10', reason: { en: 'Make-up working day for the National Day holiday', zh: '国庆节调休上班日' } })]);
  });

  it('counts working days between two dates, in both directions', async () => {
    expect((await get({ from: '2026-09-30', to: '2026-10-15' })).body).toEqual({ from: '2026-09-30', to: '2026-10-15', working_days: 7 });
    expect((await get({ from: '2026-10-15', to: '2026-09-30' })).body).toEqual({ from: '2026-10-15', to: '2026-09-30', working_days: -7 });
    expect((await get({ from: '2025-01-24', to: '2025-02-08' })).body.working_days).toBe(6);
  });

  it('names every invalid parameter at once in problem+json (400)', async () => {
    const cases: [string, string[]][] = [
      ['from=2026-02-30&add=x', ['add', 'from']],
      ['from=30/09/2026&add=7', ['from']],
      ['from=2026-09-30', ['add']],
      ['add=7', ['from']],
      ['from=2026-09-30&add=-1', ['add']],
      ['from=2026-09-30&add=1001', ['add']],
      ['from=2026-09-30&add=7&to=2026-10-15', ['add', 'to']],
      ['from=2026-09-30&to=2026-13-01', ['to']],
      ['from=2026-09-30&add=7&colour=red', ['colour']],
    ];
    for (const [query, names] of cases) {
      const { status, type, body } = await get(query);
      expect(status, query).toBe(400);
      expect(type).toContain('application/problem+json');
      expect((body as Problem)['invalid-params'].map((p) => p.name).sort(), query).toEqual(names);
    }
  });

  it('refuses a count into a year whose arrangement it does not hold (422), naming the parameter responsible', async () => {
    const into2027 = await get({ from: '2026-12-28', add: 5 });
    expect(into2027.status).toBe(422);
    expect(into2027.type).toContain('application/problem+json');
    expect(into2027.body).toMatchObject({ type: '/problems/calendar-year-unknown', status: 422 });
    expect((into2027.body as Problem)['invalid-params']).toEqual([{ name: 'add', reason: expect.stringContaining('reaches 2027') }]);
    expect(((await get({ from: '2030-03-01', add: 1 })).body as Problem)['invalid-params'][0].name).toBe('from');
    expect(((await get({ from: '2026-12-01', to: '2027-01-10' })).body as Problem)['invalid-params'][0].name).toBe('to');
    // The last days of the last year held still answer.
    expect((await get({ from: '2026-12-28', add: 3 })).body.date).toBe('2026-12-31');
  });

  it('answers with an override another process wrote, without a restart', async () => {
    const db = calendarDb(t.database.db);
    const calendars = workingCalendarService(t.database.db);
    expect((await get({ from: '2026-09-30', add: 7 })).body.date).toBe('2026-10-15');
    // Another process adds a closure on Thursday 8 October (straight into the table, as its admin page would).
    await db.insertInto('calendar_overrides').values({ date: '2026-10-08', is_working_day: false, name_en: 'Municipal closure', name_zh: '全市停止办公', note: null, created_by: null, created_at: new Date() }).execute();
    calendars.checkEveryMs = 0;
    await expect.poll(async () => (await get({ from: '2026-09-30', add: 7 })).body.date, { timeout: 5000 }).toBe('2026-10-16');
    const answer = (await get({ from: '2026-09-30', add: 7 })).body;
    expect(answer.skipped).toContainEqual({ date: '2026-10-08', reason: { en: 'Municipal closure', zh: '全市停止办公' }, source: { title: { en: 'Entered by the platform’s administrators', zh: '由本平台管理员录入' }, url: null } });
    await db.deleteFrom('calendar_overrides').where('date', '=', '2026-10-08').execute();
    await loadWorkingCalendar(t.database.db);
    expect((await get({ from: '2026-09-30', add: 7 })).body.date).toBe('2026-10-15');
    calendars.checkEveryMs = t.config.CONTENT_POLL_MS;
  });

  it('is documented in the OpenAPI document, and its answers match the documented schema', async () => {
    const document = await (await fetch(`${base}/api/openapi.json`)).json();
    const path = document.paths['/api/v1/calendar/working-days'].get;
    expect(path.parameters.map((p: { name: string }) => p.name)).toEqual(['from', 'add', 'to']);
    expect(Object.keys(path.responses)).toEqual(['200', '400', '422', '429']);
    const result = await validateOpenApi(structuredClone(document) as never);
    expect(result.valid, JSON.stringify(result).slice(0, 2000)).toBe(true);
    const check = new Ajv2020({ strict: false, allErrors: true }).compile(path.responses['200'].content['application/json'].schema as object);
    for (const query of [{ from: '2026-02-12', add: 15 }, { from: '2025-09-26', add: 60 }, { from: '2026-01-01', to: '2026-12-31' }]) {
      const { body } = await get(query);
      expect(check(body), JSON.stringify(check.errors)).toBe(true);
    }
  });
});
