/**
 * content:load after staff edits, through the real CLI (`npx tsx scripts/load-content.ts` with DATA_DIR and
 * CONTENT_DIR on a copy of content/): a load whose file changed an item that staff had changed never overwrites the
 * staff edit — it reports the conflict (kind/id and the revision page), exits 0, and the review queue lists it; an
 * unchanged file after a staff edit reports nothing; a staff-made item the files lack is kept and listed; adopting the
 * conflict on its page starts a draft holding the files' version.
 */
import { execFile } from 'node:child_process';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/app.js';
import { ContentService, findRevision, loadContentDirectory } from '../src/modules/content/index.js';
import { publish, saveDraft, type Actor } from '../src/modules/editorial/revision-workflow.js';
import { staffDb } from '../src/platform/auth/index.js';
import { openDatabase, type Db } from '../src/platform/db/database.js';
import { migrateToLatest } from '../src/platform/db/migrate.js';
import { urls } from '../src/platform/http/urls.js';
import { csrfOf, postForm } from './helpers/case-http.js';
import { createStaffWithPassword, signInAs, type StaffTestApp } from './helpers/staff.js';
import { testConfig } from './helpers/test-app.js';

const run = promisify(execFile);
const tsx = path.resolve('node_modules/tsx/dist/cli.mjs');
const PASSWORD = 'correct horse battery staple 42';
const NOW = new Date('2026-12-01T02:00:00Z');

async function contentLoad(env: Record<string, string>): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    // The embedded database in DATA_DIR, whatever the environment running the tests points at.
    const { DATABASE_URL: _unused, MIGRATION_DATABASE_URL: _unused2, ...inherited } = process.env;
    const { stdout, stderr } = await run(process.execPath, [tsx, 'scripts/load-content.ts'], { env: { ...inherited, ...env }, timeout: 120_000 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code?: number; stdout?: string; stderr?: string };
    return { code: typeof e.code === 'number' ? e.code : -1, stdout: e.stdout ?? '', stderr: e.stderr ?? '' };
  }
}

type Contact = { id: string; en: { name: string; notes?: string } } & Record<string, unknown>;

let work: string;
let files: string;
let dataDir: string;
let contactFile: string;
let contact: Contact;
let staffName: string;
let editor: { userId: string; email: string };
const newTerm = 'staff-made-term';

async function withDb<T>(fn: (db: Db) => Promise<T>): Promise<T> {
  const db = await openDatabase({ dataDir });
  try {
    return await fn(db);
  } finally {
    await db.destroy();
  }
}

const liveData = (db: Db, kind: string, id: string) => db.selectFrom('content_items').select('data').where('kind', '=', kind).where('id', '=', id).executeTakeFirst();

beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'ib-conflicts-'));
  files = path.join(work, 'content');
  dataDir = path.join(work, 'data');
  await cp('content', files, { recursive: true });
  contactFile = path.join(files, 'contacts', 'exit-entry.json');
  contact = (JSON.parse(await readFile(contactFile, 'utf8')) as Contact[])[0];
  await withDb(async (db) => {
    await migrateToLatest(db);
    await loadContentDirectory(db, files);
    const content = new ContentService(db);
    await content.refresh();
    const clock = { now: NOW, advance() {} };
    const userId = await createStaffWithPassword({ db: staffDb(db), clock } as unknown as StaffTestApp, {
      email: 'editor@conflicts.example.gov.cn', name: 'Conflict Editor', role: 'content_editor', districtId: null, departmentId: null, password: PASSWORD,
    });
    editor = { userId, email: 'editor@conflicts.example.gov.cn' };
    const actor: Actor = { userId, role: 'content_editor' };
    const ctx = { db, content, now: () => NOW };
    // A staff edit of the contact, published (contacts need no second person) …
    staffName = `${contact.en.name} (staff edit)`;
    const edit = await saveDraft(ctx, actor, { kind: 'contacts', itemId: contact.id, data: { ...structuredClone(contact), en: { ...contact.en, name: staffName } } });
    expect(edit.problems).toEqual([]);
    await publish(ctx, actor, edit.revisionId);
    // … and a glossary term that only staff made.
    const glossary = content.store.all('glossary')[0] as unknown as Record<string, unknown>;
    const term = { ...structuredClone(glossary), id: newTerm, aliases: [], en: { term: 'Staff-made term', definition: 'A term an editor added.' }, zh: { term: '编辑添加的术语', definition: '编辑添加的术语。' } };
    const made = await saveDraft(ctx, actor, { kind: 'glossary', itemId: newTerm, data: term, isNew: true });
    expect(made.problems).toEqual([]);
    await publish(ctx, actor, made.revisionId);
  });
}, 180_000);
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

