/**
 * The service line's deadlines on the PRC working calendar. A limit that runs into a year whose holiday arrangement
 * the State Council has not yet published (late in the year, 60 working days reach into the next) is counted with
 * that year's statutory holidays assumed, rather than refused: a case must always get a due date. The calendar marks
 * such a count provisional; when the arrangement is published (package update or an administrator's overrides),
 * deadlines computed afterwards use it.
 */
import { dayNumber, dueAt, isCivilDate, startOfBeijingDay, type WorkingCalendar } from '../calendar/index.js';
import type { Deadlines } from './deadlines.js';

export function calendarDeadlines(calendar: () => WorkingCalendar): Deadlines {
  return {
    dueAt: (start, limit, pauses = []) => dueAt({ start, limit, pauses, calendar: calendar(), outsideKnownYears: 'assume-statutory-holidays' }).at,
    // 24:00 of the date is 00:00 Beijing time of the next day; an impossible date (2026-02-31) is an invalid instant.
    endOfDay: (date) => (isCivilDate(date) ? startOfBeijingDay(dayNumber(date) + 1) : new Date(Number.NaN)),
  };
}
