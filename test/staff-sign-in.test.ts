import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashToken } from '../src/platform/auth/index.js';
import { urls } from '../src/platform/http/urls.js';
import { databaseTargets } from './helpers/databases.js';
import { cookieHeaderOf, cookiesOf, createStaffWithPassword, hiddenCsrf, postSignIn, signInAs, startStaffApp, type StaffTestApp } from './helpers/staff.js';

const PASSWORD = 'lantern orchard sixty copper';

describe.each(databaseTargets())('staff sign-in, sessions and CSRF (%s)', (target) => {
  let t: StaffTestApp;
  beforeAll(async () => {
    t = await startStaffApp({ target });
    await createStaffWithPassword(t, { email: 'officer@haidian.example', name: 'Li Na', role: 'district_officer', districtId: 'haidian', password: PASSWORD });
    await createStaffWithPassword(t, { email: 'viewer@example.gov', name: 'Wang Fang', role: 'viewer', password: PASSWORD });
    await createStaffWithPassword(t, { email: 'lock@example.gov', name: 'Zhao Lei', role: 'viewer', password: PASSWORD });
  });
  afterAll(() => t.close());

  it('signs in with the right password, sets an httpOnly SameSite=Lax session cookie and shows the role and scope on home', async () => {
    const { response } = await postSignIn(t.app, 'Officer@Haidian.example', PASSWORD);
    expect(response.statusCode).toBe(303);
    expect(response.headers.location).toBe(urls.staffHome('en'));
    const setCookie = String(response.headers['set-cookie']);
    expect(setCookie).toMatch(/ib_staff_session=[A-Za-z0-9_-]{43}; Path=\/; HttpOnly; SameSite=Lax; Max-Age=43200/);
    expect(setCookie).not.toContain('Secure');
    const cookie = cookieHeaderOf({ ib_staff_session: cookiesOf(response).ib_staff_session });
    const home = await t.app.inject({ url: urls.staffHome('en'), headers: { cookie } });
    expect(home.statusCode).toBe(200);
    expect(home.headers['cache-control']).toBe('no-store');
    expect(home.body).toContain('Li Na');
    expect(home.body).toContain('District officer');
    expect(home.body).toContain('District: Haidian District');
    const zh = await t.app.inject({ url: urls.staffHome('zh'), headers: { cookie } });
    expect(zh.body).toContain('区级专员');
    expect(zh.body).toContain('lang="zh-CN"');
  });

  it('marks the session cookie Secure when the request came over TLS through a trusted proxy', async () => {
    const tls = await startStaffApp({ target, env: { TRUST_PROXY: '1' } });
    try {
      await createStaffWithPassword(tls, { email: 'tls@example.gov', name: 'TLS', role: 'viewer', password: PASSWORD });
      const form = await tls.app.inject({ url: urls.staffSignIn('en'), headers: { 'x-forwarded-proto': 'https' } });
      const response = await tls.app.inject({
        method: 'POST',
        url: urls.staffSignIn('en'),
        headers: { cookie: cookieHeaderOf(cookiesOf(form)), 'x-forwarded-proto': 'https' },
        payload: { email: 'tls@example.gov', password: PASSWORD, _csrf: hiddenCsrf(form.body) },
      });
      expect(String(response.headers['set-cookie'])).toMatch(/ib_staff_session=.*; Secure/);
    } finally {
      await tls.close();
    }
  });

  it('refuses a wrong password and an unknown address with the same generic message', async () => {
    const wrong = await postSignIn(t.app, 'viewer@example.gov', 'not the password at all');
    const unknown = await postSignIn(t.app, 'nobody@example.gov', 'not the password at all');
    for (const { response } of [wrong, unknown]) {
      expect(response.statusCode).toBe(401);
      expect(response.headers['set-cookie'] ?? '').not.toContain('ib_staff_session');
      expect(response.body).toContain('Email address or password not correct');
      expect(response.body).toContain('class="error-summary"');
    }
    const zh = await postSignIn(t.app, 'viewer@example.gov', 'wrong password here', 'zh');
    expect(zh.response.body).toContain('电子邮箱或密码不正确');
  });

  it('reports every missing field at once', async () => {
    const { response } = await postSignIn(t.app, '', '');
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('href="#email"');
    expect(response.body).toContain('href="#password"');
  });

  it('locks an account after 5 failures in 15 minutes, even for the right password, then lets it in again', async () => {
    for (let i = 0; i < 5; i++) expect((await postSignIn(t.app, 'lock@example.gov', `wrong guess number ${i}`)).response.statusCode).toBe(401);
    const locked = await postSignIn(t.app, 'lock@example.gov', PASSWORD);
    expect(locked.response.statusCode).toBe(429);
    expect(locked.response.body).toContain('Too many attempts to sign in');
    t.clock.advance(15 * 60_000 + 1000);
    expect((await postSignIn(t.app, 'lock@example.gov', PASSWORD)).response.statusCode).toBe(303);
  });

  it('locks a client address after 20 failures across accounts', async () => {
    const other = await startStaffApp({ target });
    try {
      await createStaffWithPassword(other, { email: 'victim@example.gov', name: 'V', role: 'viewer', password: PASSWORD });
      for (let i = 0; i < 20; i++) await postSignIn(other.app, `spray${i}@example.gov`, 'password guess 1234');
      expect((await postSignIn(other.app, 'victim@example.gov', PASSWORD)).response.statusCode).toBe(429);
    } finally {
      await other.close();
    }
  });

  it('refuses a state-changing request without the right CSRF token with a 403 page, and accepts it with one', async () => {
    const cookie = await signInAs(t.app, 'viewer@example.gov', PASSWORD);
    const missing = await t.app.inject({ method: 'POST', url: urls.staffSignOut('en'), headers: { cookie }, payload: {} });
    expect(missing.statusCode).toBe(403);
    expect(missing.headers['cache-control']).toBe('no-store');
    expect(missing.body).toContain('The form could not be accepted');
    const invalid = await t.app.inject({ method: 'POST', url: urls.staffSignOut('zh'), headers: { cookie }, payload: { _csrf: 'x'.repeat(43) } });
    expect(invalid.statusCode).toBe(403);
    expect(invalid.body).toContain('无法接受此表单');
    // The session is still there: the refused request changed nothing.
    const home = await t.app.inject({ url: urls.staffHome('en'), headers: { cookie } });
    expect(home.statusCode).toBe(200);
    const ok = await t.app.inject({ method: 'POST', url: urls.staffSignOut('en'), headers: { cookie }, payload: { _csrf: hiddenCsrf(home.body) } });
    expect(ok.statusCode).toBe(303);
    expect(ok.headers.location).toBe(urls.staffSignIn('en', 'signed-out'));
    expect((await t.app.inject({ url: urls.staffHome('en'), headers: { cookie } })).statusCode).toBe(303);
  });

  it('refuses a sign-in form posted without its double-submit cookie (login CSRF)', async () => {
    const form = await t.app.inject({ url: urls.staffSignIn('en') });
    const response = await t.app.inject({ method: 'POST', url: urls.staffSignIn('en'), payload: { email: 'viewer@example.gov', password: PASSWORD, _csrf: hiddenCsrf(form.body) } });
    expect(response.statusCode).toBe(403);
  });

  it('ends a session after 30 idle minutes, but not while it is used', async () => {
    const cookie = await signInAs(t.app, 'viewer@example.gov', PASSWORD);
    t.clock.advance(29 * 60_000);
    expect((await t.app.inject({ url: urls.staffHome('en'), headers: { cookie } })).statusCode).toBe(200);
    t.clock.advance(29 * 60_000);
    expect((await t.app.inject({ url: urls.staffHome('en'), headers: { cookie } })).statusCode).toBe(200);
    t.clock.advance(30 * 60_000);
    const expired = await t.app.inject({ url: urls.staffHome('en'), headers: { cookie } });
    expect(expired.statusCode).toBe(303);
    expect(expired.headers.location).toBe(urls.staffSignIn('en', 'session-ended'));
    expect(String(expired.headers['set-cookie'])).toContain('ib_staff_session=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0');
    const sessionId = hashToken(cookie.split('=')[1]);
    expect(await t.db.selectFrom('staff_sessions').where('id', '=', sessionId).selectAll().execute()).toEqual([]);
  });

  it('ends a session 12 hours after sign-in however active it is', async () => {
    const cookie = await signInAs(t.app, 'viewer@example.gov', PASSWORD);
    for (let hour = 0; hour < 12; hour++) {
      t.clock.advance(20 * 60_000);
      expect((await t.app.inject({ url: urls.staffHome('en'), headers: { cookie } })).statusCode).toBe(200);
      t.clock.advance(20 * 60_000);
      expect((await t.app.inject({ url: urls.staffHome('en'), headers: { cookie } })).statusCode).toBe(200);
      t.clock.advance(20 * 60_000);
      const status = (await t.app.inject({ url: urls.staffHome('en'), headers: { cookie } })).statusCode;
      expect(status).toBe(hour < 11 ? 200 : 303);
    }
  });

  it('gives a new session token at every sign-in and ends the one sent with the form', async () => {
    const first = await signInAs(t.app, 'viewer@example.gov', PASSWORD);
    const form = await t.app.inject({ url: urls.staffSignIn('en'), headers: { cookie: first } });
    expect(form.statusCode).toBe(303); // already signed in: sent home
    const page = await t.app.inject({ url: urls.staffSignIn('en') });
    const response = await t.app.inject({
      method: 'POST',
      url: urls.staffSignIn('en'),
      headers: { cookie: `${first}; ${cookieHeaderOf(cookiesOf(page))}` },
      payload: { email: 'viewer@example.gov', password: PASSWORD, _csrf: hiddenCsrf(page.body) },
    });
    const second = cookieHeaderOf({ ib_staff_session: cookiesOf(response).ib_staff_session });
    expect(second).not.toBe(first);
    expect((await t.app.inject({ url: urls.staffHome('en'), headers: { cookie: first } })).statusCode).toBe(303);
    expect((await t.app.inject({ url: urls.staffHome('en'), headers: { cookie: second } })).statusCode).toBe(200);
  });

  it('signs out everywhere: every session of the account ends', async () => {
    const laptop = await signInAs(t.app, 'officer@haidian.example', PASSWORD);
    const phone = await signInAs(t.app, 'officer@haidian.example', PASSWORD, 'zh');
    const home = await t.app.inject({ url: urls.staffHome('zh'), headers: { cookie: phone } });
    const response = await t.app.inject({ method: 'POST', url: urls.staffSignOutEverywhere('zh'), headers: { cookie: phone }, payload: { _csrf: hiddenCsrf(home.body) } });
    expect(response.headers.location).toBe(urls.staffSignIn('zh', 'signed-out-everywhere'));
    for (const cookie of [laptop, phone]) expect((await t.app.inject({ url: urls.staffHome('en'), headers: { cookie } })).statusCode).toBe(303);
    const notice = await t.app.inject({ url: urls.staffSignIn('zh', 'signed-out-everywhere') });
    expect(notice.body).toContain('您已在所有设备上退出登录');
  });

  it('renders staff pages per request, with no-store, no ETag, no Referer and noindex', async () => {
    const signIn = await t.app.inject({ url: urls.staffSignIn('en') });
    expect(signIn.headers['cache-control']).toBe('no-store');
    expect(signIn.headers.etag).toBeUndefined();
    expect(signIn.headers['referrer-policy']).toBe('no-referrer');
    expect(signIn.body).toContain('<meta name="robots" content="noindex, nofollow"/>');
    const again = await t.app.inject({ url: urls.staffSignIn('en') });
    expect(hiddenCsrf(again.body)).not.toBe(hiddenCsrf(signIn.body));
  });
});
