/** /healthz: the process answers. /readyz: the database answers and content is loaded, with no required kind empty. */
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
    // Loaded but with a required kind empty (e.g. a deleted folder loaded with --allow-removals): not ready.
    const emptyKinds = deps.content.ready ? deps.content.store.emptyRequiredKinds() : [];
    if (emptyKinds.length > 0) checks.content = false;
    const ready = checks.database && checks.content;
    return reply.code(ready ? 200 : 503).send({
      status: ready ? 'ready' : 'not ready',
      checks,
      ...(emptyKinds.length > 0 ? { emptyKinds, reason: `required content kinds are empty: ${emptyKinds.join(', ')}` } : {}),
      contentVersion: deps.content.ready ? deps.content.store.version : null,
    });
  });
}
