/**
 * The attachment checks and the local storage, on real files: names made safe, types told by their first bytes,
 * sizes counted while streaming, and a store that leaves nothing behind when a write fails.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { attachmentType, inspect, safeFilename, startsLike, UploadRefusedError } from './attachment-checks.js';
import { localDirectoryStorage, newStorageKey } from './storage.js';

const PDF = Buffer.from('%PDF-1.7\n1 0 obj\n<<>>\nendobj\n%%EOF\n');
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);

async function* chunks(...parts: Buffer[]) {
  for (const part of parts) yield part;
}

async function readAll(source: AsyncIterable<Uint8Array>): Promise<Buffer> {
  const out: Buffer[] = [];
  for await (const chunk of source) out.push(Buffer.from(chunk));
  return Buffer.concat(out);
}

describe('attachment checks', () => {
  it.each([
    ['../../etc/passwd.pdf', 'application/pdf', 'passwd.pdf'],
    ['C:\\Users\\wang\\营业执照.PDF', 'application/pdf', '营业执照.PDF'],
    ['report.html', 'application/pdf', 'report.html.pdf'],
    ['photo.jpeg', 'image/jpeg', 'photo.jpeg'],
    ['photo', 'image/png', 'photo.png'],
    ['  ..hidden. ', 'image/png', 'hidden.png'],
    ['a\u0000b\r\nc<d>.pdf', 'application/pdf', 'abcd.pdf'],
    ['evil\u202etxt.pdf', 'application/pdf', 'eviltxt.pdf'],
    ['', 'application/pdf', 'attachment.pdf'],
  ] as const)('names %j of type %s "%s"', (given, type, expected) => {
    expect(safeFilename(given, type)).toBe(expected);
  });

  it('cuts a long name by characters and keeps its extension', () => {
    const name = safeFilename(`${'合同'.repeat(100)}.pdf`, 'application/pdf');
    expect(Array.from(name)).toHaveLength(120);
    expect(name.endsWith('.pdf')).toBe(true);
  });

  it('takes the three types by their declared name only, whatever the case or parameters', () => {
    expect(attachmentType('Application/PDF')).toBe('application/pdf');
    expect(attachmentType('image/jpeg; charset=binary')).toBe('image/jpeg');
    expect(attachmentType('image/gif')).toBeNull();
    expect(attachmentType('text/html')).toBeNull();
    expect(attachmentType(undefined)).toBeNull();
  });

  it('tells each type by its first bytes', () => {
    expect(startsLike('application/pdf', PDF)).toBe(true);
    expect(startsLike('image/png', PNG)).toBe(true);
    expect(startsLike('image/jpeg', Buffer.from([0xff, 0xd8, 0xff, 0xe0]))).toBe(true);
    expect(startsLike('application/pdf', PNG)).toBe(false);
    expect(startsLike('image/png', Buffer.from('%PDF-'))).toBe(false);
    expect(startsLike('image/jpeg', Buffer.from([0xff, 0xd8]))).toBe(false);
  });

  it('passes the bytes through and gives their size and SHA-256, even when the signature spans chunks', async () => {
    const inspection = inspect(chunks(PDF.subarray(0, 2), PDF.subarray(2, 4), PDF.subarray(4)), 'application/pdf');
    expect(await readAll(inspection.bytes)).toEqual(PDF);
    expect(inspection.result()).toEqual({ sizeBytes: PDF.length, sha256: createHash('sha256').update(PDF).digest('hex') });
  });

  it.each([
    ['a PNG declared as a PDF', [PNG], 'application/pdf', 'content_mismatch'],
    ['a file shorter than the signature', [Buffer.from('%PD')], 'application/pdf', 'content_mismatch'],
    ['an empty file', [], 'application/pdf', 'empty'],
    ['a file past the limit', [PDF, Buffer.alloc(100)], 'application/pdf', 'too_large'],
  ] as const)('refuses %s', async (_name, parts, type, code) => {
    const inspection = inspect(chunks(...parts), type, PDF.length + 10);
    await expect(readAll(inspection.bytes)).rejects.toEqual(new UploadRefusedError(code));
  });
});

describe('local directory storage', () => {
  let root: string;
  beforeAll(async () => {
    root = await fs.mkdtemp(path.join(os.tmpdir(), 'ib-attachments-'));
  });
  afterAll(() => fs.rm(root, { recursive: true, force: true }));

  it('stores, reads back and deletes a file under its random key, readable by its owner only', async () => {
    const storage = localDirectoryStorage(root);
    const key = newStorageKey();
    expect(key).toMatch(/^[A-Za-z0-9_-]{32}$/);
    await storage.put(key, chunks(PDF));
    const file = path.join(root, key[0], key);
    expect((await fs.stat(file)).mode & 0o777).toBe(0o600);
    expect(await readAll((await storage.get(key))!)).toEqual(PDF);
    await storage.delete(key);
    expect(await storage.get(key)).toBeNull();
    await storage.delete(key);
  });

  it('leaves nothing behind when the bytes fail half way, and never takes a key that could be a path', async () => {
    const storage = localDirectoryStorage(root);
    const key = newStorageKey();
    async function* failing() {
      yield PDF;
      throw new UploadRefusedError('too_large');
    }
    await expect(storage.put(key, failing())).rejects.toBeInstanceOf(UploadRefusedError);
    expect(await storage.get(key)).toBeNull();
    expect(await fs.readdir(path.join(root, 'incoming'))).toEqual([]);
    await expect(storage.put('../../escape-attempt-aaaaaaaaaaaaa', chunks(PDF))).rejects.toThrow(/key/);
    expect(await storage.get('../pglite')).toBeNull();
  });
});
