/**
 * Working-day arithmetic over a WorkingCalendar, pure and synchronous.
 *
 * The start day is not counted: counting begins the next day, as the Civil Code counts periods in days (Art. 201,
 * 期间开始的当日不计入). So `addWorkingDays(cal, from, n).date` is the nth working day after `from`, and
 * `countWorkingDays(cal, from, to)` counts the working days d with from < d ≤ to: the two agree,
 * countWorkingDays(cal, from, addWorkingDays(cal, from, n).date) === n.
 *
 * Every day the count passes must lie in a year the calendar knows; otherwise CalendarYearUnknownError, or with
 * `outsideKnownYears: 'assume-statutory-holidays'` an answer that assumes only the statutory holidays, weekends and
 * overrides are days off there (no make-up working days: the year's notice will add swaps), flagged `provisional`
 * with the years assumed.
 */
import { dayNumber, dateOfDay, yearOfDay } from './civil-date.js';
import type { CalendarDay, WorkingCalendar } from './working-calendar.js';

export interface CountOptions {
  /** What to do with a day of a year the calendar does not know. Default: 'error'. */
  outsideKnownYears?: 'error' | 'assume-statutory-holidays';
}

export interface WorkingDaysAnswer {
  from: string;
  add: number;
  /** The nth working day after `from`. */
  date: string;
  /** The days after `from`, before `date`, that are not working days, each with its reason. */
  skipped: CalendarDay[];
  /** Days counted although they are usually days off: make-up working days (调休上班) and days an override opened. */
  extraWorkingDays: CalendarDay[];
  /** True when some day was in a year the calendar does not know, assumed from the statutory holidays. */
  provisional: boolean;
  assumedYears: number[];
}

/** Longest count accepted: a guard against a loop over centuries, far above any legal time limit. */
export const MAX_WORKING_DAYS = 10_000;

export function addWorkingDays(calendar: WorkingCalendar, from: string, n: number, options: CountOptions = {}): WorkingDaysAnswer {
  if (!Number.isSafeInteger(n) || n < 0 || n > MAX_WORKING_DAYS) throw new RangeError(`the number of working days must be a whole number from 0 to ${MAX_WORKING_DAYS}, not ${n}`);
  const assume = options.outsideKnownYears === 'assume-statutory-holidays';
  const skipped: CalendarDay[] = [];
  const extraWorkingDays: CalendarDay[] = [];
  const assumedYears = new Set<number>();
  let day = dayNumber(from);
  for (let counted = 0; counted < n; ) {
    day += 1;
    const info = calendar.dayOf(day, assume);
    if (info.source.kind === 'assumed') assumedYears.add(yearOfDay(day));
    if (!info.working) skipped.push(info);
    else {
      counted += 1;
      if (info.reason) extraWorkingDays.push(info);
    }
  }
  const years = [...assumedYears].sort((a, b) => a - b);
  return { from, add: n, date: dateOfDay(day), skipped, extraWorkingDays, provisional: years.length > 0, assumedYears: years };
}

/** Working days d with from < d ≤ to; negative when `to` is before `from` (the same count, the other way). */
export function countWorkingDays(calendar: WorkingCalendar, from: string, to: string, options: CountOptions = {}): number {
  const [a, b] = [dayNumber(from), dayNumber(to)];
  if (b < a) return -countWorkingDays(calendar, to, from, options);
  if (b - a > MAX_WORKING_DAYS * 2) throw new RangeError(`a count spans at most ${MAX_WORKING_DAYS * 2} days`);
  const assume = options.outsideKnownYears === 'assume-statutory-holidays';
  let count = 0;
  for (let day = a + 1; day <= b; day += 1) if (calendar.dayOf(day, assume).working) count += 1;
  return count;
}
