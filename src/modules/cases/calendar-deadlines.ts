/**
 * The service line's deadlines on the PRC working calendar. A limit that runs into a year whose holiday arrangement
 * the State Council has not yet published (late in the year, 60 working days reach into the next) is counted with
 * that year's statutory holidays assumed, rather than refused: a case must always get a due date. The calendar marks
 * such a count provisional; when the arrangement is published (package update or an administrator's overrides),
 * deadlines computed afterwards use it.
 */
import { dueAt, type WorkingCalendar } from '../calendar/index.js';
import type { Deadlines } from './deadlines.js';

export function calendarDeadlines(calendar: () => WorkingCalendar): Deadlines {
  return {
    dueAt: (start, limit, pauses = []) => dueAt({ start, limit, pauses, calendar: calendar(), outsideKnownYears: 'assume-statutory-holidays' }).at,
    endOfDay: (date) => {
      const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
      if (!match) return new Date(Number.NaN);
      const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
      const start = new Date(Date.UTC(year, month - 1, day));
      // Reject 2026-02-31 and the like: the parts must survive the round trip.
      if (start.getUTCFullYear() !== year || start.getUTCMonth() !== month - 1 || start.getUTCDate() !== day) return new Date(Number.NaN);
      return new Date(Date.UTC(year, month - 1, day + 1) - 8 * 3_600_000);
    },
  };
}
