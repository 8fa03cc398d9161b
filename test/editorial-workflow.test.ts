/**
 * The editorial workflow through its pages, as people use it: two content editors (A and B) and a viewer signed in
 * through the real form, posting the revision page's forms with their session's CSRF token. A change to a policy needs
 * a second person (A cannot publish what A edited — not through the page, not through a forged post); a contact is
 * published by one editor; scheduled publication and a policy's expiry (with its rules) go live when the scheduler
 * (the worker's periodic task) runs at the moment, under a clock the test moves; restore, stale drafts, send back,
 * discard, the diff and the review queue's bulk publish. Audit rows are written in the step's own transaction: a
 * refused publication leaves no audit row and no new content version.
 */
import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { applyRevisions, findRevision, insertRevision, liveRevisionId } from '../src/modules/content/index.js';
import { editorialModule } from '../src/modules/editorial/index.js';
import { publish, saveDraft, submitForReview, type Actor, type EditorialContext } from '../src/modules/editorial/revision-workflow.js';
import type { ModuleDeps } from '../src/modules/module.js';
import type { AuditTables } from '../src/platform/audit/record-audit.js';
import { urls } from '../src/platform/http/urls.js';
import { csrfOf, postForm } from './helpers/case-http.js';
import { databaseTargets } from './helpers/databases.js';
import { createStaffWithPassword, signInAs, startStaffApp, type StaffTestApp } from './helpers/staff.js';

const PASSWORD = 'correct horse battery staple 42';

interface Person {
  email: string;
  userId: string;
  actor: Actor;
  cookie: string;
  csrf: string;
}

async function person(t: StaffTestApp, key: string, role: 'content_editor' | 'viewer'): Promise<Person> {
  const email = `${key}@editorial.example.gov.cn`;
  const userId = await createStaffWithPassword(t, { email, name: `Editor ${key}`, role, districtId: null, departmentId: null, password: PASSWORD });
  const cookie = await signInAs(t.app, email, PASSWORD);
  return { email, userId, actor: { userId, role, requestId: 'test' }, cookie, csrf: await csrfOf(t.app, cookie) };
}

/** Signs in again (the test's clock jumps hours ahead, past a session's idle limit). */
async function signInAgain(t: StaffTestApp, who: Person): Promise<void> {
  who.cookie = await signInAs(t.app, who.email, PASSWORD);
  who.csrf = await csrfOf(t.app, who.cookie);
}

const get = (app: FastifyInstance, who: Person, url: string) => app.inject({ url, headers: { cookie: who.cookie } });
const post = (app: FastifyInstance, who: Person, url: string, fields: Record<string, string | string[]> = {}) => postForm(app, url, who.cookie, { _csrf: who.csrf, ...fields });
const action = (revision: string, what: string) => urls.staffContentRevisionAction('en', revision, what);

/** A datetime-local value in Beijing time (UTC+8) for the moment `date`. */
function beijingLocal(date: Date): string {
  return new Date(date.getTime() + 8 * 3600_000).toISOString().slice(0, 16);
}

