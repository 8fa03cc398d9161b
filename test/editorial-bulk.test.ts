/**
 * Bulk export and import of content kinds over real HTTP with signed-in staff (PGlite, and PostgreSQL with
 * TEST_DATABASE_URL): JSON and CSV exports of the published items; an exported CSV imports back unchanged; a CSV with
 * a changed phone and a bad row lists every problem by row / field / reason in English and Chinese and cannot be
 * committed; fixed, it commits exactly one revision in review and one audit row; a JSON file brings two new parks, one
 * the other's parent; a row whose item has an open revision is refused; a viewer may export but not import.
 */
import { randomBytes } from 'node:crypto';
import { parse } from 'csv-parse/sync';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_KINDS, type ContentKind } from '../src/modules/content/index.js';
import { commitBulkImport, planBulkImport, bulkTextOf } from '../src/modules/editorial/bulk/bulk-import.js';
import { fieldLabel } from '../src/modules/editorial/field-labels.js';
import { csvDocument } from '../src/platform/http/csv.js';
import { urls } from '../src/platform/http/urls.js';
import { csrfOf } from './helpers/case-http.js';
import { databaseTargets } from './helpers/databases.js';
import { createStaffWithPassword, hiddenCsrf, signInAs, startStaffApp, type StaffTestApp } from './helpers/staff.js';
import { realContent } from './helpers/test-app.js';

const PASSWORD = 'correct horse battery staple 42';

function multipart(fields: Record<string, string>, file?: { filename: string; bytes: Buffer; type?: string }) {
  const boundary = `----bulk${randomBytes(8).toString('hex')}`;
  const parts: Buffer[] = [];
  for (const [name, value] of Object.entries(fields)) parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`));
  if (file) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.filename}"\r\nContent-Type: ${file.type ?? 'text/csv'}\r\n\r\n`), file.bytes, Buffer.from('\r\n'));
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

