/** Atom feeds of policies, newest first: all policies, or those of one topic (?topic=). */
import type { FastifyInstance } from 'fastify';
import { InvalidRequestError, NotFoundError } from '../../platform/http/errors.js';
import { PageCache } from '../../platform/http/page-cache.js';
import { sendCachedPage } from '../../platform/http/pages.js';
import { t as tPlatform, isLang, type Lang } from '../../platform/i18n/i18n.js';
import { t } from './messages.js';
import { routes, urls } from '../../platform/http/urls.js';
import type { ContentService, Policy } from '../content/index.js';

function xml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** Policies carry a date (day or month); the feed needs a full timestamp. */
function updatedOf(policy: Policy, fallback: string): string {
  if (!policy.date) return fallback;
  return `${policy.date.length === 7 ? `${policy.date}-01` : policy.date}T00:00:00Z`;
}

export function policyFeed(policies: readonly Policy[], lang: Lang, baseUrl: string, selfPath: string, loadedAt: string): string {
  const sorted = [...policies].sort((a, b) => (b.date ?? '').localeCompare(a.date ?? ''));
  const updated = sorted[0] ? updatedOf(sorted[0], loadedAt) : loadedAt;
  const entries = sorted.map((p) => {
    const link = baseUrl + urls.policy(lang, p.id);
    return `  <entry>
    <id>${xml(link)}</id>
    <title>${xml(p[lang].title)}</title>
    <link rel="alternate" type="text/html" href="${xml(link)}"/>
    ${p.url ? `<link rel="related" href="${xml(p.url)}"/>` : ''}
    <updated>${updatedOf(p, loadedAt)}</updated>
    <summary>${xml([lang === 'zh' ? p.doc_number_zh : p.doc_number, p[lang].summary].filter(Boolean).join(' — '))}</summary>
${p.topics.map((topic) => `    <category term="${xml(topic)}"/>`).join('\n')}
  </entry>`;
  });
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${lang === 'zh' ? 'zh-CN' : 'en'}">
  <id>${xml(baseUrl + selfPath)}</id>
  <title>${xml(`${tPlatform(lang, 'site.name')} — ${t(lang, 'policies.title')}`)}</title>
  <link rel="self" href="${xml(baseUrl + selfPath)}"/>
  <link rel="alternate" type="text/html" href="${xml(baseUrl + urls.policies(lang))}"/>
  <updated>${updated}</updated>
  <author><name>${xml(tPlatform(lang, 'site.name'))}</name></author>
${entries.join('\n')}
</feed>
`;
}

export function registerPolicyFeeds(app: FastifyInstance, content: ContentService, baseUrl: string): void {
  // One feed per (content version, language, topic), compressed once, with an ETag; `updated` is when this process
  // first built it for the version, so it does not change between polls.
  const cache = new PageCache(16 * 1024 * 1024);
  content.onChange(() => cache.clear());
  app.get(routes.policyFeed, async (request, reply) => {
    const { lang } = request.params as { lang: string };
    if (!isLang(lang)) throw new NotFoundError('Feeds exist under /en and /zh.');
    const { topic: raw } = request.query as { topic?: string | string[] };
    if (Array.isArray(raw)) throw new InvalidRequestError('Give one topic at most.', [{ name: 'topic', reason: 'given more than once' }]);
    const topic = raw || undefined;
    const store = content.store;
    const policies = topic ? store.policies.filter((p) => p.topics.includes(topic)) : store.policies;
    if (topic && policies.length === 0) {
      throw new InvalidRequestError(`No policy has the topic "${String(topic).slice(0, 40)}".`, [{ name: 'topic', reason: 'not a topic of any policy' }]);
    }
    const key = `${store.version}|${lang}|${topic ?? ''}`;
    const loadedAt = new Date().toISOString().slice(0, 19) + 'Z';
    const page = cache.get(key) ?? cache.set(key, policyFeed(policies, lang, baseUrl, urls.policyFeed(lang, topic), loadedAt), 200, store.version, 'application/atom+xml; charset=utf-8');
    return sendCachedPage(request, reply, page);
  });
}