describe.each(databaseTargets())('the editorial workflow through its pages (%s)', (target) => {
  let t: StaffTestApp;
  let ctx: EditorialContext;
  let a: Person;
  let b: Person;
  let viewer: Person;
  /** The worker's periodic scheduler task, as the worker runs it. */
  let runScheduler: (now: Date) => Promise<unknown>;

  beforeAll(async () => {
    t = await startStaffApp({ target });
    ctx = { db: t.database.db, content: t.content, now: () => t.clock.now };
    a = await person(t, 'a', 'content_editor');
    b = await person(t, 'b', 'content_editor');
    viewer = await person(t, 'viewer', 'viewer');
    const worker = editorialModule.worker!({ db: t.database.db } as ModuleDeps);
    const task = worker.periodic!.find((p) => p.name === 'content-schedule')!;
    runScheduler = (now) => task.run(now);
  }, 120_000);
  afterAll(() => t?.close());
  beforeEach(async () => {
    for (const who of [a, b, viewer]) await signInAgain(t, who);
  });

  const live = async (kind: string, id: string) =>
    (await t.database.db.selectFrom('content_items').select(['data', 'revision_id']).where('kind', '=', kind).where('id', '=', id).executeTakeFirst()) ?? null;
  const audits = (entityId: string) =>
    (t.database.db as unknown as Kysely<AuditTables>)
      .selectFrom('audit_log').select(['action', 'actor_id', 'after', 'at']).where('entity', '=', 'content_item').where('entity_id', '=', entityId).orderBy('id').execute();
  const latestVersion = async () => Number((await t.database.db.selectFrom('content_versions').select((eb) => eb.fn.max('version').as('v')).executeTakeFirstOrThrow()).v);
  const policyData = (id: string) => structuredClone(t.content.store.get('policies', id)) as unknown as Record<string, unknown> & { en: { summary: string }; zh: { summary: string } };
  const matchCites = async (policyId: string) => {
    const response = await t.app.inject({ method: 'POST', url: '/api/v1/policy-match?lang=en&limit=200', payload: {} });
    expect(response.statusCode).toBe(200);
    return (response.json().results as { policy: { id: string } }[]).some((r) => r.policy.id === policyId);
  };

  it('needs a second person for a policy: A submits, A cannot publish (page, forged post), B publishes, the public page changes, each step audited', async () => {
    const policyId = 'talent-introduction-management-measures-2018';
    const data = policyData(policyId);
    const sentence = 'Editors added this sentence in the workflow test.';
    data.en.summary = `${data.en.summary} ${sentence}`;
    const { revisionId, problems } = await saveDraft(ctx, a.actor, { kind: 'policies', itemId: policyId, data });
    expect(problems).toEqual([]);

    const page = await get(t.app, a, urls.staffContentRevision('en', revisionId));
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(action(revisionId, 'submit'));
    expect(page.body).toContain('a second person must publish'.replace('a s', 'A s'));
    const submitted = await post(t.app, a, action(revisionId, 'submit'));
    expect(submitted.statusCode).toBe(303);
    expect(submitted.headers.location).toContain('notice=submitted');
    expect((await findRevision(t.database.db, revisionId))?.state).toBe('in_review');

    // A's page offers no publish form; the review queue says another editor must publish.
    const asA = await get(t.app, a, urls.staffContentRevision('en', revisionId));
    expect(asA.body).not.toContain(action(revisionId, 'publish'));
    expect(asA.body).not.toContain(action(revisionId, 'schedule'));
    const queueA = await get(t.app, a, urls.staffContentReview('en'));
    expect(queueA.body).toContain('You edited this: another editor must publish.');
    expect(queueA.body).not.toContain(`name="revision" value="${revisionId}"`);

    // A forged post is refused with the sentence, and changes nothing.
    const versionBefore = await latestVersion();
    const forged = await post(t.app, a, action(revisionId, 'publish'));
    expect(forged.statusCode).toBe(409);
    expect(forged.body).toContain('Changes to policies and rules are published by a second person');
    expect((await findRevision(t.database.db, revisionId))?.state).toBe('in_review');
    expect(await latestVersion()).toBe(versionBefore);
    // A viewer may read the page but not post to it.
    expect((await get(t.app, viewer, urls.staffContentRevision('en', revisionId))).statusCode).toBe(200);
    expect((await post(t.app, viewer, action(revisionId, 'publish'))).statusCode).toBe(403);

    const asB = await get(t.app, b, urls.staffContentRevision('en', revisionId));
    expect(asB.body).toContain(action(revisionId, 'publish'));
    const queueB = await get(t.app, b, urls.staffContentReview('en'));
    expect(queueB.body).toContain(`name="revision" value="${revisionId}"`);
    const published = await post(t.app, b, action(revisionId, 'publish'));
    expect(published.statusCode).toBe(303);
    expect(published.headers.location).toContain('notice=published');
    const revision = await findRevision(t.database.db, revisionId);
    expect(revision).toMatchObject({ state: 'published', publishedBy: b.userId, reviewedBy: b.userId });
    expect(((await live('policies', policyId))?.data as { en: { summary: string } }).en.summary).toContain(sentence);

    await t.content.refresh();
    const publicPage = await t.app.inject({ url: urls.policy('en', policyId) });
    expect(publicPage.statusCode).toBe(200);
    expect(publicPage.body).toContain(sentence);

    const rows = await audits(`policies/${policyId}`);
    expect(rows.map((r) => [r.action, r.actor_id])).toEqual([
      ['content.draft_started', a.userId],
      ['content.submitted', a.userId],
      ['content.published', b.userId],
    ]);
    // The publication's audit row carries the version the same transaction made.
    expect((rows[2].after as { version: number }).version).toBe(revision!.contentVersion);
    expect(new Date(rows[2].at as unknown as string).getTime()).toBe(revision!.publishedAt!.getTime());
  });

  it('refuses a publication that would break a reference: no audit row, no new version, the revision as it was', async () => {
    // Withdrawing an industry that policies and parks name.
    const industry = 'intelligent-equipment';
    const { revisionId } = await saveDraft(ctx, a.actor, { kind: 'industries', itemId: industry, data: null });
    const before = { version: await latestVersion(), audits: (await audits(`industries/${industry}`)).length };
    const page = await get(t.app, a, urls.staffContentRevision('en', revisionId));
    expect(page.body).toContain('Withdrawal: the item leaves the site.');
    const response = await post(t.app, a, action(revisionId, 'publish'));
    expect(response.statusCode).toBe(409);
    expect(response.body).toContain('Publishing would leave other content referring to something that is not on the site.');
    expect(await latestVersion()).toBe(before.version);
    expect((await audits(`industries/${industry}`)).length).toBe(before.audits);
    expect(await findRevision(t.database.db, revisionId)).toMatchObject({ state: 'draft', reviewedBy: null });
    expect(await live('industries', industry)).not.toBeNull();
    expect((await post(t.app, a, action(revisionId, 'discard'))).statusCode).toBe(303);
  });

  it('lets one editor publish a contact alone', async () => {
    const contact = t.content.store.all('contacts')[0] as unknown as Record<string, unknown> & { id: string; en: { name: string } };
    const data = structuredClone(contact);
    data.en.name = `${contact.en.name} (front desk)`;
    const { revisionId } = await saveDraft(ctx, a.actor, { kind: 'contacts', itemId: contact.id, data });
    const page = await get(t.app, a, urls.staffContentRevision('en', revisionId));
    expect(page.body).toContain(action(revisionId, 'publish'));
    expect(page.body).not.toContain('A second person must publish');
    const response = await post(t.app, a, action(revisionId, 'publish'));
    expect(response.statusCode).toBe(303);
    expect(await findRevision(t.database.db, revisionId)).toMatchObject({ state: 'published', publishedBy: a.userId });
    expect(((await live('contacts', contact.id))?.data as { en: { name: string } }).en.name).toBe(data.en.name);
    expect((await audits(`contacts/${contact.id}`)).map((r) => [r.action, r.actor_id]).at(-1)).toEqual(['content.published', a.userId]);
  });

  it('publishes a scheduled revision when the scheduler runs at its moment, not before', async () => {
    const contact = t.content.store.all('contacts')[1] as unknown as Record<string, unknown> & { id: string; en: { name: string } };
    const data = structuredClone(contact);
    data.en.name = `${contact.en.name} (new office)`;
    const { revisionId } = await saveDraft(ctx, a.actor, { kind: 'contacts', itemId: contact.id, data });
    const at = new Date(t.clock.now.getTime() + 3 * 3600_000);
    // The form's value is Beijing time.
    const missing = await post(t.app, a, action(revisionId, 'schedule'), { publish_at: '' });
    expect(missing.statusCode).toBe(400);
    expect(missing.body).toContain('Enter a date and time.');
    const scheduled = await post(t.app, a, action(revisionId, 'schedule'), { publish_at: beijingLocal(at) });
    expect(scheduled.statusCode).toBe(303);
    expect(scheduled.headers.location).toContain('notice=scheduled');
    expect(await findRevision(t.database.db, revisionId)).toMatchObject({ state: 'scheduled', publishAt: at });
    expect((await get(t.app, b, urls.staffContentReview('en'))).body).toContain(action(revisionId, 'discard'));

    t.clock.advance(3 * 3600_000 - 60_000);
    expect(await runScheduler(t.clock.now)).toBe(0);
    expect(((await live('contacts', contact.id))?.data as { en: { name: string } }).en.name).toBe(contact.en.name);
    t.clock.advance(60_000);
    expect(await runScheduler(t.clock.now)).toBe(1);
    expect(await findRevision(t.database.db, revisionId)).toMatchObject({ state: 'published', publishedBy: null });
    expect(((await live('contacts', contact.id))?.data as { en: { name: string } }).en.name).toBe(data.en.name);
    expect((await audits(`contacts/${contact.id}`)).map((r) => [r.action, r.actor_id]).at(-1)).toEqual(['content.published', null]);
  });

  it('expires a policy with its rules at the moment (approved by a second person), the policy page is gone and matching no longer cites it; restoring it brings it back after review', async () => {
    const policyId = 'immigration-convenience-12-measures-2019';
    const rules = t.content.store.all('rules').filter((r) => r.policy === policyId).map((r) => r.id);
    expect(rules.length).toBeGreaterThan(0);
    await t.content.refresh();
    expect(await matchCites(policyId)).toBe(true);
    const seedRevision = (await live('policies', policyId))!.revision_id!;

    const at = new Date(t.clock.now.getTime() + 2 * 3600_000);
    const bad = await post(t.app, a, urls.staffContentExpiry('en', 'policies', policyId), { expire_at: 'tomorrow', note: '' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('Enter a date and time such as');
    const expiry = await post(t.app, a, urls.staffContentExpiry('en', 'policies', policyId), { expire_at: beijingLocal(at), note: 'Replaced by the 2026 measures.' });
    expect(expiry.statusCode).toBe(303);
    expect(expiry.headers.location).toBe(urls.staffContentItem('en', 'policies', policyId, { notice: 'expiry-review' }));
    const revision = (await t.database.db.selectFrom('content_revisions').select('id').where('kind', '=', 'policies').where('item_id', '=', policyId).where('state', '=', 'in_review').executeTakeFirstOrThrow()).id;
    const id = String(revision);

    expect((await get(t.app, a, urls.staffContentRevision('en', id))).body).not.toContain(action(id, 'publish'));
    const asB = await get(t.app, b, urls.staffContentRevision('en', id));
    expect(asB.body).toContain('Approve: it goes live on');
    expect((await post(t.app, b, action(id, 'publish'))).headers.location).toContain('notice=scheduled');
    expect(await findRevision(t.database.db, id)).toMatchObject({ state: 'scheduled', publishAt: at });

    expect(await runScheduler(new Date(at.getTime() - 1000))).toBe(0);
    expect(await live('policies', policyId)).not.toBeNull();
    t.clock.now = at;
    expect(await runScheduler(t.clock.now)).toBe(1);
    for (const who of [a, b]) await signInAgain(t, who);
    expect(await live('policies', policyId)).toBeNull();
    for (const rule of rules) expect(await live('rules', rule)).toBeNull();
    expect((await audits(`policies/${policyId}`)).map((r) => r.action).at(-1)).toBe('content.expired');

    await t.content.refresh();
    // The policies module answers a withdrawn policy's address with 410 Gone (what it was, when it left); never 200.
    const gone = await t.app.inject({ url: urls.policy('en', policyId) });
    expect([404, 410]).toContain(gone.statusCode);
    expect(await matchCites(policyId)).toBe(false);

    // Restore the version before the expiry: a draft, reviewed like any edit.
    const seedPage = await get(t.app, a, urls.staffContentRevision('en', seedRevision));
    expect(seedPage.body).toContain(action(seedRevision, 'restore'));
    const restored = await post(t.app, a, action(seedRevision, 'restore'));
    expect(restored.statusCode).toBe(303);
    const draftId = /revisions\/(\d+)\?notice=restored/.exec(restored.headers.location as string)![1];
    expect(await findRevision(t.database.db, draftId)).toMatchObject({ state: 'draft', origin: 'restore' });
    expect((await post(t.app, a, action(draftId, 'submit'))).statusCode).toBe(303);
    expect((await post(t.app, a, action(draftId, 'publish'))).statusCode).toBe(409);
    expect((await post(t.app, b, action(draftId, 'publish'))).statusCode).toBe(303);
    await t.content.refresh();
    expect((await t.app.inject({ url: urls.policy('en', policyId) })).statusCode).toBe(200);
  });

  it('refuses a stale revision: another publication of the item landed after it was started', async () => {
    const policyId = 'digital-talent-cultivation-plan-2024';
    const data = policyData(policyId);
    data.en.summary = `${data.en.summary} A's change.`;
    const { revisionId } = await saveDraft(ctx, a.actor, { kind: 'policies', itemId: policyId, data });
    expect((await post(t.app, a, action(revisionId, 'submit'))).statusCode).toBe(303);
    // B's change of the same item is published first (through the publishing primitive, as a load or import does).
    const other = policyData(policyId);
    other.zh.summary = `${other.zh.summary}（乙的修改）`;
    await t.database.db.transaction().execute(async (trx) => {
      const id = await insertRevision(trx, { kind: 'policies', itemId: policyId, data: other, state: 'draft', origin: 'staff', basedOn: await liveRevisionId(trx, 'policies', policyId), createdBy: b.userId, now: t.clock.now });
      await applyRevisions(trx, [id], { actor: b.userId, now: t.clock.now });
    });
    await t.content.refresh();
    const page = await get(t.app, b, urls.staffContentRevision('en', revisionId));
    expect(page.body).not.toContain(action(revisionId, 'publish'));
    const response = await post(t.app, b, action(revisionId, 'publish'));
    expect(response.statusCode).toBe(409);
    expect(response.body).toContain('Someone published a newer version of this item after this revision was started');
    expect(((await live('policies', policyId))?.data as { zh: { summary: string } }).zh.summary).toContain('乙的修改');
    expect(((await live('policies', policyId))?.data as { en: { summary: string } }).en.summary).not.toContain("A's change.");
  });

  it('sends a revision back with a required note, and discards it', async () => {
    const policyId = 'permanent-resident-id-business-startup-opinions-2021';
    const data = policyData(policyId);
    data.en.summary = `${data.en.summary} Pending change.`;
    const { revisionId } = await saveDraft(ctx, a.actor, { kind: 'policies', itemId: policyId, data });
    expect((await post(t.app, a, action(revisionId, 'submit'))).statusCode).toBe(303);
    const noNote = await post(t.app, b, action(revisionId, 'send-back'), { note: '  ' });
    expect(noNote.statusCode).toBe(400);
    expect(noNote.body).toContain('Say what needs to change.');
    expect(noNote.body).toContain('href="#send-back-note"');
    const sent = await post(t.app, b, action(revisionId, 'send-back'), { note: 'Cite the article number.' });
    expect(sent.statusCode).toBe(303);
    expect(await findRevision(t.database.db, revisionId)).toMatchObject({ state: 'draft', reviewedBy: b.userId, reviewNote: 'Cite the article number.' });
    const page = await get(t.app, a, urls.staffContentRevision('en', revisionId));
    expect(page.body).toContain('Cite the article number.');
    expect(page.body).toContain(action(revisionId, 'submit'));

    expect((await post(t.app, a, action(revisionId, 'discard'))).statusCode).toBe(303);
    expect((await findRevision(t.database.db, revisionId))?.state).toBe('discarded');
    const after = await get(t.app, a, urls.staffContentRevision('en', revisionId));
    expect(after.body).toContain('There is nothing you can do with this revision now.');
    expect((await post(t.app, a, action(revisionId, 'discard'))).statusCode).toBe(409);
    expect((await audits(`policies/${policyId}`)).map((r) => [r.action, r.actor_id]).slice(-2)).toEqual([
      ['content.sent_back', b.userId],
      ['content.discarded', a.userId],
    ]);
  });

  it('shows the changed words on the diff page, in both languages', async () => {
    const policyId = 'hk-macao-simplified-notarized-documents-2022';
    const data = policyData(policyId);
    const oldEn = data.en.summary;
    const firstWord = oldEn.split(' ')[0];
    data.en.summary = oldEn.replace(firstWord, 'Zebra');
    data.zh.summary = `${data.zh.summary}新增句子。`;
    const { revisionId } = await saveDraft(ctx, a.actor, { kind: 'policies', itemId: policyId, data });
    const en = await get(t.app, a, urls.staffContentRevision('en', revisionId));
    expect(en.body).toMatch(new RegExp(`<del><span class="visually-hidden"[^>]*> removed: </span>${firstWord}`));
    expect(en.body).toMatch(/<ins><span class="visually-hidden"[^>]*> added: <\/span>Zebra/);
    expect(en.body).toContain('Changes against the live version');
    const zh = await get(t.app, a, urls.staffContentRevision('zh', revisionId));
    expect(zh.body).toMatch(/<ins><span class="visually-hidden"[^>]*> 新增： <\/span>新增句子。/);
    expect(zh.body).toContain('与线上版本的差异');
  });

  it('publishes selected revisions from the review queue, one result each, refusing the ones the reviewer edited', async () => {
    const ids: string[] = [];
    for (const [who, policyId] of [[a, 'talent-service-hpa-industries-measures-2017'], [b, 'business-environment-regulation-2024']] as const) {
      const data = policyData(policyId);
      data.en.summary = `${data.en.summary} Bulk change.`;
      const { revisionId } = await saveDraft(ctx, who.actor, { kind: 'policies', itemId: policyId, data });
      expect((await post(t.app, who, action(revisionId, 'submit'))).statusCode).toBe(303);
      ids.push(revisionId);
    }
    const queue = await get(t.app, b, urls.staffContentReview('en'));
    expect(queue.body).toContain(`name="revision" value="${ids[0]}"`);
    expect(queue.body).not.toContain(`name="revision" value="${ids[1]}"`);
    const none = await post(t.app, b, urls.staffContentReview('en'), {});
    expect(none.statusCode).toBe(400);
    // A forged selection of B's own revision is refused by the workflow, not only hidden by the page.
    const response = await post(t.app, b, urls.staffContentReview('en'), { revision: ids });
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain(`Revision ${ids[0]} (`);
    expect(response.body).toMatch(new RegExp(`Revision ${ids[0]} \\([^)]*\\): published\\.`));
    expect(response.body).toMatch(new RegExp(`Revision ${ids[1]} \\([^)]*\\): not published\\. Changes to policies and rules are published by a second person`));
    expect((await findRevision(t.database.db, ids[0]))?.state).toBe('published');
    expect((await findRevision(t.database.db, ids[1]))?.state).toBe('in_review');
  });

  it('marks an item verified today in Beijing through the item’s form, published at once', async () => {
    // 23:30 UTC on 6 December is 07:30 on 7 December in Beijing.
    t.clock.now = new Date('2026-12-06T23:30:00Z');
    for (const who of [a, viewer]) await signInAgain(t, who);
    const glossary = t.content.store.all('glossary')[0];
    expect((await post(t.app, viewer, urls.staffContentVerify('en', 'glossary', glossary.id))).statusCode).toBe(403);
    const response = await post(t.app, a, urls.staffContentVerify('en', 'glossary', glossary.id));
    expect(response.statusCode).toBe(303);
    expect(response.headers.location).toBe(urls.staffContentItem('en', 'glossary', glossary.id, { notice: 'verified' }));
    expect(((await live('glossary', glossary.id))?.data as { last_verified: string }).last_verified).toBe('2026-12-07');
    expect((await audits(`glossary/${glossary.id}`)).map((r) => [r.action, r.actor_id]).at(-1)).toEqual(['content.verified', a.userId]);
  });

  it('returns a scheduled revision that can no longer go live to draft with the reason, and publishes it once it can', async () => {
    // A staff-made industry, its withdrawal scheduled; meanwhile a policy starts naming it.
    const industry = { ...(structuredClone(t.content.store.all('industries')[0]) as unknown as Record<string, unknown>), id: 'wf-industry' };
    const made = await saveDraft(ctx, a.actor, { kind: 'industries', itemId: 'wf-industry', data: industry, isNew: true });
    await publish(ctx, a.actor, made.revisionId);
    await t.content.refresh();
    const withdrawal = (await saveDraft(ctx, a.actor, { kind: 'industries', itemId: 'wf-industry', data: null })).revisionId;
    const at = new Date(t.clock.now.getTime() + 3600_000);
    expect((await post(t.app, a, action(withdrawal, 'schedule'), { publish_at: beijingLocal(at) })).statusCode).toBe(303);
    const policyId = 'talent-service-hpa-industries-measures-2017';
    const naming = async (industries: string[]) => {
      const data = policyData(policyId);
      data.industries = industries;
      const { revisionId } = await saveDraft(ctx, a.actor, { kind: 'policies', itemId: policyId, data });
      await submitForReview(ctx, a.actor, revisionId);
      await publish(ctx, b.actor, revisionId);
      await t.content.refresh();
    };
    const before = policyData(policyId).industries as string[];
    await naming([...before, 'wf-industry']);

    t.clock.now = at;
    expect(await runScheduler(at)).toBe(0);
    const failed = await findRevision(t.database.db, withdrawal);
    expect(failed?.state).toBe('draft');
    expect(failed?.problems.length).toBeGreaterThan(0);
    expect(await live('industries', 'wf-industry')).not.toBeNull();
    expect((await audits('industries/wf-industry')).map((r) => r.action).at(-1)).toBe('content.schedule_failed');

    // The policy stops naming it: the withdrawal can be published from its page.
    await naming(before);
    for (const who of [a, b]) await signInAgain(t, who);
    expect((await get(t.app, a, urls.staffContentRevision('en', withdrawal))).body).toContain(action(withdrawal, 'publish'));
    const response = await post(t.app, a, action(withdrawal, 'publish'));
    expect(response.statusCode).toBe(303);
    expect(await findRevision(t.database.db, withdrawal)).toMatchObject({ state: 'published', problems: [] });
    expect(await live('industries', 'wf-industry')).toBeNull();
  });

  it('needs a second person for a rule and for a rule parameter too, while an editor publishes other kinds alone', async () => {
    const rule = structuredClone(t.content.store.get('rules', 'rd-hq-confirmation')) as unknown as Record<string, unknown> & { en: { benefit: string } };
    const parameter = structuredClone(t.content.store.get('rule-parameters', 'rd_hq_min_paid_in_capital_usd')) as unknown as Record<string, unknown>;
    const drafts = [
      await saveDraft(ctx, a.actor, { kind: 'rules', itemId: 'rd-hq-confirmation', data: { ...rule, en: { benefit: `${rule.en.benefit} (checked)` } } }),
      await saveDraft(ctx, a.actor, { kind: 'rule-parameters', itemId: 'rd_hq_min_paid_in_capital_usd', data: { ...parameter, value: 1_500_000 } }),
    ];
    for (const draft of drafts) {
      expect(draft.problems).toEqual([]);
      // Not even from the draft: a reviewed kind is published from review only.
      await expect(publish(ctx, a.actor, draft.revisionId)).rejects.toMatchObject({ reason: 'wrong_state' });
      await submitForReview(ctx, a.actor, draft.revisionId);
      await expect(publish(ctx, a.actor, draft.revisionId)).rejects.toMatchObject({ reason: 'second_person' });
      const refused = await post(t.app, a, action(draft.revisionId, 'publish'));
      expect(refused.statusCode).toBe(409);
      expect((await findRevision(t.database.db, draft.revisionId))?.state).toBe('in_review');
      expect(await publish(ctx, b.actor, draft.revisionId)).toBeGreaterThan(0);
    }
    expect((await live('rule-parameters', 'rd_hq_min_paid_in_capital_usd'))?.data).toMatchObject({ value: 1_500_000 });
    // A glossary term (not a reviewed kind): the author publishes it alone, from the draft.
    const term = structuredClone(t.content.store.all('glossary')[0]) as unknown as Record<string, unknown>;
    const own = await saveDraft(ctx, a.actor, { kind: 'glossary', itemId: term.id as string, data: { ...term, last_verified: '2026-12-01' } });
    expect(await publish(ctx, a.actor, own.revisionId)).toBeGreaterThan(0);
  });

  it('links a rule’s revision to its rule tests and says a second person must publish it', async () => {
    const rule = t.content.store.all('rules')[0];
    const { revisionId } = await saveDraft(ctx, a.actor, { kind: 'rules', itemId: rule.id, data: structuredClone(rule) as unknown as Record<string, unknown> });
    const page = await get(t.app, b, urls.staffContentRevision('en', revisionId));
    expect(page.body).toContain(`href="${urls.staffContentRevisionTests('en', revisionId)}"`);
    expect(page.body).toContain('Run the rule tests');
    expect(page.body).toContain('A second person must publish changes to policies and rules');
    // A draft of a reviewed kind is not published from draft, even by another editor.
    expect(page.body).not.toContain(action(revisionId, 'publish'));
    expect((await post(t.app, b, action(revisionId, 'publish'))).statusCode).toBe(409);
    expect((await post(t.app, a, action(revisionId, 'discard'))).statusCode).toBe(303);
  });

  it('answers 404 for an unknown action or revision', async () => {
    expect((await post(t.app, a, action('1', 'explode'))).statusCode).toBe(404);
    expect((await get(t.app, a, urls.staffContentRevision('en', '999999999'))).statusCode).toBe(404);
  });
});