const unescape = (html: string) => html.replace(/&quot;/g, '"').replace(/&#39;|&#x27;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
const hidden = (html: string, name: string) => {
  const match = new RegExp(`name="${name}" value="([^"]*)"`).exec(html);
  return match ? unescape(match[1]) : null;
};
const stripTags = (html: string) => unescape(html.replace(/<[^>]+>/g, '').trim());

/** The problem table's rows: [row, item, field, reason]. */
function problemsIn(html: string): string[][] {
  const table = /<table class="data-table bulk-problems">([\s\S]*?)<\/table>/.exec(html)?.[1] ?? '';
  const body = /<tbody>([\s\S]*?)<\/tbody>/.exec(table)?.[1] ?? '';
  return [...body.matchAll(/<tr[^>]*>([\s\S]*?)<\/tr>/g)].map((row) => [...row[1].matchAll(/<t[hd][^>]*>([\s\S]*?)<\/t[hd]>/g)].map((cell) => stripTags(cell[1])));
}
/** Each planned row's outcome and result text, by item id. */
function outcomesIn(html: string): Record<string, { outcome: string; text: string }> {
  return Object.fromEntries(
    [...html.matchAll(/<tr data-outcome="([a-z]+)" data-id="([^"]+)">([\s\S]*?)<\/tr>/g)].map((m) => [m[2], { outcome: m[1], text: stripTags(/<td>(?![\s\S]*<td>)([\s\S]*?)<\/td>/.exec(m[3])?.[1] ?? '') }]),
  );
}

function csvRows(text: string): string[][] {
  expect(text.startsWith('\ufeff')).toBe(true);
  return parse(text.slice(1), { relax_column_count: true }) as string[][];
}

describe.each(databaseTargets())('bulk export and import of content (%s)', (target) => {
  let t: StaffTestApp;
  let app: FastifyInstance;
  const cookie: Record<'editor' | 'viewer', string> = { editor: '', viewer: '' };
  let editorId: string;

  const revisionCount = async () => Number((await t.database.db.selectFrom('content_revisions').select((eb) => eb.fn.countAll().as('n')).where('origin', '=', 'import').executeTakeFirstOrThrow()).n);
  const auditRows = () => t.db.selectFrom('audit_log').selectAll().where('action', '=', 'content.imported').orderBy('id').execute();

  async function importCsrf(kind: ContentKind, lang: 'en' | 'zh' = 'en') {
    const page = await app.inject({ url: urls.staffContentImport(lang, kind), headers: { cookie: cookie.editor } });
    expect(page.statusCode).toBe(200);
    return hiddenCsrf(page.body);
  }
  async function upload(kind: ContentKind, file: { filename: string; bytes: Buffer }, options: { lang?: 'en' | 'zh'; note?: string } = {}) {
    const lang = options.lang ?? 'en';
    const body = multipart({ _csrf: await importCsrf(kind, lang), note: options.note ?? 'Checked against the 2026 directory' }, file);
    return app.inject({ method: 'POST', url: urls.staffContentImport(lang, kind), headers: { cookie: cookie.editor, ...body.headers }, payload: body.payload });
  }
  /** Posts the preview's commit form back as a browser would (line ends in fields sent as CRLF). */
  async function commit(kind: ContentKind, previewHtml: string, lang: 'en' | 'zh' = 'en', override: Record<string, string> = {}) {
    const fields = Object.fromEntries(['_csrf', 'filename', 'format', 'sha256', 'digest', 'note', 'text'].map((name) => [name, hidden(previewHtml, name) ?? '']));
    Object.assign(fields, override);
    if (!fields._csrf) fields._csrf = await importCsrf(kind, lang);
    fields.text = fields.text.replace(/\n/g, '\r\n');
    const body = multipart(fields);
    return app.inject({ method: 'POST', url: urls.staffContentImportCommit(lang, kind), headers: { cookie: cookie.editor, ...body.headers }, payload: body.payload });
  }
  const exportOf = (kind: ContentKind, format: 'json' | 'csv', who: 'editor' | 'viewer' = 'editor') => app.inject({ url: urls.staffContentExport('en', kind, format), headers: { cookie: cookie[who] } });

  beforeAll(async () => {
    t = await startStaffApp({ target });
    app = t.app;
    editorId = await createStaffWithPassword(t, { email: 'editor@bulk.example.gov.cn', name: 'Bulk Editor', role: 'content_editor', password: PASSWORD });
    await createStaffWithPassword(t, { email: 'viewer@bulk.example.gov.cn', name: 'Bulk Viewer', role: 'viewer', password: PASSWORD });
    cookie.editor = await signInAs(app, 'editor@bulk.example.gov.cn', PASSWORD);
    cookie.viewer = await signInAs(app, 'viewer@bulk.example.gov.cn', PASSWORD);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('exports the published contacts and policies as JSON in the files’ form and key order, as an attachment', async () => {
    const content = await realContent();
    for (const kind of ['contacts', 'policies'] as const) {
      const response = await exportOf(kind, 'json');
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-type']).toMatch(/^application\/json/);
      expect(response.headers['content-disposition']).toMatch(new RegExp(`^attachment; filename="${kind}-\\d{4}-\\d{2}-\\d{2}\\.json"$`));
      const items = JSON.parse(response.body) as { id: string }[];
      expect(items).toHaveLength(content[kind].length);
      // Byte for byte as the files write each item (schema key order), whatever order jsonb keeps.
      const files = new Map((content[kind] as { id: string }[]).map((item) => [item.id, JSON.stringify(item)]));
      for (const item of items) expect(JSON.stringify(item)).toBe(files.get(item.id));
      expect(response.body.endsWith(']\n')).toBe(true);
    }
  });

  it('exports CSV: BOM, one row per item, columns named by field path, formula-guarded phones, as an attachment', async () => {
    const content = await realContent();
    const response = await exportOf('contacts', 'csv');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/^text\/csv; charset=utf-8/);
    expect(response.headers['content-disposition']).toMatch(/^attachment; filename="contacts-.*\.csv"$/);
    const [header, ...rows] = csvRows(response.body);
    expect(header[0]).toBe('id');
    expect(header).toEqual(expect.arrayContaining(['en.name', 'zh.name', 'sources.0.document', 'sources.0.section', 'phones.0.number', 'last_verified']));
    expect(rows).toHaveLength(content.contacts.length);
    const withPhone = content.contacts.find((c) => c.phones[0]?.number.startsWith('+'))!;
    const row = rows.find((r) => r[0] === withPhone.id)!;
    expect(row[header.indexOf('phones.0.number')]).toBe(`'${withPhone.phones[0].number}`);
    const policies = csvRows((await exportOf('policies', 'csv')).body);
    expect(policies[0]).toEqual(expect.arrayContaining(['en.title', 'zh.summary', 'audiences.0']));
    expect(policies.length - 1).toBe(content.policies.length);
  });

  it('imports the exported CSV unchanged: the preview says every row is unchanged and a commit creates nothing', async () => {
    const csv = (await exportOf('contacts', 'csv')).rawPayload;
    const before = { revisions: await revisionCount(), audit: (await auditRows()).length };
    const preview = await upload('contacts', { filename: 'contacts.csv', bytes: csv });
    expect(preview.statusCode).toBe(200);
    const outcomes = Object.values(outcomesIn(preview.body));
    expect(outcomes).toHaveLength((await realContent()).contacts.length);
    expect(outcomes.every((o) => o.outcome === 'unchanged')).toBe(true);
    expect(preview.body).not.toContain('class="bulk-commit"');
    expect(problemsIn(preview.body)).toEqual([]);
    // The commit service, given the preview's own plan, writes nothing either.
    const text = bulkTextOf(csv.toString('utf8'), 'contacts.csv');
    const plan = await planBulkImport(t.database.db, 'contacts', text);
    const result = await commitBulkImport(t.database.db, { userId: editorId }, 'contacts', text, { digest: plan.digest, note: 'no change', now: t.clock.now });
    expect(result).toEqual({ created: 0, changed: 0, unchanged: outcomes.length, revisions: [] });
    expect({ revisions: await revisionCount(), audit: (await auditRows()).length }).toEqual(before);
    // JSON too.
    const json = await upload('policies', { filename: 'policies.json', bytes: (await exportOf('policies', 'json')).rawPayload });
    expect(Object.values(outcomesIn(json.body)).every((o) => o.outcome === 'unchanged')).toBe(true);
  });

  describe('a CSV with one changed phone and one bad row', () => {
    let header: string[];
    let rows: string[][];
    let changedId: string;
    let badId: string;
    let badRow: number;
    const newNumber = '+86 10 6500 0000';

    function csvWith(fixBad: boolean): Buffer {
      const edited = rows.map((r) => [...r]);
      const changed = edited.find((r) => r[0] === changedId)!;
      changed[header.indexOf('phones.0.number')] = newNumber;
      if (!fixBad) {
        const bad = edited.find((r) => r[0] === badId)!;
        bad[header.indexOf('district')] = 'atlantis';
        bad[header.indexOf('zh.name')] = '';
      }
      // Written back as a spreadsheet would save it (and undoing nothing of the export's guards).
      return Buffer.from(csvDocument([header, ...edited.map((r) => r.map((cell) => cell.replace(/^'(?=[+=@-])/, '')))]), 'utf8');
    }

    beforeAll(async () => {
      [header, ...rows] = csvRows((await exportOf('contacts', 'csv')).body);
      const content = await realContent();
      changedId = content.contacts.find((c) => c.phones.length > 0 && c.district !== null)!.id;
      const bad = content.contacts.find((c) => c.id !== changedId && c.district !== null)!;
      badId = bad.id;
      badRow = rows.findIndex((r) => r[0] === badId) + 2;
    });

    it('lists every problem with row, field and reason, in English and in Chinese, and offers no commit', async () => {
      const before = { revisions: await revisionCount(), audit: (await auditRows()).length };
      const en = await upload('contacts', { filename: 'contacts.csv', bytes: csvWith(false) });
      expect(en.statusCode).toBe(400);
      expect(en.body).toContain('class="error-summary"');
      expect(en.body).not.toContain('class="bulk-commit"');
      const problems = problemsIn(en.body);
      expect(problems).toHaveLength(2);
      expect(problems).toContainEqual([String(badRow), badId, fieldLabel('en', 'contacts', ['district']), 'is not one of the allowed values']);
      expect(problems).toContainEqual([String(badRow), badId, fieldLabel('en', 'contacts', ['zh', 'name']), 'is missing']);
      // The good rows are planned: the changed phone among them.
      expect(outcomesIn(en.body)[changedId].outcome).toBe('changed');

      const zh = await upload('contacts', { filename: 'contacts.csv', bytes: csvWith(false) }, { lang: 'zh' });
      expect(zh.statusCode).toBe(400);
      const zhProblems = problemsIn(zh.body);
      expect(zhProblems).toContainEqual([String(badRow), badId, fieldLabel('zh', 'contacts', ['district']), '不是允许的取值']);
      expect(zhProblems).toContainEqual([String(badRow), badId, fieldLabel('zh', 'contacts', ['zh', 'name']), '缺少此项']);
      expect(fieldLabel('zh', 'contacts', ['zh', 'name'])).not.toBe(fieldLabel('en', 'contacts', ['zh', 'name']));

      // Posting the bad file to the commit address anyway (its own text and hash) is refused, and nothing is written.
      const text = bulkTextOf(csvWith(false).toString('utf8'), 'contacts.csv');
      const refused = await commit('contacts', en.body, 'en', { text: text.text, sha256: text.sha256, filename: 'contacts.csv', format: 'csv', note: 'forced', digest: 'x' });
      expect(refused.statusCode).toBe(409);
      expect(problemsIn(refused.body)).toHaveLength(2);
      expect({ revisions: await revisionCount(), audit: (await auditRows()).length }).toEqual(before);
    });

    it('fixed, commits exactly one revision in review and one audit row, then goes to the review queue', async () => {
      const before = await revisionCount();
      const preview = await upload('contacts', { filename: 'contacts.csv', bytes: csvWith(true) }, { note: 'New switchboard number' });
      expect(preview.statusCode).toBe(200);
      expect(problemsIn(preview.body)).toEqual([]);
      const outcomes = outcomesIn(preview.body);
      expect(Object.entries(outcomes).filter(([, o]) => o.outcome !== 'unchanged')).toEqual([[changedId, { outcome: 'changed', text: `Changed: ${fieldLabel('en', 'contacts', ['phones', 0, 'number'])}` }]]);
      // A copy changed on the way back is refused (its hash no longer matches).
      const tampered = await commit('contacts', preview.body, 'en', { text: hidden(preview.body, 'text')!.replace(newNumber, '+86 10 9999 9999') });
      expect(tampered.statusCode).toBe(400);
      expect(await revisionCount()).toBe(before);

      const done = await commit('contacts', preview.body);
      expect(done.statusCode).toBe(303);
      expect(done.headers.location).toBe(urls.staffContentReview('en', { notice: 'imported' }));
      const revisions = await t.database.db.selectFrom('content_revisions').selectAll().where('origin', '=', 'import').where('kind', '=', 'contacts').execute();
      expect(revisions).toHaveLength(1);
      expect(revisions[0]).toMatchObject({ item_id: changedId, state: 'in_review', created_by: editorId, submitted_by: editorId, note: 'New switchboard number' });
      expect((revisions[0].data as { phones: { number: string }[] }).phones[0].number).toBe(newNumber);
      const live = await t.database.db.selectFrom('content_items').select('revision_id').where('kind', '=', 'contacts').where('id', '=', changedId).executeTakeFirstOrThrow();
      expect(String(revisions[0].based_on)).toBe(String(live.revision_id));
      const audit = await auditRows();
      expect(audit).toHaveLength(1);
      expect(audit[0]).toMatchObject({ actor_id: editorId, entity: 'content_import' });
      expect(audit[0].after).toMatchObject({ kind: 'contacts', created: 0, changed: 1, changed_ids: [changedId], created_ids: [], revisions: [String(revisions[0].id)] });
      // Nothing is live yet: the reviewer publishes.
      const item = await t.database.db.selectFrom('content_items').select('data').where('kind', '=', 'contacts').where('id', '=', changedId).executeTakeFirstOrThrow();
      expect((item.data as { phones: { number: string }[] }).phones[0].number).not.toBe(newNumber);

      // The same file again: that item now has an open revision, which must be finished or discarded first.
      const again = await upload('contacts', { filename: 'contacts.csv', bytes: csvWith(true) });
      expect(again.statusCode).toBe(400);
      expect(problemsIn(again.body)).toEqual([[String(rows.findIndex((r) => r[0] === changedId) + 2), changedId, '(the item)', 'this item has an open revision: finish or discard the open revision first']]);
    });
  });

  it('imports a JSON file of two new parks, one the other’s parent, as two revisions in review', async () => {
    const park = (await realContent()).parks[0];
    const parent = { ...park, id: 'zz-bulk-park', parent: undefined, sub_parks: [], aliases: [], en: { ...park.en, name: 'Bulk Test Park' }, zh: { ...park.zh, name: '批量测试园区' } };
    const child = { ...parent, id: 'zz-bulk-sub-park', parent: 'zz-bulk-park', en: { ...park.en, name: 'Bulk Test Sub-park' }, zh: { ...park.zh, name: '批量测试分园' } };
    const file = Buffer.from(JSON.stringify([child, parent], null, 2));
    // The child alone refers to a park that does not exist.
    const alone = await upload('parks', { filename: 'parks.json', bytes: Buffer.from(JSON.stringify([child])) });
    expect(alone.statusCode).toBe(400);
    expect(problemsIn(alone.body)).toEqual([['1', 'zz-bulk-sub-park', fieldLabel('en', 'parks', ['parent']), 'refers to “zz-bulk-park”, which does not exist']]);
    const preview = await upload('parks', { filename: 'parks.json', bytes: file });
    expect(preview.statusCode).toBe(200);
    expect(Object.fromEntries(Object.entries(outcomesIn(preview.body)).map(([id, o]) => [id, o.outcome]))).toEqual({ 'zz-bulk-sub-park': 'new', 'zz-bulk-park': 'new' });
    const done = await commit('parks', preview.body);
    expect(done.statusCode).toBe(303);
    const revisions = await t.database.db.selectFrom('content_revisions').select(['item_id', 'state', 'based_on', 'data']).where('origin', '=', 'import').where('kind', '=', 'parks').orderBy('item_id').execute();
    expect(revisions.map((r) => [r.item_id, r.state, r.based_on])).toEqual([['zz-bulk-park', 'in_review', null], ['zz-bulk-sub-park', 'in_review', null]]);
    expect(CONTENT_KINDS.parks.parse(revisions[1].data)).toEqual(CONTENT_KINDS.parks.parse(child));
    const audit = (await auditRows()).at(-1)!;
    expect(audit.after).toMatchObject({ kind: 'parks', format: 'json', created: 2, changed: 0, created_ids: ['zz-bulk-sub-park', 'zz-bulk-park'] });
  });

  it('refuses an unreadable file, a missing note and a file that is not UTF-8, keeping what was typed', async () => {
    const noNote = await upload('contacts', { filename: 'c.csv', bytes: Buffer.from('id\nx\n') }, { note: '' });
    expect(noNote.statusCode).toBe(400);
    expect(noNote.body).toContain('Enter a change note');
    const gbk = await upload('contacts', { filename: 'c.csv', bytes: Buffer.from([0x69, 0x64, 0x0a, 0xc4, 0xe3, 0xba, 0xc3, 0x0a]) }, { note: 'keep me' });
    expect(gbk.statusCode).toBe(400);
    expect(gbk.body).toContain('not UTF-8');
    expect(gbk.body).toContain('keep me');
    const badJson = await upload('contacts', { filename: 'c.json', bytes: Buffer.from('[{"id": ') }, { lang: 'zh' });
    expect(badJson.statusCode).toBe(400);
    expect(badJson.body).toContain('文件不是有效的 JSON');
  });

  it('lets a viewer export but not import', async () => {
    expect((await exportOf('contacts', 'csv', 'viewer')).statusCode).toBe(200);
    expect((await app.inject({ url: urls.staffContentImport('en', 'contacts'), headers: { cookie: cookie.viewer } })).statusCode).toBe(403);
    const body = multipart({ _csrf: await csrfOf(app, cookie.viewer), note: 'x' }, { filename: 'c.csv', bytes: Buffer.from('id\nx\n') });
    const post = await app.inject({ method: 'POST', url: urls.staffContentImport('en', 'contacts'), headers: { cookie: cookie.viewer, ...body.headers }, payload: body.payload });
    expect(post.statusCode).toBe(403);
    expect((await app.inject({ url: urls.staffContentExport('en', 'nonsense', 'csv'), headers: { cookie: cookie.viewer } })).statusCode).toBe(404);
  });
});
