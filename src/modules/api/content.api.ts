/** /api/v1/<kind> (list with filters and pagination) and /api/v1/<kind>/<id> for every content kind. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { PageCache } from '../../platform/http/page-cache.js';
import { sendCachedJson } from '../../platform/http/cached-json.js';
import { z } from 'zod';
import { NotFoundError } from '../../platform/http/errors.js';
import { parseInput } from '../../platform/http/validation.js';
import { CONTENT_KINDS, type ContentKind, type ContentService } from '../content/index.js';
import { CONTENT_FILTERS, searchableText } from './content-filters.js';

export const paginationShape = {
  q: z.string().trim().min(1).max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(20),
  offset: z.coerce.number().int().min(0).max(100_000).default(0),
};

export function listQuerySchema(kind: ContentKind) {
  const filters = Object.fromEntries(Object.entries(CONTENT_FILTERS[kind]).map(([name, def]) => [name, def.schema.optional()]));
  // strict: an unknown parameter is a mistake the caller wants to hear about, not something to ignore.
  return z.object({ ...paginationShape, ...filters }).strict();
}

/**
 * Answers are pure functions of (URL, content version), so they are serialised and compressed once and then
 * served from the same cache as pages.
 */
export function registerContentApi(api: FastifyInstance, content: ContentService, cache: PageCache): void {
  const cached = (request: FastifyRequest, reply: FastifyReply, answer: () => unknown) => sendCachedJson(request, reply, cache, content.store.version, answer);

  for (const kind of Object.keys(CONTENT_KINDS) as ContentKind[]) {
    const querySchema = listQuerySchema(kind);
    api.get(`/api/v1/${kind}`, async (request, reply) => cached(request, reply, () => {
      const query = parseInput(querySchema, request.query) as Record<string, string | number | undefined> & { limit: number; offset: number; q?: string };
      const store = content.store;
      const words = (query.q ?? '').toLowerCase().split(/\s+/).filter(Boolean);
      const filters = Object.entries(CONTENT_FILTERS[kind]).filter(([name]) => query[name] !== undefined);
      const matching = store.all(kind).filter((item) => {
        for (const [name, def] of filters) if (!(def.matches as (i: unknown, v: string | number) => boolean)(item, query[name]!)) return false;
        if (words.length === 0) return true;
        const text = searchableText(item);
        return words.every((w) => text.includes(w));
      });
      return {
        kind,
        total: matching.length,
        limit: query.limit,
        offset: query.offset,
        content_version: store.version,
        items: matching.slice(query.offset, query.offset + query.limit),
      };
    }));
    api.get(`/api/v1/${kind}/:id`, async (request, reply) => {
      const { id } = request.params as { id: string };
      const item = content.store.get(kind, id);
      if (!item) throw new NotFoundError(`There is no ${kind} item with id "${id.slice(0, 80)}". List them at /api/v1/${kind}.`);
      return cached(request, reply, () => item);
    });
  }
}
