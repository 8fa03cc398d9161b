/**
 * The module contract. Every module's index.ts exports one `AppModule`; app.ts registers each the same way, as
 * Fastify plugins: `routes` at the root (pages, feeds, forms) and `api` inside the rate-limited JSON API context.
 * Other modules import a module only through its index.ts (test/module-contract.test.ts checks every import).
 */
import type { FastifyPluginAsync } from 'fastify';
import type { Config } from '../config.js';
import type { Clock } from '../platform/clock.js';
import type { Db } from '../platform/db/database.js';
import type { PageCache } from '../platform/http/page-cache.js';
import type { JobHandler, PeriodicTask } from '../platform/jobs/index.js';
import type { ContentService, PageDeps } from './content/index.js';
import type { SearchService } from './search/index.js';

/** What the app hands every module: one object, the same for all. */
export interface ModuleDeps {
  config: Config;
  db: Db;
  content: ContentService;
  search: SearchService;
  /** The public pages' store, cache, clock and guards. */
  pages: PageDeps;
  /** The JSON API's own cache of answers, bounded in bytes like the pages'. */
  apiCache: PageCache;
  clock: Clock;
}

/** What a worker process has (ROLE=worker runs no HTTP and reads no content). */
export type WorkerDeps = Pick<ModuleDeps, 'config' | 'db' | 'clock'>;

export interface AppModule {
  name: string;
  routes?: FastifyPluginAsync<ModuleDeps>;
  api?: FastifyPluginAsync<ModuleDeps>;
  /** Job kinds and periodic sweeps the module adds to the worker (ROLE=worker or all). */
  worker?: (deps: WorkerDeps) => { handlers?: JobHandler<any>[]; periodic?: PeriodicTask[] };
}
