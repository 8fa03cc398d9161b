/**
 * The service line's public form through the real app (PGlite, and PostgreSQL with TEST_DATABASE_URL): filing in
 * English and Chinese, every class of invalid field worded in the visitor's language with the answers kept, the
 * honeypot, the form cookie (CSRF), the limits per client address and per e-mail (shared by two app instances on one
 * database, as two web processes would), the body limit, and the confirmation with the reference, the token shown
 * once and the due date with its rule.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/app.js';
import { ContentService } from '../src/modules/content/index.js';
import { caseDb, type CaseDb } from '../src/modules/cases/case.tables.js';
import { formatInstant } from '../src/modules/cases/case-time.js';
import { t } from '../src/modules/cases/messages.js';
import { hashToken } from '../src/platform/auth/index.js';
import { urls } from '../src/platform/http/urls.js';
import type { Lang } from '../src/platform/i18n/i18n.js';
import { databaseTargets } from './helpers/databases.js';
import { latinSentences } from './helpers/latin-sentences.js';
import { confirmationOf, mainText, multipartForm, nextAddress, openForm, PDF, PNG, submitServiceForm, summaryErrors, validForm } from './helpers/service-form.js';
import { startStaffApp, type StaffTestApp } from './helpers/staff.js';
import { testConfig } from './helpers/test-app.js';

describe.each(databaseTargets())('the service line form (%s)', (target) => {
  let s: StaffTestApp;
  let db: CaseDb;
  const caseCount = async () => Number((await db.selectFrom('cases').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n);

  let attachmentsDir: string;

  beforeAll(async () => {
    attachmentsDir = await mkdtemp(path.join(os.tmpdir(), 'ib-service-form-'));
    s = await startStaffApp({ target, env: { CASE_SUBMIT_PER_ADDRESS_PER_HOUR: '3', CASE_SUBMIT_PER_EMAIL_PER_HOUR: '2', ATTACHMENTS_DIR: attachmentsDir } });
    db = caseDb(s.database.db);
  }, 120_000);
  afterAll(async () => {
    await s?.close();
    await rm(attachmentsDir, { recursive: true, force: true });
  });

  it.each(['en', 'zh'] as const)('shows the form in %s, uncached, with a form cookie, every kind with its time limits and their source', async (lang) => {
    const opened = await openForm(s.app, urls.service(lang));
    const { response } = opened;
    expect(response.statusCode).toBe(200);
    expect(response.headers['cache-control']).toBe('no-store');
    expect(String(response.headers['set-cookie'])).toMatch(/ib_staff_form=[\w-]+; Path=\/; HttpOnly; SameSite=Lax/);
    const text = mainText(response.body);
    for (const kind of ['inquiry', 'demand', 'complaint', 'report'] as const) expect(text).toContain(t(lang, `service.kind.${kind}.hint`));
    expect(text).toContain(lang === 'en' ? 'General inquiries: feedback in real time.' : '一般咨询：实时反馈。');
    expect(text).toContain(lang === 'en' ? 'within 60 working days of acceptance' : '60个工作日');
    expect(text).toContain(lang === 'en' ? 'Ministry of Commerce Order No. 3 of 2020' : '商务部令2020年第3号');
    expect(text).toContain(lang === 'en' ? 'Beijing Foreign Investment Guide' : '北京外商投资指南');
    // The bot trap is in the form, hidden from assistive technology and out of the tab order.
    expect(response.body).toMatch(/<div class="service-extra" aria-hidden="true">[\s\S]*?name="website"[^>]*tabindex="-1"/);
    if (lang === 'zh') expect(latinSentences(text)).toEqual([]);
  });

  it('pre-fills kind, topic, district and subject from a link, ignoring values it does not know', async () => {
    const page = await s.app.inject({ url: urls.service('en', { kind: 'complaint', topic: 'government-conduct', district: 'chaoyang', subject: 'Licence refused' }) });
    expect(page.body).toMatch(/<input type="radio" id="kind-complaint" name="kind" value="complaint" checked/);
    expect(page.body).toMatch(/name="topic" value="government-conduct" checked/);
    expect(page.body).toMatch(/<option value="chaoyang" selected/);
    expect(page.body).toMatch(/name="subject" type="text" value="Licence refused"/);
    // Only the topics that take complaints are offered once the kind is known.
    expect(page.body).not.toContain('value="ip-rights" checked');
    const odd = await s.app.inject({ url: '/en/service?kind=wish&topic=nothing&district=atlantis' });
    expect(odd.statusCode).toBe(200);
    expect(odd.body).not.toMatch(/ checked/);
    expect(odd.body).not.toContain('atlantis');
  });

  it.each(['en', 'zh'] as const)('files a valid request in %s and answers with the reference and token once, the due date and its rule', async (lang) => {
    const before = await caseCount();
    const fields = validForm(lang);
    const response = await submitServiceForm(s.app, lang, fields);
    expect(response.statusCode).toBe(200);
    expect(response.headers['cache-control']).toBe('no-store');
    expect(response.headers['referrer-policy']).toBe('no-referrer');
    expect(response.headers.location).toBeUndefined();
    const { reference, token } = confirmationOf(response.body);
    expect(reference).toMatch(/^IB-2026-\d{6}$/);
    const row = await db.selectFrom('cases').selectAll().where('reference', '=', reference).executeTakeFirstOrThrow();
    expect(row.token_hash).toBe(hashToken(token));
    expect(row).toMatchObject({ channel: 'web', lang, kind: 'demand', topic_id: 'policies', district_id: 'haidian', foreign_invested: true, uscc: '91350100M000100Y43', contact_email: fields.contact_email, subject: fields.subject });
    expect(await caseCount()).toBe(before + 1);
    const text = mainText(response.body);
    expect(text).toContain(formatInstant(row.due_at, lang));
    expect(text).toContain(lang === 'en' ? 'Demands, complaints and reports, general matters: feedback within 7 days.' : '7天内反馈');
    expect(text).toContain(t(lang, 'service.done.keepWarning'));
    expect(text).toContain(t(lang, 'service.done.keepEmail', { email: fields.contact_email }));
    // The tracking link holds the token and points at this site's tracking page.
    expect(response.body).toContain(`href="/${lang}/service/track?ref=${reference}&amp;token=${token}"`);
    if (lang === 'zh') expect(latinSentences(text.replace(reference, ' ').replace(token, ' '))).toEqual([]);
    // A second look at the form never shows the token again.
    expect((await s.app.inject({ url: urls.service(lang) })).body).not.toContain(token);
  });

  it('files an anonymous request without contact details and says the token is the only way back', async () => {
    const response = await submitServiceForm(s.app, 'zh', validForm('zh', { anonymous: 'yes', contact_email: undefined, contact_name: '王丽' }));
    expect(response.statusCode).toBe(200);
    const { reference } = confirmationOf(response.body);
    const row = await db.selectFrom('cases').selectAll().where('reference', '=', reference).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ anonymous: true, contact_name: null, contact_email: null, contact_phone: null });
    expect(mainText(response.body)).toContain(t('zh', 'service.done.keepAnonymous'));
  });

  it('files a complaint under the foreign-invested enterprise mechanism with its 7 working days for acceptance', async () => {
    const response = await submitServiceForm(s.app, 'en', validForm('en', { kind: 'complaint', topic: 'government-conduct', fie_complaint: 'yes' }));
    expect(response.statusCode).toBe(200);
    const row = await db.selectFrom('cases').selectAll().where('reference', '=', confirmationOf(response.body).reference).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ fie_complaint: true, limit_id: 'fie-complaint-acceptance', limit_unit: 'working_days', limit_amount: 7 });
    expect(mainText(response.body)).toContain('a decision on acceptance within 7 working days');
  });

  /** Each class of invalid answer: the fields sent, the field at fault and the message it gets. */
  const INVALID: { name: string; fields: Record<string, string | undefined>; field: string; key: Parameters<typeof t>[1]; params?: Record<string, string> }[] = [
    { name: 'no kind', fields: { kind: undefined }, field: 'kind', key: 'service.error.kind' },
    { name: 'an unknown kind', fields: { kind: 'wish' }, field: 'kind', key: 'service.error.kind' },
    { name: 'no topic', fields: { topic: undefined }, field: 'topic', key: 'service.error.topic' },
    { name: 'an unknown topic', fields: { topic: 'weather' }, field: 'topic', key: 'service.error.topic' },
    { name: 'a topic that does not take the kind', fields: { topic: 'government-conduct' }, field: 'topic', key: 'service.error.topicKind' },
    { name: 'an unknown district', fields: { district: 'atlantis' }, field: 'district', key: 'service.error.district' },
    { name: 'no subject', fields: { subject: '' }, field: 'subject', key: 'service.error.subject' },
    { name: 'a subject too long', fields: { subject: 'x'.repeat(201) }, field: 'subject', key: 'service.error.tooLong' },
    { name: 'a description too short', fields: { description: 'Help' }, field: 'description', key: 'service.error.descriptionShort' },
    { name: 'a code whose check character is wrong', fields: { uscc: '91350100M000100Y44' }, field: 'uscc', key: 'service.error.uscc' },
    { name: 'an e-mail address without a domain', fields: { contact_email: 'ops@' }, field: 'contact_email', key: 'service.error.email' },
    { name: 'a telephone number with letters', fields: { contact_phone: 'call me' }, field: 'contact_phone', key: 'service.error.phone' },
    { name: 'no contact and not anonymous', fields: { contact_email: undefined }, field: 'contact_email', key: 'service.error.contact' },
    { name: 'anonymous with contact details', fields: { anonymous: 'yes' }, field: 'anonymous', key: 'service.error.anonymousWithContact' },
    { name: 'the complaint mechanism for a demand', fields: { fie_complaint: 'yes' }, field: 'fie_complaint', key: 'service.error.fieNeedsComplaint' },
    { name: 'the complaint mechanism for an enterprise that is not foreign-invested', fields: { kind: 'complaint', fie_complaint: 'yes', foreign_invested: 'no' }, field: 'fie_complaint', key: 'service.error.fieNeedsFie' },
    { name: 'no consent', fields: { consent: undefined }, field: 'consent', key: 'service.error.consent' },
  ];

  describe.each(['en', 'zh'] as const)('in %s', (lang: Lang) => {
    it.each(INVALID)('refuses $name, says why next to the field and in the summary, and keeps the answers', async ({ fields, field, key }) => {
      const before = await caseCount();
      const sent = validForm(lang, fields);
      const response = await submitServiceForm(s.app, lang, sent);
      expect(response.statusCode).toBe(400);
      const errors = summaryErrors(response.body);
      expect(errors.map((e) => e.field)).toEqual([field]);
      const message = key === 'service.error.tooLong' ? t(lang, key, { label: t(lang, 'service.subject.label'), max: '200' }) : t(lang, key);
      expect(errors[0].message).toBe(message);
      // Next to the field, tied to it for screen readers.
      expect(response.body).toContain(`id="${field}-error"`);
      expect(response.body).toMatch(new RegExp(`aria-describedby="[^"]*${field}-error`));
      // The answers are kept (the subject as typed, unless it is the field at fault).
      if (field !== 'subject') expect(response.body).toContain(`value="${sent.subject.replace(/&/g, '&amp;')}"`);
      expect(response.body).toContain(sent.description.replace(/&/g, '&amp;'));
      expect(await caseCount()).toBe(before);
      if (lang === 'zh') expect(latinSentences(mainText(response.body).replace(sent.subject, ' '))).toEqual([]);
    });
  });

  it('lists every problem at once, in the order of the form', async () => {
    const response = await submitServiceForm(s.app, 'en', validForm('en', { kind: undefined, topic: undefined, subject: '', description: 'short', uscc: '123', contact_email: 'x', consent: undefined }));
    expect(response.statusCode).toBe(400);
    expect(summaryErrors(response.body).map((e) => e.field)).toEqual(['kind', 'topic', 'subject', 'description', 'uscc', 'contact_email', 'consent']);
  });

  it('refuses a form whose hidden field was filled, files nothing and says so plainly', async () => {
    const before = await caseCount();
    for (const lang of ['en', 'zh'] as const) {
      const response = await submitServiceForm(s.app, lang, validForm(lang, { website: 'http://spam.example' }));
      expect(response.statusCode).toBe(400);
      expect(mainText(response.body)).toContain(t(lang, 'service.error.honeypot'));
      expect(response.body).not.toContain('case-token');
      expect(response.body).not.toContain('spam.example');
    }
    expect(await caseCount()).toBe(before);
  });

  it('refuses a post without the form cookie or with another token (CSRF), keeping the answers', async () => {
    const before = await caseCount();
    const fields = validForm('en');
    const noCookie = await s.app.inject({ method: 'POST', url: urls.service('en'), remoteAddress: nextAddress(), payload: { _csrf: 'x'.repeat(43), ...fields } });
    expect(noCookie.statusCode).toBe(403);
    expect(mainText(noCookie.body)).toContain(t('en', 'service.error.csrf'));
    expect(noCookie.body).toContain(`value="${fields.contact_email}"`);
    const opened = await openForm(s.app, urls.service('zh'));
    const mismatched = await s.app.inject({ method: 'POST', url: urls.service('zh'), headers: { cookie: opened.cookie }, remoteAddress: nextAddress(), payload: { ...validForm('zh'), _csrf: [...opened.csrf].reverse().join('') } });
    expect(mismatched.statusCode).toBe(403);
    expect(mainText(mismatched.body)).toContain(t('zh', 'service.error.csrf'));
    const missing = await s.app.inject({ method: 'POST', url: urls.service('en'), headers: { cookie: opened.cookie }, remoteAddress: nextAddress(), payload: validForm('en') });
    expect(missing.statusCode).toBe(403);
    expect(await caseCount()).toBe(before);
  });

  it('limits filings per e-mail address and per client address within the hour, and frees them after it', async () => {
    const email = `limit-${Date.now()}@example.com`;
    const address = nextAddress();
    // Per e-mail (2 an hour here), from different addresses.
    expect((await submitServiceForm(s.app, 'en', validForm('en', { contact_email: email }))).statusCode).toBe(200);
    expect((await submitServiceForm(s.app, 'en', validForm('en', { contact_email: email.toUpperCase() }))).statusCode).toBe(200);
    const third = await submitServiceForm(s.app, 'zh', validForm('zh', { contact_email: email }));
    expect(third.statusCode).toBe(429);
    expect(Number(third.headers['retry-after'])).toBeGreaterThan(0);
    expect(mainText(third.body)).toContain(t('zh', 'service.error.throttled'));
    expect(third.body).toContain(`value="${email}"`);
    // Per address (3 an hour here), with different e-mails.
    for (let i = 0; i < 3; i++) expect((await submitServiceForm(s.app, 'en', validForm('en'), { remoteAddress: address })).statusCode).toBe(200);
    expect((await submitServiceForm(s.app, 'en', validForm('en'), { remoteAddress: address })).statusCode).toBe(429);
    // Refused forms (invalid, CSRF) do not count: a fresh address still has its three.
    const other = nextAddress();
    expect((await submitServiceForm(s.app, 'en', validForm('en', { consent: undefined }), { remoteAddress: other })).statusCode).toBe(400);
    expect((await submitServiceForm(s.app, 'en', validForm('en'), { remoteAddress: other })).statusCode).toBe(200);
    s.clock.advance(3_600_000 + 1000);
    expect((await submitServiceForm(s.app, 'en', validForm('en'), { remoteAddress: address })).statusCode).toBe(200);
    expect((await submitServiceForm(s.app, 'en', validForm('en', { contact_email: email }))).statusCode).toBe(200);
  });

  it('shares the per-address count between two app instances on one database, as between web processes', async () => {
    const content = new ContentService(s.database.db);
    await content.refresh();
    const second = await buildApp(testConfig({ CASE_SUBMIT_PER_ADDRESS_PER_HOUR: '3', CASE_SUBMIT_PER_EMAIL_PER_HOUR: '2', ATTACHMENTS_DIR: attachmentsDir }), { db: s.database.db, content, clock: () => s.clock.now });
    await second.ready();
    try {
      const address = nextAddress();
      expect((await submitServiceForm(s.app, 'en', validForm('en'), { remoteAddress: address })).statusCode).toBe(200);
      expect((await submitServiceForm(second, 'en', validForm('en'), { remoteAddress: address })).statusCode).toBe(200);
      expect((await submitServiceForm(s.app, 'en', validForm('en'), { remoteAddress: address })).statusCode).toBe(200);
      expect((await submitServiceForm(second, 'en', validForm('en'), { remoteAddress: address })).statusCode).toBe(429);
    } finally {
      await second.close();
    }
  });

  it('files a request sent as multipart with its documents, and asks for them again when the form is refused', async () => {
    const opened = await openForm(s.app, urls.service('zh'));
    expect(opened.response.body).toContain('enctype="multipart/form-data"');
    expect(opened.response.body).toMatch(/<input id="attachments" name="attachments" type="file" multiple/);
    const fields = { _csrf: opened.csrf, ...validForm('zh') };
    const sent = multipartForm(fields, [{ filename: '受理回执.pdf', type: 'application/pdf', data: PDF }, { filename: 'site.png', type: 'image/png', data: PNG }]);
    const filed = await s.app.inject({ method: 'POST', url: urls.service('zh'), headers: { cookie: opened.cookie, ...sent.headers }, remoteAddress: nextAddress(), payload: sent.payload });
    expect(filed.statusCode).toBe(200);
    const { reference } = confirmationOf(filed.body);
    const row = await db.selectFrom('cases').select('id').where('reference', '=', reference).executeTakeFirstOrThrow();
    const files = await db.selectFrom('case_attachments').select(['filename', 'content_type', 'uploaded_by']).where('case_id', '=', row.id).orderBy('filename').execute();
    expect(files).toEqual([
      { filename: 'site.png', content_type: 'image/png', uploaded_by: 'enterprise' },
      { filename: '受理回执.pdf', content_type: 'application/pdf', uploaded_by: 'enterprise' },
    ]);
    expect(mainText(filed.body)).toContain('受理回执.pdf');

    // A PNG declared as a PDF is refused with the rest of the form; the good file is not kept and must be chosen again.
    const before = Number((await db.selectFrom('case_attachments').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n);
    const bad = multipartForm({ _csrf: opened.csrf, ...validForm('en', { consent: undefined }) }, [{ filename: 'scan.pdf', type: 'application/pdf', data: PNG }, { filename: 'ok.pdf', type: 'application/pdf', data: PDF }]);
    const refused = await s.app.inject({ method: 'POST', url: urls.service('en'), headers: { cookie: opened.cookie, ...bad.headers }, remoteAddress: nextAddress(), payload: bad.payload });
    expect(refused.statusCode).toBe(400);
    expect(summaryErrors(refused.body)).toEqual([
      { field: 'attachments', message: t('en', 'service.attachments.error.content_mismatch', { name: 'scan.pdf', size: 10, count: 5 }) },
      { field: 'consent', message: t('en', 'service.error.consent') },
    ]);
    const missingConsent = multipartForm({ _csrf: opened.csrf, ...validForm('en', { consent: undefined }) }, [{ filename: 'ok.pdf', type: 'application/pdf', data: PDF }]);
    const again = await s.app.inject({ method: 'POST', url: urls.service('en'), headers: { cookie: opened.cookie, ...missingConsent.headers }, remoteAddress: nextAddress(), payload: missingConsent.payload });
    expect(summaryErrors(again.body).map((e) => e.message)).toEqual([t('en', 'service.attachments.again'), t('en', 'service.error.consent')]);
    expect(Number((await db.selectFrom('case_attachments').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n)).toBe(before);
  });

  it('refuses a body over the form limit with a page in the visitor’s language', async () => {
    const opened = await openForm(s.app, urls.service('zh'));
    const response = await s.app.inject({ method: 'POST', url: urls.service('zh'), headers: { cookie: opened.cookie, 'content-type': 'application/x-www-form-urlencoded' }, remoteAddress: nextAddress(), payload: `_csrf=${opened.csrf}&description=${'%E4%B8%AD'.repeat(40_000)}` });
    expect(response.statusCode).toBe(413);
    expect(mainText(response.body)).toContain(t('zh', 'service.error.tooLarge'));
    // The longest description the form allows (20,000 Chinese characters) fits.
    const longest = await submitServiceForm(s.app, 'zh', validForm('zh', { description: '中'.repeat(20_000) }));
    expect(longest.statusCode).toBe(200);
  });
});
