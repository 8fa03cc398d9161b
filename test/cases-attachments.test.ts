/**
 * Attachments through the real app (PGlite, and PostgreSQL with TEST_DATABASE_URL), on a real folder: PDF and images
 * taken when their declared type and their first bytes agree, refused otherwise (wrong bytes, wrong type, too big,
 * too many, empty) with nothing left on disk or in the table; downloads with the token only, as attachments that no
 * browser renders in the site's origin.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseDb } from '../src/modules/cases/case.tables.js';
import { urls } from '../src/platform/http/urls.js';
import { databaseTargets } from './helpers/databases.js';
import { startStaffApp, type StaffTestApp } from './helpers/staff.js';

const PDF = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(2048, 0x20), Buffer.from('\n%%EOF\n')]);
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(512, 1)]);
const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(512, 2)]);
const MB10 = 10 * 1024 * 1024;

interface Part {
  field?: string;
  filename?: string;
  type?: string;
  data: Buffer | string;
}

/** A multipart/form-data body as a browser writes it. */
function multipart(parts: Part[]) {
  const boundary = `----ib${Math.random().toString(16).slice(2)}`;
  const chunks: Buffer[] = [];
  for (const part of parts) {
    const disposition = `form-data; name="${part.field ?? 'file'}"${part.filename !== undefined ? `; filename="${part.filename}"` : ''}`;
    chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: ${disposition}\r\n${part.type ? `Content-Type: ${part.type}\r\n` : ''}\r\n`), Buffer.from(part.data), Buffer.from('\r\n'));
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(chunks), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

const sha256 = (data: Buffer) => createHash('sha256').update(data).digest('hex');

async function filesUnder(root: string): Promise<string[]> {
  const entries = await fs.readdir(root, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries.filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name));
}

describe.each(databaseTargets())('case attachments API (%s)', (target) => {
  let t: StaffTestApp;
  let root: string;
  let counter = 0;

  beforeAll(async () => {
    root = await fs.mkdtemp(path.join(os.tmpdir(), 'ib-case-attachments-'));
    t = await startStaffApp({ target, env: { API_RATE_LIMIT: '100000', ATTACHMENTS_DIR: root } });
  }, 120_000);
  afterAll(async () => {
    await t?.close();
    await fs.rm(root, { recursive: true, force: true });
  });

  async function fileCase(): Promise<{ reference: string; token: string }> {
    counter += 1;
    const response = await t.app.inject({
      method: 'POST', url: urls.apiCases(), remoteAddress: `10.2.0.${counter}`,
      payload: { kind: 'complaint', topic: 'operation', subject: 'Permit delayed', description: 'Our construction permit has been pending for four months.', contact_email: `legal${counter}@example.com`, consent: true },
    });
    expect(response.statusCode, response.body).toBe(201);
    return response.json();
  }
  const upload = (filed: { reference: string; token: string }, parts: Part[], token = filed.token) => {
    const body = multipart(parts);
    return t.app.inject({ method: 'POST', url: urls.apiCase(filed.reference, 'attachments'), headers: { ...body.headers, 'x-case-token': token }, payload: body.payload });
  };
  const rows = async (reference: string) =>
    caseDb(t.database.db).selectFrom('case_attachments').innerJoin('cases', 'cases.id', 'case_attachments.case_id').select(['case_attachments.storage_key', 'case_attachments.filename', 'case_attachments.sha256', 'case_attachments.size_bytes']).where('cases.reference', '=', reference).execute();

  it('takes a PDF and an image in one request: rows with size and SHA-256, files under random keys outside the web root', async () => {
    const filed = await fileCase();
    const response = await upload(filed, [
      { filename: 'C:\\scans\\营业执照.pdf', type: 'application/pdf', data: PDF },
      { filename: 'site photo.png', type: 'image/png', data: PNG },
    ]);
    expect(response.statusCode, response.body).toBe(201);
    expect(response.headers['cache-control']).toBe('no-store');
    const { attachments } = response.json();
    expect(attachments).toEqual([
      { id: expect.any(String), filename: '营业执照.pdf', content_type: 'application/pdf', size_bytes: PDF.length, sha256: sha256(PDF), uploaded_at: t.clock.now.toISOString(), url: expect.stringMatching(/^\/api\/v1\/cases\/IB-\d{4}-\d{6}\/attachments\//) },
      expect.objectContaining({ filename: 'site photo.png', content_type: 'image/png', sha256: sha256(PNG) }),
    ]);
    const stored = await rows(filed.reference);
    expect(stored).toHaveLength(2);
    for (const row of stored) {
      expect(row.storage_key).toMatch(/^[A-Za-z0-9_-]{32}$/);
      const onDisk = path.join(root, row.storage_key[0], row.storage_key);
      expect(sha256(await fs.readFile(onDisk))).toBe(row.sha256);
    }
    expect((await filesUnder(root)).some((f) => f.includes('营业执照') || f.includes('photo'))).toBe(false);
    const view = await t.app.inject({ url: urls.apiCase(filed.reference), headers: { 'x-case-token': filed.token } });
    expect(view.json().attachments.map((a: { filename: string }) => a.filename)).toEqual(['site photo.png', '营业执照.pdf']);
  });

  it('gives the file back with the token only, as a download with its name, type and nosniff', async () => {
    const filed = await fileCase();
    const other = await fileCase();
    const { attachments } = (await upload(filed, [{ filename: '报告.html', type: 'application/pdf', data: PDF }])).json();
    const url = attachments[0].url as string;
    const download = await t.app.inject({ url, headers: { 'x-case-token': filed.token } });
    expect(download.statusCode).toBe(200);
    expect(download.rawPayload.equals(PDF)).toBe(true);
    expect(download.headers['content-type']).toBe('application/pdf');
    expect(download.headers['content-disposition']).toBe(`attachment; filename="__.html.pdf"; filename*=UTF-8''${encodeURIComponent('报告.html.pdf')}`);
    expect(download.headers['x-content-type-options']).toBe('nosniff');
    expect(download.headers['cache-control']).toBe('no-store');
    expect((await t.app.inject({ url: `${url}?token=${filed.token}` })).statusCode).toBe(200);

    const unknownCase = await t.app.inject({ url: urls.apiCase(filed.reference.replace(/\d{6}$/, '999999')), headers: { 'x-case-token': filed.token } });
    for (const headers of [{}, { 'x-case-token': other.token }, { 'x-case-token': 'z'.repeat(filed.token.length) }]) {
      const refused = await t.app.inject({ url, headers });
      expect(refused.statusCode).toBe(404);
      expect(refused.body).toBe(unknownCase.body);
    }
    // Another case's token with that case's reference does not reach this case's file either.
    const crossed = await t.app.inject({ url: urls.apiCaseAttachment(other.reference, attachments[0].id), headers: { 'x-case-token': other.token } });
    expect(crossed.statusCode).toBe(404);
    expect((await t.app.inject({ url: urls.apiCaseAttachment(filed.reference, 'not-a-uuid'), headers: { 'x-case-token': filed.token } })).statusCode).toBe(404);
  });

  it.each([
    ['a PNG declared as a PDF', [{ filename: 'scan.pdf', type: 'application/pdf', data: PNG }], 'content_mismatch'],
    ['a web page declared as a JPEG', [{ filename: 'photo.jpg', type: 'image/jpeg', data: '<html><script>alert(1)</script></html>' }], 'content_mismatch'],
    ['a type not taken', [{ filename: 'page.html', type: 'text/html', data: '<html></html>' }], 'type_not_allowed'],
    ['a GIF', [{ filename: 'anim.gif', type: 'image/gif', data: 'GIF89a......' }], 'type_not_allowed'],
    ['a file over 10 MB', [{ filename: 'big.pdf', type: 'application/pdf', data: Buffer.concat([PDF, Buffer.alloc(MB10 - PDF.length + 1)]) }], 'too_large'],
    ['an empty file', [{ filename: 'empty.pdf', type: 'application/pdf', data: '' }], 'empty'],
    ['six files at once', Array.from({ length: 6 }, (_, i) => ({ filename: `page${i}.jpg`, type: 'image/jpeg', data: JPEG })), 'too_many'],
    ['a good file next to a bad one', [{ filename: 'good.pdf', type: 'application/pdf', data: PDF }, { filename: 'bad.png', type: 'image/png', data: PDF }], 'content_mismatch'],
  ])('refuses %s with a 400 naming it, and keeps nothing', async (_name, parts, code) => {
    const filed = await fileCase();
    const before = await filesUnder(root);
    const response = await upload(filed, parts as Part[]);
    expect(response.statusCode, response.body).toBe(400);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.json().errors).toContainEqual({ field: 'file', code, detail: expect.any(String) });
    expect(await rows(filed.reference)).toEqual([]);
    expect((await filesUnder(root)).sort()).toEqual(before.sort());
  });

  it('takes a file of exactly 10 MB', async () => {
    const filed = await fileCase();
    const data = Buffer.concat([PDF, Buffer.alloc(MB10 - PDF.length)]);
    const response = await upload(filed, [{ filename: 'max.pdf', type: 'application/pdf', data }]);
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json().attachments[0]).toMatchObject({ size_bytes: MB10, sha256: sha256(data) });
  });

  it('holds at most 5 files per case, over several requests', async () => {
    const filed = await fileCase();
    expect((await upload(filed, Array.from({ length: 3 }, (_, i) => ({ filename: `a${i}.jpg`, type: 'image/jpeg', data: JPEG })))).statusCode).toBe(201);
    expect((await upload(filed, [{ filename: 'b.jpg', type: 'image/jpeg', data: JPEG }, { filename: 'c.jpg', type: 'image/jpeg', data: JPEG }])).statusCode).toBe(201);
    const sixth = await upload(filed, [{ filename: 'd.jpg', type: 'image/jpeg', data: JPEG }]);
    expect(sixth.statusCode).toBe(400);
    expect(sixth.json().errors).toEqual([expect.objectContaining({ field: 'file', code: 'too_many' })]);
    expect(await rows(filed.reference)).toHaveLength(5);
  });

  it('asks for a file, for multipart, and for an open case', async () => {
    const filed = await fileCase();
    const none = await upload(filed, [{ field: 'note', data: 'see attached' }]);
    expect(none.statusCode).toBe(400);
    expect(none.json().errors.map((e: { code: string }) => e.code).sort()).toEqual(['file_required', 'unknown_field']);
    const json = await t.app.inject({ method: 'POST', url: urls.apiCase(filed.reference, 'attachments'), headers: { 'x-case-token': filed.token }, payload: { file: 'x' } });
    expect(json.statusCode).toBe(415);
    const noToken = await upload(filed, [{ filename: 'a.pdf', type: 'application/pdf', data: PDF }], 'w'.repeat(filed.token.length));
    expect(noToken.statusCode).toBe(404);
    expect(await rows(filed.reference)).toEqual([]);
  });
});
