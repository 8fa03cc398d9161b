/**
 * Registers server-rendered pages under /:lang/…: checks the language, renders the view inside the layout,
 * caches the compressed result per content version and answers conditional requests.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { VNode } from 'preact';
import { renderToString } from 'preact-render-to-string';
import type { ContentStore } from '../../modules/content/content.store.js';
import { todayInBeijing, type Clock } from '../clock.js';
import { isLang, t, type Lang } from '../i18n/i18n.js';
import { Layout, type Crumb } from '../views/layout.js';
import type { SourceRef } from '../views/sources.js';
import { chooseEncoding, type CachedPage, type PageCache } from './page-cache.js';
import { NotFoundError } from './errors.js';

export interface PageContext {
  lang: Lang;
  store: ContentStore;
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
  section?: string;
  status?: number;
  body: VNode;
}

export interface PageDeps {
  store: () => ContentStore;
  cache: PageCache;
  baseUrl: string;
  /** "Now" for every page (tests inject a fixed one); today is its date in Beijing. */
  clock: Clock;
}

export interface PageOptions {
  /**
   * The page's content depends on today's date (policies in force, deadlines from today): its cache key holds the
   * Beijing date, so a page rendered before midnight in Beijing is not served after it.
   */
  dependsOnDate?: boolean;
}

export function renderPage(view: PageView, lang: Lang, path: string, baseUrl: string): string {
  return (
    '<!doctype html>' +
    renderToString(
      <Layout lang={lang} path={path} baseUrl={baseUrl} title={view.title} description={view.description} crumbs={view.crumbs} sources={view.sources} section={view.section}>
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

export function registerPage(app: FastifyInstance, deps: PageDeps, route: string, handler: (ctx: PageContext) => PageView | null, options: PageOptions = {}): void {
  app.get(route, async (request, reply) => {
    const params = request.params as Record<string, string>;
    if (!isLang(params.lang)) throw new NotFoundError(`No page at ${request.url}: the address must start with /en or /zh.`);
    const lang = params.lang;
    const store = deps.store();
    const today = todayInBeijing(deps.clock());
    const key = options.dependsOnDate ? `${store.version}|${today}|${request.url}` : `${store.version}|${request.url}`;
    const hit = deps.cache.get(key);
    if (hit) return sendCachedPage(request, reply, hit);
    const view = handler({ lang, store, params, query: request.query as PageContext['query'], path: request.url, today });
    if (!view) throw new NotFoundError(t(lang, 'error.notFoundDetail'));
    const html = renderPage(view, lang, request.url, deps.baseUrl);
    const page = deps.cache.set(key, html, view.status ?? 200, store.version);
    return sendCachedPage(request, reply, page);
  });
}
