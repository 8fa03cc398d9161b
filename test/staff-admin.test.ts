/**
 * The administration pages through the real app: who may open what (every role × every staff route), inviting a
 * person up to their first sign-in, disabling (sessions end), new links, role changes, the self-protection rules,
 * CSRF, one audit row per change with before → after, and the audit log's filters and pages.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STAFF_ROLES, type StaffRole } from '../src/platform/auth/index.js';
import { urls } from '../src/platform/http/urls.js';
import { changeRoleAndScope, resetUser, setUserDisabled } from '../src/modules/staff/admin/admin-users.js';
import { databaseTargets } from './helpers/databases.js';
import { cookieHeaderOf, cookiesOf, createStaffWithPassword, hiddenCsrf, signInAs, startStaffApp, type StaffTestApp } from './helpers/staff.js';

const PASSWORD = 'amber lighthouse forty herons';

const scopeOf = (role: StaffRole) => (role === 'district_officer' ? { districtId: 'haidian' } : role === 'department_handler' ? { departmentId: 'beijing-commerce-bureau' } : {});

describe.each(databaseTargets())('staff administration (%s)', (target) => {
  let t: StaffTestApp;
  const ids = {} as Record<StaffRole, string>;
  const cookies = {} as Record<StaffRole, string>;
  let target1: string;

  beforeAll(async () => {
    t = await startStaffApp({ target });
    for (const role of STAFF_ROLES) {
      ids[role] = await createStaffWithPassword(t, { email: `${role}@example.gov`, name: `Person ${role}`, role, ...scopeOf(role), password: PASSWORD });
      cookies[role] = await signInAs(t.app, `${role}@example.gov`, PASSWORD);
    }
    target1 = await createStaffWithPassword(t, { email: 'target@example.gov', name: 'Target Person', role: 'viewer', password: PASSWORD });
  });
  afterAll(() => t.close());

  const get = (url: string, cookie?: string) => t.app.inject({ url, headers: cookie ? { cookie } : {} });
  const csrfOf = async (cookie: string) => hiddenCsrf((await get(urls.staffHome('en'), cookie)).body);
  const post = (url: string, cookie: string | undefined, payload: Record<string, string>) => t.app.inject({ method: 'POST', url, headers: cookie ? { cookie } : {}, payload });
  const auditCount = async () => Number((await t.db.selectFrom('audit_log').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n);
  const auditOf = (entityId: string) => t.db.selectFrom('audit_log').where('entity_id', '=', entityId).orderBy('id').selectAll().execute();
  const userRow = (id: string) => t.db.selectFrom('staff_users').where('id', '=', id).selectAll().executeTakeFirstOrThrow();

  describe('access matrix: every role × every staff route', () => {
    const adminGets = (lang: 'en' | 'zh') => [urls.staffAdminUsers(lang), urls.staffAdminInvite(lang), urls.staffAdminUser(lang, target1), urls.staffAdminAudit(lang)];
    const adminPosts = (lang: 'en' | 'zh') => [urls.staffAdminInvite(lang), urls.staffAdminUserRole(lang, target1), urls.staffAdminUserStatus(lang, target1), urls.staffAdminUserReset(lang, target1)];

    it.each(['en', 'zh'] as const)('sends a visitor without a session to sign-in from every signed-in route (%s)', async (lang) => {
      for (const url of [urls.staffHome(lang), ...adminGets(lang)]) {
        const response = await get(url);
        expect(response.statusCode, url).toBe(303);
        expect(response.headers.location).toBe(urls.staffSignIn(lang));
        expect(response.headers['cache-control']).toBe('no-store');
      }
      for (const url of [urls.staffSignOut(lang), urls.staffSignOutEverywhere(lang), ...adminPosts(lang)]) {
        const response = await post(url, undefined, { _csrf: 'x'.repeat(43), name: 'X', email: 'x@example.gov', role: 'admin', action: 'enable' });
        expect(response.statusCode, url).toBe(303);
        expect(response.headers.location).toBe(urls.staffSignIn(lang));
      }
      for (const url of [urls.staffSignIn(lang), urls.staffSetPassword(lang)]) expect([200, 410]).toContain((await get(url)).statusCode);
    });

    it.each(STAFF_ROLES)('%s: home for every role, administration pages for administrators only', async (role) => {
      const cookie = cookies[role];
      expect((await get(urls.staffHome('en'), cookie)).statusCode).toBe(200);
      const csrf = await csrfOf(cookie);
      for (const lang of ['en', 'zh'] as const) {
        for (const url of adminGets(lang)) {
          const response = await get(url, cookie);
          expect(response.statusCode, `${role} GET ${url}`).toBe(role === 'admin' ? 200 : 403);
          if (role !== 'admin') expect(response.body).toContain(lang === 'en' ? 'You cannot open this page' : '您无权打开此页面');
        }
        if (role === 'admin') continue; // the administrator's POSTs are tested one by one below
        const before = await auditCount();
        for (const url of adminPosts(lang)) {
          // With the right CSRF token: the role alone refuses.
          const response = await post(url, cookie, { _csrf: csrf, name: 'Sneaky', email: `sneaky-${role}@example.gov`, role: 'admin', action: 'disable' });
          expect(response.statusCode, `${role} POST ${url}`).toBe(403);
        }
        expect(await auditCount()).toBe(before);
      }
      expect(await userRow(target1)).toMatchObject({ role: 'viewer', disabled_at: null });
      expect(await t.db.selectFrom('staff_users').where('email', 'like', 'sneaky%').selectAll().execute()).toEqual([]);
    });

    it('shows administrators the way to the administration pages from home, and nobody else', async () => {
      expect((await get(urls.staffHome('en'), cookies.admin)).body).toContain(urls.staffAdminUsers('en'));
      expect((await get(urls.staffHome('en'), cookies.viewer)).body).not.toContain(urls.staffAdminUsers('en'));
    });
  });

  it('a district officer cannot reach another account by its address (IDOR), and changes nothing', async () => {
    const officer = cookies.district_officer;
    const csrf = await csrfOf(officer);
    expect((await get(urls.staffAdminUser('en', ids.admin), officer)).statusCode).toBe(403);
    expect((await get(urls.staffAdminUser('en', ids.district_officer), officer)).statusCode).toBe(403);
    expect((await post(urls.staffAdminUserRole('en', ids.district_officer), officer, { _csrf: csrf, role: 'admin' })).statusCode).toBe(403);
    expect((await post(urls.staffAdminUserStatus('en', ids.admin), officer, { _csrf: csrf, action: 'disable' })).statusCode).toBe(403);
    expect((await get(urls.staffAdminAudit('en', { actor: ids.admin }), officer)).statusCode).toBe(403);
    expect(await userRow(ids.district_officer)).toMatchObject({ role: 'district_officer', district_id: 'haidian' });
    expect((await userRow(ids.admin)).disabled_at).toBeNull();
  });

  it('lists accounts with role, scope, status and last sign-in, filtered by role and status, in both languages', async () => {
    const en = await get(urls.staffAdminUsers('en'), cookies.admin);
    expect(en.body).toContain('Person district_officer');
    expect(en.body).toContain('District: Haidian District');
    expect(en.body).toContain('Department: Beijing Municipal Commerce Bureau');
    expect(en.body).toContain('Last sign-in');
    const officers = await get(urls.staffAdminUsers('en', { role: 'district_officer' }), cookies.admin);
    expect(officers.body).toContain('officer@example.gov');
    expect(officers.body).not.toContain('viewer@example.gov');
    const zh = await get(urls.staffAdminUsers('zh', { status: 'disabled' }), cookies.admin);
    expect(zh.body).toContain('没有符合筛选条件的账户');
    expect((await get(`${urls.staffAdminUsers('en')}?role=<script>&status=nope`, cookies.admin)).statusCode).toBe(200);
  });

  it('invites a person: errors in a summary in the visitor’s language, then a link shown once, a password, a sign-in', async () => {
    const csrf = await csrfOf(cookies.admin);
    const empty = await post(urls.staffAdminInvite('zh'), cookies.admin, { _csrf: csrf, name: '', email: 'not-an-address', role: 'district_officer', district: 'atlantis', department: '' });
    expect(empty.statusCode).toBe(400);
    expect(empty.body).toContain('class="error-summary"');
    expect(empty.body).toContain('请输入姓名');
    expect(empty.body).toContain('请输入格式正确的电子邮箱地址');
    expect(empty.body).toContain('请选择区级专员所属的区');
    const handler = await post(urls.staffAdminInvite('en'), cookies.admin, { _csrf: csrf, name: 'H', email: 'h@example.gov', role: 'department_handler', department: 'Municipal Commerce Bureau' });
    expect(handler.statusCode).toBe(400);
    expect(handler.body).toContain('Choose the department of the department handler');
    const taken = await post(urls.staffAdminInvite('en'), cookies.admin, { _csrf: csrf, name: 'Again', email: 'Viewer@Example.gov', role: 'viewer' });
    expect(taken.statusCode).toBe(400);
    expect(taken.body).toContain('An account with this email address already exists');

    const before = await auditCount();
    const created = await post(urls.staffAdminInvite('en'), cookies.admin, { _csrf: csrf, name: 'Zhou Min', email: 'Zhou.Min@Example.gov', role: 'district_officer', district: 'chaoyang', department: 'ignored' });
    expect(created.statusCode).toBe(201);
    expect(created.headers['cache-control']).toBe('no-store');
    expect(created.body).toContain('It is shown only this once');
    const link = created.body.match(/value="(http:\/\/test\.invalid\/en\/staff\/set-password\?token=[A-Za-z0-9_-]{43})"/)?.[1];
    expect(link).toBeTruthy();
    const user = await t.db.selectFrom('staff_users').where('email', '=', 'zhou.min@example.gov').selectAll().executeTakeFirstOrThrow();
    expect(user).toMatchObject({ role: 'district_officer', district_id: 'chaoyang', department_id: null, password_hash: null });
    const rows = await auditOf(user.id);
    expect(rows.map((r) => r.action)).toEqual(['staff_user.created', 'staff.set_password_link_issued']);
    expect(rows[0]).toMatchObject({ actor_id: ids.admin, after: { email: 'zhou.min@example.gov', role: 'district_officer', district_id: 'chaoyang' } });
    expect(await auditCount()).toBe(before + 2);
    expect(JSON.stringify(rows)).not.toContain(link!.split('token=')[1]);
    // The link also went to the outbox, in the same transaction: one e-mail job to the person, carrying the link;
    // the refused invitations above queued nothing.
    const mails = await t.db.selectFrom('jobs' as never).where('kind' as never, '=', 'send_email' as never).selectAll().execute() as unknown as { payload: { to: string; text: string } }[];
    expect(mails.map((m) => m.payload.to)).toEqual(['zhou.min@example.gov']);
    expect(mails[0].payload.text).toContain(link!);

    const path = new URL(link!).pathname + new URL(link!).search;
    const page = await get(path);
    expect(page.statusCode).toBe(200);
    const set = await t.app.inject({
      method: 'POST',
      url: urls.staffSetPassword('en'),
      headers: { cookie: cookieHeaderOf(cookiesOf(page)) },
      payload: { _csrf: hiddenCsrf(page.body), token: new URL(link!).searchParams.get('token')!, password: 'chaoyang river morning tea', confirm: 'chaoyang river morning tea' },
    });
    expect(set.statusCode).toBe(303);
    const home = await get(urls.staffHome('en'), await signInAs(t.app, 'zhou.min@example.gov', 'chaoyang river morning tea'));
    expect(home.body).toContain('District: Chaoyang District');
    const listed = await get(urls.staffAdminUsers('en', { role: 'district_officer', status: 'active' }), cookies.admin);
    expect(listed.body).toContain('zhou.min@example.gov');
  });

  it('disables an account (every session ends, sign-in refused), enables it, one audit row each', async () => {
    const victim = await createStaffWithPassword(t, { email: 'disable.me@example.gov', name: 'Disable Me', role: 'acceptance_agent', password: PASSWORD });
    const laptop = await signInAs(t.app, 'disable.me@example.gov', PASSWORD);
    const phone = await signInAs(t.app, 'disable.me@example.gov', PASSWORD, 'zh');
    const csrf = await csrfOf(cookies.admin);
    const before = await auditCount();
    const disabled = await post(urls.staffAdminUserStatus('en', victim), cookies.admin, { _csrf: csrf, action: 'disable' });
    expect(disabled.statusCode).toBe(303);
    expect(disabled.headers.location).toBe(urls.staffAdminUser('en', victim, 'disabled'));
    expect(await auditCount()).toBe(before + 1);
    for (const cookie of [laptop, phone]) expect((await get(urls.staffHome('en'), cookie)).statusCode).toBe(303);
    expect(await t.db.selectFrom('staff_sessions').where('user_id', '=', victim).selectAll().execute()).toEqual([]);
    await expect(signInAs(t.app, 'disable.me@example.gov', PASSWORD)).rejects.toThrow(/401/);
    const page = await get(urls.staffAdminUser('zh', victim, 'disabled'), cookies.admin);
    expect(page.body).toContain('账户已停用');
    expect(page.body).toContain('已停用');

    expect((await post(urls.staffAdminUserStatus('en', victim), cookies.admin, { _csrf: csrf, action: 'enable' })).statusCode).toBe(303);
    expect(await signInAs(t.app, 'disable.me@example.gov', PASSWORD)).toBeTruthy();
    const rows = (await auditOf(victim)).filter((r) => r.action.startsWith('staff_user.'));
    expect(rows.slice(-2).map((r) => [r.action, r.actor_id, r.before, r.after])).toEqual([
      ['staff_user.disabled', ids.admin, { disabled: false }, { disabled: true, sessions_ended: 2 }],
      ['staff_user.enabled', ids.admin, { disabled: true }, { disabled: false }],
    ]);
  });

  it('issues a new link on reset: earlier link dead, sessions ended, one audit row, link shown once', async () => {
    const person = await createStaffWithPassword(t, { email: 'reset.me@example.gov', name: 'Reset Me', role: 'viewer', password: PASSWORD });
    const session = await signInAs(t.app, 'reset.me@example.gov', PASSWORD);
    const csrf = await csrfOf(cookies.admin);
    const first = await post(urls.staffAdminUserReset('zh', person), cookies.admin, { _csrf: csrf });
    expect(first.statusCode).toBe(200);
    expect(first.body).toContain('链接仅显示这一次');
    const firstToken = first.body.match(/token=([A-Za-z0-9_-]{43})/)![1];
    expect((await get(urls.staffHome('en'), session)).statusCode).toBe(303);
    const before = await auditCount();
    const second = await post(urls.staffAdminUserReset('en', person), cookies.admin, { _csrf: csrf });
    const secondToken = second.body.match(/token=([A-Za-z0-9_-]{43})/)![1];
    expect(await auditCount()).toBe(before + 1);
    expect((await get(urls.staffSetPassword('en', firstToken))).statusCode).toBe(410);
    expect((await get(urls.staffSetPassword('en', secondToken))).statusCode).toBe(200);
    // The password still works until the person sets a new one; the link is not on the account's page.
    expect((await get(urls.staffAdminUser('en', person), cookies.admin)).body).not.toContain(secondToken);
    const rows = (await auditOf(person)).filter((r) => r.action === 'staff_user.reset');
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatchObject({ actor_id: ids.admin, before: { password_set: true }, after: { set_password_link_issued: true, sessions_ended: 1 } });
    // Each reset e-mailed its own link to the person (the Chinese page's reset in Chinese).
    const mails = (await t.db.selectFrom('jobs' as never).where('kind' as never, '=', 'send_email' as never).selectAll().execute()) as unknown as { payload: { to: string; text: string; subject: string } }[];
    const theirs = mails.filter((m) => m.payload.to === 'reset.me@example.gov');
    expect(theirs.map((m) => m.payload.text.includes(firstToken))).toEqual([true, false]);
    expect(theirs[1].payload.text).toContain(secondToken);
    expect(theirs[0].payload.subject).toBe('投资北京一站通：设置工作人员密码');
  });

  it('changes role and scope under the same rules as the database, one audit row with before → after', async () => {
    const person = await createStaffWithPassword(t, { email: 'move.me@example.gov', name: 'Move Me', role: 'viewer', password: PASSWORD });
    const session = await signInAs(t.app, 'move.me@example.gov', PASSWORD);
    const csrf = await csrfOf(cookies.admin);
    const missing = await post(urls.staffAdminUserRole('en', person), cookies.admin, { _csrf: csrf, role: 'district_officer', district: '' });
    expect(missing.statusCode).toBe(400);
    expect(missing.body).toContain('Choose the district of the district officer');
    expect(await userRow(person)).toMatchObject({ role: 'viewer' });
    const before = await auditCount();
    const ok = await post(urls.staffAdminUserRole('en', person), cookies.admin, { _csrf: csrf, role: 'district_officer', district: 'tongzhou', department: '' });
    expect(ok.statusCode).toBe(303);
    expect(await auditCount()).toBe(before + 1);
    expect(await userRow(person)).toMatchObject({ role: 'district_officer', district_id: 'tongzhou', department_id: null });
    // The change applies to the person's next request, without signing in again.
    expect((await get(urls.staffHome('en'), session)).body).toContain('District: Tongzhou District');
    const [row] = (await auditOf(person)).filter((r) => r.action === 'staff_user.role_changed');
    expect(row).toMatchObject({
      actor_id: ids.admin,
      before: { role: 'viewer', district_id: null, department_id: null },
      after: { role: 'district_officer', district_id: 'tongzhou', department_id: null },
    });
    expect((await post(urls.staffAdminUserRole('en', person), cookies.admin, { _csrf: csrf, role: 'superuser' })).statusCode).toBe(400);
    // Saving without a change writes nothing.
    const unchanged = await auditCount();
    await post(urls.staffAdminUserRole('en', person), cookies.admin, { _csrf: csrf, role: 'district_officer', district: 'tongzhou' });
    expect(await auditCount()).toBe(unchanged);
  });

  it('refuses an administrator disabling or demoting themselves, with a clear message, and changes nothing', async () => {
    const csrf = await csrfOf(cookies.admin);
    const before = await auditCount();
    const disable = await post(urls.staffAdminUserStatus('en', ids.admin), cookies.admin, { _csrf: csrf, action: 'disable' });
    expect(disable.statusCode).toBe(409);
    expect(disable.body).toContain('You cannot disable your own account');
    const demote = await post(urls.staffAdminUserRole('zh', ids.admin), cookies.admin, { _csrf: csrf, role: 'viewer' });
    expect(demote.statusCode).toBe(409);
    expect(demote.body).toContain('您不能取消本人账户的管理员角色');
    expect(await auditCount()).toBe(before);
    expect(await userRow(ids.admin)).toMatchObject({ role: 'admin', disabled_at: null });
    expect((await get(urls.staffAdminUsers('en'), cookies.admin)).statusCode).toBe(200);
  });

  it('checks inside the transaction that the actor is still an enabled administrator (two admins demoting each other)', async () => {
    const second = await createStaffWithPassword(t, { email: 'second.admin@example.gov', name: 'Second Admin', role: 'admin', password: PASSWORD });
    const now = t.clock.now;
    // The first administrator demotes the second; the second's change, already past the guard, then finds itself refused.
    expect(await changeRoleAndScope(t.db, { actor: ids.admin, now, requestId: 'a', userId: second, change: { role: 'viewer', districtId: null, departmentId: null } })).toEqual({ ok: true });
    const before = await auditCount();
    expect(await changeRoleAndScope(t.db, { actor: second, now, requestId: 'b', userId: ids.admin, change: { role: 'viewer', districtId: null, departmentId: null } })).toEqual({ ok: false, reason: 'forbidden' });
    expect(await setUserDisabled(t.db, { actor: second, now, requestId: 'b', userId: ids.admin, disabled: true })).toEqual({ ok: false, reason: 'forbidden' });
    expect(await resetUser(t.db, { actor: second, now, requestId: 'b', userId: ids.admin })).toEqual({ ok: false, reason: 'forbidden' });
    expect(await auditCount()).toBe(before);
    expect(await userRow(ids.admin)).toMatchObject({ role: 'admin', disabled_at: null });
  });

  it('refuses every administration POST without the CSRF token (403) and changes nothing', async () => {
    const before = await auditCount();
    const users = await t.db.selectFrom('staff_users').selectAll().orderBy('id').execute();
    for (const [url, payload] of [
      [urls.staffAdminInvite('en'), { name: 'No Token', email: 'no.token@example.gov', role: 'viewer' }],
      [urls.staffAdminUserRole('en', target1), { role: 'admin' }],
      [urls.staffAdminUserStatus('en', target1), { action: 'disable' }],
      [urls.staffAdminUserReset('en', target1), {}],
    ] as const) {
      expect((await post(url, cookies.admin, payload)).statusCode, url).toBe(403);
      expect((await post(url, cookies.admin, { ...payload, _csrf: 'A'.repeat(43) })).statusCode, url).toBe(403);
    }
    expect(await auditCount()).toBe(before);
    expect(await t.db.selectFrom('staff_users').selectAll().orderBy('id').execute()).toEqual(users);
  });

  it('sends a GET of a form’s target (the language switch of a result page) back to the account, changing nothing', async () => {
    const before = await auditCount();
    for (const url of [urls.staffAdminUserRole('zh', target1), urls.staffAdminUserStatus('zh', target1), urls.staffAdminUserReset('zh', target1)]) {
      const response = await get(url, cookies.admin);
      expect(response.statusCode, url).toBe(303);
      expect(response.headers.location).toBe(urls.staffAdminUser('zh', target1));
      expect((await get(url, cookies.viewer)).statusCode).toBe(403);
      expect((await get(url)).statusCode).toBe(303);
    }
    expect(await auditCount()).toBe(before);
  });

  it('answers 404 for an account that does not exist', async () => {
    expect((await get(urls.staffAdminUser('en', '00000000-0000-4000-8000-000000000000'), cookies.admin)).statusCode).toBe(404);
    expect((await get(urls.staffAdminUser('en', 'not-a-uuid'), cookies.admin)).statusCode).toBe(404);
  });

  it('shows the audit log newest first, readable before → after, filtered by actor, action, entity and dates, paginated', async () => {
    const en = await get(urls.staffAdminAudit('en'), cookies.admin);
    expect(en.statusCode).toBe(200);
    // Each action by its label, its code kept in small print; each field and value by its label, the code in a title.
    const actions = [...en.body.matchAll(/<td>([^<]+)<small class="audit-code" title="Code: ([a-z_.]+)"><code>([a-z_.]+)<\/code><\/small><\/td>/g)];
    expect(actions.length).toBe(50);
    expect(actions.every(([, label, code, shown]) => code === shown && label !== code)).toBe(true);
    expect(en.body).toContain('Page 1 of');
    expect(en.body).toMatch(/<span title="role">Role<\/span>: <span title="viewer">Viewer<\/span> → <strong title="district_officer">District officer<\/strong>/);
    expect(en.body).toMatch(/<span title="district_id">District<\/span>: <span>—<\/span> → <strong title="tongzhou">Tongzhou District<\/strong>/);
    expect(en.body).toContain('<option value="staff_user.role_changed">Role or scope changed</option>');
    const times = [...en.body.matchAll(/<time datetime="([^"]+)"/g)].map((m) => m[1]);
    expect([...times].sort().reverse()).toEqual(times);

    const byAction = await get(urls.staffAdminAudit('zh', { action: 'staff_user.role_changed', actor: ids.admin, entity: 'staff_user' }), cookies.admin);
    expect(byAction.body).toContain('共 2 条记录');
    expect(byAction.body).toContain('变更前 → 变更后');
    expect(byAction.body).toContain('<option value="staff_user.role_changed" selected>已更改角色或管辖范围</option>');
    expect(byAction.body).toMatch(/<span title="role">角色<\/span>: <span title="viewer">只读用户<\/span> → <strong title="district_officer">区级专员<\/strong>/);
    expect(byAction.body).toContain('<strong title="tongzhou">通州区</strong>');
    expect(byAction.body).toContain('<code>staff_user.role_changed</code>');
    const system = await get(urls.staffAdminAudit('en', { actor: 'system', action: 'staff_user.created' }), cookies.admin);
    // The accounts made by the test set-up (no actor): one per role, then five more.
    expect(system.body).toContain(`${STAFF_ROLES.length + 5} entries`);
    const page2 = await get(urls.staffAdminAudit('en', { page: 2 }), cookies.admin);
    expect(page2.statusCode).toBe(200);
    expect(page2.body).toContain('Page 2 of');
    const today = t.clock.now.toISOString().slice(0, 10);
    const day = await get(urls.staffAdminAudit('en', { from: today, to: today, action: 'staff_user.disabled' }), cookies.admin);
    expect(day.body).toContain('1 entry');
    const future = await get(urls.staffAdminAudit('en', { from: '2030-01-01' }), cookies.admin);
    expect(future.body).toContain('No entry matches these filters.');
    const bad = await get(urls.staffAdminAudit('en', { from: '2026-02-31' }), cookies.admin);
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('Enter dates as YYYY-MM-DD');
    expect((await get(`${urls.staffAdminAudit('en')}?actor=x'or&page=-3`, cookies.admin)).statusCode).toBe(200);
  });
});
