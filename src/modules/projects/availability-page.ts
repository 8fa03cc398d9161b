/**
 * The projects page shows one thing the content does not hold: whether each opportunity is still open, from the
 * investment-project pipeline. It is a public page like the others, through the platform's registerLivePage: the set
 * of opportunities taken up now is read on every request — one small grouped query over the projects that take one
 * up — and joins the cache key, so the first request after a signing (or a loss) in any process renders the page
 * anew and every later one is a cache hit again. (registerPage's key is the content version alone: a page rendered
 * before a signing would be served after it until the content changed.) Requests arriving while the query runs
 * share it.
 */
import { createHash } from 'node:crypto';
import type { Db } from '../../platform/db/database.js';
import type { LiveData } from '../../platform/http/pages.js';
import { opportunityAvailability, pipelineDb } from '../pipeline/index.js';

/** The opportunities taken up now (every other one is open). */
export type TakenOpportunities = ReadonlySet<string>;

export function takenOpportunities(db: Db): LiveData<TakenOpportunities> {
  const pipeline = pipelineDb(db);
  let inFlight: Promise<TakenOpportunities> | null = null;
  return {
    // One query in flight at a time: a burst of visitors costs one round trip, not one each.
    read: () =>
      (inFlight ??= opportunityAvailability(pipeline)
        .then((availability) => new Set([...availability].filter(([, status]) => status === 'taken').map(([id]) => id)))
        .finally(() => (inFlight = null))),
    stamp: (taken) => `opportunities:${createHash('sha1').update([...taken].sort().join('\n')).digest('base64url').slice(0, 16)}`,
  };
}
