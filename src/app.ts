/**
 * buildApp(config, deps): the whole web application, without side effects (no listening, no timers),
 * so tests build it on a fresh database and talk to it over real HTTP or inject.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Fastify, { type FastifyInstance } from 'fastify';
import formbody from '@fastify/formbody';
import fastifyStatic from '@fastify/static';
import rateLimit from '@fastify/rate-limit';
import type { Config } from './config.js';
import type { Db } from './platform/db/database.js';
import { installErrorHandlers } from './platform/http/error-handler.js';
import { installSecurityHeaders } from './platform/http/security-headers.js';
import { PageCache } from './platform/http/page-cache.js';
import type { PageDeps } from './platform/http/pages.js';
import { systemClock, type Clock } from './platform/clock.js';
import { ContentService } from './modules/content/index.js';
import { registerPublicPages } from './modules/pages.js';
import { registerApi } from './modules/api.js';
import { registerHealth } from './platform/http/health.js';
import { SearchService } from './modules/search/index.js';
import { registerPolicyFeeds } from './modules/policies/policy-feed.js';
import { registerSitemap } from './modules/sitemap/sitemap.js';
import { registerEstimatorPages } from './modules/estimator/estimator.pages.js';
import { registerMatchingPages } from './modules/matching/matching.pages.js';
import { registerMatchingApi } from './modules/matching/matching.api.js';
import { registerMarketAccessApi } from './modules/market-access/market-access.api.js';
import { registerMarketAccessPages } from './modules/market-access/market-access.pages.js';
import { registerPlanPages } from './modules/plan/plan.pages.js';
import { registerSitesApi } from './modules/sites/sites.api.js';
import { registerSitesPages } from './modules/sites/sites.pages.js';

export interface AppDeps {
  db: Db;
  content: ContentService;
  /** "Now" for pages that depend on the date (default: the system clock); tests pass a fixed one. */
  clock?: Clock;
}

const publicDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'public');

export async function buildApp(config: Config, deps: AppDeps): Promise<FastifyInstance> {
  const app = Fastify({
    logger: config.LOG_LEVEL === 'silent' ? false : { level: config.LOG_LEVEL },
    trustProxy: config.TRUST_PROXY,
    requestIdHeader: 'x-request-id',
    routerOptions: { ignoreTrailingSlash: true },
  });

  installSecurityHeaders(app, { behindTls: config.TRUST_PROXY });
  await app.register(formbody);
  await app.register(fastifyStatic, { root: publicDir, prefix: '/assets/', maxAge: '1d', index: false });
  installErrorHandlers(app, config.PUBLIC_BASE_URL);

  const pages: PageDeps = { store: () => deps.content.store, cache: new PageCache(), baseUrl: config.PUBLIC_BASE_URL, clock: deps.clock ?? systemClock };
  deps.content.onChange(() => pages.cache.clear());

  registerHealth(app, deps);
  app.get('/', async (request, reply) => {
    const preferred = request.headers['accept-language']?.toLowerCase().startsWith('zh') ? 'zh' : 'en';
    return reply.redirect(`/${preferred}`, 302);
  });
  const search = new SearchService(deps.content);
  registerPublicPages(app, pages, search);
  registerPolicyFeeds(app, deps.content, config.PUBLIC_BASE_URL);
  registerSitemap(app, deps.content, config.PUBLIC_BASE_URL);
  registerEstimatorPages(app, pages, deps.content);
  registerMatchingPages(app, pages, search);
  registerMarketAccessPages(app, pages);
  registerSitesPages(app, pages);
  registerPlanPages(app, pages, deps.content, search);
  await app.register(async (api) => {
    await api.register(rateLimit, { max: config.API_RATE_LIMIT, timeWindow: '1 minute' });
    await registerApi(api, { content: deps.content, search, baseUrl: config.PUBLIC_BASE_URL });
    registerMatchingApi(api, deps.content, search, pages.clock);
    registerMarketAccessApi(api, deps.content);
    registerSitesApi(api, deps.content, search);
  });
  // Build the search index once the server is up, so the first search does not pay for it.
  app.addHook('onReady', async () => {
    if (deps.content.ready) setImmediate(() => void search.current);
  });
  return app;
}
