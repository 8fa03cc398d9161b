/** The JSON API: content under /api/v1, the OpenAPI document and its docs page. */
import type { FastifyInstance } from 'fastify';
import type { ContentService } from './content/index.js';
import { registerSearchApi, type SearchService } from './search/index.js';
import { compressPage, PageCache, type CachedPage } from '../platform/http/page-cache.js';
import { sendCachedPage } from '../platform/http/pages.js';
import { registerEstimatorApi } from './estimator/estimator.api.js';
import { registerContentApi } from './api/content.api.js';
import { openApiDocument } from './api/openapi.js';
import { renderApiDocs } from './api/docs.page.js';

export async function registerApi(api: FastifyInstance, deps: { content: ContentService; search: SearchService; baseUrl: string; cacheMaxBytes?: number }): Promise<void> {
  // The API's answers have their own cache, bounded in bytes like the pages' (PAGE_CACHE_MAX_BYTES).
  const cache = new PageCache(deps.cacheMaxBytes);
  deps.content.onChange(() => cache.clear());
  registerContentApi(api, deps.content, cache);
  registerSearchApi(api, deps.content, deps.search, cache);
  registerEstimatorApi(api, deps.content);
  // The document is the same for every request: serialised and compressed once, with an ETag (304 on If-None-Match).
  let openapi: CachedPage | null = null;
  api.get('/api/openapi.json', async (request, reply) => {
    openapi ??= compressPage(JSON.stringify(openApiDocument(deps.baseUrl)), 200, 'openapi', 'application/json; charset=utf-8');
    return sendCachedPage(request, reply, openapi);
  });
  let docs: string | null = null;
  api.get('/api/docs', async (_request, reply) => {
    docs ??= renderApiDocs(openApiDocument(deps.baseUrl));
    return reply.type('text/html; charset=utf-8').send(docs);
  });
}
