/** /healthz: the process answers. /readyz: the database answers and content is loaded. */
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import type { AppDeps } from '../../app.js';

export function registerHealth(app: FastifyInstance, deps: AppDeps): void {
  app.get('/healthz', async () => ({ status: 'ok' }));
  app.get('/readyz', async (_request, reply) => {
    const checks = { database: false, content: deps.content.ready };
    try {
      await sql`select 1`.execute(deps.db);
      checks.database = true;
    } catch {
      checks.database = false;
    }
    const ready = checks.database && checks.content;
    return reply.code(ready ? 200 : 503).send({
      status: ready ? 'ready' : 'not ready',
      checks,
      contentVersion: deps.content.ready ? deps.content.store.version : null,
    });
  });
}
