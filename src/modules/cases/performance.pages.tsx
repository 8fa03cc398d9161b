/**
 * GET /:lang/service/performance: the service line's public figures for the last twelve months (no account).
 *
 * Not in the shared page cache (its handlers are synchronous and read the content store, these figures come from
 * the database): each process keeps the rendered page per language, Beijing date and content version for
 * FRESH_MS, compressed with an ETag, and browsers and proxies may keep it for the same time (public, max-age), so
 * a flood of visitors costs one set of queries per process every few minutes.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { todayInBeijing, type Clock } from '../../platform/clock.js';
import { NotFoundError } from '../../platform/http/errors.js';
import { chooseEncoding, compressPage, type CachedPage } from '../../platform/http/page-cache.js';
import { renderPage } from '../../platform/http/pages.js';
import { routes, urls } from '../../platform/http/urls.js';
import { isLang, type Lang } from '../../platform/i18n/i18n.js';
import type { ContentService, ContentStore } from '../content/index.js';
import type { CaseDb } from './case.tables.js';
import { reportLimitIds } from './dashboard-figures.js';
import { districtList } from './dashboard.queries.js';
import { tReports } from './messages.js';
import { performanceFigures } from './performance.js';
import { reportNames } from './report-format.js';
import { PerformanceView, type HotlineFigure } from './views/performance-view.js';

export const FRESH_MS = 5 * 60_000;

export interface PerformanceDeps {
  db: CaseDb;
  content: ContentService;
  clock: Clock;
  baseUrl: string;
}

/** The guide's 12345 hotline figure (content/statistics/business-environment.json), when the content holds it. */
function hotlineFigure(store: ContentStore): HotlineFigure | null {
  const requests = store.get('statistics', 'hotline-12345-enterprise-requests');
  const rate = store.get('statistics', 'hotline-12345-resolution-rate');
  if (!requests || !rate) return null;
  return { year: requests.year, requests: requests.value, resolutionRate: rate.value, sources: rate.sources, statisticId: rate.id };
}

function send(request: FastifyRequest, reply: FastifyReply, page: CachedPage, maxAgeSeconds: number): FastifyReply {
  reply.header('etag', page.etag).header('vary', 'Accept-Encoding').header('cache-control', `public, max-age=${maxAgeSeconds}`);
  if (request.headers['if-none-match'] === page.etag) return reply.code(304).send();
  const encoding = chooseEncoding(request.headers['accept-encoding']);
  reply.code(page.status).type(page.contentType);
  if (encoding === 'identity') return reply.send(page.identity);
  return reply.header('content-encoding', encoding).send(encoding === 'br' ? page.brotli : page.gzip);
}

export function registerPerformancePage(app: FastifyInstance, deps: PerformanceDeps): void {
  const rendered = new Map<string, { page: CachedPage; until: number }>();

  async function render(lang: Lang, store: ContentStore, now: Date, path: string): Promise<CachedPage> {
    const today = todayInBeijing(now);
    const districts = await districtList(deps.db);
    const figures = await performanceFigures(deps.db, today, now, reportLimitIds(store.all('service-limits')), districts.map((d) => d.id));
    const hotline = hotlineFigure(store);
    const view = {
      title: tReports(lang, 'performance.title'),
      description: tReports(lang, 'performance.lead'),
      crumbs: [{ label: tReports(lang, 'performance.nav') }],
      sources: hotline?.sources ?? [],
      body: <PerformanceView lang={lang} figures={figures} hotline={hotline} names={reportNames(lang, store, districts, [])} />,
    };
    return compressPage(renderPage(view, lang, path, deps.baseUrl), 200, `${store.version}-${today}`);
  }

  app.get(routes.servicePerformance, async (request, reply) => {
    const { lang } = request.params as { lang: string };
    if (!isLang(lang)) throw new NotFoundError(`No page at ${request.url}: the address must start with /en or /zh.`);
    const now = deps.clock();
    const store = deps.content.store;
    // The query string is ignored (the page takes none): it neither splits this cache nor enters the links.
    const path = urls.servicePerformance(lang);
    const key = `${lang}|${store.version}|${todayInBeijing(now)}`;
    let entry = rendered.get(key);
    if (!entry || entry.until <= now.getTime()) {
      entry = { page: await render(lang, store, now, path), until: now.getTime() + FRESH_MS };
      for (const [old, value] of rendered) if (value.until <= now.getTime()) rendered.delete(old);
      rendered.set(key, entry);
    }
    return send(request, reply, entry.page, Math.max(0, Math.round((entry.until - now.getTime()) / 1000)));
  });
}