describe('content:load after staff edits', () => {
  it('reports nothing for unchanged files, and keeps the staff edit and the staff-made item', async () => {
    const result = await contentLoad({ DATA_DIR: dataDir, CONTENT_DIR: files });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).not.toContain('conflicts:');
    expect(result.stdout).toContain('kept: 1 item');
    expect(result.stdout).toContain(`glossary/${newTerm}`);
    await withDb(async (db) => {
      expect(((await liveData(db, 'contacts', contact.id))?.data as Contact).en.name).toBe(staffName);
      expect(await liveData(db, 'glossary', newTerm)).toBeDefined();
      expect(await db.selectFrom('content_revisions').select('id').where('state', '=', 'conflict').execute()).toEqual([]);
    });
  }, 180_000);

  it('never overwrites the staff edit when the file changed the same item: the CLI reports the conflict and exits 0', async () => {
    const all = JSON.parse(await readFile(contactFile, 'utf8')) as Contact[];
    const filesNotes = 'Notes changed in the content files after the staff edit.';
    all[0] = { ...all[0], en: { ...all[0].en, notes: filesNotes } };
    await writeFile(contactFile, `${JSON.stringify(all, null, 2)}\n`);

    const result = await contentLoad({ DATA_DIR: dataDir, CONTENT_DIR: files });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('conflicts: the files changed 1 item');
    const line = result.stdout.split('\n').find((l) => l.includes(`contacts/${contact.id}`));
    expect(line).toBeDefined();
    const revisionId = /\/en\/staff\/content\/revisions\/(\d+)/.exec(line!)![1];
    expect(line).toContain(urls.staffContentRevision('en', revisionId));

    await withDb(async (db) => {
      const live = (await liveData(db, 'contacts', contact.id))?.data as Contact;
      expect(live.en.name).toBe(staffName);
      expect(live.en.notes).not.toBe(filesNotes);
      const conflict = await findRevision(db, revisionId);
      expect(conflict).toMatchObject({ state: 'conflict', origin: 'seed', kind: 'contacts', itemId: contact.id });
      expect((conflict!.data as Contact).en.notes).toBe(filesNotes);
    });

    // Loading the same files again reports the open conflict once more, and makes no second one.
    const again = await contentLoad({ DATA_DIR: dataDir, CONTENT_DIR: files });
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).toContain(`contacts/${contact.id}  ${urls.staffContentRevision('en', revisionId)}`);
    await withDb(async (db) => {
      expect((await db.selectFrom('content_revisions').select('id').where('state', '=', 'conflict').execute()).map((r) => String(r.id))).toEqual([revisionId]);
    });
  }, 240_000);

  it('lists the conflict in the review queue, and adopting it starts a draft with the files’ version', async () => {
    const db = await openDatabase({ dataDir });
    const content = new ContentService(db);
    await content.refresh();
    const app = await buildApp(testConfig(), { db, content, clock: () => NOW });
    try {
      await app.ready();
      const cookie = await signInAs(app, editor.email, PASSWORD);
      const csrf = await csrfOf(app, cookie);
      const conflictId = String((await db.selectFrom('content_revisions').select('id').where('state', '=', 'conflict').executeTakeFirstOrThrow()).id);
      const queue = await app.inject({ url: urls.staffContentReview('en'), headers: { cookie } });
      expect(queue.statusCode).toBe(200);
      const conflicts = queue.body.slice(queue.body.indexOf('id="review-conflicts"'), queue.body.indexOf('id="review-problems"'));
      expect(conflicts).toContain(urls.staffContentRevision('en', conflictId));

      const page = await app.inject({ url: urls.staffContentRevision('en', conflictId), headers: { cookie } });
      // The diff against the live (staff) version: the files' notes added, the staff's name change gone.
      expect(page.body).toMatch(/<ins><span class="visually-hidden"[^>]*> added: <\/span>Notes changed in the content files after the staff edit\./);
      expect(page.body).toMatch(/<del><span class="visually-hidden"[^>]*> removed: <\/span> \(staff edit\)/);
      expect(page.body).toContain(urls.staffContentRevisionAction('en', conflictId, 'adopt'));
      expect(page.body).toContain(urls.staffContentRevisionAction('en', conflictId, 'dismiss'));
      const adopted = await postForm(app, urls.staffContentRevisionAction('en', conflictId, 'adopt'), cookie, { _csrf: csrf });
      expect(adopted.statusCode).toBe(303);
      const draftId = /revisions\/(\d+)\?notice=adopted/.exec(adopted.headers.location as string)![1];
      const draft = await findRevision(db, draftId);
      expect(draft).toMatchObject({ state: 'draft', kind: 'contacts', itemId: contact.id, createdBy: editor.userId });
      const conflict = await findRevision(db, conflictId);
      expect(conflict?.state).toBe('discarded');
      expect(draft!.data).toEqual(conflict!.data);
      // The staff edit is still what the site shows until the draft is published.
      expect(((await liveData(db, 'contacts', contact.id))?.data as Contact).en.name).toBe(staffName);
      const after = await app.inject({ url: urls.staffContentReview('en'), headers: { cookie } });
      expect(after.body.slice(after.body.indexOf('id="review-conflicts"'), after.body.indexOf('id="review-problems"'))).toContain('No conflicts.');
    } finally {
      await app.close();
      await db.destroy();
    }
  }, 120_000);
});
