import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createStaffUser, StaffUserExistsError } from '../src/modules/staff/index.js';
import { hashPassword, passwordProblems, verifyPassword } from '../src/platform/auth/index.js';
import { recordAudit } from '../src/platform/audit/record-audit.js';
import { urls } from '../src/platform/http/urls.js';
import { databaseTargets } from './helpers/databases.js';
import { cookieHeaderOf, cookiesOf, createStaffWithPassword, hiddenCsrf, postSignIn, signInAs, startStaffApp, type StaffTestApp } from './helpers/staff.js';

describe('password rules (NIST SP 800-63B)', () => {
  it('accepts a long passphrase of any characters, spaces and Chinese included', () => {
    expect(passwordProblems('correct mule staple 42', 'li.na@example.gov')).toEqual([]);
    expect(passwordProblems('长城脚下的一杯热茶真的很香', 'li.na@example.gov')).toEqual([]);
  });

  it('counts characters, not bytes, from 12 to 128', () => {
    expect(passwordProblems('short phrase', 'a@b.c')).toEqual([]);
    expect(passwordProblems('short phras', 'a@b.c')).toEqual(['tooShort']);
    expect(passwordProblems('长城脚下喝茶', 'a@b.c')).toEqual(['tooShort']);
    expect(passwordProblems('x'.repeat(60) + 'y'.repeat(69), 'a@b.c')).toEqual(['tooLong']);
  });

  it('refuses common passwords, also when decorated with digits and symbols', () => {
    for (const common of ['password1234', 'qwertyuiop123', 'iloveyou12345', 'Password123456!', 'investbeijing2025', 'correcthorsebatterystaple']) {
      expect(passwordProblems(common, 'a@b.c')).toContain('common');
    }
  });

  it('refuses the email address and one repeated or sequential run', () => {
    expect(passwordProblems('li.na@example.gov!!', 'Li.Na@example.gov')).toContain('email');
    expect(passwordProblems('zhangwei-zhangwei', 'zhangwei@example.gov')).toContain('email');
    expect(passwordProblems('aaaaaaaaaaaaaa', 'a@b.c')).toContain('repetitive');
    expect(passwordProblems('abcdefghijklmn', 'a@b.c')).toContain('repetitive');
  });

  it('hashes with argon2id under OWASP parameters, and verifies', async () => {
    const hash = await hashPassword('correct mule staple 42');
    expect(hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(await verifyPassword(hash, 'correct mule staple 42')).toBe(true);
    expect(await verifyPassword(hash, 'correct mule staple 43')).toBe(false);
    expect(await verifyPassword('not a hash', 'anything')).toBe(false);
  });
});

describe.each(databaseTargets())('staff accounts, set-password links and the audit log (%s)', (target) => {
  let t: StaffTestApp;
  beforeAll(async () => {
    t = await startStaffApp({ target });
  });
  afterAll(() => t.close());

  it('creates an account without a password, which cannot sign in until the link is used', async () => {
    const { userId } = await createStaffUser(t.db, { email: 'New.Admin@Example.gov', name: 'New Admin', role: 'admin', actor: null, now: t.clock.now });
    const row = await t.db.selectFrom('staff_users').where('id', '=', userId).selectAll().executeTakeFirstOrThrow();
    expect(row.email).toBe('new.admin@example.gov');
    expect(row.password_hash).toBeNull();
    expect((await postSignIn(t.app, 'new.admin@example.gov', '')).response.statusCode).toBe(400);
    expect((await postSignIn(t.app, 'new.admin@example.gov', 'any password at all')).response.statusCode).toBe(401);
    await expect(createStaffUser(t.db, { email: 'new.admin@example.gov', name: 'Again', role: 'viewer', actor: null, now: t.clock.now })).rejects.toThrow(StaffUserExistsError);
  });

  it('refuses a district officer without a district and a department handler without a department (database checks)', async () => {
    await expect(createStaffUser(t.db, { email: 'd@example.gov', name: 'D', role: 'district_officer', actor: null, now: t.clock.now })).rejects.toThrow(/district_officer_has_district/);
    await expect(createStaffUser(t.db, { email: 'h@example.gov', name: 'H', role: 'department_handler', actor: null, now: t.clock.now })).rejects.toThrow(/department_handler_has_department/);
    await expect(createStaffUser(t.db, { email: 'x@example.gov', name: 'X', role: 'district_officer', districtId: 'atlantis', actor: null, now: t.clock.now })).rejects.toThrow(/staff_users_district_id_fkey/);
    await expect(createStaffUser(t.db, { email: 'y@example.gov', name: 'Y', role: 'department_handler', departmentId: 'no-such-bureau', actor: null, now: t.clock.now })).rejects.toThrow(/staff_users_department_id_fkey/);
  });

  it('lets a set-password link be used once: the form, its errors in both languages, then sign-in with the new password', async () => {
    const { token } = await createStaffUser(t.db, { email: 'link@example.gov', name: 'Sun Li', role: 'acceptance_agent', actor: null, now: t.clock.now });
    const page = await t.app.inject({ url: urls.staffSetPassword('zh', token) });
    expect(page.statusCode).toBe(200);
    expect(page.headers['cache-control']).toBe('no-store');
    expect(page.headers['referrer-policy']).toBe('no-referrer');
    expect(page.body).toContain('link@example.gov');
    const cookie = cookieHeaderOf(cookiesOf(page));
    const post = (payload: Record<string, string>, lang: 'en' | 'zh' = 'en') =>
      t.app.inject({ method: 'POST', url: urls.staffSetPassword(lang), headers: { cookie }, payload: { token, _csrf: hiddenCsrf(page.body), ...payload } });

    const weak = await post({ password: 'password1234', confirm: 'password1234' });
    expect(weak.statusCode).toBe(400);
    expect(weak.body).toContain('This password is too common');
    const mismatch = await post({ password: 'tea house by the lake', confirm: 'tea house by the sea' }, 'zh');
    expect(mismatch.body).toContain('两次输入的密码不一致');
    const both = await post({ password: 'link@example.gov 2026', confirm: 'something else' });
    expect(both.body).toContain('Password must not contain your email address');
    expect(both.body).toContain('The two passwords are not the same');
    const noCsrf = await t.app.inject({ method: 'POST', url: urls.staffSetPassword('en'), headers: { cookie }, payload: { token, password: 'tea house by the lake', confirm: 'tea house by the lake' } });
    expect(noCsrf.statusCode).toBe(403);

    const done = await post({ password: 'tea house by the lake', confirm: 'tea house by the lake' });
    expect(done.statusCode).toBe(303);
    expect(done.headers.location).toBe(urls.staffSignIn('en', 'password-set'));
    const again = await post({ password: 'another phrase entirely', confirm: 'another phrase entirely' });
    expect(again.statusCode).toBe(410);
    expect((await t.app.inject({ url: urls.staffSetPassword('en', token) })).statusCode).toBe(410);

    const home = await t.app.inject({ url: urls.staffHome('en'), headers: { cookie: await signInAs(t.app, 'link@example.gov', 'tea house by the lake') } });
    expect(home.body).toContain('Acceptance agent');
    expect(home.body).toContain('All of Beijing');
  });

  it('refuses an expired link and a made-up one', async () => {
    const { token } = await createStaffUser(t.db, { email: 'late@example.gov', name: 'Late', role: 'viewer', actor: null, now: t.clock.now });
    t.clock.advance(24 * 3600_000 + 1);
    const expired = await t.app.inject({ url: urls.staffSetPassword('en', token) });
    expect(expired.statusCode).toBe(410);
    expect(expired.body).toContain('This link cannot be used');
    expect((await t.app.inject({ url: urls.staffSetPassword('en', 'A'.repeat(43)) })).statusCode).toBe(410);
    expect((await t.app.inject({ url: `${urls.staffSetPassword('en')}?token=<script>` })).statusCode).toBe(410);
  });

  it('writes an audit row for each sign-in event, password set and session revocation, never a password or hash', async () => {
    const password = 'seven quiet lanterns glow';
    const userId = await createStaffWithPassword(t, { email: 'audited@example.gov', name: 'Audited', role: 'viewer', password });
    await postSignIn(t.app, 'audited@example.gov', 'wrong password here');
    const cookie = await signInAs(t.app, 'audited@example.gov', password);
    const home = await t.app.inject({ url: urls.staffHome('en'), headers: { cookie } });
    await t.app.inject({ method: 'POST', url: urls.staffSignOutEverywhere('en'), headers: { cookie }, payload: { _csrf: hiddenCsrf(home.body) } });
    const rows = await t.db.selectFrom('audit_log').where('entity_id', '=', userId).orderBy('id').selectAll().execute();
    expect(rows.map((r) => r.action)).toEqual([
      'staff_user.created',
      'staff.set_password_link_issued',
      'staff.password_set',
      'staff.sign_in_failed',
      'staff.signed_in',
      'staff.signed_out_everywhere',
    ]);
    expect(rows.find((r) => r.action === 'staff.signed_in')).toMatchObject({ actor_id: userId, entity: 'staff_user' });
    expect(rows.find((r) => r.action === 'staff.signed_in')?.request_id).toBeTruthy();
    expect(rows.find((r) => r.action === 'staff.password_set')).toMatchObject({ before: { password_set: false }, after: { password_set: true, sessions_ended: 0 } });
    expect(rows.find((r) => r.action === 'staff.signed_out_everywhere')?.after).toEqual({ sessions_ended: 1 });
    expect(JSON.stringify(rows)).not.toMatch(/argon2|seven quiet|wrong password/);
  });

  it('rolls the audit row back with the change it records', async () => {
    const before = await t.db.selectFrom('audit_log').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
    await expect(
      t.db.transaction().execute(async (trx) => {
        await recordAudit(trx, { at: t.clock.now, actor: null, action: 'test.changed', entity: 'test' });
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    const after = await t.db.selectFrom('audit_log').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
    expect(after.n).toBe(before.n);
  });

  it('refuses UPDATE, DELETE and TRUNCATE on the audit log', async () => {
    await recordAudit(t.db, { at: t.clock.now, actor: null, action: 'test.written', entity: 'test', after: { value: 1 } });
    await expect(t.db.updateTable('audit_log').set({ action: 'test.rewritten' }).where('action', '=', 'test.written').execute()).rejects.toThrow(/append-only/);
    await expect(t.db.deleteFrom('audit_log').where('action', '=', 'test.written').execute()).rejects.toThrow(/append-only/);
    await expect(sql`TRUNCATE audit_log`.execute(t.db)).rejects.toThrow(/append-only/);
    const rows = await t.db.selectFrom('audit_log').where('action', '=', 'test.written').selectAll().execute();
    expect(rows).toHaveLength(1);
  });
});
