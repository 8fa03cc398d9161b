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
import { clientErrorHandler, frameworkErrorHandler, installErrorHandlers } from './platform/http/error-handler.js';
import { ClientBudget, RenderShare } from './platform/http/page-guard.js';
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
import { registerStaff } from './modules/staff/index.js';

export interface AppDeps {
  db: Db;
  content: ContentService;
  /** "Now" for pages that depend on the date (default: the system clock); tests pass a fixed one. */
  clock?: Clock;
}

const publicDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'public');

/** Fastify's trustProxy from TRUST_PROXY: a number of hops trusts that many addresses from the socket inwards. */
function trustProxyOption(setting: false | number | string[]): boolean | string[] | ((address: string, hop: number) => boolean) {
  if (typeof setting === 'number') return (_address: string, hop: number) => hop < setting;
  return setting;
}

export async function buildApp(config: Config, deps: AppDeps): Promise<FastifyInstance> {
  const app = Fastify({
    logger: config.LOG_LEVEL === 'silent' ? false : { level: config.LOG_LEVEL },
    trustProxy: trustProxyOption(config.TRUST_PROXY.setting),
    requestIdHeader: 'x-request-id',
    routerOptions: { ignoreTrailingSlash: true },
    // A slow or stalled client cannot hold a connection for ever: headers, then the whole request (body included),
    // must arrive in time, and an idle connection is closed. Node checks the request deadlines on an interval.
    requestTimeout: config.HTTP_REQUEST_TIMEOUT_MS,
    connectionTimeout: config.HTTP_CONNECTION_TIMEOUT_MS,
    keepAliveTimeout: config.HTTP_KEEP_ALIVE_TIMEOUT_MS,
    bodyLimit: config.HTTP_BODY_LIMIT,
    http: {
      headersTimeout: Math.min(config.HTTP_HEADERS_TIMEOUT_MS, config.HTTP_REQUEST_TIMEOUT_MS),
      connectionsCheckingInterval: Math.max(50, Math.min(5_000, Math.floor(Math.min(config.HTTP_HEADERS_TIMEOUT_MS, config.HTTP_REQUEST_TIMEOUT_MS) / 4))),
    },
    frameworkErrors: frameworkErrorHandler(config.PUBLIC_BASE_URL),
    clientErrorHandler,
  });
  if (config.TRUST_PROXY.warning) app.log.warn(config.TRUST_PROXY.warning);

  installSecurityHeaders(app, { behindTls: config.TRUST_PROXY.setting !== false });
  await app.register(formbody);
  await app.register(fastifyStatic, { root: publicDir, prefix: '/assets/', maxAge: '1d', index: false });
  installErrorHandlers(app, config.PUBLIC_BASE_URL);
  // First of all routes: it installs the check that fails start-up when any /staff route has no guard.
  registerStaff(app, config, { db: deps.db, clock: deps.clock ?? systemClock, content: deps.content });

  const pages: PageDeps = { store: () => deps.content.store, cache: new PageCache(config.PAGE_CACHE_MAX_BYTES),
    baseUrl: config.PUBLIC_BASE_URL,
    clock: deps.clock ?? systemClock,
    budget: new ClientBudget(config.PAGE_RATE_LIMIT),
    renderShare: new RenderShare(config.PAGE_RENDER_SHARE),
  };
  deps.content.onChange(() => pages.cache.clear());

  registerHealth(app, deps);
  app.get('/', async (request, reply) => {
    const preferred = request.headers['accept-language']?.toLowerCase().startsWith('zh') ? 'zh' : 'en';
    // The answer depends on Accept-Language: caches must key on it.
    return reply.header('vary', 'Accept-Language').header('cache-control', 'private, max-age=0').redirect(`/${preferred}`, 302);
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
    await registerApi(api, { content: deps.content, search, baseUrl: config.PUBLIC_BASE_URL, cacheMaxBytes: config.PAGE_CACHE_MAX_BYTES });
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
