/**
 * The staff workbench and case page on a real database (PGlite, and PostgreSQL with TEST_DATABASE_URL): who may open
 * them, scope isolation (a Haidian officer neither sees nor acts on a Chaoyang case: 404), queues with their counts
 * and SLA badges computed from stored timestamps, search and filters, bulk dispatch reporting each case, the
 * confidential flag (audited, hiding the description and attachments from viewers), reply templates and citations
 * that reach the enterprise's tracking page and API, and Chinese pages without English sentences.
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { urls } from '../src/platform/http/urls.js';
import { applyAction } from '../src/modules/cases/case-workflow.js';
import { localDirectoryStorage, newStorageKey } from '../src/modules/cases/attachments/storage.js';
import { caseFixtures, deadlines, type CaseFixtures, type Person } from './helpers/case-fixtures.js';
import { csrfOf, postForm } from './helpers/case-http.js';
import { databaseTargets } from './helpers/databases.js';
import { latinSentences } from './helpers/latin-sentences.js';
import { startStaffApp, type StaffTestApp } from './helpers/staff.js';

const DAY = 86_400_000;

/** The rows of the workbench's table: reference and SLA badge. */
function rowsOf(html: string): { reference: string; sla: string }[] {
  const body = html.split('<tbody>')[1]?.split('</tbody>')[0] ?? '';
  return [...body.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((m) => ({
    reference: /\/staff\/cases\/(IB-\d{4}-\d+)"/.exec(m[1])![1],
    sla: /class="sla sla--([a-z_]+)"/.exec(m[1])![1],
  }));
}
const countOf = (html: string, queue: string) => Number(new RegExp(`queue=${queue}[^"]*"[^>]*>[^<]*<span class="case-queues__count">(\\d+)<`).exec(html)?.[1] ?? NaN);
const allCount = (html: string) => Number(/case-queues__count">(\d+)</.exec(html)![1]);
/** Visible text of <main>, tags and form controls' text removed. */
const mainText = (html: string) =>
  html
    .split('<main')[1]
    .split('</main>')[0]
    .replace(/<textarea[\s\S]*?<\/textarea>/g, ' ')
    .replace(/<option[\s\S]*?<\/option>/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&[a-z#0-9]+;/g, ' ');

describe.each(databaseTargets())('staff workbench and case page (%s)', (target) => {
  let t: StaffTestApp;
  let f: CaseFixtures;
  let root: string;
  let agent: Person, coordinator: Person, viewer: Person, haidianOfficer: Person, chaoyangOfficer: Person, haidianHandler: Person;
  const get = (url: string, who: Person) => t.app.inject({ url, headers: { cookie: who.cookie } });
  const csrf = new Map<string, string>();
  const post = async (url: string, who: Person, fields: Record<string, string | string[]>) => {
    if (!csrf.has(who.id)) csrf.set(who.id, await csrfOf(t.app, who.cookie));
    return postForm(t.app, url, who.cookie, { _csrf: csrf.get(who.id)!, ...fields });
  };
  /** Files (and moves) a case as if `daysAgo` days before the test's now. */
  async function earlier<T>(daysAgo: number, run: () => Promise<T>): Promise<T> {
    const now = t.clock.now;
    t.clock.now = new Date(now.getTime() - daysAgo * DAY);
    try {
      return await run();
    } finally {
      t.clock.now = now;
    }
  }

  beforeAll(async () => {
    root = await fs.mkdtemp(path.join(os.tmpdir(), 'ib-workbench-'));
    t = await startStaffApp({ target, env: { ATTACHMENTS_DIR: root } });
    f = await caseFixtures(t);
    agent = await f.person('acceptance_agent');
    coordinator = await f.person('municipal_coordinator');
    viewer = await f.person('viewer');
    haidianOfficer = await f.person('district_officer', { districtId: 'haidian' });
    chaoyangOfficer = await f.person('district_officer', { districtId: 'chaoyang' });
    haidianHandler = await f.person('department_handler', { departmentId: f.unitOf('haidian') });
  }, 180_000);
  afterAll(async () => {
    await t?.close();
    if (root) await fs.rm(root, { recursive: true, force: true });
  });

  it('opens for the roles that work cases and viewers, not for administrators, editors or commissioners', async () => {
    for (const who of [agent, coordinator, viewer, haidianOfficer, haidianHandler]) expect((await get(urls.staffCases('en'), who)).statusCode, who.role).toBe(200);
    for (const role of ['admin', 'content_editor', 'project_commissioner'] as const) {
      const other = await f.person(role);
      expect((await get(urls.staffCases('en'), other)).statusCode, role).toBe(403);
      expect((await get(urls.staffCase('en', 'IB-2026-000001'), other)).statusCode, role).toBe(403);
    }
    const signedOut = await t.app.inject({ url: urls.staffCases('en') });
    expect(signedOut.statusCode).toBe(303);
    expect(signedOut.headers.location).toBe(urls.staffSignIn('en'));
  });

  it('keeps a Haidian officer away from a Chaoyang case: not listed, not found by search, its page and actions 404', async () => {
    const chaoyang = await f.caseIn('accepted', { district: 'chaoyang', subject: 'Chaoyang only matter' });
    const haidian = await f.caseIn('accepted', { subject: 'Haidian only matter' });
    const list = (await get(urls.staffCases('en', { q: 'only matter' }), haidianOfficer)).body;
    expect(rowsOf(list).map((r) => r.reference)).toEqual([haidian]);
    expect(rowsOf((await get(urls.staffCases('en', { q: chaoyang }), haidianOfficer)).body)).toEqual([]);
    expect(rowsOf((await get(urls.staffCases('en', { q: chaoyang }), chaoyangOfficer)).body).map((r) => r.reference)).toEqual([chaoyang]);
    expect((await get(urls.staffCase('en', chaoyang), haidianOfficer)).statusCode).toBe(404);
    const acted = await post(urls.staffCaseAction('en', chaoyang, 'dispatch'), haidianOfficer, { lead: f.unitOf('haidian') });
    expect(acted.statusCode).toBe(404);
    expect((await post(urls.staffCaseAction('en', chaoyang, 'add_note'), haidianOfficer, { body: 'x' })).statusCode).toBe(404);
    const row = await f.db.selectFrom('cases').select('status').where('reference', '=', chaoyang).executeTakeFirstOrThrow();
    expect(row.status).toBe('accepted');
    // A department handler sees only the cases its department handles, and none before dispatch.
    expect(rowsOf((await get(urls.staffCases('en', { q: 'only matter' }), haidianHandler)).body)).toEqual([]);
    expect((await get(urls.staffCase('en', haidian), haidianHandler)).statusCode).toBe(404);
    await post(urls.staffCaseAction('en', haidian, 'dispatch'), agent, { lead: f.unitOf('haidian') });
    expect(rowsOf((await get(urls.staffCases('en', { q: 'only matter' }), haidianHandler)).body).map((r) => r.reference)).toEqual([haidian]);
    expect((await get(urls.staffCase('en', haidian), haidianHandler)).statusCode).toBe(200);
  });

  it('counts the queues and badges each case from its stored timestamps, the badge and the queue always agreeing', async () => {
    const where = { district: 'fengtai' };
    // General demands: 7 calendar days, due at 24:00 Beijing time of the 7th day after filing.
    const onTime = await f.caseIn('submitted', where);
    const dueSoon = await earlier(6.5, () => f.caseIn('submitted', where));
    const overdue = await earlier(8, () => f.caseIn('submitted', where));
    const waiting = await f.caseIn('needs_materials', where);
    const late = await earlier(10, () => f.caseIn('reply_drafted', where));
    await applyAction({ db: f.db, store: f.store, deadlines, baseUrl: 'http://test.invalid', now: t.clock.now }, late, { type: 'staff', staff: agent.principal }, 'approve_reply', {});
    const inTime = await f.caseIn('replied', where);

    const html = (await get(urls.staffCases('en', where), agent)).body;
    const badges = Object.fromEntries(rowsOf(html).map((r) => [r.reference, r.sla]));
    expect(badges).toEqual({ [onTime]: 'on_time', [dueSoon]: 'due_soon', [overdue]: 'overdue', [waiting]: 'paused', [late]: 'breached', [inTime]: 'met' });
    expect(allCount(html)).toBe(6);
    expect(countOf(html, 'new')).toBe(3);
    expect(countOf(html, 'due_soon')).toBe(1);
    expect(countOf(html, 'overdue')).toBe(1);
    expect(countOf(html, 'waiting')).toBe(1);
    for (const sla of ['on_time', 'due_soon', 'overdue', 'paused', 'met', 'breached']) {
      const filtered = rowsOf((await get(urls.staffCases('en', { ...where, sla }), agent)).body);
      expect(filtered.map((r) => r.sla), sla).toEqual([sla]);
    }
    const overdueQueue = rowsOf((await get(urls.staffCases('en', { ...where, queue: 'overdue' }), agent)).body);
    expect(overdueQueue.map((r) => r.reference)).toEqual([overdue]);
    // Sorted by due date, soonest first: the overdue case leads.
    expect(rowsOf(html)[0].reference).toBe(late);
  });

  it('puts a case in "mine" for the officer who signed for it, and in "my unit" for the district', async () => {
    const reference = await f.caseIn('dispatched', { district: 'haidian', subject: 'Mine queue check' });
    const before = (await get(urls.staffCases('en', { queue: 'mine', q: 'Mine queue check' }), haidianOfficer)).body;
    expect(rowsOf(before)).toEqual([]);
    expect(rowsOf((await get(urls.staffCases('en', { queue: 'unit', q: 'Mine queue check' }), haidianOfficer)).body).map((r) => r.reference)).toEqual([reference]);
    expect((await post(urls.staffCaseAction('en', reference, 'sign_for'), haidianOfficer, {})).statusCode).toBe(303);
    expect(rowsOf((await get(urls.staffCases('en', { queue: 'mine', q: 'Mine queue check' }), haidianOfficer)).body).map((r) => r.reference)).toEqual([reference]);
    // The agent who accepted it has it in "mine" too; the viewer has no "mine" queue at all.
    expect((await get(urls.staffCases('en'), viewer)).body).not.toContain('queue=mine');
  });

  it('searches by reference (that case first), by words, and by Chinese text; filters by kind, mechanism and dates; pages', async () => {
    const robot = await f.caseIn('submitted', { district: 'mentougou', subject: 'Robot factory permit', description: 'Our robot factory waits for its permit since May.' });
    const chinese = await f.caseIn('submitted', { district: 'mentougou', subject: '外汇登记问题', description: '我公司办理外汇登记时遇到困难，银行要求补充说明。', lang: 'zh', kind: 'inquiry', topic: 'tax-finance' });
    const fie = await f.caseIn('submitted', { district: 'mentougou', kind: 'complaint', fie_complaint: true, topic: 'government-conduct', subject: 'Licence refused' });
    const search = async (q: string) => rowsOf((await get(urls.staffCases('en', { district: 'mentougou', q }), agent)).body).map((r) => r.reference);
    expect(await search(robot)).toEqual([robot]);
    expect(await search(robot.toLowerCase())).toEqual([robot]);
    expect(await search('factory perm')).toEqual([robot]);
    expect(await search('银行要求')).toEqual([chinese]);
    expect(rowsOf((await get(urls.staffCases('en', { district: 'mentougou', kind: 'inquiry' }), agent)).body).map((r) => r.reference)).toEqual([chinese]);
    expect(rowsOf((await get(urls.staffCases('en', { district: 'mentougou', fie: 'yes' }), agent)).body).map((r) => r.reference)).toEqual([fie]);
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(t.clock.now);
    expect(rowsOf((await get(urls.staffCases('en', { district: 'mentougou', from: today, to: today }), agent)).body)).toHaveLength(3);
    expect(rowsOf((await get(urls.staffCases('en', { district: 'mentougou', to: '2026-01-01' }), agent)).body)).toHaveLength(0);
    // An impossible date is reported at its field; the other filters still apply.
    const bad = await get(urls.staffCases('en', { district: 'mentougou', from: '2026-02-31' }), agent);
    expect(bad.body).toContain('<a href="#filter-from">Enter “Submitted from” as a real date');
    expect(rowsOf(bad.body)).toHaveLength(3);

    for (let i = 0; i < 26; i += 1) await f.file({ district: 'yanqing', subject: `Paged case ${i}` });
    const first = (await get(urls.staffCases('en', { district: 'yanqing' }), agent)).body;
    expect(rowsOf(first)).toHaveLength(25);
    expect(first).toContain('Page 1 of 2');
    const second = (await get(urls.staffCases('en', { district: 'yanqing', page: 2 }), agent)).body;
    expect(rowsOf(second)).toHaveLength(1);
  });

  it('dispatches several cases at once and reports each one: done, or refused with the reason', async () => {
    const a = await f.caseIn('accepted', { district: 'haidian' });
    const b = await f.caseIn('accepted', { district: 'haidian' });
    const notAccepted = await f.caseIn('submitted', { district: 'haidian' });
    const chaoyang = await f.caseIn('accepted', { district: 'chaoyang' });
    const lead = f.unitOf('haidian');
    const co = f.unitOf('chaoyang');
    const response = await post(urls.staffCasesDispatch('en'), haidianOfficer, { case: [a, b, notAccepted, chaoyang, 'IB-2026-999999'], lead, co: [co] });
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain('2 of 5 cases dispatched to');
    const done = response.body.split('case-dispatch-result__done')[1].split('</ul>')[0];
    expect(done).toContain(a);
    expect(done).toContain(b);
    const refused = response.body.split('case-dispatch-result__refused')[1].split('</ul>')[0];
    expect(refused).toContain(`${notAccepted}</a>: it is no longer waiting for dispatch`);
    expect(refused).toContain(`${chaoyang}: not found in your scope`);
    expect(refused).toContain('IB-2026-999999: not found in your scope');
    const rows = await f.db.selectFrom('cases').select(['reference', 'status', 'lead_department_id']).where('reference', 'in', [a, b, notAccepted, chaoyang]).execute();
    expect(Object.fromEntries(rows.map((r) => [r.reference, r.status]))).toEqual({ [a]: 'dispatched', [b]: 'dispatched', [notAccepted]: 'submitted', [chaoyang]: 'accepted' });
    const units = await f.db.selectFrom('case_units').innerJoin('cases', 'cases.id', 'case_units.case_id').select(['cases.reference', 'case_units.department_id', 'case_units.role']).where('cases.reference', '=', a).execute();
    expect(units.map((u) => `${u.role}:${u.department_id}`).sort()).toEqual([`co:${co}`, `lead:${lead}`]);
    const audit = await f.db.selectFrom('audit_log').select('entity_id').where('action', '=', 'case.dispatch').where('actor_id', '=', haidianOfficer.id).execute();
    expect(audit.map((r) => r.entity_id).sort()).toEqual([a, b].sort());
  });

  it('refuses a bulk dispatch without cases or lead (every error at once), and to people who do not dispatch', async () => {
    const empty = await post(urls.staffCasesDispatch('zh'), agent, { co: [f.unitOf('haidian')] });
    expect(empty.statusCode).toBe(400);
    expect(empty.body).toContain('请至少选择一件已受理的诉求进行派发');
    expect(empty.body).toContain('请选择主办单位');
    const same = await post(urls.staffCasesDispatch('en'), agent, { case: 'IB-2026-000001', lead: f.unitOf('haidian'), co: [f.unitOf('haidian')] });
    expect(same.body).toContain('The lead unit cannot also be a co-handling unit');
    expect((await post(urls.staffCasesDispatch('en'), haidianHandler, { case: 'IB-2026-000001', lead: f.unitOf('haidian') })).statusCode).toBe(403);
    expect((await post(urls.staffCasesDispatch('en'), viewer, { case: 'IB-2026-000001', lead: f.unitOf('haidian') })).statusCode).toBe(403);
  });

  it('hides a confidential case’s description, the enterprise’s texts and attachments from viewers, and audits the flag', async () => {
    const reference = await f.caseIn('dispatched', { subject: 'Pricing dispute', description: 'Our secret margin is 42 percent on the Zeta line.' });
    const row = await f.db.selectFrom('cases').select('id').where('reference', '=', reference).executeTakeFirstOrThrow();
    const storage = localDirectoryStorage(root);
    const key = newStorageKey();
    const pdf = Buffer.from('%PDF-1.4\n%secret\n');
    await storage.put(key, (async function* () {
      yield pdf;
    })());
    const attachment = await f.db.insertInto('case_attachments').values({ case_id: row.id, storage_key: key, filename: 'margins.pdf', content_type: 'application/pdf', size_bytes: pdf.length, sha256: 'x', uploaded_at: t.clock.now, uploaded_by: 'enterprise' }).returning('id').executeTakeFirstOrThrow();
    const download = urls.staffCaseAttachment('en', reference, attachment.id);

    expect((await get(urls.staffCase('en', reference), viewer)).body).toContain('secret margin');
    expect((await get(download, viewer)).statusCode).toBe(200);
    expect((await post(urls.staffCaseConfidential('en', reference), haidianOfficer, { confidential: 'yes' })).statusCode).toBe(403);
    const set = await post(urls.staffCaseConfidential('en', reference), agent, { confidential: 'yes' });
    expect(set.statusCode).toBe(303);

    const seenByViewer = (await get(urls.staffCase('en', reference), viewer)).body;
    expect(seenByViewer).not.toContain('secret margin');
    expect(seenByViewer).not.toContain('margins.pdf');
    expect(seenByViewer).toContain('Hidden: this case is confidential');
    expect((await get(download, viewer)).statusCode).toBe(404);
    expect(rowsOf((await get(urls.staffCases('en', { q: 'margin Zeta' }), viewer)).body)).toEqual([]);
    expect(rowsOf((await get(urls.staffCases('en', { q: 'Pricing dispute' }), viewer)).body).map((r) => r.reference)).toEqual([reference]);

    const seenByOfficer = (await get(urls.staffCase('en', reference), haidianOfficer)).body;
    expect(seenByOfficer).toContain('secret margin');
    const file = await get(download, haidianOfficer);
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-disposition']).toContain('attachment; filename="margins.pdf"');
    expect(file.rawPayload.equals(pdf)).toBe(true);
    expect(rowsOf((await get(urls.staffCases('en', { q: 'margin Zeta' }), haidianOfficer)).body).map((r) => r.reference)).toEqual([reference]);

    const audit = await f.db.selectFrom('audit_log').select(['action', 'actor_id', 'before', 'after']).where('entity_id', '=', reference).where('action', '=', 'case.set_confidential').execute();
    expect(audit).toEqual([{ action: 'case.set_confidential', actor_id: agent.id, before: { confidential: false }, after: { confidential: true } }]);
    expect(seenByOfficer).toContain('Marked confidential');
    expect((await post(urls.staffCaseConfidential('en', reference), agent, { confidential: 'no' })).statusCode).toBe(303);
    expect((await get(urls.staffCase('en', reference), viewer)).body).toContain('secret margin');
  });

  it('fills a reply from the topic’s template in the case’s language, and the cited policies reach the enterprise', async () => {
    const { reference, token } = await f.file({ lang: 'zh', subject: '补贴', enterprise_name: '示例科技有限公司' });
    await applyAction({ db: f.db, store: f.store, deadlines, baseUrl: 'http://test.invalid', now: t.clock.now }, reference, { type: 'staff', staff: agent.principal }, 'accept', { limit_id: 'general-demand' });
    await applyAction({ db: f.db, store: f.store, deadlines, baseUrl: 'http://test.invalid', now: t.clock.now }, reference, { type: 'staff', staff: agent.principal }, 'dispatch', { lead: f.unitOf('haidian') });
    for (const action of ['sign_for', 'start'] as const) expect((await post(urls.staffCaseAction('en', reference, action), haidianOfficer, {})).statusCode).toBe(303);

    const page = (await get(urls.staffCase('en', reference, { template: 'policies-reply', for: 'draft_reply' }), haidianOfficer)).body;
    const draft = /<textarea id="draft_reply-body"[^>]*>([\s\S]*?)<\/textarea>/.exec(page)![1];
    expect(draft).toContain('示例科技有限公司：');
    expect(draft).toContain(`诉求 ${reference}`);
    expect(page).toMatch(/<details class="case-action" id="action-draft_reply" open/);
    // The topic's own template and the ones for every topic, not another topic's.
    expect(page).toContain('<option value="referral-reply">');
    expect(page).not.toContain('<option value="customs-trade-reply">');

    const policy = f.store.policies.find((p) => p.category === 'foreign-investment')!;
    expect(page).toContain(`<option value="policy:${policy.id}"`);
    const unknown = await post(urls.staffCaseAction('en', reference, 'draft_reply'), haidianOfficer, { body: 'x', cites: ['policy:no-such-policy'] });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.body).toContain('A chosen item is no longer in the library');
    expect((await post(urls.staffCaseAction('en', reference, 'draft_reply'), haidianOfficer, { body: '补贴将于12月20日拨付。', cites: [`policy:${policy.id}`] })).statusCode).toBe(303);
    // The approver's form starts from the draft and its citations.
    const approve = (await get(urls.staffCase('en', reference), coordinator)).body;
    expect(approve).toMatch(new RegExp(`<option value="policy:${policy.id}" selected`));
    expect((await post(urls.staffCaseAction('en', reference, 'approve_reply'), coordinator, { body: '补贴将于12月20日拨付。', cites: [`policy:${policy.id}`] })).statusCode).toBe(303);

    const api = await t.app.inject({ url: urls.api('cases', reference), headers: { 'x-case-token': token } });
    expect(api.statusCode).toBe(200);
    const reply = (api.json() as { timeline: { action: string; cites?: unknown[] }[] }).timeline.find((e) => e.action === 'approve_reply')!;
    expect(reply.cites).toEqual([{ kind: 'policy', id: policy.id, en: policy.en.title, zh: policy.zh.title }]);
    const tracking = await t.app.inject({ url: urls.withQuery(urls.serviceTrack('zh'), { ref: reference, token }) });
    expect(tracking.body).toContain(`href="${urls.policy('zh', policy.id)}"`);
    // The staff timeline shows the citation as a link too.
    expect((await get(urls.staffCase('en', reference), coordinator)).body).toContain(`href="${urls.policy('en', policy.id)}"`);
  });

  it('speaks Chinese on the Chinese workbench and case page', async () => {
    const reference = await f.caseIn('in_progress', { lang: 'zh', subject: '研发补贴', description: '我公司申请的研发补贴尚未拨付。', enterprise_name: '示例机器人有限公司', contact_name: '王芳' });
    for (const [url, who] of [[urls.staffCases('zh', { q: reference }), agent], [urls.staffCase('zh', reference), haidianOfficer], [urls.staffCase('zh', reference), agent]] as const) {
      const response = await get(url, who);
      expect(response.statusCode).toBe(200);
      expect(response.body).toContain('<html lang="zh-CN"');
      // Names of the test's accounts are in English ("district officer 12"): they are data, not the page's words.
      const text = mainText(response.body.replace(/(acceptance agent|district officer|department handler|municipal coordinator|viewer) \d+/g, ' '));
      expect(latinSentences(text), url).toEqual([]);
      expect(text, url).toContain('研发补贴');
    }
  });
});
