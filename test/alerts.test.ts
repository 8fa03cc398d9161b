/**
 * Policy alerts end to end, on PGlite and PostgreSQL: the subscribe form on Policies for me (real HTTP), the
 * confirmation e-mail (the queued send_email jobs), double opt-in (GET shows a button, only POST confirms), the
 * worker's sweep (the alerts module's periodic task, with a controlled clock) after changes published through the
 * editorial workflow by two content editors, once per profile per change, in the subscriber's language, RFC 8058
 * one-click unsubscribe, bad tokens and the subscribe rate limit.
 */
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { workerContributions } from '../src/app.js';
import { createWorker } from '../src/platform/jobs/start-worker.js';
import { emailMessageSchema } from '../src/platform/mail/index.js';
import { markVerified, publish, saveDraft, submitForReview, type Actor, type EditorialContext } from '../src/modules/editorial/revision-workflow.js';
import type { ContentKind } from '../src/modules/content/index.js';
import type { PeriodicTask } from '../src/platform/jobs/index.js';
import { urls } from '../src/platform/http/urls.js';
import { databaseTargets } from './helpers/databases.js';
import { startStaffApp, type StaffTestApp } from './helpers/staff.js';
import { testConfig } from './helpers/test-app.js';

const ORIGIN = 'http://test.invalid';
const RD_POLICY = 'foreign-rd-headquarters-confirmation-opinions-2021';
/** An R&D centre authorised by its parent, with USD 1.5 million paid in: short of the USD 2 million the rule asks. */
const RD_PROFILE = 'entity_type=rd_center&paid_in_capital_usd=1500000&authorised_by_parent=yes';
/** A representative office, known not to be an R&D headquarters: the changed rule does not apply to it before or after. */
const OFFICE_PROFILE = 'entity_type=rep_office&statuses=high_tech&district=chaoyang';

interface Mail {
  id: string;
  to: string;
  subject: string;
  text: string;
  headers?: Record<string, string>;
}

