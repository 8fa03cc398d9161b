import { cp, mkdtemp, readdir, readFile, rm, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseTargets, openTestDatabase, type TestDatabase } from '../../../test/helpers/databases.js';
import { realContent } from '../../../test/helpers/test-app.js';
import { exportContent, exportTargetRefusal, FIXED_FILES, placeOf, publishedSet, ADDED_FILE } from './content.export.js';
import { loadContentDirectory } from './content.loader.js';
import { applyRevisions, insertRevision, liveRevisionId } from './content.revisions.js';
import type { ContentKind } from './content.schemas.js';

async function filesUnder(dir: string): Promise<string[]> {
  return ((await readdir(dir, { recursive: true })) as string[]).filter((f) => f.endsWith('.json')).map((f) => f.split(path.sep).join('/')).sort();
}

describe('content export: placement rules', () => {
  it('names a real fixed file for each kind that shares a folder, and the added-items file only where the folder takes any name', () => {
    for (const [kind, name] of Object.entries(FIXED_FILES) as [ContentKind, string][]) {
      expect(placeOf(kind).file(name), kind).toBe(true);
      expect(placeOf(kind).file(ADDED_FILE), kind).toBe(false);
    }
    expect(placeOf('market-access-items').file(ADDED_FILE)).toBe(true);
    expect(placeOf('contacts').file(ADDED_FILE)).toBe(true);
  });

  it('refuses a directory that is neither empty nor a content directory', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'export-target-'));
    expect(await exportTargetRefusal(path.join(dir, 'new'))).toBeNull();
    expect(await exportTargetRefusal(dir)).toBeNull();
    await writeFile(path.join(dir, 'package.json'), '{}');
    expect(await exportTargetRefusal(dir)).toMatch(/refusing/);
    await mkdir(path.join(dir, 'contacts'));
    expect(await exportTargetRefusal(dir)).toBeNull();
    await rm(dir, { recursive: true });
  });
});

describe.each(databaseTargets())('content export on %s', (target) => {
  let database: TestDatabase;
  let out: string;

  beforeAll(async () => {
    database = await openTestDatabase(target);
    await loadContentDirectory(database.db, 'content');
    out = await mkdtemp(path.join(tmpdir(), 'export-'));
    await cp('content', out, { recursive: true });
  });
  afterAll(async () => {
    await rm(out, { recursive: true, force: true });
    await database.close();
  });

  it('writes content/ back byte for byte after a load into a fresh database', async () => {
    const result = await exportContent(await publishedSet(database.db), out);
    expect(result.written.map((f) => f.file)).toEqual([]);
    expect(result.deleted).toEqual([]);
    const files = await filesUnder('content');
    expect(await filesUnder(out)).toEqual(files);
    for (const file of files) expect(await readFile(path.join(out, file), 'utf8'), file).toBe(await readFile(path.join('content', file), 'utf8'));
    const total = Object.values(await realContent()).reduce((n, items) => n + items.length, 0);
    expect(result.unchanged.reduce((n, f) => n + f.items, 0)).toBe(total);
  });

  it('after a staff edit is published, changes exactly that item in exactly its file', async () => {
    const set = await realContent();
    const contact = set.contacts.find((c) => c.phones.length > 0)!;
    const edited = { ...contact, phones: [{ ...contact.phones[0], number: '+86 10 1234 5678' }, ...contact.phones.slice(1)] };
    await database.db.transaction().execute(async (trx) => {
      const id = await insertRevision(trx, { kind: 'contacts', itemId: contact.id, data: edited, state: 'draft', origin: 'staff', basedOn: await liveRevisionId(trx, 'contacts', contact.id), createdBy: null, now: new Date() });
      await applyRevisions(trx, [id], { actor: null, now: new Date() });
    });
    const result = await exportContent(await publishedSet(database.db), out);
    expect(result.written).toHaveLength(1);
    const written = result.written[0].file;
    const before = JSON.parse(await readFile(path.join('content', written), 'utf8')) as { id: string }[];
    const after = JSON.parse(await readFile(path.join(out, written), 'utf8')) as { id: string }[];
    expect(after.map((i) => i.id)).toEqual(before.map((i) => i.id));
    const changed = after.filter((item, i) => JSON.stringify(item) !== JSON.stringify(before[i]));
    expect(changed).toEqual([edited]);
    // Only the number's line differs.
    const [a, b] = [(await readFile(path.join('content', written), 'utf8')).split('\n'), (await readFile(path.join(out, written), 'utf8')).split('\n')];
    expect(b).toHaveLength(a.length);
    expect(a.filter((line, i) => line !== b[i])).toHaveLength(1);
  });

  it('appends a new item to the added-items file (or the kind’s fixed file), drops a withdrawn one and deletes an emptied file', async () => {
    const set = await realContent();
    const source = set.contacts[0];
    const added = { ...source, id: 'zz-new-office', en: { name: 'New office' }, zh: { name: '新办公室' } };
    const parameter = { ...set['rule-parameters'][0], id: 'zz-new-parameter' };
    // The smallest projects file (nothing refers to projects): withdraw all its items so the file goes.
    const projectFiles = (await filesUnder(out)).filter((f) => f.startsWith('projects/'));
    const sizes = await Promise.all(projectFiles.map(async (f) => ({ f, items: JSON.parse(await readFile(path.join(out, f), 'utf8')) as { id: string }[] })));
    const smallest = sizes.sort((x, y) => x.items.length - y.items.length)[0];
    await database.db.transaction().execute(async (trx) => {
      const now = new Date();
      const ids = [
        await insertRevision(trx, { kind: 'contacts', itemId: added.id, data: added, state: 'draft', origin: 'staff', createdBy: null, now }),
        await insertRevision(trx, { kind: 'rule-parameters', itemId: parameter.id, data: parameter, state: 'draft', origin: 'staff', createdBy: null, now }),
      ];
      for (const item of smallest.items) ids.push(await insertRevision(trx, { kind: 'projects', itemId: item.id, data: null, state: 'draft', origin: 'staff', basedOn: await liveRevisionId(trx, 'projects', item.id), createdBy: null, now }));
      await applyRevisions(trx, ids, { actor: null, now });
    });
    const result = await exportContent(await publishedSet(database.db), out);
    expect(result.deleted).toEqual([{ file: smallest.f, kind: 'projects' }]);
    expect(result.written.map((f) => f.file).sort()).toEqual([`contacts/${ADDED_FILE}`, 'rules/parameters.json']);
    expect(JSON.parse(await readFile(path.join(out, 'contacts', ADDED_FILE), 'utf8'))).toEqual([added]);
    const parameters = JSON.parse(await readFile(path.join(out, 'rules/parameters.json'), 'utf8')) as { id: string }[];
    expect(parameters.at(-1)).toEqual(parameter);
    expect(parameters).toHaveLength(set['rule-parameters'].length + 1);
    await expect(readFile(path.join(out, smallest.f))).rejects.toThrow(/ENOENT/);
    // A second export of the same content changes nothing.
    const again = await exportContent(await publishedSet(database.db), out);
    expect(again.written).toEqual([]);
    expect(again.deleted).toEqual([]);
  });
});
