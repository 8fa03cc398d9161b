/**
 * The rule editor, the rule test profiles and the test runner over real HTTP, signed in through the real form, on
 * both databases: a real rule's tree as nested fieldsets; adding and removing conditions without JavaScript (nothing
 * saved); a threshold changed (a literal value in a condition through the editor, a parameter through the workflow
 * service) makes a draft; the test runner, with one profile on either side of the threshold, lists exactly the one
 * whose outcome changes and why; invalid trees refused per field in English and Chinese; a viewer cannot edit.
 */
import type { LightMyRequestResponse } from 'fastify';
import { readFileSync } from 'node:fs';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findRevision } from '../src/modules/content/index.js';
import { editorialServices } from '../src/modules/editorial/editorial-services.js';
import { openRevisionOf, saveDraft } from '../src/modules/editorial/revision-workflow.js';
import { seedTestProfiles, type StarterProfile } from '../src/modules/editorial/rules/test-profiles.seed.js';
import { urls } from '../src/platform/http/urls.js';
import { csrfOf, postForm } from './helpers/case-http.js';
import { databaseTargets } from './helpers/databases.js';
import { createStaffWithPassword, signInAs, startStaffApp, type StaffTestApp } from './helpers/staff.js';
import { testConfig } from './helpers/test-app.js';

const PASSWORD = 'correct horse battery staple 42';
const RULE = 'rd-hq-confirmation';
const PARAM = 'rd_hq_min_paid_in_capital_usd';

const decode = (s: string) => s.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
const attr = (tag: string, name: string) => {
  const m = new RegExp(`\\s${name}="([^"]*)"`).exec(tag);
  return m ? decode(m[1]) : undefined;
};

