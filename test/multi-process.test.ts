/**
 * Two web processes on one PostgreSQL database: content loaded through one reaches the other's search within
 * 5 s, without a restart. Needs PostgreSQL (TEST_DATABASE_URL); PGlite is single-process by design.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../src/app.js';
import { openDatabase, type Db } from '../src/platform/db/database.js';
import { ContentService, loadContentSet, type ContentSet } from '../src/modules/content/index.js';
import { realContent, startTestApp, testConfig, type TestApp } from './helpers/test-app.js';

describe.skipIf(!process.env.TEST_DATABASE_URL)('two web processes on one PostgreSQL', () => {
  let first: TestApp;
  let secondDb: Db;
  let secondContent: ContentService;
  let second: FastifyInstance;

  beforeAll(async () => {
    first = await startTestApp('postgres');
    secondDb = await openDatabase({ databaseUrl: first.database.url!, dataDir: 'unused' });
    secondContent = new ContentService(secondDb);
    await secondContent.refresh();
    second = await buildApp(testConfig({ CONTENT_POLL_MS: '200' }), { db: secondDb, content: secondContent });
    secondContent.startPolling(200, () => undefined);
    await second.ready();
  });
  afterAll(async () => {
    secondContent?.stopPolling();
    await second?.close();
    await secondDb?.destroy();
    await first?.close();
  });

  it('shows content loaded through one process in the other’s search within 5 seconds', async () => {
    const search = async () => (await second.inject({ url: '/api/v1/search?q=zebrafishery&type=glossary' })).json();
    expect((await search()).total).toBe(0);

    const content = await realContent();
    const term = { ...content.glossary[0], id: 'zebrafishery', aliases: [], en: { term: 'Zebrafishery', definition: 'A term added by the multi-process test.' }, zh: { term: '斑马鱼渔业', definition: '多进程测试添加的术语。' } };
    const changed: ContentSet = { ...content, glossary: [...content.glossary, term] };
    await loadContentSet(first.database.db, changed);
    await first.content.refresh();
    const loadedAt = Date.now();

    let found = 0;
    while (Date.now() - loadedAt < 5000 && found === 0) {
      await new Promise((r) => setTimeout(r, 100));
      found = (await search()).total;
    }
    expect(found).toBe(1);
    expect(Date.now() - loadedAt).toBeLessThan(5000);
  });
});
