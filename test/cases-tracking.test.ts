/**
 * The enterprise's tracking page through the real app (PGlite, and PostgreSQL with TEST_DATABASE_URL): the e-mailed
 * link and the look-up form, the same "not found" for a wrong token and an unknown reference, the token kept out of
 * every address and Referer, and the enterprise's own actions — supply the materials asked for, rate the answer once,
 * reopen within the window (a controlled clock moves past it) — each posted with the token and the form cookie.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseActor } from '../src/modules/cases/case-workflow.js';
import { caseDb, type CaseDb } from '../src/modules/cases/case.tables.js';
import { formatInstant } from '../src/modules/cases/case-time.js';
import { t } from '../src/modules/cases/messages.js';
import { ContentService } from '../src/modules/content/index.js';
import { urls } from '../src/platform/http/urls.js';
import type { Lang } from '../src/platform/i18n/i18n.js';
import { databaseTargets } from './helpers/databases.js';
import { latinSentences } from './helpers/latin-sentences.js';
import { confirmationOf, mainText, openForm, staffActors, submitServiceForm, summaryErrors, validForm } from './helpers/service-form.js';
import { startStaffApp, type StaffTestApp } from './helpers/staff.js';

describe.each(databaseTargets())('the tracking page (%s)', (target) => {
  let s: StaffTestApp;
  let db: CaseDb;
  let staff: ReturnType<typeof staffActors>;
  let agent: CaseActor;

  beforeAll(async () => {
    s = await startStaffApp({ target });
    db = caseDb(s.database.db);
    const content = new ContentService(s.database.db);
    await content.refresh();
    staff = staffActors(db, () => content.store, () => s.clock.now);
    agent = await staff.make('acceptance_agent');
  }, 120_000);
  afterAll(() => s?.close());

  async function file(lang: Lang, overrides: Record<string, string | undefined> = {}) {
    return confirmationOf((await submitServiceForm(s.app, lang, validForm(lang, overrides))).body);
  }

  const track = (lang: Lang, reference: string, token: string) => s.app.inject({ url: `/${lang}/service/track?${new URLSearchParams({ ref: reference, token })}` });

  /** Posts one of the enterprise's forms with the reference, token and form token its hidden fields carry. */
  async function act(lang: Lang, reference: string, token: string, action: 'materials' | 'rating' | 'reopen', fields: Record<string, string>) {
    const opened = await openForm(s.app, urls.serviceTrack(lang));
    return s.app.inject({
      method: 'POST',
      url: urls.serviceTrackAction(lang, action),
      headers: { cookie: opened.cookie },
      payload: { _csrf: opened.csrf, ref: reference, token, ...fields },
    });
  }

  it.each(['en', 'zh'] as const)('opens the case from the e-mailed link in %s: status, unit, due date and rule, no-store and no Referer', async (lang) => {
    const { reference, token } = await file(lang);
    const response = await track(lang, reference, token);
    expect(response.statusCode).toBe(200);
    expect(response.headers['cache-control']).toBe('no-store');
    expect(response.headers['referrer-policy']).toBe('no-referrer');
    const row = await db.selectFrom('cases').selectAll().where('reference', '=', reference).executeTakeFirstOrThrow();
    const text = mainText(response.body);
    expect(text).toContain(t(lang, 'service.status.submitted'));
    expect(text).toContain(t(lang, 'service.case.notYetAssigned'));
    expect(text).toContain(formatInstant(row.due_at, lang));
    expect(text).toContain(lang === 'en' ? 'Demands, complaints and reports, general matters: feedback within 7 days.' : '一般诉求、投诉、举报：7天内反馈。');
    expect(text).toContain(t(lang, 'service.event.submit'));
    // The token is in the hidden fields of the forms only: not in the canonical link, the language switch or any link.
    const hrefs = [...response.body.matchAll(/href="([^"]*)"/g)].map((m) => m[1]);
    expect(hrefs.filter((h) => h.includes(token))).toEqual([]);
    expect(response.body).toContain(`<link rel="canonical" href="http://test.invalid/${lang}/service/track?ref=${reference}"`);
    if (lang === 'zh') expect(latinSentences(text.replace(row.subject, ' ').replace(row.description, ' '))).toEqual([]);
  });

  it('answers a wrong token and an unknown reference with the same "not found"', async () => {
    const { reference, token } = await file('en');
    const opened = await openForm(s.app, urls.serviceTrack('en'));
    const wrongToken = await s.app.inject({ url: `/en/service/track?ref=${reference}&token=${token.slice(0, -2)}xx`, headers: { cookie: opened.cookie } });
    const unknown = await s.app.inject({ url: `/en/service/track?ref=IB-2026-999999&token=${token}`, headers: { cookie: opened.cookie } });
    expect(wrongToken.statusCode).toBe(404);
    expect(unknown.statusCode).toBe(404);
    expect(mainText(wrongToken.body)).toContain(t('en', 'service.track.notFound'));
    expect(mainText(wrongToken.body).replace(reference, 'REF')).toBe(mainText(unknown.body).replace('IB-2026-999999', 'REF'));
    const posted = await s.app.inject({ method: 'POST', url: urls.serviceTrack('en'), headers: { cookie: opened.cookie }, payload: { _csrf: opened.csrf, ref: reference, token: 'not-the-token-but-long-enough' } });
    expect(posted.statusCode).toBe(404);
  });

  it('finds the case from the look-up form (reference prefilled from ?ref=), and checks the form cookie and both fields', async () => {
    const { reference, token } = await file('zh');
    const opened = await openForm(s.app, urls.serviceTrack('zh', reference));
    expect(opened.response.body).toContain(`value="${reference}"`);
    const found = await s.app.inject({ method: 'POST', url: urls.serviceTrack('zh'), headers: { cookie: opened.cookie }, payload: { _csrf: opened.csrf, ref: reference.toLowerCase(), token } });
    expect(found.statusCode).toBe(200);
    expect(mainText(found.body)).toContain(t('zh', 'service.case.title', { reference }));
    const empty = await s.app.inject({ method: 'POST', url: urls.serviceTrack('zh'), headers: { cookie: opened.cookie }, payload: { _csrf: opened.csrf, ref: '', token: '' } });
    expect(empty.statusCode).toBe(400);
    expect(summaryErrors(empty.body).map((e) => e.message)).toEqual([t('zh', 'service.track.error.reference'), t('zh', 'service.track.error.token')]);
    const forged = await s.app.inject({ method: 'POST', url: urls.serviceTrack('zh'), payload: { _csrf: opened.csrf, ref: reference, token } });
    expect(forged.statusCode).toBe(403);
    expect(forged.body).not.toContain(t('zh', 'service.case.title', { reference }));
  });

  it('shows the materials asked for with the enterprise’s own deadline, and takes them from the enterprise', async () => {
    const { reference, token } = await file('en', { kind: 'complaint', topic: 'government-conduct', fie_complaint: 'yes' });
    await staff.act(reference, agent, 'request_materials', { missing: 'The administrative decision you complain about.' });
    const row = await db.selectFrom('cases').selectAll().where('reference', '=', reference).executeTakeFirstOrThrow();
    const page = await track('en', reference, token);
    const text = mainText(page.body);
    expect(text).toContain(t('en', 'service.status.needs_materials'));
    expect(text).toContain('The administrative decision you complain about.');
    expect(text).toContain(t('en', 'service.materials.deadline', { date: formatInstant(row.materials_due_at!, 'en') }));
    expect(text).toContain('15 working days');
    expect(text).toContain(t('en', 'service.case.paused'));
    expect(page.body).toMatch(/<input type="hidden" name="token" value="[\w-]+"/);

    const empty = await act('en', reference, token, 'materials', { body: '' });
    expect(empty.statusCode).toBe(400);
    expect(summaryErrors(empty.body)).toEqual([{ field: 'body', message: t('en', 'service.action.required') }]);
    const forged = await s.app.inject({ method: 'POST', url: urls.serviceTrackAction('en', 'materials'), payload: { ref: reference, token, body: 'Decision attached.' } });
    expect(forged.statusCode).toBe(403);
    expect((await db.selectFrom('cases').select('status').where('reference', '=', reference).executeTakeFirstOrThrow()).status).toBe('needs_materials');

    s.clock.advance(3_600_000);
    const sent = await act('en', reference, token, 'materials', { body: 'Decision No. 12 of 3 November, by post today.' });
    expect(sent.statusCode).toBe(200);
    expect(mainText(sent.body)).toContain(t('en', 'service.materials.done'));
    expect(mainText(sent.body)).toContain('Decision No. 12 of 3 November, by post today.');
    const after = await db.selectFrom('cases').select(['status', 'resumed_at']).where('reference', '=', reference).executeTakeFirstOrThrow();
    expect(after.status).toBe('submitted');
    expect(after.resumed_at?.toISOString()).toBe(s.clock.now.toISOString());
    const again = await act('en', reference, token, 'materials', { body: 'More.' });
    expect(again.statusCode).toBe(409);
    expect(mainText(again.body)).toContain(t('en', 'service.action.unavailable'));
  });

  it('shows an extension with its next steps and new date, then the reply, and takes one rating', async () => {
    const { reference, token } = await file('zh', { kind: 'inquiry', topic: 'tax-finance' });
    const departments = await db.selectFrom('departments').select(['id', 'district_id', 'name_zh']).where('active', '=', true).execute();
    const unit = departments.find((d) => d.district_id === 'haidian')!;
    const handler = await staff.make('department_handler', { departmentId: unit.id });
    const coordinator = await staff.make('municipal_coordinator');
    await staff.act(reference, agent, 'accept', { limit_id: 'sophisticated-inquiry-single' });
    await staff.act(reference, agent, 'dispatch', { lead: unit.id, co: [] });
    await staff.act(reference, handler, 'sign_for', {});
    await staff.act(reference, handler, 'start', {});
    await staff.act(reference, handler, 'request_extension', { next_steps: '等待税务局确认。', proposed_due: '2026-12-20' });
    await staff.act(reference, coordinator, 'approve_extension', { next_steps: '税务局将于12月18日前答复。', new_due: '2026-12-20' });
    let text = mainText((await track('zh', reference, token)).body);
    expect(text).toContain(unit.name_zh);
    expect(text).toContain(t('zh', 'service.event.approve_extension'));
    expect(text).toContain('税务局将于12月18日前答复。');
    expect(text).toContain(t('zh', 'service.case.newDue', { date: '2026年12月20日 24:00（北京时间）' }));
    expect(text).toContain(t('zh', 'service.case.extended'));
    expect(text).not.toContain('等待税务局确认。');

    await staff.act(reference, handler, 'draft_reply', { body: '贵公司可按季度申报。' });
    await staff.act(reference, agent, 'approve_reply', {});
    text = mainText((await track('zh', reference, token)).body);
    expect(text).toContain('贵公司可按季度申报。');
    expect(text).toContain(t('zh', 'service.rate.title'));

    const incomplete = await act('zh', reference, token, 'rating', { resolved: 'yes' });
    expect(incomplete.statusCode).toBe(400);
    expect(summaryErrors(incomplete.body)).toEqual([{ field: 'satisfaction', message: t('zh', 'service.rate.error.satisfaction') }]);
    const rated = await act('zh', reference, token, 'rating', { resolved: 'yes', satisfaction: '4', comment: '答复清楚。' });
    expect(rated.statusCode).toBe(200);
    expect(mainText(rated.body)).toContain(t('zh', 'service.case.resolvedYes', { score: 4 }));
    expect(rated.body).not.toContain('action="/zh/service/track/rating"');
    expect(await db.selectFrom('cases').select(['resolved', 'satisfaction']).where('reference', '=', reference).executeTakeFirstOrThrow()).toEqual({ resolved: true, satisfaction: 4 });
    const twice = await act('zh', reference, token, 'rating', { resolved: 'no', satisfaction: '1' });
    expect(twice.statusCode).toBe(409);
    expect((await db.selectFrom('cases').select('satisfaction').where('reference', '=', reference).executeTakeFirstOrThrow()).satisfaction).toBe(4);
    expect(latinSentences(mainText(twice.body))).toEqual([]);
  });

  it('reopens within the window, and refuses once the window has closed', async () => {
    const opened = await file('en', { kind: 'inquiry', topic: 'other' });
    const late = await file('en', { kind: 'inquiry', topic: 'other' });
    await staff.act(opened.reference, agent, 'answer', { body: 'See the procedures page.' });
    await staff.act(late.reference, agent, 'answer', { body: 'See the procedures page.' });

    s.clock.advance(14 * 86_400_000);
    const page = mainText((await track('en', opened.reference, opened.token)).body);
    expect(page).toContain(t('en', 'service.reopen.title'));
    const empty = await act('en', opened.reference, opened.token, 'reopen', { reason: '' });
    expect(summaryErrors(empty.body)).toEqual([{ field: 'reason', message: t('en', 'service.action.required') }]);
    const reopened = await act('en', opened.reference, opened.token, 'reopen', { reason: 'The page does not cover our case.' });
    expect(reopened.statusCode).toBe(200);
    expect(mainText(reopened.body)).toContain(t('en', 'service.reopen.done'));
    expect((await db.selectFrom('cases').select('status').where('reference', '=', opened.reference).executeTakeFirstOrThrow()).status).toBe('accepted');

    s.clock.advance(2 * 86_400_000);
    const closedPage = await track('en', late.reference, late.token);
    expect(mainText(closedPage.body)).not.toContain(t('en', 'service.reopen.title'));
    const refused = await act('en', late.reference, late.token, 'reopen', { reason: 'Still unclear.' });
    expect(refused.statusCode).toBe(409);
    expect(mainText(refused.body)).toContain(t('en', 'service.reopen.closed'));
    expect((await db.selectFrom('cases').select('status').where('reference', '=', late.reference).executeTakeFirstOrThrow()).status).toBe('replied');
  });

  it('needs the token again for every action: a post with the reference alone is "not found"', async () => {
    const { reference } = await file('en');
    const opened = await openForm(s.app, urls.serviceTrack('en'));
    const response = await s.app.inject({ method: 'POST', url: urls.serviceTrackAction('en', 'reopen'), headers: { cookie: opened.cookie }, payload: { _csrf: opened.csrf, ref: reference, reason: 'x' } });
    expect(response.statusCode).toBe(404);
    expect(mainText(response.body)).toContain(t('en', 'service.track.notFound'));
    expect((await s.app.inject({ method: 'POST', url: '/en/service/track/delete', headers: { cookie: opened.cookie }, payload: { _csrf: opened.csrf } })).statusCode).toBe(404);
  });
});
