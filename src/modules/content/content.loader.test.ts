import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseTargets, openTestDatabase, type TestDatabase } from '../../../test/helpers/databases.js';
import { realContent } from '../../../test/helpers/test-app.js';
import { cp, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadContentDirectory, loadContentSet } from './content.loader.js';
import { findLatestVersion, listAllContentItems } from './content.repository.js';
import { ContentService } from './content.service.js';
import type { ContentSet } from './content.files.js';

describe.each(databaseTargets())('content loader on %s', (target) => {
  let database: TestDatabase;
  let content: ContentSet;

  beforeAll(async () => {
    database = await openTestDatabase(target);
    content = await realContent();
  });
  afterAll(() => database.close());

  it('loads every item of every kind under a new version', async () => {
    const result = await loadContentSet(database.db, content);
    expect(result.loaded).toBe(true);
    const rows = await listAllContentItems(database.db);
    const total = Object.values(content).reduce((n, items) => n + items.length, 0);
    expect(rows).toHaveLength(total);
    const latest = await findLatestVersion(database.db);
    expect(latest?.version).toBe(result.version);
    expect(latest?.counts.projects).toBe(content.projects.length);
  });

  it('skips an identical load, so restarts are fast; a forced load compares item by item and finds nothing to publish', async () => {
    const before = await findLatestVersion(database.db);
    const again = await loadContentSet(database.db, content);
    expect(again).toMatchObject({ loaded: false, version: before?.version });
    const forced = await loadContentSet(database.db, content, { force: true });
    expect(forced).toMatchObject({ loaded: false, version: before?.version, conflicts: [], kept: [] });
  });

  it('bumps the version when content changes, and the read model follows', async () => {
    const service = new ContentService(database.db);
    await service.refresh();
    const changed: ContentSet = { ...content, projects: content.projects.slice(1) };
    // Dropping a project is refused unless confirmed (test/faults/content-removals.test.ts).
    await expect(loadContentSet(database.db, changed)).rejects.toThrow(/would remove 1 item/);
    const result = await loadContentSet(database.db, changed, { allowRemovals: true });
    expect(result.loaded).toBe(true);
    expect(await service.refresh()).toBe(true);
    expect(service.store.version).toBe(result.version);
    expect(service.store.count('projects')).toBe(content.projects.length - 1);
  });

  it('leaves the previous content intact when a load fails half-way', async () => {
    const before = await findLatestVersion(database.db);
    const countBefore = (await listAllContentItems(database.db)).length;
    // Two items with the same kind and id: the reference check refuses the whole load inside the transaction.
    const broken: ContentSet = { ...content, projects: [content.projects[0], { ...content.projects[0], number: 999 }] };
    await expect(loadContentSet(database.db, broken, { allowRemovals: true })).rejects.toThrow(/duplicate id/i);
    expect((await findLatestVersion(database.db))?.version).toBe(before?.version);
    expect(await listAllContentItems(database.db)).toHaveLength(countBefore);
  });

  it('recognises unchanged files by their bytes, and validates again when one changes', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'ib-content-'));
    await cp('content', dir, { recursive: true });
    // The latest version was loaded from a set: the first directory load finds it equal and records the files' checksum.
    await loadContentSet(database.db, content, { allowRemovals: true });
    const first = await loadContentDirectory(database.db, dir);
    expect(first.loaded).toBe(false);
    expect((await findLatestVersion(database.db))?.filesChecksum).toMatch(/^[0-9a-f]{64}$/);
    expect((await loadContentDirectory(database.db, dir)).loaded).toBe(false);
    const file = path.join(dir, 'projects', 'haidian.json');
    await writeFile(file, (await readFile(file, 'utf8')).replace('Haixing', 'Haixing (edited)'));
    const edited = await loadContentDirectory(database.db, dir);
    expect(edited).toMatchObject({ loaded: true, version: first.version + 1 });
    await writeFile(file, '[{"id": "broken"');
    await expect(loadContentDirectory(database.db, dir)).rejects.toThrow(/not valid JSON/);
    expect((await findLatestVersion(database.db))?.version).toBe(edited.version);
  });
});
