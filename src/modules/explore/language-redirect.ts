/** `/` sends the visitor to the site in the language their browser asks for first (Chinese or, otherwise, English). */
import type { FastifyInstance } from 'fastify';

export function registerLanguageRedirect(app: FastifyInstance): void {
  app.get('/', async (request, reply) => {
    const preferred = request.headers['accept-language']?.toLowerCase().startsWith('zh') ? 'zh' : 'en';
    // The answer depends on Accept-Language: caches must key on it.
    return reply.header('vary', 'Accept-Language').header('cache-control', 'private, max-age=0').redirect(`/${preferred}`, 302);
  });
}
