/**
 * The periods the service line's reports count over: Beijing calendar dates (YYYY-MM-DD), both ends included, turned
 * into the half-open range of instants [start of the first day, start of the day after the last) that the queries
 * compare timestamps with, and the Monday-to-Sunday weeks of the trends. Beijing is UTC+8 all year (no daylight
 * saving), so the day of an instant is a fixed offset away and the queries need no time-zone database.
 */
import { addDays, beijingDay, dateOfDay, dayNumber, isCivilDate, startOfBeijingDay as startOfDay } from '../calendar/index.js';

export { addDays };

export interface ReportPeriod {
  /** First day, included. */
  from: string;
  /** Last day, included. */
  to: string;
}

/** A real calendar date written YYYY-MM-DD (2026-02-30 is not one). */
export function isReportDate(value: string): boolean {
  return isCivilDate(value) && Number(value.slice(0, 4)) >= 2000;
}

/** Days from `from` to `to`, both included (1 for a single day). */
export function daysIn(period: ReportPeriod): number {
  return dayNumber(period.to) - dayNumber(period.from) + 1;
}

/** The first instant of a Beijing day. */
export function startOfBeijingDay(date: string): Date {
  return startOfDay(dayNumber(date));
}

/** The instants a period covers: [start, end). */
export function periodBounds(period: ReportPeriod): { start: Date; end: Date } {
  return { start: startOfBeijingDay(period.from), end: startOfBeijingDay(addDays(period.to, 1)) };
}

/** The Beijing date of an instant. */
export function beijingDate(at: Date): string {
  return dateOfDay(beijingDay(at));
}

/** The Monday of the week a date falls in (weeks run Monday to Sunday, as the SQL's date_trunc('week') counts them). */
export function mondayOf(date: string): string {
  const day = dayNumber(date);
  // 1970-01-01 was a Thursday: day 0 is weekday 3 counting from Monday = 0.
  const weekday = (((day + 3) % 7) + 7) % 7;
  return dateOfDay(day - weekday);
}

/** Each week the period touches, by its Monday; the first and last may be partly outside the period. */
export function weeksOf(period: ReportPeriod): string[] {
  const weeks: string[] = [];
  for (let monday = mondayOf(period.from); monday <= period.to; monday = addDays(monday, 7)) weeks.push(monday);
  return weeks;
}

/** The part of the week starting `monday` that lies in the period (for the drill-down of one week's counts). */
export function weekInPeriod(monday: string, period: ReportPeriod): ReportPeriod {
  const sunday = addDays(monday, 6);
  return { from: monday < period.from ? period.from : monday, to: sunday > period.to ? period.to : sunday };
}

/** The default period of the dashboard: the last 30 days, today included. */
export function lastDays(today: string, days: number): ReportPeriod {
  return { from: addDays(today, -(days - 1)), to: today };
}

/** The public page's period: the twelve months before today (today, not yet over, is left out). */
export function lastTwelveMonths(today: string): ReportPeriod {
  const [year, month, day] = today.split('-').map(Number);
  // 29 February a year back does not exist: Date.UTC rolls it over to 1 March.
  const from = new Date(Date.UTC(year - 1, month - 1, day)).toISOString().slice(0, 10);
  return { from, to: addDays(today, -1) };
}
