/**
 * The freshness report (readers): routes.staffContentFreshness — the page, with a kind filter (?kind=, an unknown kind
 * shows every kind) — and routes.staffContentFreshnessCsv — the overdue and due-soon items as CSV, same filter.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { csvDocument } from '../../platform/http/csv.js';
import { routes } from '../../platform/http/urls.js';
import { langOf, sendStaffPage } from '../staff/index.js';
import { CONTENT_READERS, isContentKind } from './editorial-access.js';
import type { EditorialServices } from './editorial-services.js';
import { freshnessReport } from './freshness.js';
import { tFreshness } from './messages.freshness.js';
import { FreshnessView } from './views/freshness-view.js';

const readers = { staffGuard: { roles: CONTENT_READERS } };

function kindFilter(request: FastifyRequest) {
  const kind = (request.query as { kind?: unknown } | undefined)?.kind;
  return typeof kind === 'string' && isContentKind(kind) ? kind : null;
}

export function registerFreshnessPages(app: FastifyInstance, { context }: EditorialServices): void {
  app.get(routes.staffContentFreshness, { config: readers }, async (request, reply) => {
    const lang = langOf(request);
    const report = await freshnessReport(context.db, context.content.store, context.now(), kindFilter(request));
    return sendStaffPage(request, reply, lang, tFreshness(lang, 'editorial.freshness.title'), <FreshnessView lang={lang} report={report} />);
  });

  app.get(routes.staffContentFreshnessCsv, { config: readers }, async (request, reply) => {
    const lang = langOf(request);
    const kind = kindFilter(request);
    const report = await freshnessReport(context.db, context.content.store, context.now(), kind);
    const h = (key: Parameters<typeof tFreshness>[1]) => tFreshness(lang, key);
    const rows = [
      [h('editorial.freshness.csv.kind'), h('editorial.freshness.csv.id'), h('editorial.freshness.csv.titleEn'), h('editorial.freshness.csv.titleZh'), h('editorial.freshness.csv.status'),
        h('editorial.freshness.csv.lastVerified'), h('editorial.freshness.csv.interval'), h('editorial.freshness.csv.due'), h('editorial.freshness.csv.days')],
      ...report.overdue.map((e) => [e.kind, e.id, e.title.en, e.title.zh, h('editorial.freshness.status.overdue'), e.lastVerified, e.intervalDays, e.due, e.days]),
      ...report.dueSoon.map((e) => [e.kind, e.id, e.title.en, e.title.zh, h('editorial.freshness.status.dueSoon'), e.lastVerified, e.intervalDays, e.due, -e.days]),
    ];
    return reply
      .type('text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="content-freshness-${report.today}${kind ? `-${kind}` : ''}.csv"`)
      .header('cache-control', 'no-store')
      .send(csvDocument(rows));
  });
}
