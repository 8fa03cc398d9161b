/**
 * The city-wide dashboard aggregates every project and the whole stage log — about a second at 100,000 projects
 * (bench/RESULTS.md) — and people reload it, switch its language and download its CSV. So its figures are kept per
 * database, scope and filters, for the minute of the app's clock they were computed in (time in stage counts open
 * stays up to "now"), and only while nothing has changed: every change to a project writes an audit row in the same
 * transaction, so the newest audit row's id is part of the key and the first request after any change computes
 * afresh. Requests for the same figures while they are being computed share the computation.
 */
import type { PipelineDb } from './pipeline.tables.js';
import type { ProjectScope } from './project-access.js';
import { pipelineDashboard, type DashboardFilters, type PipelineDashboard } from './dashboard.queries.js';

const KEPT = 100;
const MINUTE = 60_000;
const caches = new WeakMap<PipelineDb, Map<string, Promise<PipelineDashboard>>>();

export async function dashboardFigures(db: PipelineDb, scope: ProjectScope, filters: DashboardFilters, now: Date): Promise<PipelineDashboard> {
  const { latest } = await db.selectFrom('audit_log').select((eb) => eb.fn.max('id').as('latest')).executeTakeFirstOrThrow();
  const key = JSON.stringify([scope, filters, String(latest ?? 0), Math.floor(now.getTime() / MINUTE)]);
  let cache = caches.get(db);
  if (!cache) caches.set(db, (cache = new Map()));
  const kept = cache.get(key);
  if (kept) {
    // Most recently used last: the oldest entry is the one dropped.
    cache.delete(key);
    cache.set(key, kept);
    return kept;
  }
  const computing = pipelineDashboard(db, scope, filters, now);
  cache.set(key, computing);
  computing.catch(() => cache.delete(key));
  while (cache.size > KEPT) cache.delete(cache.keys().next().value!);
  return computing;
}
