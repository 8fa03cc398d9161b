/** Builds the real application on a fresh, migrated database loaded with the real content. */
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/app.js';
import { loadConfig, type Config } from '../../src/config.js';
import { ContentService, loadContentSet, readContent, type ContentSet } from '../../src/modules/content/index.js';
import { openTestDatabase, type DatabaseTarget, type TestDatabase } from './databases.js';

let contentPromise: Promise<ContentSet> | null = null;

/** The repository's content, read and validated once per test file. */
export function realContent(): Promise<ContentSet> {
  contentPromise ??= readContent('content');
  return contentPromise;
}

export interface TestApp {
  app: FastifyInstance;
  database: TestDatabase;
  content: ContentService;
  config: Config;
  close(): Promise<void>;
}

/**
 * The configuration tests run with. Tests crawl hundreds of pages with queries from one address, back to back, on a
 * loaded machine: the per-client page budget and the render share are lifted unless a test sets them itself
 * (test/faults/http-page-protection.test.ts and http-render-share.test.ts do).
 */
export function testConfig(env: Record<string, string> = {}): Config {
  return loadConfig({ LOG_LEVEL: 'silent', PUBLIC_BASE_URL: 'http://test.invalid', PAGE_RATE_LIMIT: '1000000', PAGE_RENDER_SHARE: '1', ...env });
}

export async function startTestApp(target: DatabaseTarget = 'pglite', env: Record<string, string> = {}): Promise<TestApp> {
  const database = await openTestDatabase(target);
  await loadContentSet(database.db, await realContent());
  const content = new ContentService(database.db);
  await content.refresh();
  const config = testConfig(env);
  const app = await buildApp(config, { db: database.db, content });
  await app.ready();
  return {
    app,
    database,
    content,
    config,
    close: async () => {
      await app.close();
      await database.close();
    },
  };
}

/** The app listening on a free loopback port, for tests that speak real HTTP (rate limit raised for bursts). */
export async function startHttpTestApp(): Promise<TestApp & { base: string }> {
  const testApp = await startTestApp('pglite', { API_RATE_LIMIT: '1000' });
  const base = await testApp.app.listen({ port: 0, host: '127.0.0.1' });
  return { ...testApp, base };
}
