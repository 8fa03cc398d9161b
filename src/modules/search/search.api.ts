/** /api/v1/search, /api/v1/search/suggest and /api/v1/answers. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { sendCachedJson } from '../../platform/http/cached-json.js';
import type { PageCache } from '../../platform/http/page-cache.js';
import { parseInput } from '../../platform/http/validation.js';
import type { ContentService } from '../content/index.js';
import { answerQuestion } from './answers.js';
import { answerQuerySchema, languageOf, searchQuerySchema, serialiseHit, suggestQuerySchema } from './search.schemas.js';
import type { SearchService } from './search.service.js';
import { fallbackContacts } from './fallback-contacts.js';

/** Answers depend only on the URL and the content version, so repeated questions are served from the cache. */
export function registerSearchApi(api: FastifyInstance, content: ContentService, search: SearchService, cache: PageCache): void {
  const cached = (request: FastifyRequest, reply: FastifyReply, build: () => unknown) => sendCachedJson(request, reply, cache, content.store.version, build);

  api.get('/api/v1/search', async (request, reply) => cached(request, reply, () => {
    const query = parseInput(searchQuerySchema, request.query);
    const outcome = search.current.search(query.q, { lang: query.lang, type: query.type, limit: query.limit, offset: query.offset });
    return {
      query: query.q,
      lang: query.lang,
      total: outcome.total,
      counts_by_type: outcome.countsByType,
      did_you_mean: outcome.didYouMean,
      results: outcome.hits.map((hit) => serialiseHit(hit, query.lang)),
    };
  }));

  api.get('/api/v1/search/suggest', async (request, reply) => cached(request, reply, () => {
    const query = parseInput(suggestQuerySchema, request.query);
    return { query: query.q, suggestions: search.current.suggest(query.q, query.lang, query.limit) };
  }));

  api.get('/api/v1/answers', async (request, reply) => cached(request, reply, () => {
    const query = parseInput(answerQuerySchema, request.query);
    const lang = query.lang ?? languageOf(query.q);
    const answer = answerQuestion(search.current, content.store, query.q, lang);
    return {
      question: query.q,
      lang,
      understood_as: answer.intents,
      answer: answer.card
        ? { sentence: answer.card.sentence, value: answer.card.value, subject: answer.card.subject, rows: answer.card.rows ?? null, url: answer.card.url, source: answer.card.source }
        : null,
      passages: answer.passages.map((hit) => serialiseHit(hit, lang)),
      contacts: answer.noAnswer || !answer.card ? fallbackContacts(content.store, query.q).map((c) => ({ id: c.id, name: c[lang].name, phones: c.phones.map((p) => p.number) })) : [],
    };
  }));
}
