/**
 * Departments and districts through the real app and database: seeded from the contacts and districts of the content
 * (idempotent, never deleting, never undoing an administrator's decision), the free-text departments of existing
 * accounts moved by the migration, the administration page (every role × every route, CSRF, one audit row per change
 * in its transaction) and the account forms choosing department and district from lists.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { STAFF_ROLES, staffDb, type StaffRole } from '../src/platform/auth/index.js';
import { urls } from '../src/platform/http/urls.js';
import { seedDepartments } from '../src/modules/staff/seed-departments.js';
import { migrateTo, migrateToLatest } from '../src/platform/db/migrate.js';
import { databaseTargets, openTestDatabase } from './helpers/databases.js';
import { createStaffWithPassword, hiddenCsrf, signInAs, startStaffApp, type StaffTestApp } from './helpers/staff.js';
import { realContent } from './helpers/test-app.js';

const PASSWORD = 'amber lighthouse forty herons';
const scopeOf = (role: StaffRole) => (role === 'district_officer' ? { districtId: 'haidian' } : role === 'department_handler' ? { departmentId: 'haidian-commerce-bureau' } : {});

describe.each(databaseTargets())('departments and districts (%s)', (target) => {
  let t: StaffTestApp;
  const ids = {} as Record<StaffRole, string>;
  const cookies = {} as Record<StaffRole, string>;

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
  const csrfOf = async (cookie: string) => hiddenCsrf((await get(urls.staffHome('en'), cookie)).body);
  const auditCount = async () => Number((await t.db.selectFrom('audit_log').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n);
  const department = (id: string) => t.db.selectFrom('departments').where('id', '=', id).selectAll().executeTakeFirst();

  describe('seeded from the content', () => {
    it('has a department for every contact, of the right kind and district, and the 17 districts with their names', async () => {
      const content = await realContent();
      const rows = await t.db.selectFrom('departments').selectAll().execute();
      expect(rows.filter((r) => r.source_contact_id).map((r) => r.id).sort()).toEqual(content.contacts.map((c) => c.id).sort());
      const byId = new Map(rows.map((r) => [r.id, r]));
      expect(byId.get('beijing-commerce-bureau')).toMatchObject({ kind: 'municipal', district_id: null, name_zh: '北京市商务局', active: true });
      expect(byId.get('haidian-investment-promotion')).toMatchObject({ kind: 'district', district_id: 'haidian', name_en: 'Zhongguancun Science City Investment Service Center' });
      expect(byId.get('bda-investment-promotion')).toMatchObject({ kind: 'zone', district_id: 'bda' });
      expect(byId.get('beijing-tax')).toMatchObject({ kind: 'national', district_id: null });
      const districts = await t.db.selectFrom('districts').selectAll().orderBy('id').execute();
      expect(districts).toHaveLength(17);
      expect(districts.find((d) => d.id === 'bda')).toEqual({ id: 'bda', name_en: 'Beijing Economic-Technological Development Area (Yizhuang)', name_zh: '北京经济技术开发区（亦庄）' });
    });

    it('seeds again without undoing a deactivation, deletes nothing, updates renamed contacts and leaves added departments alone', async () => {
      const content = await realContent();
      const { db } = t;
      await db.updateTable('departments').set({ active: false }).where('id', '=', 'miyun-exit-entry-hall').execute();
      await db.insertInto('departments').values({ id: 'test-added-centre', name_en: 'Test Added Centre', name_zh: '测试中心', kind: 'other', district_id: null, source_contact_id: null }).execute();
      const renamed = content.contacts.map((c) => (c.id === 'beijing-customs' ? { ...c, en: { ...c.en, name: 'Beijing Customs District' } } : c)).filter((c) => c.id !== 'beijing-port-visa-office-3');
      const fakeStore = { districts: content.districts, all: ((kind: string) => (kind === 'contacts' ? renamed : [])) as never };
      await seedDepartments(db, fakeStore);
      await seedDepartments(db, fakeStore);
      expect(await department('miyun-exit-entry-hall')).toMatchObject({ active: false });
      expect(await department('beijing-customs')).toMatchObject({ name_en: 'Beijing Customs District' });
      expect(await department('beijing-port-visa-office-3')).toMatchObject({ active: true, source_contact_id: 'beijing-port-visa-office-3' });
      expect(await department('test-added-centre')).toMatchObject({ name_en: 'Test Added Centre', source_contact_id: null });
      // The real content again (as the next content version would).
      await seedDepartments(db, { districts: content.districts, all: ((kind: string) => (kind === 'contacts' ? content.contacts : [])) as never });
      expect(await department('beijing-customs')).toMatchObject({ name_en: 'Beijing Customs' });
      await db.updateTable('departments').set({ active: true }).where('id', '=', 'miyun-exit-entry-hall').execute();
    });
  });

  describe('access: every role × every departments route', () => {
    const gets = (lang: 'en' | 'zh') => [urls.staffAdminDepartments(lang), urls.staffAdminDepartmentNew(lang), urls.staffAdminDepartmentStatus(lang, 'beijing-tax')];
    const posts = (lang: 'en' | 'zh') => [urls.staffAdminDepartmentNew(lang), urls.staffAdminDepartmentStatus(lang, 'beijing-tax')];

    it('sends a visitor without a session to sign-in', async () => {
      for (const url of [...gets('zh'), ...posts('zh')]) {
        const response = url.endsWith('/new') || url.endsWith('/status') ? await post(url, undefined, { _csrf: 'x'.repeat(43), action: 'deactivate' }) : await get(url);
        expect(response.statusCode, url).toBe(303);
        expect(response.headers.location).toBe(urls.staffSignIn('zh'));
      }
    });

    it.each(STAFF_ROLES.filter((r) => r !== 'admin'))('%s: refused (403) on every GET and POST, with the CSRF token, changing nothing', async (role) => {
      const csrf = await csrfOf(cookies[role]);
      const before = await auditCount();
      for (const lang of ['en', 'zh'] as const) {
        for (const url of gets(lang)) expect((await get(url, cookies[role])).statusCode, `${role} GET ${url}`).toBe(403);
        for (const url of posts(lang)) {
          const response = await post(url, cookies[role], { _csrf: csrf, name_en: 'Sneaky Bureau', name_zh: '偷偷局', kind: 'other', action: 'deactivate' });
          expect(response.statusCode, `${role} POST ${url}`).toBe(403);
        }
      }
      expect(await auditCount()).toBe(before);
      expect(await department('beijing-tax')).toMatchObject({ active: true });
      expect(await t.db.selectFrom('departments').where('name_en', '=', 'Sneaky Bureau').selectAll().execute()).toEqual([]);
    });

    it('admin: opens the page and the form; the status address opened directly leads back to the list', async () => {
      expect((await get(urls.staffAdminDepartments('en'), cookies.admin)).statusCode).toBe(200);
      expect((await get(urls.staffAdminDepartmentNew('zh'), cookies.admin)).statusCode).toBe(200);
      const back = await get(urls.staffAdminDepartmentStatus('zh', 'beijing-tax'), cookies.admin);
      expect(back.statusCode).toBe(303);
      expect(back.headers.location).toBe(urls.staffAdminDepartments('zh'));
    });

    it('refuses an administrator’s POST without the CSRF token or with a wrong one (403), changing nothing', async () => {
      const before = await auditCount();
      for (const url of posts('en')) {
        expect((await post(url, cookies.admin, { name_en: 'No Token Bureau', name_zh: '无令牌局', kind: 'other', action: 'deactivate' })).statusCode).toBe(403);
        expect((await post(url, cookies.admin, { _csrf: 'A'.repeat(43), name_en: 'No Token Bureau', name_zh: '无令牌局', kind: 'other', action: 'deactivate' })).statusCode).toBe(403);
      }
      expect(await auditCount()).toBe(before);
      expect(await department('beijing-tax')).toMatchObject({ active: true });
    });
  });

  it('lists districts and departments with names in both languages and their number of accounts, filtered', async () => {
    const en = await get(urls.staffAdminDepartments('en'), cookies.admin);
    expect(en.body).toContain('Departments and districts');
    expect(en.body).toMatch(/<th scope="row" lang="en">Haidian District Commerce Bureau<\/th><td lang="zh-CN">北京市海淀区商务局<\/td><td>District bureau or service centre<\/td><td>Haidian District<\/td><td>1<\/td>/);
    expect(en.body).toMatch(/<th scope="row" lang="en">Haidian District<\/th><td lang="zh-CN">海淀区<\/td><td>1<\/td>/);
    const zh = await get(urls.staffAdminDepartments('zh', { district: 'bda', status: 'active' }), cookies.admin);
    expect(zh.body).toContain('部门和区');
    // The name in the page's language heads the row.
    expect(zh.body).toContain('<th scope="row" lang="zh-CN">北京经济技术开发区科技和产业促进局</th><td lang="en">Beijing Economic-Technological Development Area Science and Technology and Industry Promotion Bureau</td>');
    expect(zh.body).not.toContain('>北京市商务局<');
    expect(zh.body).toContain('开发区');
    expect((await get(`${urls.staffAdminDepartments('en')}?kind=<x>&district='or&status=maybe`, cookies.admin)).statusCode).toBe(200);
  });

  it('adds a department: every error at once in the visitor’s language, a taken name refused, then one row and one audit row', async () => {
    const csrf = await csrfOf(cookies.admin);
    const before = await auditCount();
    const empty = await post(urls.staffAdminDepartmentNew('zh'), cookies.admin, { _csrf: csrf, name_en: '', name_zh: '', kind: 'district', district: '' });
    expect(empty.statusCode).toBe(400);
    expect(empty.body).toContain('class="error-summary"');
    for (const message of ['请输入部门的英文名称', '请输入部门的中文名称', '请选择区级部门或服务中心所在的区']) expect(empty.body).toContain(message);
    const wrong = await post(urls.staffAdminDepartmentNew('en'), cookies.admin, { _csrf: csrf, name_en: 'x'.repeat(201), name_zh: '局', kind: 'ministry', district: 'atlantis' });
    expect(wrong.body).toContain('Name must be 200 characters or fewer');
    expect(wrong.body).toContain('Choose the kind of department');
    expect(wrong.body).toContain('Choose the district of a district bureau or service centre');
    const taken = await post(urls.staffAdminDepartmentNew('en'), cookies.admin, { _csrf: csrf, name_en: 'beijing municipal commerce bureau', name_zh: '新局', kind: 'municipal' });
    expect(taken.statusCode).toBe(400);
    expect(taken.body).toContain('A department with this name already exists');
    expect(await auditCount()).toBe(before);

    const created = await post(urls.staffAdminDepartmentNew('en'), cookies.admin, { _csrf: csrf, name_en: 'Haidian Foreign Enterprise Service Centre', name_zh: '海淀区外企服务中心', kind: 'district', district: 'haidian' });
    expect(created.statusCode).toBe(303);
    expect(created.headers.location).toBe(urls.staffAdminDepartments('en', { notice: 'created', id: 'haidian-foreign-enterprise-service-centre' }));
    expect(await department('haidian-foreign-enterprise-service-centre')).toMatchObject({ name_zh: '海淀区外企服务中心', kind: 'district', district_id: 'haidian', source_contact_id: null, active: true });
    expect(await auditCount()).toBe(before + 1);
    const [row] = await t.db.selectFrom('audit_log').where('entity', '=', 'department').where('entity_id', '=', 'haidian-foreign-enterprise-service-centre').selectAll().execute();
    expect(row).toMatchObject({ actor_id: ids.admin, action: 'department.created', after: { name_en: 'Haidian Foreign Enterprise Service Centre', kind: 'district', district_id: 'haidian', active: true } });
    const page = await get(created.headers.location as string, cookies.admin);
    expect(page.body).toContain('The department “Haidian Foreign Enterprise Service Centre” is added.');
    // A second one of the same English slug but another name gets its own id.
    const second = await post(urls.staffAdminDepartmentNew('en'), cookies.admin, { _csrf: csrf, name_en: 'Haidian Foreign-Enterprise Service Centre!', name_zh: '海淀区外资企业服务中心', kind: 'district', district: 'haidian' });
    expect(second.headers.location).toContain('id=haidian-foreign-enterprise-service-centre-2');
  });

  it('deactivates a department: one audit row with the accounts that keep it, no longer offered to new accounts, kept for its own', async () => {
    const csrf = await csrfOf(cookies.admin);
    const before = await auditCount();
    const off = await post(urls.staffAdminDepartmentStatus('en', 'haidian-commerce-bureau'), cookies.admin, { _csrf: csrf, action: 'deactivate' });
    expect(off.statusCode).toBe(303);
    expect(await department('haidian-commerce-bureau')).toMatchObject({ active: false });
    const rows = await t.db.selectFrom('audit_log').where('entity_id', '=', 'haidian-commerce-bureau').selectAll().execute();
    expect(rows.map((r) => [r.action, r.actor_id, r.before, r.after])).toEqual([['department.deactivated', ids.admin, { active: true }, { active: false, users: 1 }]]);
    // Deactivating again changes nothing and writes nothing.
    await post(urls.staffAdminDepartmentStatus('en', 'haidian-commerce-bureau'), cookies.admin, { _csrf: csrf, action: 'deactivate' });
    expect(await auditCount()).toBe(before + 1);
    expect((await get(urls.staffAdminDepartments('zh', { notice: 'deactivated', id: 'haidian-commerce-bureau' }), cookies.admin)).body).toContain('已停用部门“北京市海淀区商务局”');

    const invite = await get(urls.staffAdminInvite('en'), cookies.admin);
    expect(invite.body).not.toContain('value="haidian-commerce-bureau"');
    const refused = await post(urls.staffAdminInvite('zh'), cookies.admin, { _csrf: csrf, name: 'Late Handler', email: 'late@example.gov', role: 'department_handler', department: 'haidian-commerce-bureau' });
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('请选择部门承办人所属的部门');
    // The handler who has it still sees it on their account's form, marked, and can save without choosing another.
    const own = await get(urls.staffAdminUser('en', ids.department_handler), cookies.admin);
    expect(own.body).toContain('<option value="haidian-commerce-bureau" selected>Haidian District Commerce Bureau (deactivated)</option>');
    const saved = await post(urls.staffAdminUserRole('en', ids.department_handler), cookies.admin, { _csrf: csrf, role: 'department_handler', department: 'haidian-commerce-bureau' });
    expect(saved.statusCode).toBe(303);

    expect((await post(urls.staffAdminDepartmentStatus('en', 'haidian-commerce-bureau'), cookies.admin, { _csrf: csrf, action: 'activate' })).statusCode).toBe(303);
    expect(await department('haidian-commerce-bureau')).toMatchObject({ active: true });
    expect(await auditCount()).toBe(before + 2);
    expect((await post(urls.staffAdminDepartmentStatus('en', 'no-such-department'), cookies.admin, { _csrf: csrf, action: 'deactivate' })).statusCode).toBe(404);
  });

  it('invites a department handler and moves an officer between districts through the selects, audited with the ids', async () => {
    const csrf = await csrfOf(cookies.admin);
    const form = await get(urls.staffAdminInvite('zh'), cookies.admin);
    const municipal = form.body.match(/<optgroup label="市级部门">(.*?)<\/optgroup>/)?.[1] ?? '';
    expect(municipal).toContain('<option value="beijing-commerce-bureau">北京市商务局</option>');
    expect(form.body.indexOf('<optgroup label="东城区">')).toBeLessThan(form.body.indexOf('<optgroup label="西城区">'));
    expect(form.body).toContain('<option value="bda">北京经济技术开发区（亦庄）</option>');
    const created = await post(urls.staffAdminInvite('en'), cookies.admin, { _csrf: csrf, name: 'Qian Hui', email: 'qian.hui@example.gov', role: 'department_handler', department: 'beijing-market-regulation', district: '' });
    expect(created.statusCode).toBe(201);
    const user = await t.db.selectFrom('staff_users').where('email', '=', 'qian.hui@example.gov').selectAll().executeTakeFirstOrThrow();
    expect(user).toMatchObject({ role: 'department_handler', department_id: 'beijing-market-regulation', district_id: null });
    const [audit] = await t.db.selectFrom('audit_log').where('entity_id', '=', user.id).where('action', '=', 'staff_user.created').selectAll().execute();
    expect(audit.after).toMatchObject({ department_id: 'beijing-market-regulation', district_id: null });
    const home = await get(urls.staffHome('zh'), await signInAs(t.app, 'department_handler@example.gov', PASSWORD, 'zh'));
    expect(home.body).toContain('部门：北京市海淀区商务局');
    const list = await get(urls.staffAdminUsers('zh', { role: 'department_handler' }), cookies.admin);
    expect(list.body).toContain('部门：北京市市场监督管理局企业开办大厅');
  });

  it('shows department changes in the audit log by name and label in both languages, the codes kept, filters working', async () => {
    const en = await get(urls.staffAdminAudit('en', { entity: 'department' }), cookies.admin);
    expect(en.statusCode).toBe(200);
    expect(en.body).toContain('<option value="department" selected>Department</option>');
    expect(en.body).toContain('Department deactivated<small class="audit-code" title="Code: department.deactivated"><code>department.deactivated</code></small>');
    expect(en.body).toContain(`<a href="${urls.staffAdminDepartments('en')}#department-haidian-commerce-bureau">Haidian District Commerce Bureau</a><small class="audit-code"><code>department haidian-commerce-bureau</code></small>`);
    expect(en.body).toMatch(/<span title="active">Active<\/span>: <span title="true">Yes<\/span> → <strong title="false">No<\/strong>/);
    expect(en.body).toMatch(/<span title="kind">Kind<\/span>: <strong title="district">District bureau or service centre<\/strong>/);
    expect(en.body).not.toContain('staff_user.created</code>');
    const zh = await get(urls.staffAdminAudit('zh', { action: 'staff_user.created', actor: ids.admin }), cookies.admin);
    expect(zh.body).toContain('共 1 条记录');
    expect(zh.body).toMatch(/<span title="department_id">部门<\/span>: <strong title="beijing-market-regulation">北京市市场监督管理局企业开办大厅<\/strong>/);
    expect(zh.body).toMatch(/<span title="role">角色<\/span>: <strong title="department_handler">部门承办人<\/strong>/);
    expect(zh.body).toContain('<option value="department">部门</option>');
  });
});

describe.each(databaseTargets())('the migration of typed departments (%s)', (target) => {
  it('moves each typed department to the matching contact’s department or to one of its own, with an audit row each', async () => {
    const database = await openTestDatabase(target, { migrate: false });
    try {
      const db = staffDb(database.db);
      await migrateTo(database.db, '2026_12_01_0500_create_jobs');
      // The contacts as the loader of that schema stored them (content_items only; revisions came later and the
      // revisions migration turns these rows into each item's first revision).
      const { rows: versions } = await sql<{ version: number }>`INSERT INTO content_versions (checksum, counts) VALUES ('test', '{}') RETURNING version`.execute(database.db);
      for (const contact of (await realContent()).contacts) {
        await sql`INSERT INTO content_items (kind, id, data, version) VALUES ('contacts', ${contact.id}, ${JSON.stringify(contact)}, ${versions[0].version})`.execute(database.db);
      }
      const typed = [
        ['a@example.gov', 'department_handler', ' beijing municipal commerce bureau '],
        ['b@example.gov', 'department_handler', '北京市海淀区商务局'],
        ['c@example.gov', 'department_handler', 'Municipal Market Supervision Administration'],
        ['d@example.gov', 'department_handler', 'Municipal Market Supervision Administration'],
        ['e@example.gov', 'viewer', null],
      ];
      for (const [email, role, department] of typed) {
        await sql`INSERT INTO staff_users (email, name, role, department) VALUES (${email}, ${email}, ${role}, ${department})`.execute(database.db);
      }
      await migrateToLatest(database.db);
      const rows = await db.selectFrom('staff_users').select(['id', 'email', 'department_id']).orderBy('email').execute();
      const typedId = rows[2].department_id!;
      expect(rows.map((r) => r.department_id)).toEqual(['beijing-commerce-bureau', 'haidian-commerce-bureau', typedId, typedId, null]);
      expect(typedId).toMatch(/^typed-[0-9a-f]{12}$/);
      expect(await db.selectFrom('departments').where('id', '=', typedId).selectAll().executeTakeFirst()).toMatchObject({
        name_en: 'Municipal Market Supervision Administration',
        name_zh: 'Municipal Market Supervision Administration',
        kind: 'other',
        source_contact_id: null,
        active: true,
      });
      expect(await db.selectFrom('departments').where('id', '=', 'beijing-commerce-bureau').selectAll().executeTakeFirst()).toMatchObject({ kind: 'municipal', source_contact_id: 'beijing-commerce-bureau' });
      const audit = await db.selectFrom('audit_log').where('action', '=', 'staff_user.department_moved').select(['actor_id', 'entity_id', 'before', 'after']).orderBy('id').execute();
      expect(audit).toHaveLength(4);
      expect(audit.find((r) => r.entity_id === rows[1].id)).toEqual({ actor_id: null, entity_id: rows[1].id, before: { department: '北京市海淀区商务局' }, after: { department_id: 'haidian-commerce-bureau' } });
      // The database now holds the rule itself: a department handler needs a department that exists.
      await expect(sql`UPDATE staff_users SET department_id = NULL WHERE email = 'a@example.gov'`.execute(database.db)).rejects.toThrow(/department_handler_has_department/);
    } finally {
      await database.close();
    }
  });
});