/** The fields the form of class `formClass` submits, as a browser would (checked boxes, selected options, textareas). */
function formFields(html: string, formClass: string): Record<string, string[]> {
  const start = html.indexOf(`class="${formClass}"`);
  if (start < 0) throw new Error(`no form ${formClass}`);
  const form = html.slice(start, html.indexOf('</form>', start));
  const fields: Record<string, string[]> = {};
  const add = (name: string | undefined, value: string) => name && (fields[name] ??= []).push(value);
  for (const m of form.matchAll(/<input\b(?:[^>"]|"[^"]*")*>/g)) {
    const tag = m[0];
    const type = attr(tag, 'type') ?? 'text';
    if (type === 'submit' || type === 'button') continue;
    if (type === 'checkbox' && !/\schecked(=|\s|>|\/)/.test(tag)) continue;
    add(attr(tag, 'name'), attr(tag, 'value') ?? '');
  }
  for (const m of form.matchAll(/<select\b((?:[^>"]|"[^"]*")*)>([\s\S]*?)<\/select>/g)) {
    const options = [...m[2].matchAll(/<option\b((?:[^>"]|"[^"]*")*)>/g)].map((o) => o[1]);
    const chosen = options.find((o) => /\sselected/.test(o)) ?? options[0];
    add(attr(m[1], 'name'), chosen ? (attr(chosen, 'value') ?? '') : '');
  }
  for (const m of form.matchAll(/<textarea\b((?:[^>"]|"[^"]*")*)>([\s\S]*?)<\/textarea>/g)) add(attr(m[1], 'name'), decode(m[2]));
  return fields;
}

const one = (fields: Record<string, string[]>, name: string) => fields[name]?.[0];

describe.each(databaseTargets())('rule editor and test runner (%s)', (target) => {
  let t: StaffTestApp;
  const people = { editor: '', reviewer: '', viewer: '' };
  const cookie: Record<keyof typeof people, string> = { editor: '', reviewer: '', viewer: '' };
  const csrf: Record<keyof typeof people, string> = { editor: '', reviewer: '', viewer: '' };
  const get = (who: keyof typeof people, url: string) => t.app.inject({ url, headers: { cookie: cookie[who] } });
  const post = (who: keyof typeof people, url: string, fields: Record<string, string | readonly string[]>) => postForm(t.app, url, cookie[who], { ...fields, _csrf: csrf[who] });
  const editUrl = (lang: 'en' | 'zh' = 'en') => urls.staffContentEdit(lang, 'rules', RULE);
  const auditActions = async (action: string) => (await sql<{ entity_id: string }>`SELECT entity_id FROM audit_log WHERE action = ${action}`.execute(t.database.db)).rows;
  const draftCount = async () => (await t.database.db.selectFrom('content_revisions').select('id').where('kind', '=', 'rules').where('item_id', '=', RULE).where('state', '=', 'draft').execute()).length;

  beforeAll(async () => {
    t = await startStaffApp({ target });
    for (const [key, role] of [['editor', 'content_editor'], ['reviewer', 'content_editor'], ['viewer', 'viewer']] as const) {
      const email = `${key}@rules.example.gov.cn`;
      people[key] = await createStaffWithPassword(t, { email, name: `Test ${key}`, role, districtId: null, departmentId: null, password: PASSWORD });
      cookie[key] = await signInAs(t.app, email, PASSWORD);
      csrf[key] = await csrfOf(t.app, cookie[key]);
    }
  }, 120_000);
  afterAll(async () => t?.close());

  it('shows a real rule’s condition tree as nested fieldsets, with its parameter, in English and Chinese', async () => {
    const page = await get('editor', editUrl());
    expect(page.statusCode).toBe(200);
    const fields = formFields(page.body, 'rule-editor');
    // all( any(entity_type eq rd_center, statuses includes rd_hq), paid_in_capital gte PARAM, authorised_by_parent is_true )
    expect([one(fields, 'c.kind'), one(fields, 'c.0.kind'), one(fields, 'c.0.0.kind'), one(fields, 'c.1.kind'), one(fields, 'c.2.kind')]).toEqual(['all', 'any', 'leaf', 'leaf', 'leaf']);
    expect([one(fields, 'c.0.0.fact'), one(fields, 'c.0.0.op'), one(fields, 'c.0.0.value')]).toEqual(['entity_type', 'eq', 'rd_center']);
    expect(fields['c.0.1.value']).toEqual(['rd_hq']);
    expect([one(fields, 'c.1.fact'), one(fields, 'c.1.op'), one(fields, 'c.1.param')]).toEqual(['paid_in_capital_usd', 'gte', PARAM]);
    expect(one(fields, 'c.1.label_en')).toMatch(/paid-in registered capital/);
    expect(one(fields, 'c.1.label_zh')).toMatch(/实缴注册资本/);
    expect(one(fields, 'c.1.quote')).toBeTruthy();
    // Operators offered only where they fit: a number is compared, never "includes".
    const opSelect = /<select id="c\.1\.op"[\s\S]*?<\/select>/.exec(page.body)![0];
    expect(opSelect).toContain('value="gte"');
    expect(opSelect).not.toContain('value="includes"');
    // The parameter with its value, unit and validity, and where to edit it.
    expect(page.body).toContain(`href="${urls.staffContentEdit('en', 'rule-parameters', PARAM)}"`);
    expect(page.body).toMatch(/rd_hq_min_paid_in_capital_usd — 2,000,000 USD/);
    const zh = await get('editor', editUrl('zh'));
    expect(zh.statusCode).toBe(200);
    expect(zh.body).toContain('以下条件全部满足（且）');
    expect(zh.body).toContain('条件：在京实缴注册资本总额不低于200万美元');
  });

  it('adds and removes conditions without JavaScript, saving nothing', async () => {
    const before = await draftCount();
    const page = await get('editor', editUrl());
    const added = await post('editor', editUrl(), { ...formFields(page.body, 'rule-editor'), _action: 'add-leaf:c.0' });
    expect(added.statusCode).toBe(200);
    let fields = formFields(added.body, 'rule-editor');
    expect(one(fields, 'c.0.2.kind')).toBe('leaf');
    expect(one(fields, 'c.0.2.fact')).toBe('');
    expect(added.body).toContain('not saved yet');
    // Everything typed elsewhere is kept.
    expect(one(fields, 'c.1.param')).toBe(PARAM);
    const wrapped = await post('editor', editUrl(), { ...fields, _action: 'wrap-not:c.2' });
    fields = formFields(wrapped.body, 'rule-editor');
    expect([one(fields, 'c.2.kind'), one(fields, 'c.2.0.kind'), one(fields, 'c.2.0.fact')]).toEqual(['not', 'leaf', 'authorised_by_parent']);
    const removed = await post('editor', editUrl(), { ...fields, _action: 'remove:c.0.2' });
    fields = formFields(removed.body, 'rule-editor');
    expect(fields['c.0.2.kind']).toBeUndefined();
    expect(one(fields, 'c.0.1.fact')).toBe('statuses');
    const group = await post('editor', editUrl(), { ...fields, _action: 'add-any:c' });
    fields = formFields(group.body, 'rule-editor');
    expect([one(fields, 'c.3.kind'), one(fields, 'c.3.0.kind')]).toEqual(['any', 'leaf']);
    expect(await draftCount()).toBe(before);
  });

  it('refuses an invalid tree with a message at each field, in English and in Chinese, keeping what was typed', async () => {
    const before = await draftCount();
    const fields = formFields((await get('editor', editUrl())).body, 'rule-editor');
    const noValue = await post('editor', editUrl(), { ...fields, 'c.1.param': '', 'c.1.value': '', 'c.2.label_zh': '', _action: 'save' });
    expect(noValue.statusCode).toBe(400);
    expect(noValue.body).toContain('href="#c.1.value"');
    expect(noValue.body).toMatch(/id="c\.1\.value-error"[^>]*>[\s\S]*?A comparison needs a value or a parameter\./);
    expect(noValue.body).toMatch(/id="c\.2\.label_zh-error"[^>]*>[\s\S]*?Enter or choose Condition 3 — Sentence shown as the reason \(Chinese\)\./);
    expect(one(formFields(noValue.body, 'rule-editor'), 'c.1.label_en')).toBe(one(fields, 'c.1.label_en'));

    const zhFields = formFields((await get('editor', editUrl('zh'))).body, 'rule-editor');
    const unknown = await post('editor', editUrl('zh'), { ...zhFields, 'c.1.param': 'no_such_threshold', _action: 'save' });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.body).toMatch(/id="c\.1\.param-error"[^>]*>[\s\S]*?不存在参数“no_such_threshold”。/);
    expect(one(formFields(unknown.body, 'rule-editor'), 'c.1.param')).toBe('no_such_threshold');
    const zhNoValue = await post('editor', editUrl('zh'), { ...zhFields, 'c.1.param': '', 'c.1.value': '', _action: 'save' });
    expect(zhNoValue.body).toMatch(/id="c\.1\.value-error"[^>]*>[\s\S]*?比较需要一个值或一个参数。/);
    const enUnknown = await post('editor', editUrl(), { ...fields, 'c.1.param': 'no_such_threshold', _action: 'save' });
    expect(enUnknown.body).toContain('There is no parameter “no_such_threshold”.');
    expect(await draftCount()).toBe(before);
  });

  it('creates a new rule as a draft, and refuses an id that is taken', async () => {
    const newUrl = urls.staffContentNew('en', 'rules');
    const fields = formFields((await get('editor', newUrl)).body, 'rule-editor');
    expect(one(fields, 'c.kind')).toBe('all');
    const filled = {
      ...fields, id: 'test-new-rule', policy: 'foreign-rd-headquarters-confirmation-opinions-2021', benefit_type: 'facilitation',
      en_benefit: 'A test benefit.', zh_benefit: '测试优惠。', 'sources.0.document': 'official-link', 'sources.0.section': 'A notice', 'sources.0.url': 'https://www.beijing.gov.cn/notice.html',
      'c.0.fact': 'imports_goods', 'c.0.op': 'is_true', 'c.0.label_en': 'The company imports goods', 'c.0.label_zh': '企业进口货物',
    };
    const taken = await post('editor', newUrl, { ...filled, id: RULE, _action: 'save' });
    expect(taken.statusCode).toBe(400);
    expect(taken.body).toMatch(/id="id-error"[^>]*>[\s\S]*?A rule with this id exists already\./);
    const saved = await post('editor', newUrl, { ...filled, _action: 'save' });
    expect(saved.statusCode).toBe(303);
    const draft = await openRevisionOf(t.database.db, 'rules', 'test-new-rule');
    expect(draft).toMatchObject({ state: 'draft', basedOn: null, problems: [] });
    expect(draft!.data).toMatchObject({ condition: { all: [{ fact: 'imports_goods', op: 'is_true' }] }, sources: [{ document: 'official-link', url: 'https://www.beijing.gov.cn/notice.html' }] });
    const twice = await post('editor', newUrl, { ...filled, _action: 'save' });
    expect(twice.statusCode).toBe(409);
    expect(twice.body).toContain('This item already has an open revision');
  });

  it('a viewer can read the test profiles and results but edits nothing (403)', async () => {
    expect((await get('viewer', editUrl())).statusCode).toBe(403);
    expect((await post('viewer', editUrl(), { _action: 'save' })).statusCode).toBe(403);
    expect((await get('viewer', urls.staffContentNew('en', 'rules'))).statusCode).toBe(403);
    expect((await post('viewer', urls.staffContentTestProfileNew('en'), { name: 'nope' })).statusCode).toBe(403);
    const list = await get('viewer', urls.staffContentTestProfiles('en'));
    expect(list.statusCode).toBe(200);
    expect(list.body).not.toContain(urls.staffContentTestProfileNew('en'));
  });

  describe('with two test profiles on either side of the threshold', () => {
    let smallId = '';

    beforeAll(async () => {
      const small = await post('editor', urls.staffContentTestProfileNew('en'), {
        name: 'Small R&D centre', description: 'USD 1.5 million paid in', entity_type: 'rd_center', paid_in_capital_usd: '1500000', authorised_by_parent: 'true',
      });
      expect(small.statusCode).toBe(303);
      // The other one pasted from a Policies for me address.
      const large = await post('editor', urls.staffContentTestProfileNew('en'), {
        name: 'Large R&D centre', address: `${testConfig().PUBLIC_BASE_URL}${urls.policiesForMe('en')}?entity_type=rd_center&paid_in_capital_usd=3000000&authorised_by_parent=true`,
      });
      expect(large.statusCode).toBe(303);
      const rows = await t.database.db.selectFrom('rule_test_profiles' as never).select(['id' as never, 'name' as never, 'facts' as never]).execute() as unknown as { id: string; name: string; facts: Record<string, string> }[];
      expect(rows.map((r) => [r.name, r.facts.paid_in_capital_usd]).sort()).toEqual([['Large R&D centre', '3000000'], ['Small R&D centre', '1500000']]);
      smallId = String(rows.find((r) => r.name.startsWith('Small'))!.id);
    });

    it('saves, lists, refuses a duplicate name and audits test profiles', async () => {
      const list = await get('reviewer', urls.staffContentTestProfiles('en'));
      expect(list.body).toContain('Small R&amp;D centre');
      expect(list.body).toContain('Paid-in capital: 1,500,000');
      const duplicate = await post('editor', urls.staffContentTestProfileNew('en'), { name: 'Small R&D centre' });
      expect(duplicate.statusCode).toBe(409);
      expect(duplicate.body).toContain('Another test profile has this name.');
      const badAddress = await post('editor', urls.staffContentTestProfileNew('zh'), { name: 'x', address: 'https://example.org/zh/costs' });
      expect(badAddress.statusCode).toBe(400);
      expect(badAddress.body).toContain('这不是带有回答的“适合我的政策”页面地址。');
      const audit = await auditActions('content.test_profile_saved');
      expect(audit).toHaveLength(2);
    });

    it('a literal threshold saved in the editor makes a draft, and the test runner lists only the profile it turns, with the reason', async () => {
      const fields = formFields((await get('editor', editUrl())).body, 'rule-editor');
      const saved = await post('editor', editUrl(), { ...fields, 'c.1.param': '', 'c.1.value': '1,000,000', note: 'lower threshold', _action: 'save' });
      expect(saved.statusCode).toBe(303);
      const draft = await openRevisionOf(t.database.db, 'rules', RULE);
      expect(draft?.state).toBe('draft');
      expect(saved.headers.location).toBe(urls.staffContentRevision('en', draft!.id, { notice: 'saved' }));
      const leaf = ((draft!.data as { condition: { all: Record<string, unknown>[] } }).condition.all[1]);
      expect(leaf).toMatchObject({ fact: 'paid_in_capital_usd', op: 'gte', value: 1_000_000 });
      expect(leaf.param).toBeUndefined();
      expect(draft!.problems).toEqual([]);

      // The editor edits the open draft in place: a second save updates it.
      const again = formFields((await get('editor', editUrl())).body, 'rule-editor');
      expect(one(again, 'c.1.value')).toBe('1000000');
      expect((await post('editor', editUrl(), { ...again, _action: 'save' })).headers.location).toBe(urls.staffContentRevision('en', draft!.id, { notice: 'saved' }));

      const tests = await get('reviewer', urls.staffContentRevisionTests('en', draft!.id));
      expect(tests.statusCode).toBe(200);
      expect(tests.body).toContain("2 test profiles ran: 1 change outcome, 1 unchanged.");
      expect(tests.body).toContain('Small R&amp;D centre');
      expect(tests.body).not.toContain('Large R&amp;D centre');
      expect(tests.body).toMatch(/does not apply → <strong>applies<\/strong>/);
      expect(tests.body).toContain('Total paid-in registered capital in Beijing of at least USD 2 million — answer: 1,500,000; needed: 2,000,000 → 1,000,000 (not met → met)');
      expect(tests.body).toContain('1 profiles unchanged.');
      const zh = await get('viewer', urls.staffContentRevisionTests('zh', draft!.id));
      expect(zh.statusCode).toBe(200);
      expect(zh.body).toContain('不适用 → <strong>适用</strong>');
    });

    it('a parameter changed through the workflow service is tested the same way, turning the other profile', async () => {
      const services = editorialServices({ db: t.database.db, content: t.content, clock: () => t.clock.now, config: testConfig() });
      const parameter = t.content.store.get('rule-parameters', PARAM)!;
      const { revisionId, problems } = await saveDraft(services.context, { userId: people.editor, role: 'content_editor' }, { kind: 'rule-parameters', itemId: PARAM, data: { ...parameter, value: 3_500_000 } });
      expect(problems).toEqual([]);
      expect((await findRevision(t.database.db, revisionId))?.state).toBe('draft');
      const tests = await get('editor', urls.staffContentRevisionTests('en', revisionId));
      expect(tests.statusCode).toBe(200);
      expect(tests.body).toContain('Large R&amp;D centre');
      expect(tests.body).not.toContain('Small R&amp;D centre');
      expect(tests.body).toMatch(/applies → <strong>does not apply<\/strong>/);
      expect(tests.body).toContain('answer: 3,000,000; needed: 2,000,000 → 3,500,000 (met → not met)');
      // The amount changed, the sentences investors read did not: listed, so the editor changes them in the same review.
      expect(tests.body).toContain('Sentences that still quote the old amount');
      expect(tests.body).toContain('<q lang="en">Total paid-in registered capital in Beijing of at least USD 2 million</q>');
      expect(tests.body).toContain('<q lang="zh">在京实缴注册资本总额不低于200万美元</q>');
      expect(tests.body).toContain('4 sentences still quote the old amount.');
      const zh = await get('editor', urls.staffContentRevisionTests('zh', revisionId));
      expect(zh.body).toContain('仍引用旧金额的句子');
    });

    it('removes a test profile (audited), and the runner answers 404 for a revision of another kind', async () => {
      const removed = await post('editor', urls.staffContentTestProfileRemove('en', smallId), {});
      expect(removed.statusCode).toBe(303);
      expect((await get('editor', urls.staffContentTestProfile('en', smallId))).statusCode).toBe(404);
      const audit = await auditActions('content.test_profile_removed');
      expect(audit).toHaveLength(1);
      const services = editorialServices({ db: t.database.db, content: t.content, clock: () => t.clock.now, config: testConfig() });
      const glossary = t.content.store.all('glossary')[0];
      const { revisionId } = await saveDraft(services.context, { userId: people.editor, role: 'content_editor' }, { kind: 'glossary', itemId: glossary.id, data: { ...glossary } });
      expect((await get('editor', urls.staffContentRevisionTests('en', revisionId))).statusCode).toBe(404);
    });

    it('loads the starter profiles from the fixture (upserted by id, refusing what the questionnaire refuses), and runs them all', async () => {
      const starter = JSON.parse(readFileSync('test/fixtures/independent/investor-profiles.json', 'utf8')) as StarterProfile[];
      const bad: StarterProfile = { id: 'bad', profile: { entity_type: 'castle' } };
      const first = await seedTestProfiles(t.database.db, [...starter, bad], t.clock.now);
      expect(first.saved).toHaveLength(starter.length);
      expect(first.refused.map((r) => r.id)).toEqual(['bad']);
      const again = await seedTestProfiles(t.database.db, starter, t.clock.now);
      expect(again.saved).toHaveLength(starter.length);
      const count = (await sql<{ n: string }>`SELECT count(*) AS n FROM rule_test_profiles`.execute(t.database.db)).rows[0].n;
      expect(Number(count)).toBe(starter.length + 1); // and the large R&D centre saved above
      const draft = await openRevisionOf(t.database.db, 'rule-parameters', PARAM);
      const tests = await get('editor', urls.staffContentRevisionTests('en', draft!.id));
      expect(tests.body).toContain(`${starter.length + 1} test profiles ran:`);
    });
  });
});
