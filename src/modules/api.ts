/** The JSON API: content under /api/v1, the OpenAPI document and its docs page. */
import type { FastifyInstance } from 'fastify';
import type { ContentService } from './content/index.js';
import { registerSearchApi, type SearchService } from './search/index.js';
import { PageCache } from '../platform/http/page-cache.js';
import { registerEstimatorApi } from './estimator/estimator.api.js';
import { registerContentApi } from './api/content.api.js';
import { openApiDocument } from './api/openapi.js';
import { renderApiDocs } from './api/docs.page.js';

export async function registerApi(api: FastifyInstance, deps: { content: ContentService; search: SearchService; baseUrl: string }): Promise<void> {
  const cache = new PageCache();
  deps.content.onChange(() => cache.clear());
  registerContentApi(api, deps.content, cache);
  registerSearchApi(api, deps.content, deps.search, cache);
  registerEstimatorApi(api, deps.content);
  api.get('/api/openapi.json', async () => openApiDocument(deps.baseUrl));
  let docs: string | null = null;
  api.get('/api/docs', async (_request, reply) => {
    docs ??= renderApiDocs(openApiDocument(deps.baseUrl));
    return reply.type('text/html; charset=utf-8').send(docs);
  });
}
