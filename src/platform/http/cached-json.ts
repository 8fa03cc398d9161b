/**
 * JSON answers that are pure functions of (URL, content version) are serialised and compressed once, then served
 * from the response cache like pages (ETag, 304, br/gzip).
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { PageCache } from './page-cache.js';
import { sendCachedPage } from './pages.js';

export function sendCachedJson(request: FastifyRequest, reply: FastifyReply, cache: PageCache, version: number, build: () => unknown): FastifyReply {
  const key = `${version}|${request.url}`;
  const page = cache.get(key) ?? cache.set(key, JSON.stringify(build()), 200, version, 'application/json; charset=utf-8');
  reply.header('x-content-version', String(version));
  return sendCachedPage(request, reply, page);
}
