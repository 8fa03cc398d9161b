/**
 * /healthz: the process answers. /readyz: the database answers (within its readiness timeout, READINESS_TIMEOUT_MS)
 * and content is loaded, with no required kind empty. While the database is unreachable /readyz answers 503 and the
 * pages keep being served from memory; it answers 200 again as soon as a new connection succeeds, without a restart.
 */
import type { FastifyInstance } from 'fastify';
import type { ModuleDeps } from '../module.js';
import { DatabaseTimeoutError, pingDatabase } from '../../platform/db/database.js';

export function registerHealth(app: FastifyInstance, deps: Pick<ModuleDeps, 'db' | 'content'>): void {
  app.get('/healthz', async () => ({ status: 'ok' }));
  app.get('/readyz', async (request, reply) => {
    const checks = { database: false, content: deps.content.ready };
    const reasons: string[] = [];
    try {
      await pingDatabase(deps.db);
      checks.database = true;
    } catch (error) {
      // The error itself (addresses, user names) goes to the log, not to the public answer.
      request.log.warn({ err: error }, 'readiness: database check failed');
      reasons.push(error instanceof DatabaseTimeoutError ? `database did not answer within ${error.timeoutMs} ms` : 'database unreachable');
    }
    // Loaded but with a required kind empty (e.g. a deleted folder loaded with --allow-removals): not ready.
    const emptyKinds = deps.content.ready ? deps.content.store.emptyRequiredKinds() : [];
    if (emptyKinds.length > 0) {
      checks.content = false;
      reasons.push(`required content kinds are empty: ${emptyKinds.join(', ')}`);
    } else if (!checks.content) {
      reasons.push('content not loaded');
    }
    const ready = checks.database && checks.content;
    return reply.code(ready ? 200 : 503).send({
      status: ready ? 'ready' : 'not ready',
      checks,
      ...(emptyKinds.length > 0 ? { emptyKinds } : {}),
      ...(reasons.length > 0 ? { reason: reasons.join('; ') } : {}),
      contentVersion: deps.content.ready ? deps.content.store.version : null,
    });
  });
}
