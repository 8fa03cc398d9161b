/**
 * The projects page shows one thing the content does not hold: whether each opportunity is still open, from the
 * investment-project pipeline. It is otherwise a public page like the others (registerPage): rendered once, kept
 * compressed with an ETag in the shared page cache, the same query rules, budget and render share.
 *
 * Why not registerPage itself: its cache key is the content version, so a page rendered before a project for an
 * opportunity was signed would be served after it, in every process, until the content changed. Here the status is
 * read on every request — one small grouped query over the projects that take up an opportunity — and the set of
 * taken opportunities joins the cache key: the first request after a signing (or a loss) in any process renders the
 * page anew, every later one is a cache hit again. Requests arriving while the query runs share it.
 */
import { createHash } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { todayInBeijing } from '../../platform/clock.js';
import type { Db } from '../../platform/db/database.js';
import { NotFoundError } from '../../platform/http/errors.js';
import { clientKey, pageQuery, serviceBusy, tooManyRequests } from '../../platform/http/page-guard.js';
import { renderPage, sendCachedPage, type PageView } from '../../platform/http/pages.js';
import { isLang } from '../../platform/i18n/i18n.js';
import type { PageContext, PageDeps } from '../content/index.js';
import { opportunityAvailability, pipelineDb } from '../pipeline/index.js';

/** The opportunities taken up now (every other one is open). */
export type TakenOpportunities = ReadonlySet<string>;

/** One query in flight at a time: a burst of visitors costs one round trip, not one each. */
function takenReader(db: Db): () => Promise<TakenOpportunities> {
  const pipeline = pipelineDb(db);
  let inFlight: Promise<TakenOpportunities> | null = null;
  return () => {
    inFlight ??= opportunityAvailability(pipeline)
      .then((availability) => new Set([...availability].filter(([, status]) => status === 'taken').map(([id]) => id)))
      .finally(() => (inFlight = null));
    return inFlight;
  };
}

const stampOf = (taken: TakenOpportunities) => createHash('sha1').update([...taken].sort().join('\n')).digest('base64url').slice(0, 16);

export function registerAvailabilityPage(
  app: FastifyInstance,
  deps: PageDeps,
  db: Db,
  route: string,
  handler: (ctx: PageContext, taken: TakenOpportunities) => PageView,
  options: { query: readonly string[] },
): void {
  const readTaken = takenReader(db);
  app.get(route, async (request, reply) => {
    const params = request.params as Record<string, string>;
    if (!isLang(params.lang)) throw new NotFoundError(`No page at ${request.url}: the address must start with /en or /zh.`);
    const lang = params.lang;
    const store = deps.store();
    const { query, search } = pageQuery(request, options.query, lang);
    const taken = await readTaken();
    const pathname = request.url.split('?')[0];
    const url = (pathname.length > 3 && pathname.endsWith('/') ? pathname.replace(/\/+$/, '') : pathname) + search;
    const key = `${store.version}|opportunities:${stampOf(taken)}|${url}`;
    const hit = deps.cache.get(key);
    if (hit) return sendCachedPage(request, reply, hit);
    if (search && deps.budget) {
      const wait = deps.budget.take(clientKey(request.ip));
      if (wait > 0) throw tooManyRequests(lang, wait);
    }
    if (search && deps.renderShare && !deps.renderShare.allows()) throw serviceBusy(lang);
    const began = performance.now();
    const view = handler({ lang, store, params, query, path: url, today: todayInBeijing(deps.clock()) }, taken);
    const html = renderPage(view, lang, url, deps.baseUrl);
    if (search) deps.renderShare?.record(performance.now() - began);
    return sendCachedPage(request, reply, deps.cache.set(key, html, view.status ?? 200, store.version));
  });
}
