/**
 * Registers server-rendered pages under /:lang/…: checks the language, renders the view inside the layout,
 * caches the compressed result per content version and answers conditional requests.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { VNode } from 'preact';
import { renderToString } from 'preact-render-to-string';
import { todayInBeijing, type Clock } from '../clock.js';
import { isLang, t, type Lang } from '../i18n/i18n.js';
import { Layout, type Crumb } from '../views/layout.js';
import type { SourceRef } from '../views/sources.js';
import { chooseEncoding, type CachedPage, type PageCache } from './page-cache.js';
import { NotFoundError } from './errors.js';
import { clientKey, pageQuery, serviceBusy, tooManyRequests, type ClientBudget, type RenderShare } from './page-guard.js';

/**
 * What pages read: the platform only needs its version (part of every cache key); the content module supplies the
 * store and names these types for its own (PageDeps, PageContext in modules/content), so the platform knows no module.
 */
export interface VersionedStore {
  readonly version: number;
}

export interface PageContext<S extends VersionedStore = VersionedStore> {
  lang: Lang;
  store: S;
  params: Record<string, string>;
  query: Record<string, string | string[] | undefined>;
  path: string;
  /** The date in Beijing when the request arrived (YYYY-MM-DD), from the app's one clock. */
  today: string;
}

export interface PageView {
  title: string;
  description?: string;
  crumbs?: Crumb[];
  sources?: readonly SourceRef[];
  /** The day the page's item was last checked against its sources (YYYY-MM-DD), shown under the sources. */
  verified?: string;
  section?: string;
  status?: number;
  body: VNode;
}

export interface PageDeps<S extends VersionedStore = VersionedStore> {
  store: () => S;
  cache: PageCache;
  baseUrl: string;
  /** "Now" for every page (tests inject a fixed one); today is its date in Beijing. */
  clock: Clock;
  /** Per-client budget of renders that miss the cache with a query (PAGE_RATE_LIMIT); none: unlimited. */
  budget?: ClientBudget;
  /** Share of each second all clients' uncached query renders may take (PAGE_RENDER_SHARE); none: unlimited. */
  renderShare?: RenderShare;
}

export interface PageOptions {
  /**
   * The page's content depends on today's date (policies in force, deadlines from today): its cache key holds the
   * Beijing date, so a page rendered before midnight in Beijing is not served after it.
   */
  dependsOnDate?: boolean;
  /**
   * The query parameters the page reads. Every other parameter is dropped: the handler does not see it, and it is
   * part of neither the cache key nor the canonical link (so ?utm_source=… neither grows the cache nor splits
   * links). Default: none.
   */
  query?: readonly string[];
}

export function renderPage(view: PageView, lang: Lang, path: string, baseUrl: string): string {
  return (
    '<!doctype html>' +
    renderToString(
      <Layout lang={lang} path={path} baseUrl={baseUrl} title={view.title} description={view.description} crumbs={view.crumbs} sources={view.sources} verified={view.verified} section={view.section}>
        {view.body}
      </Layout>,
    )
  );
}

export function sendCachedPage(request: FastifyRequest, reply: FastifyReply, page: CachedPage): FastifyReply {
  reply.header('etag', page.etag).header('vary', 'Accept-Encoding').header('cache-control', 'public, max-age=0, must-revalidate');
  if (request.headers['if-none-match'] === page.etag) return reply.code(304).send();
  const encoding = chooseEncoding(request.headers['accept-encoding']);
  reply.code(page.status).type(page.contentType);
  if (encoding === 'identity') return reply.send(page.identity);
  return reply.header('content-encoding', encoding).send(encoding === 'br' ? page.brotli : page.gzip);
}

export function registerPage<S extends VersionedStore>(app: FastifyInstance, deps: PageDeps<S>, route: string, handler: (ctx: PageContext<S>) => PageView | null, options: PageOptions = {}): void {
  registerLivePage(app, deps, route, NO_LIVE_DATA, (ctx) => handler(ctx), options);
}

/**
 * What a page shows besides the content, read on every request (e.g. whether an opportunity is taken up in the
 * pipeline): `stamp` names the value in the cache key, so the cached page is served while the value stays the same
 * and rendered anew, in every process, as soon as it changes.
 */
export interface LiveData<T> {
  read(): Promise<T>;
  stamp(value: T): string;
}

const NO_LIVE_DATA: LiveData<null> = { read: async () => null, stamp: () => '' };

/** registerPage for a page that also shows live data (`handler` gets it beside the context). */
export function registerLivePage<S extends VersionedStore, T>(
  app: FastifyInstance,
  deps: PageDeps<S>,
  route: string,
  live: LiveData<T>,
  handler: (ctx: PageContext<S>, data: T) => PageView | null,
  options: PageOptions = {},
): void {
  const declared = options.query ?? [];
  app.get(route, async (request, reply) => {
    const params = request.params as Record<string, string>;
    if (!isLang(params.lang)) throw new NotFoundError(`No page at ${request.url}: the address must start with /en or /zh.`);
    const lang = params.lang;
    const store = deps.store();
    const today = todayInBeijing(deps.clock());
    const { query, search } = pageQuery(request, declared, lang);
    const pathname = request.url.split('?')[0];
    const url = (pathname.length > 3 && pathname.endsWith('/') ? pathname.replace(/\/+$/, '') : pathname) + search;
    const data = await live.read();
    const stamp = live.stamp(data);
    const page = options.dependsOnDate ? `${store.version}|${today}|${url}` : `${store.version}|${url}`;
    const key = stamp ? `${stamp}|${page}` : page;
    const hit = deps.cache.get(key);
    if (hit) return sendCachedPage(request, reply, hit);
    // A render with a query (search, questions, tools) costs the client a token; cached pages and plain pages do not.
    if (search && deps.budget) {
      const wait = deps.budget.take(clientKey(request.ip));
      if (wait > 0) throw tooManyRequests(lang, wait);
    }
    if (search && deps.renderShare && !deps.renderShare.allows()) throw serviceBusy(lang);
    const began = performance.now();
    const view = handler({ lang, store, params, query, path: url, today }, data);
    if (!view) throw new NotFoundError(t(lang, 'error.notFoundDetail'));
    const html = renderPage(view, lang, url, deps.baseUrl);
    if (search) deps.renderShare?.record(performance.now() - began);
    return sendCachedPage(request, reply, deps.cache.set(key, html, view.status ?? 200, store.version));
  });
}
