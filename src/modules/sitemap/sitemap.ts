/** sitemap.xml: every public page in both languages, each with its other-language alternate. */
import { compressPage, type CachedPage } from '../../platform/http/page-cache.js';
import { sendCachedPage } from '../../platform/http/pages.js';
import type { FastifyInstance } from 'fastify';
import { LANGS, type Lang } from '../../platform/i18n/i18n.js';
import { urls } from '../../platform/http/urls.js';
import type { ContentService, ContentStore } from '../content/index.js';

/** Every public page path, written for English; the Chinese twin differs only in its prefix. */
export function publicPaths(store: ContentStore): ((lang: Lang) => string)[] {
  const sections = [urls.home, urls.overview, (l: Lang) => urls.statistics(l), urls.twoZones, urls.industries, urls.parks, (l: Lang) => urls.projects(l), urls.districts, (l: Lang) => urls.map(l), (l: Lang) => urls.policies(l), urls.procedures, urls.life, urls.costs, (l: Lang) => urls.directory(l), urls.glossary, urls.about, (l: Lang) => urls.search(l), (l: Lang) => urls.ask(l), urls.servicePerformance];
  const items = [
    ...store.all('zones').map((z) => (l: Lang) => urls.zone(l, z.id)),
    ...store.all('industries').map((i) => (l: Lang) => urls.industry(l, i.id)),
    ...store.all('parks').map((p) => (l: Lang) => urls.park(l, p.id)),
    ...store.districts.map((d) => (l: Lang) => urls.district(l, d.id)),
    ...store.policies.map((p) => (l: Lang) => urls.policy(l, p.id)),
    ...store.procedures.map((p) => (l: Lang) => urls.procedure(l, p.id)),
    ...store.articles.map((a) => (l: Lang) => urls.article(l, a.section, a.id)),
    ...['projects', 'parks', 'ftz'].map((layer) => (l: Lang) => urls.map(l, layer)),
  ];
  return [...sections, ...items];
}

function xml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;');
}

export function sitemapXml(store: ContentStore, baseUrl: string): string {
  const entries = publicPaths(store).flatMap((path) =>
    LANGS.map(
      (lang) => `  <url>
    <loc>${xml(baseUrl + path(lang))}</loc>
${LANGS.map((alt) => `    <xhtml:link rel="alternate" hreflang="${alt === 'zh' ? 'zh-CN' : 'en'}" href="${xml(baseUrl + path(alt))}"/>`).join('\n')}
  </url>`,
    ),
  );
  return `<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">
${entries.join('\n')}
</urlset>
`;
}

export function registerSitemap(app: FastifyInstance, content: ContentService, baseUrl: string): void {
  // Built, compressed and given an ETag once per content version.
  let cached: { version: number; page: CachedPage } | null = null;
  app.get('/sitemap.xml', async (request, reply) => {
    const store = content.store;
    if (cached?.version !== store.version) cached = { version: store.version, page: compressPage(sitemapXml(store, baseUrl), 200, store.version, 'application/xml; charset=utf-8') };
    return sendCachedPage(request, reply, cached.page);
  });
  app.get('/robots.txt', async (_request, reply) => reply.type('text/plain').send(`User-agent: *\nAllow: /\nSitemap: ${baseUrl}/sitemap.xml\n`));
}
