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
import { requestLogFields } from './platform/http/log-redaction.js';
import { PageCache } from './platform/http/page-cache.js';
import { systemClock, type Clock } from './platform/clock.js';
import type { ContentService, PageDeps } from './modules/content/index.js';
import { SearchService, searchModule } from './modules/search/index.js';
import type { AppModule, ModuleDeps, WorkerDeps } from './modules/module.js';
import type { WorkerContributions } from './platform/jobs/start-worker.js';
import { installStaffAccess, staffModule } from './modules/staff/index.js';
import { healthModule } from './modules/health/index.js';
import { exploreModule } from './modules/explore/index.js';
import { industriesModule } from './modules/industries/index.js';
import { parksModule } from './modules/parks/index.js';
import { projectsModule } from './modules/projects/index.js';
import { districtsModule } from './modules/districts/index.js';
import { mapModule } from './modules/map/index.js';
import { policiesModule } from './modules/policies/index.js';
import { proceduresModule } from './modules/procedures/index.js';
import { costsModule } from './modules/costs/index.js';
import { directoryModule } from './modules/directory/index.js';
import { sitemapModule } from './modules/sitemap/index.js';
import { estimatorModule } from './modules/estimator/index.js';
import { matchingModule } from './modules/matching/index.js';
import { marketAccessModule } from './modules/market-access/index.js';
import { sitesModule } from './modules/sites/index.js';
import { planModule } from './modules/plan/index.js';
import { apiModule } from './modules/api/index.js';
import { casesModule } from './modules/cases/index.js';
import { pipelineModule } from './modules/pipeline/index.js';
import { calendarModule } from './modules/calendar/index.js';
import { open311Module } from './modules/open311/index.js';
import { editorialModule } from './modules/editorial/index.js';
import { alertsModule } from './modules/alerts/index.js';

/** Every module, registered the same way: its routes at the root, its API inside the rate-limited API context. */
const MODULES: readonly AppModule[] = [
  healthModule, staffModule, exploreModule, searchModule, policiesModule, industriesModule, parksModule, projectsModule,
  districtsModule, mapModule, proceduresModule, costsModule, directoryModule, sitemapModule, estimatorModule,
  matchingModule, marketAccessModule, sitesModule, planModule, calendarModule, casesModule, pipelineModule, editorialModule, alertsModule, open311Module, apiModule,
];

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

/** Every module's job handlers and periodic sweeps, for the worker (main.ts). */
export function workerContributions(deps: WorkerDeps): WorkerContributions {
  const contributions: WorkerContributions = { handlers: [], periodic: [] };
  for (const module of MODULES) {
    const added = module.worker?.(deps);
    contributions.handlers.push(...(added?.handlers ?? []));
    contributions.periodic.push(...(added?.periodic ?? []));
  }
  return contributions;
}

export async function buildApp(config: Config, deps: AppDeps): Promise<FastifyInstance> {
  const app = Fastify({
    // Addresses are logged without the secrets some links carry (tracking and set-password tokens).
    logger: config.LOG_LEVEL === 'silent' ? false : { level: config.LOG_LEVEL, serializers: { req: requestLogFields } },
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
  const clock = deps.clock ?? systemClock;
  // Before any module's routes: it installs the check that fails start-up when any /staff route has no guard.
  installStaffAccess(app, config, { db: deps.db, clock, content: deps.content });

  const pages: PageDeps = { store: () => deps.content.store, cache: new PageCache(config.PAGE_CACHE_MAX_BYTES),
    baseUrl: config.PUBLIC_BASE_URL,
    clock,
    budget: new ClientBudget(config.PAGE_RATE_LIMIT),
    renderShare: new RenderShare(config.PAGE_RENDER_SHARE),
  };
  // The API's answers have their own cache, bounded in bytes like the pages'.
  const apiCache = new PageCache(config.PAGE_CACHE_MAX_BYTES);
  deps.content.onChange(() => {
    pages.cache.clear();
    apiCache.clear();
  });
  const search = new SearchService(deps.content);
  const moduleDeps: ModuleDeps = { config, db: deps.db, content: deps.content, search, pages, apiCache, clock };

  for (const module of MODULES) if (module.routes) await app.register(module.routes, moduleDeps);
  await app.register(async (api) => {
    await api.register(rateLimit, { max: config.API_RATE_LIMIT, timeWindow: '1 minute' });
    for (const module of MODULES) if (module.api) await api.register(module.api, moduleDeps);
  });
  // Build the search index once the server is up, so the first search does not pay for it.
  app.addHook('onReady', async () => {
    if (deps.content.ready) setImmediate(() => void search.current);
  });
  return app;
}
