/** Public surface of the calendar module: the PRC working calendar, working-day arithmetic and the SLA engine. */
import type { AppModule } from '../module.js';

export { isCivilDate, InvalidDateError } from './civil-date.js';
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
export { dueAt, limitSchema, LIMIT_UNITS, OpenPauseError, slaState, type DueDate, type DueSoonWindow, type Limit, type LimitUnit, type Pause, type SlaState } from './sla.js';

export const calendarModule: AppModule = {
  name: 'calendar',
};
