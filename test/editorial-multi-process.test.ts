/**
 * Publishing reaches every process within 5 seconds: two web apps, each with its own connection pool and its own
 * content read model, on one throw-away PostgreSQL database (as test/multi-process.test.ts starts them). A policy
 * change is published through process A's revision forms (editor A submits, editor B publishes); process B — polling
 * at the configured CONTENT_POLL_MS, as main.ts does — shows it on the public policy page and in its search results
 * within 5 s (polled every 100 ms, measured). Needs PostgreSQL (TEST_DATABASE_URL); PGlite is one process's database.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/app.js';
import { ContentService, findRevision } from '../src/modules/content/index.js';
import { saveDraft } from '../src/modules/editorial/revision-workflow.js';
import { openDatabase, type Db } from '../src/platform/db/database.js';
import { urls } from '../src/platform/http/urls.js';
import { csrfOf, postForm } from './helpers/case-http.js';
import { createStaffWithPassword, signInAs, startStaffApp, type StaffTestApp } from './helpers/staff.js';
import { testConfig } from './helpers/test-app.js';

const PASSWORD = 'correct horse battery staple 42';

if (!process.env.TEST_DATABASE_URL) console.warn('editorial-multi-process.test.ts skipped: set TEST_DATABASE_URL (two processes need PostgreSQL).');

describe.skipIf(!process.env.TEST_DATABASE_URL)('a publication through one process reaches another within 5 seconds (postgres)', () => {
  let first: StaffTestApp;
  let secondDb: Db;
  let secondContent: ContentService;
  let second: FastifyInstance;

  beforeAll(async () => {
    first = await startStaffApp({ target: 'postgres' });
    secondDb = await openDatabase({ databaseUrl: first.database.url!, dataDir: 'unused' });
    secondContent = new ContentService(secondDb);
    await secondContent.refresh();
    const config = testConfig();
    second = await buildApp(config, { db: secondDb, content: secondContent });
    secondContent.startPolling(config.CONTENT_POLL_MS, () => undefined);
    await second.ready();
  }, 120_000);
  afterAll(async () => {
    secondContent?.stopPolling();
    await second?.close();
    await secondDb?.destroy();
    await first?.close();
  });

  it('shows the published change on process B’s policy page and in its search within 5 s', async () => {
    const people = [];
    for (const key of ['a', 'b']) {
      const email = `${key}@multi.example.gov.cn`;
      const userId = await createStaffWithPassword(first, { email, name: `Editor ${key}`, role: 'content_editor', districtId: null, departmentId: null, password: PASSWORD });
      const cookie = await signInAs(first.app, email, PASSWORD);
      people.push({ userId, cookie, csrf: await csrfOf(first.app, cookie) });
    }
    const [a, b] = people;
    const policyId = 'talent-introduction-management-measures-2018';
    const word = 'Quokkafellowship';
    const data = structuredClone(first.content.store.get('policies', policyId)) as unknown as { en: { title: string; summary: string } } & Record<string, unknown>;
    data.en.summary = `${data.en.summary} Editors added the ${word} programme.`;

    const policyPage = async () => (await second.inject({ url: urls.policy('en', policyId) })).body;
    const search = async () => (await second.inject({ url: `/api/v1/search?q=${word}&limit=5` })).json() as { total: number; results: unknown[] };
    expect(await policyPage()).not.toContain(word);
    expect((await search()).total).toBe(0);

    const { revisionId } = await saveDraft({ db: first.database.db, content: first.content, now: () => first.clock.now }, { userId: a.userId, role: 'content_editor' }, { kind: 'policies', itemId: policyId, data });
    const submit = await postForm(first.app, urls.staffContentRevisionAction('en', revisionId, 'submit'), a.cookie, { _csrf: a.csrf });
    expect(submit.statusCode).toBe(303);
    const published = await postForm(first.app, urls.staffContentRevisionAction('en', revisionId, 'publish'), b.cookie, { _csrf: b.csrf });
    expect(published.statusCode).toBe(303);
    const publishedAt = Date.now();
    expect((await findRevision(first.database.db, revisionId))?.state).toBe('published');

    let pageAt: number | null = null;
    let searchAt: number | null = null;
    while (Date.now() - publishedAt < 5000 && (pageAt === null || searchAt === null)) {
      if (pageAt === null && (await policyPage()).includes(word)) pageAt = Date.now();
      if (searchAt === null && JSON.stringify(await search()).includes(policyId)) searchAt = Date.now();
      if (pageAt === null || searchAt === null) await new Promise((r) => setTimeout(r, 100));
    }
    expect(pageAt, 'process B’s policy page shows the change').not.toBeNull();
    expect(searchAt, 'process B’s search finds the change').not.toBeNull();
    expect(pageAt! - publishedAt).toBeLessThanOrEqual(5000);
    expect(searchAt! - publishedAt).toBeLessThanOrEqual(5000);
  }, 60_000);
});
