/** Public surface of the calendar module: the PRC working calendar, working-day arithmetic and the SLA engine. */
import type { AppModule, ModuleDeps } from '../module.js';
import { registerCalendarApi } from './calendar.api.js';
import { registerCalendarPages } from './calendar.pages.js';
import { registerCalendarAdminPages } from './calendar-admin.pages.js';
import { calendarDb } from './calendar.tables.js';
import { workingCalendarService, type WorkingCalendarService } from './load-working-calendar.js';

export { addDays, beijingDay, dateOfDay, dayNumber, isCivilDate, InvalidDateError, startOfBeijingDay } from './civil-date.js';
export type { Bilingual } from './package-days.js';
export {
  buildWorkingCalendar,
  CalendarYearUnknownError,
  describeReason,
  WorkingCalendar,
  type CalendarDay,
  type CalendarOverride,
  type DayReason,
  type DaySource,
} from './working-calendar.js';
export { addWorkingDays, countWorkingDays, MAX_WORKING_DAYS, type CountOptions, type WorkingDaysAnswer } from './working-days.js';
export { dueAt, OpenPauseError, slaState, type DueDate, type DueSoonWindow, type Pause, type SlaState } from './sla.js';
// The limit itself is the service catalogue's (content kinds), re-exported for the calendar's callers.
export { limitSchema, LIMIT_UNITS, type Limit, type LimitUnit } from '../content/index.js';

export { loadWorkingCalendar, workingCalendarService, WorkingCalendarService, CalendarNotLoadedError } from './load-working-calendar.js';
export { addAnswerSchema, countAnswerSchema, workingDaysQuerySchema, MAX_ADD } from './calendar.schemas.js';
export { describeDay, type DescribedDay } from './describe-day.js';

/** The app's calendar service, set to check for other processes' overrides as often as content is polled. */
function calendarsOf(deps: ModuleDeps, log: { error: (obj: object, message: string) => void }): WorkingCalendarService {
  const calendars = workingCalendarService(deps.db);
  calendars.checkEveryMs = deps.config.CONTENT_POLL_MS;
  calendars.onError = (error) => log.error({ err: error }, 'working calendar refresh failed');
  return calendars;
}

export const calendarModule: AppModule = {
  name: 'calendar',
  routes: async (app, deps) => {
    const calendars = calendarsOf(deps, app.log);
    // Loaded before the server answers: pages and the API read it synchronously. With the database unreachable at
    // start the process still starts (and /readyz says 503); requests that need the calendar answer 503 until a
    // later refresh (each such request asks for one) reads it.
    app.addHook('onReady', async () => {
      try {
        await calendars.refresh();
      } catch (error) {
        app.log.error({ err: error }, 'working calendar: first load failed; retrying on demand');
      }
    });
    registerCalendarPages(app, deps.pages, calendars);
    registerCalendarAdminPages(app, { db: calendarDb(deps.db), clock: deps.clock, calendars });
  },
  api: async (api, deps) => registerCalendarApi(api, calendarsOf(deps, api.log)),
};
