/** The open data API's own routes: content under /api/v1, the OpenAPI document and its docs page. */
import type { FastifyInstance } from 'fastify';
import { compressPage, type CachedPage } from '../../platform/http/page-cache.js';
import { sendCachedPage } from '../../platform/http/pages.js';
import type { ModuleDeps } from '../module.js';
import { registerContentApi } from './content.api.js';
import { openApiDocument } from './openapi.js';
import { renderApiDocs } from './docs.page.js';

export function registerApiRoutes(api: FastifyInstance, deps: ModuleDeps): void {
  const baseUrl = deps.config.PUBLIC_BASE_URL;
  registerContentApi(api, deps.content, deps.apiCache);
  // The document is the same for every request: serialised and compressed once, with an ETag (304 on If-None-Match).
  let openapi: CachedPage | null = null;
  api.get('/api/openapi.json', async (request, reply) => {
    openapi ??= compressPage(JSON.stringify(openApiDocument(baseUrl)), 200, 'openapi', 'application/json; charset=utf-8');
    return sendCachedPage(request, reply, openapi);
  });
  let docs: string | null = null;
  api.get('/api/docs', async (_request, reply) => {
    docs ??= renderApiDocs(openApiDocument(baseUrl));
    return reply.type('text/html; charset=utf-8').send(docs);
  });
}
