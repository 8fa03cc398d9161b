/**
 * The working calendar's administration through the real app, on both databases: administrators only (every other
 * role refused, with or without a valid CSRF token), CSRF required, every problem of the form at once in the
 * administrator's language, one audit row per change in its transaction, and the public answers changing at once —
 * including a year the package lacks, once entered in full.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STAFF_ROLES, type StaffRole } from '../src/platform/auth/index.js';
import { urls } from '../src/platform/http/urls.js';
import { calendarDb } from '../src/modules/calendar/calendar.tables.js';
import { databaseTargets } from './helpers/databases.js';
import { createStaffWithPassword, hiddenCsrf, signInAs, startStaffApp, type StaffTestApp } from './helpers/staff.js';

const PASSWORD = 'amber lighthouse forty herons';
const scopeOf = (role: StaffRole) => (role === 'district_officer' ? { districtId: 'haidian' } : role === 'department_handler' ? { departmentId: 'beijing-commerce-bureau' } : {});
const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');

describe.each(databaseTargets())('working calendar administration (%s)', (target) => {
  let t: StaffTestApp;
  const cookies = {} as Record<StaffRole, string>;
  const ids = {} as Record<StaffRole, string>;

  beforeAll(async () => {
    t = await startStaffApp({ target });
    for (const role of STAFF_ROLES) {
      ids[role] = await createStaffWithPassword(t, { email: `${role}@example.gov`, name: `Person ${role}`, role, ...scopeOf(role), password: PASSWORD });
      cookies[role] = await signInAs(t.app, `${role}@example.gov`, PASSWORD);
    }
  });
  afterAll(() => t.close());

  const get = (url: string, cookie?: string) => t.app.inject({ url, headers: cookie ? { cookie } : {} });
  const post = (url: string, cookie: string | undefined, payload: Record<string, string>) => t.app.inject({ method: 'POST', url, headers: cookie ? { cookie } : {}, payload });
  const csrfOf = async (role: StaffRole) => hiddenCsrf((await get(urls.staffHome('en'), cookies[role])).body);
  const db = () => calendarDb(t.database.db);
  const auditOf = (entity: string) => db().selectFrom('audit_log').where('entity', '=', entity).orderBy('id').selectAll().execute();
  const overrides = () => db().selectFrom('calendar_overrides').select('name_en').execute();
  const apiDate = async (from: string, add: number) => {
    const response = await get(urls.apiWorkingDays({ from, add }));
    return response.statusCode === 200 ? response.json().date : response.statusCode;
  };
  const closure = { date: '2026-10-12', kind: 'day_off', name_en: 'Municipal closure', name_zh: '全市停止办公', note: 'Test notice No. 1' };

  it('sends a visitor without a session to sign-in, and refuses every role but administrators, changing nothing', async () => {
    for (const lang of ['en', 'zh'] as const) {
      const response = await get(urls.staffAdminCalendar(lang));
      expect(response.statusCode).toBe(303);
      expect(response.headers.location).toBe(urls.staffSignIn(lang));
      expect((await post(urls.staffAdminCalendarOverrides(lang), undefined, { ...closure, _csrf: 'x'.repeat(43) })).statusCode).toBe(303);
    }
    for (const role of STAFF_ROLES.filter((r) => r !== 'admin')) {
      const csrf = await csrfOf(role);
      const page = await get(urls.staffAdminCalendar('zh'), cookies[role]);
      expect(page.statusCode, role).toBe(403);
      expect(page.body).toContain('您无权打开此页面');
      for (const [url, payload] of [
        [urls.staffAdminCalendarOverrides('en'), closure],
        [urls.staffAdminCalendarOverrideRemove('en', '2026-10-12'), {}],
        [urls.staffAdminCalendarYear('en', 2027), { action: 'enter' }],
      ] as const) {
        expect((await post(url, cookies[role], { ...payload, _csrf: csrf })).statusCode, `${role} POST ${url}`).toBe(403);
      }
    }
    expect(await overrides()).toEqual([]);
    expect(await auditOf('calendar_override')).toEqual([]);
  });

  it('refuses an administrator’s change without the session’s CSRF token', async () => {
    for (const csrf of [undefined, 'x'.repeat(43)]) {
      const response = await post(urls.staffAdminCalendarOverrides('en'), cookies.admin, csrf ? { ...closure, _csrf: csrf } : closure);
      expect(response.statusCode).toBe(403);
      expect(response.body).toContain('The form could not be accepted');
    }
    expect(await overrides()).toEqual([]);
  });

  it('lists the year’s holidays and make-up working days from the package, in both languages', async () => {
    const en = await get(urls.staffAdminCalendar('en', { year: 2026 }), cookies.admin);
    expect(en.statusCode).toBe(200);
    expect(en.headers['cache-control']).toBe('no-store');
    const body = text(en.body);
    expect(body).toContain('The arrangement for 2026 comes from the chinese-days package, version 1.5.7.');
    expect(body).toContain('Thursday, 1 October 2026 Day off National Day holiday State Council notice, from the package');
    expect(body).toContain('Saturday, 14 February 2026 Working day Make-up working day for the Spring Festival holiday');
    const zh = text((await get(urls.staffAdminCalendar('zh', { year: 2026 }), cookies.admin)).body);
    expect(zh).toContain('2026年10月1日星期四 休息日 国庆节假期');
    expect(zh).toContain('2026年2月14日星期六 工作日 春节调休上班日');
  });

  it('reports every problem of the override form at once, in the administrator’s language', async () => {
    const csrf = await csrfOf('admin');
    const en = await post(urls.staffAdminCalendarOverrides('en'), cookies.admin, { _csrf: csrf, date: '2026-02-30', name_en: 'x'.repeat(201), note: 'n'.repeat(1001) });
    expect(en.statusCode).toBe(400);
    expect(text(en.body)).toContain(
      'There is a problem Enter the date as a real date from 2000 to 2100, for example 2027-01-01 Choose whether the day is a day off or a working day Enter the name in English, in at most 200 characters Enter the name in Chinese, in at most 200 characters Shorten the note to at most 1,000 characters',
    );
    const zh = await post(urls.staffAdminCalendarOverrides('zh'), cookies.admin, { _csrf: csrf, date: '2026-10-12', kind: 'holiday', name_en: 'Closure' });
    expect(zh.statusCode).toBe(400);
    expect(text(zh.body)).toContain('请选择该日为休息日还是工作日');
    expect(text(zh.body)).toContain('请输入中文名称，不超过200个字符');
    expect(zh.body).toContain('value="Closure"');
    expect(await overrides()).toEqual([]);
  });

  it('adds an override in one audited transaction, and the public answers change at once', async () => {
    expect(await apiDate('2026-09-30', 7)).toBe('2026-10-15');
    const response = await post(urls.staffAdminCalendarOverrides('en'), cookies.admin, { ...closure, _csrf: await csrfOf('admin') });
    expect(response.statusCode).toBe(303);
    expect(response.headers.location).toBe(urls.staffAdminCalendar('en', { year: 2026, notice: 'added', date: '2026-10-12' }));
    const [audit] = await auditOf('calendar_override');
    expect(audit).toMatchObject({ actor_id: ids.admin, action: 'calendar.override_added', entity_id: '2026-10-12', before: null, after: { date: '2026-10-12', is_working_day: false, name_en: 'Municipal closure', name_zh: '全市停止办公', note: 'Test notice No. 1' } });
    expect(await apiDate('2026-09-30', 7)).toBe('2026-10-16');
    expect(text((await get(urls.workingDays('zh', { from: '2026-09-30', add: 7 }))).body)).toContain('2026年10月12日星期一 全市停止办公 由本平台管理员录入');
    const page = text((await get(response.headers.location as string, cookies.admin)).body);
    expect(page).toContain('The override for 2026-10-12 is added.');
    expect(page).toContain('Monday, 12 October 2026 Day off Municipal closure Override, added');
  });

  it('refuses a second override for the same date, saying so on the date', async () => {
    const response = await post(urls.staffAdminCalendarOverrides('en'), cookies.admin, { ...closure, kind: 'working_day', name_en: 'Open', name_zh: '办公', _csrf: await csrfOf('admin') });
    expect(response.statusCode).toBe(400);
    expect(text(response.body)).toContain('This date already has an override: remove it first');
    expect(await overrides()).toEqual([{ name_en: 'Municipal closure' }]);
  });

  it('removes an override, audited with what it was, and the answers come back', async () => {
    const response = await post(urls.staffAdminCalendarOverrideRemove('en', '2026-10-12'), cookies.admin, { _csrf: await csrfOf('admin') });
    expect(response.statusCode).toBe(303);
    expect(await overrides()).toEqual([]);
    const audits = await auditOf('calendar_override');
    expect(audits.at(-1)).toMatchObject({ action: 'calendar.override_removed', entity_id: '2026-10-12', before: { name_en: 'Municipal closure', is_working_day: false }, after: null });
    expect(await apiDate('2026-09-30', 7)).toBe('2026-10-15');
    expect((await post(urls.staffAdminCalendarOverrideRemove('en', '2026-10-12'), cookies.admin, { _csrf: await csrfOf('admin') })).statusCode).toBe(404);
    expect((await get(urls.staffAdminCalendarOverrideRemove('en', '2026-10-12'), cookies.admin)).statusCode).toBe(303);
  });

  it('counts in a year the package lacks only once its arrangement is confirmed as entered in full', async () => {
    expect(await apiDate('2026-12-28', 5)).toBe(422);
    const page = text((await get(urls.staffAdminCalendar('en', { year: 2027 }), cookies.admin)).body);
    expect(page).toContain('2027 is not in the package (it holds 2004–2026), so working-day counts that reach it are refused.');
    const csrf = await csrfOf('admin');
    const newYear = { date: '2027-01-01', kind: 'day_off', name_en: "New Year's Day holiday", name_zh: '元旦假期', _csrf: csrf };
    expect((await post(urls.staffAdminCalendarOverrides('en'), cookies.admin, newYear)).statusCode).toBe(303);
    expect(await apiDate('2026-12-28', 5)).toBe(422);
    // Confirming is refused while a statutory holiday of 2027 is not a day off among its overrides.
    const early = await post(urls.staffAdminCalendarYear('en', 2027), cookies.admin, { action: 'enter', _csrf: csrf });
    expect(early.statusCode).toBe(400);
    expect(text(early.body)).toContain('The overrides for 2027 do not yet make every statutory holiday a day off (2027-02-05, 2027-02-06');
    expect(await auditOf('calendar_year')).toEqual([]);
    // The rest of the statutory days, as another administrator's process would have entered them.
    const rest = ['2027-02-05', '2027-02-06', '2027-02-07', '2027-02-08', '2027-04-05', '2027-05-01', '2027-05-02', '2027-06-09', '2027-09-15', '2027-10-01', '2027-10-02', '2027-10-03'];
    await db().insertInto('calendar_overrides').values(rest.map((date) => ({ date, is_working_day: false, name_en: 'Holiday', name_zh: '假期', note: null, created_by: ids.admin, created_at: new Date() }))).execute();
    const entered = await post(urls.staffAdminCalendarYear('en', 2027), cookies.admin, { action: 'enter', _csrf: csrf });
    expect(entered.statusCode).toBe(303);
    expect(await apiDate('2026-12-28', 5)).toBe('2027-01-05');
    expect(await auditOf('calendar_year')).toEqual([expect.objectContaining({ action: 'calendar.year_entered', entity_id: '2027', actor_id: ids.admin })]);
    expect(text((await get(entered.headers.location as string, cookies.admin)).body)).toContain('The arrangement for 2027 is confirmed as entered in full.');
    expect((await post(urls.staffAdminCalendarYear('en', 2027), cookies.admin, { action: 'withdraw', _csrf: csrf })).statusCode).toBe(303);
    expect(await apiDate('2026-12-28', 5)).toBe(422);
    expect((await auditOf('calendar_year')).map((a) => a.action)).toEqual(['calendar.year_entered', 'calendar.year_withdrawn']);
    // A year the package holds is corrected day by day, never replaced.
    expect((await post(urls.staffAdminCalendarYear('en', 2026), cookies.admin, { action: 'enter', _csrf: csrf })).statusCode).toBe(409);
  });
});
