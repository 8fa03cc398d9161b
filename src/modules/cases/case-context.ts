/**
 * What every route of the service line needs, built once per app from the module's deps: the database seen with the
 * case tables, the content store of the moment, deadlines on the working calendar (with the administrators'
 * overrides, refreshed in the background as other processes change them), the clock and the public base URL.
 */
import { workingCalendarService } from '../calendar/index.js';
import type { ContentStore } from '../content/index.js';
import type { ModuleDeps } from '../module.js';
import { calendarDeadlines } from './calendar-deadlines.js';
import { caseDb, type CaseDb } from './case.tables.js';
import type { Deadlines } from './deadlines.js';
import type { WorkflowDeps } from './case-workflow.js';

export interface CaseContext {
  db: CaseDb;
  store: () => ContentStore;
  deadlines: Deadlines;
  now: () => Date;
  baseUrl: string;
  /** Loads the working calendar before the first request that computes a deadline. */
  ready(): Promise<void>;
  /** The inputs of applyAction for one request. */
  workflow(requestId?: string): WorkflowDeps;
}

export function caseContext(deps: ModuleDeps): CaseContext {
  const calendars = workingCalendarService(deps.db);
  const db = caseDb(deps.db);
  const deadlines = calendarDeadlines(() => {
    calendars.refreshSoon();
    return calendars.current;
  });
  const context: CaseContext = {
    db,
    store: () => deps.content.store,
    deadlines,
    now: deps.clock,
    baseUrl: deps.config.PUBLIC_BASE_URL,
    ready: async () => {
      if (!calendars.loaded) await calendars.refresh();
    },
    workflow: (requestId) => ({ db, store: deps.content.store, deadlines, baseUrl: deps.config.PUBLIC_BASE_URL, now: deps.clock(), requestId }),
  };
  return context;
}