describe.each(databaseTargets())('policy alerts (%s)', (target) => {
  let t: StaffTestApp;
  let sweep: PeriodicTask;
  let ctx: EditorialContext;
  let editorA: Actor;
  let editorB: Actor;

  const mails = async (): Promise<Mail[]> => {
    const rows = (await t.database.db.selectFrom('jobs' as never).selectAll().execute()) as { id: string; kind: string; payload: unknown }[];
    return rows
      .filter((r) => r.kind === 'send_email')
      .map((r) => ({ id: String(r.id), ...((typeof r.payload === 'string' ? JSON.parse(r.payload) : r.payload) as Omit<Mail, 'id'>) }))
      .sort((a, b) => Number(a.id) - Number(b.id));
  };
  const mailsSince = async (before: Mail[]) => (await mails()).filter((m) => !before.some((b) => b.id === m.id));
  const tokenIn = (text: string, route: 'confirm' | 'unsubscribe') => {
    const match = new RegExp(`${ORIGIN}/(?:en|zh)/alerts/${route}\\?token=([A-Za-z0-9_-]+)`).exec(text);
    expect(match, `a ${route} link in:\n${text}`).not.toBeNull();
    return match![1];
  };
  const runSweep = async () => sweep.run(t.clock.now);

  /** The subscribe form as the results page renders it: its hidden fields, then the visitor's own. */
  async function subscribeFrom(pageUrl: string, fields: Record<string, string>, headers: Record<string, string> = { origin: ORIGIN }) {
    const pageResponse = await t.app.inject({ method: 'GET', url: pageUrl });
    expect(pageResponse.statusCode).toBe(200);
    const form = /<form method="post" action="(\/(?:en|zh)\/alerts\/subscribe)"[^>]*>([\s\S]*?)<\/form>/.exec(pageResponse.body);
    expect(form, 'the subscribe form on the results').not.toBeNull();
    const body = new URLSearchParams();
    for (const [, name, value] of form![2].matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)"/g)) body.append(name, value.replace(/&amp;/g, '&'));
    for (const [name, value] of Object.entries(fields)) body.append(name, value);
    return t.app.inject({ method: 'POST', url: form![1], headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers }, payload: body.toString() });
  }

  async function subscribeAndConfirm(email: string, lang: 'en' | 'zh', profile: string) {
    const before = await mails();
    const response = await subscribeFrom(`/${lang}/policies-for-me?${profile}`, { email, alert_lang: lang, consent: 'yes' });
    expect(response.statusCode).toBe(200);
    const [mail] = await mailsSince(before);
    const token = tokenIn(mail.text, 'confirm');
    const confirmed = await t.app.inject({ method: 'POST', url: urls.alertsConfirm(lang, token), headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: `token=${token}` });
    expect(confirmed.statusCode).toBe(200);
    return token;
  }

  async function publishChange(kind: ContentKind, itemId: string, data: Record<string, unknown>, isNew = false) {
    const draft = await saveDraft(ctx, editorA, { kind, itemId, data, isNew });
    expect(draft.problems).toEqual([]);
    await submitForReview(ctx, editorA, draft.revisionId);
    const version = await publish(ctx, editorB, draft.revisionId);
    expect(version).toBeGreaterThan(0);
    await t.content.refresh();
  }

  const subscriptionOf = (email: string) => t.database.db.selectFrom('alert_subscriptions' as never).selectAll().where('email' as never, '=', email as never).executeTakeFirstOrThrow() as Promise<{ confirmed_at: Date | null; unsubscribed_at: Date | null }>;

  beforeAll(async () => {
    t = await startStaffApp({ target });
    const editor = async (email: string): Promise<Actor> => {
      const row = await t.db.insertInto('staff_users').values({ email, name: email, password_hash: 'x', role: 'content_editor', district_id: null, department_id: null, disabled_at: null }).returning('id').executeTakeFirstOrThrow();
      return { userId: row.id, role: 'content_editor' };
    };
    editorA = await editor('editor-a@example.gov.cn');
    editorB = await editor('editor-b@example.gov.cn');
    ctx = { db: t.database.db, content: t.content, now: () => t.clock.now };
    const { periodic } = workerContributions({ config: testConfig(), db: t.database.db, clock: () => t.clock.now });
    sweep = periodic.find((task) => task.name === 'alerts.sweep')!;
    expect(sweep).toBeDefined();
    // The first run starts the cursor at the content live now.
    expect(await runSweep()).toBe(0);
  }, 120_000);
  afterAll(() => t?.close());

  it('shows the form under the results, and a subscription sends exactly one e-mail: the confirmation', async () => {
    const page = await t.app.inject({ method: 'GET', url: `/en/policies-for-me?${RD_PROFILE}` });
    expect(page.body).toContain('E-mail me when a policy that fits this profile is published or changed');
    expect(page.body).toMatch(/<input type="hidden" name="entity_type" value="rd_center"/);
    const plan = await t.app.inject({ method: 'GET', url: `/zh/plan?${RD_PROFILE}` });
    expect(plan.body).toContain('<input type="hidden" name="origin" value="plan"');

    const before = await mails();
    const response = await subscribeFrom(`/en/policies-for-me?${RD_PROFILE}`, { email: ' Investor.A@Example.com ', alert_lang: 'en', consent: 'yes' });
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain('Check your inbox');
    expect(response.body).toContain(urls.policyFeed('en'));
    const sent = await mailsSince(before);
    expect(sent).toHaveLength(1);
    expect(sent[0].to).toBe('investor.a@example.com');
    expect(sent[0].subject).toContain('Confirm');
    expect(sent[0].text).toContain('Type of entity: R&D centre');
    expect(sent[0].text).toContain(`${ORIGIN}/en/alerts/confirm?token=`);
    expect(sent[0].headers?.['List-Unsubscribe-Post']).toBe('List-Unsubscribe=One-Click');
    const sub = await subscriptionOf('investor.a@example.com');
    expect(sub.confirmed_at).toBeNull();
  });

  it('refuses a POST from another site, and re-renders errors in the page’s language without losing the answers', async () => {
    const foreign = await subscribeFrom(`/en/policies-for-me?${RD_PROFILE}`, { email: 'x@example.com', alert_lang: 'en', consent: 'yes' }, { origin: 'https://evil.example' });
    expect(foreign.statusCode).toBe(403);
    const bad = await subscribeFrom(`/zh/policies-for-me?${RD_PROFILE}`, { email: 'not-an-address', alert_lang: 'zh' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('请输入电子邮箱地址');
    expect(bad.body).toContain('请勾选同意');
    expect(bad.body).toContain('value="not-an-address"');
    expect(bad.body).toMatch(/<input type="hidden" name="paid_in_capital_usd" value="1500000"/);
    // The form shown again carries the anonymous form token, so it can be sent even without an Origin header.
    const token = /name="_csrf" value="([^"]+)"/.exec(bad.body)![1];
    const cookie = /ib_staff_form=[^;]+/.exec(String(bad.headers['set-cookie']))?.[0] ?? '';
    expect(cookie).not.toBe('');
    const before = await mails();
    const again = await t.app.inject({
      method: 'POST', url: urls.alertsSubscribe('zh'),
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie },
      payload: `_csrf=${token}&origin=policies-for-me&entity_type=rd_center&email=zh-form@example.com&alert_lang=zh&consent=yes`,
    });
    expect(again.statusCode).toBe(200);
    expect(await mailsSince(before)).toHaveLength(1);
    // Without the pair (token and cookie) and without an Origin, nothing is stored.
    const none = await t.app.inject({ method: 'POST', url: urls.alertsSubscribe('zh'), headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: `_csrf=${token}&origin=policies-for-me&entity_type=rd_center&email=zh-form@example.com&alert_lang=zh&consent=yes` });
    expect(none.statusCode).toBe(403);
    expect(await mailsSince(before)).toHaveLength(1);
  });

  it('confirms only by POST: the link shows the answers and a button', async () => {
    const before = await mails();
    await subscribeFrom(`/en/policies-for-me?${RD_PROFILE}`, { email: 'confirm-me@example.com', alert_lang: 'en', consent: 'yes' });
    const token = tokenIn((await mailsSince(before))[0].text, 'confirm');
    const shown = await t.app.inject({ method: 'GET', url: urls.alertsConfirm('en', token) });
    expect(shown.statusCode).toBe(200);
    expect(shown.body).toMatch(/<form method="post"[^>]*>[\s\S]*<button type="submit" class="button">Confirm<\/button>/);
    expect(shown.body).toContain('R&amp;D centre');
    expect((await subscriptionOf('confirm-me@example.com')).confirmed_at).toBeNull();
    const confirmed = await t.app.inject({ method: 'POST', url: urls.alertsConfirm('en', token), headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: `token=${token}` });
    expect(confirmed.statusCode).toBe(200);
    expect(confirmed.body).toContain('E-mails about policies confirmed');
    expect((await subscriptionOf('confirm-me@example.com')).confirmed_at).not.toBeNull();
    // Idempotent: confirming again changes nothing and says the same.
    const twice = await t.app.inject({ method: 'POST', url: urls.alertsConfirm('en', token), headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: `token=${token}` });
    expect(twice.statusCode).toBe(200);
    expect(twice.body).toContain('E-mails about policies confirmed');
  });

  it('a threshold change that makes a policy apply e-mails each confirmed profile once, in its language; nothing for the others', async () => {
    await subscribeAndConfirm('rd-en@example.com', 'en', RD_PROFILE);
    await subscribeAndConfirm('rd-zh@example.com', 'zh', RD_PROFILE);
    await subscribeAndConfirm('office@example.com', 'en', OFFICE_PROFILE);
    // Unconfirmed (investor.a@example.com from the first test) and confirm-me (confirmed, same profile) exist too.
    const before = await mails();
    const parameter = t.content.store.get('rule-parameters', 'rd_hq_min_paid_in_capital_usd')!;
    await publishChange('rule-parameters', parameter.id, { ...structuredClone(parameter), value: 1_000_000 });
    t.clock.advance(60_000);
    const queued = await runSweep();
    const sent = await mailsSince(before);
    expect(queued).toBe(3);
    expect(sent.map((m) => m.to).sort()).toEqual(['confirm-me@example.com', 'rd-en@example.com', 'rd-zh@example.com']);
    const policy = t.content.store.get('policies', RD_POLICY)!;
    const rule = t.content.store.get('rules', 'rd-hq-confirmation')!;
    const en = sent.find((m) => m.to === 'rd-en@example.com')!;
    expect(en.text).toContain(policy.en.title);
    expect(en.text).toContain(rule.en.benefit);
    expect(en.text).toContain('The company is a foreign-funded R&D centre');
    expect(en.text).toContain(`${ORIGIN}${urls.policy('en', RD_POLICY)}`);
    expect(en.headers?.['List-Unsubscribe']).toMatch(new RegExp(`^<${ORIGIN}/en/alerts/unsubscribe\\?token=[A-Za-z0-9_-]+>$`));
    tokenIn(en.text, 'unsubscribe');
    const zh = sent.find((m) => m.to === 'rd-zh@example.com')!;
    expect(zh.text).toContain(policy.zh.title);
    expect(zh.text).toContain('企业为外资研发中心');
    expect(zh.text).toContain('现已适用于您');
    expect(zh.text).not.toContain(policy.en.title);
    expect(zh.subject).toContain('投资北京');
    // Again: nothing more.
    t.clock.advance(60_000);
    expect(await runSweep()).toBe(0);
    expect(await mailsSince(before)).toHaveLength(sent.length);
  });

  it('an editor confirming a policy against its sources (only its last-verified date changes) e-mails nobody', async () => {
    const before = await mails();
    t.clock.advance(86_400_000);
    await markVerified(ctx, editorA, 'policies', RD_POLICY);
    await markVerified(ctx, editorA, 'rule-parameters', 'rd_hq_min_paid_in_capital_usd');
    await t.content.refresh();
    t.clock.advance(60_000);
    expect(await runSweep()).toBe(0);
    expect(await mailsSince(before)).toEqual([]);
  });

  it('one-click unsubscribe (RFC 8058) stops the e-mails: the next change sends nothing to that profile', async () => {
    const all = await mails();
    const alert = all.filter((m) => m.to === 'rd-en@example.com').at(-1)!;
    const token = tokenIn(alert.text, 'unsubscribe');
    const page = await t.app.inject({ method: 'GET', url: urls.alertsUnsubscribe('en', token) });
    expect(page.statusCode).toBe(200);
    expect((await subscriptionOf('rd-en@example.com')).unsubscribed_at).toBeNull();
    const oneClick = await t.app.inject({ method: 'POST', url: urls.alertsUnsubscribe('en', token), headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: 'List-Unsubscribe=One-Click' });
    expect(oneClick.statusCode).toBe(200);
    expect((await subscriptionOf('rd-en@example.com')).unsubscribed_at).not.toBeNull();
    const again = await t.app.inject({ method: 'POST', url: urls.alertsUnsubscribe('en', token), headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: 'List-Unsubscribe=One-Click' });
    expect(again.statusCode).toBe(200);

    // A new policy with a rule for R&D centres: the zh profile hears of it as new; the unsubscribed one does not.
    const before = await mails();
    const base = t.content.store.get('policies', RD_POLICY)!;
    const newPolicy = { ...structuredClone(base), id: 'alerts-test-rd-grant', en: { ...base.en, title: 'Alerts test grant for R&D centres' }, zh: { ...base.zh, title: '研发中心测试资助' } };
    await publishChange('policies', newPolicy.id, newPolicy as unknown as Record<string, unknown>, true);
    const baseRule = t.content.store.get('rules', 'rd-hq-confirmation')!;
    const leaf = (baseRule.condition as unknown as { all: [{ any: [Record<string, unknown>] }] }).all[0].any[0];
    const newRule = { ...structuredClone(baseRule), id: 'alerts-test-rd-grant-rule', policy: newPolicy.id, condition: structuredClone(leaf) };
    await publishChange('rules', newRule.id, newRule as unknown as Record<string, unknown>, true);
    t.clock.advance(60_000);
    // Two workers sweep at once: still one e-mail per profile for this change.
    const { periodic } = workerContributions({ config: testConfig(), db: t.database.db, clock: () => t.clock.now });
    const other = periodic.find((task) => task.name === 'alerts.sweep')!;
    await Promise.all([runSweep(), other.run(t.clock.now)]);
    const sent = await mailsSince(before);
    expect(sent.map((m) => m.to)).not.toContain('rd-en@example.com');
    expect(sent.map((m) => m.to)).not.toContain('office@example.com');
    expect(sent.map((m) => m.to)).not.toContain('investor.a@example.com');
    const zh = sent.find((m) => m.to === 'rd-zh@example.com')!;
    expect(zh.text).toContain('研发中心测试资助');
    expect(zh.text).toContain('新政策');
    expect(sent.filter((m) => m.to === 'rd-zh@example.com')).toHaveLength(1);

    // The worker delivers it: with MAIL_SINK=file, one .eml per message under DATA_DIR/outbox, with the one-click headers.
    const dataDir = await mkdtemp(path.join(tmpdir(), 'alerts-outbox-'));
    try {
      const silent = { info: () => undefined, warn: () => undefined, error: () => undefined };
      const { worker, close } = createWorker(testConfig({ MAIL_SINK: 'file', DATA_DIR: dataDir }), t.database.db, silent, () => t.clock.now);
      await worker.drain();
      close();
      const file = path.join(dataDir, 'outbox', `job-${zh.id}.eml`);
      const eml = await readFile(file, 'utf8');
      expect(eml).toMatch(/^To: rd-zh@example\.com$/m);
      expect(eml).toMatch(/^List-Unsubscribe-Post: List-Unsubscribe=One-Click$/m);
      expect(eml.replace(/\r?\n[ \t]+/g, ' ')).toMatch(new RegExp(`^List-Unsubscribe: <${ORIGIN}/zh/alerts/unsubscribe\\?token=[A-Za-z0-9_-]+>$`, 'm'));
      expect((await readdir(path.join(dataDir, 'outbox'))).length).toBeGreaterThan(1);
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });

  it('refuses list headers that could smuggle in another header', () => {
    const message = { to: 'a@example.com', subject: 'x', text: 'x' };
    expect(emailMessageSchema.safeParse({ ...message, headers: { 'List-Unsubscribe': `<${ORIGIN}/en/alerts/unsubscribe?token=x>` , 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' } }).success).toBe(true);
    expect(emailMessageSchema.safeParse({ ...message, headers: { 'List-Unsubscribe': `<${ORIGIN}/x>\r\nBcc: victim@example.com` } }).success).toBe(false);
    expect(emailMessageSchema.safeParse({ ...message, headers: { 'List-Unsubscribe': 'javascript:alert(1)' } }).success).toBe(false);
    expect(emailMessageSchema.safeParse({ ...message, headers: { 'List-Unsubscribe-Post': 'anything' } }).success).toBe(false);
    expect(emailMessageSchema.safeParse({ ...message, headers: { Bcc: 'victim@example.com' } }).success).toBe(false);
  });

  it('answers every bad token with the same 404 page', async () => {
    const bad = ['A'.repeat(43), 'short', '', '<script>'];
    for (const token of bad) {
      for (const [method, url] of [['GET', urls.alertsConfirm('en', token)], ['POST', urls.alertsConfirm('en', token)], ['GET', urls.alertsUnsubscribe('zh', token)], ['POST', urls.alertsUnsubscribe('zh', token)]] as const) {
        const response = await t.app.inject({ method, url, headers: method === 'POST' ? { 'content-type': 'application/x-www-form-urlencoded' } : {}, payload: method === 'POST' ? 'List-Unsubscribe=One-Click' : undefined });
        expect(response.statusCode, `${method} ${url}`).toBe(404);
        expect(response.headers['content-type']).toContain('text/html');
      }
    }
  });

  it('limits subscribing per client: 429 with a page', async () => {
    let last = await subscribeFrom(`/en/policies-for-me?${RD_PROFILE}`, { email: 'flood@example.com', alert_lang: 'en', consent: 'yes' });
    for (let i = 0; i < 12 && last.statusCode !== 429; i++) {
      last = await t.app.inject({ method: 'POST', url: urls.alertsSubscribe('en'), headers: { 'content-type': 'application/x-www-form-urlencoded', origin: ORIGIN }, payload: `origin=policies-for-me&entity_type=rd_center&email=flood@example.com&alert_lang=en&consent=yes` });
    }
    expect(last.statusCode).toBe(429);
    expect(last.headers['content-type']).toContain('text/html');
    expect(last.body).toContain('Too many requests');
  });

  it('sends one address at most three confirmations an hour, and the answer never tells', async () => {
    const answers: string[] = [];
    for (let i = 0; i < 5; i++) {
      const response = await t.app.inject({
        method: 'POST', url: urls.alertsSubscribe('en'), remoteAddress: `10.0.0.${i + 1}`,
        headers: { 'content-type': 'application/x-www-form-urlencoded', origin: ORIGIN },
        payload: `origin=plan&entity_type=wfoe&email=${i % 2 ? 'Cap' : 'cap'}@example.com&alert_lang=en&consent=yes`,
      });
      expect(response.statusCode).toBe(200);
      answers.push(/<main[\s\S]*<\/main>/.exec(response.body)![0]);
    }
    expect(new Set(answers).size).toBe(1);
    expect((await mails()).filter((m) => m.to === 'cap@example.com')).toHaveLength(3);
    // An hour later the address may ask again.
    t.clock.advance(3_600_000 + 1000);
    const before = await mails();
    await t.app.inject({ method: 'POST', url: urls.alertsSubscribe('en'), remoteAddress: '10.0.1.1', headers: { 'content-type': 'application/x-www-form-urlencoded', origin: ORIGIN }, payload: 'origin=plan&entity_type=wfoe&email=cap@example.com&alert_lang=en&consent=yes' });
    expect((await mailsSince(before)).map((m) => m.to)).toEqual(['cap@example.com']);
  });
});
