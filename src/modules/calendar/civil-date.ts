/**
 * Calendar dates (YYYY-MM-DD, no time, no zone) as whole day numbers, and Beijing days of instants. Working-day
 * arithmetic runs on day numbers so it never meets a time zone: a date is a label of a day, not an instant.
 *
 * Beijing time is UTC+8 all year (China has kept no daylight saving time since 1991), so the Beijing day of an
 * instant is a fixed offset away and needs no time-zone database.
 */
const DAY_MS = 86_400_000;
export const BEIJING_OFFSET_MS = 8 * 3_600_000;

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A real calendar date written YYYY-MM-DD (2026-02-30 is not one), years 1000–9999. */
export function isCivilDate(value: string): boolean {
  const match = DATE.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (year < 1000 || month < 1 || month > 12 || day < 1) return false;
  return dateOfDay(Date.UTC(year, month - 1, day) / DAY_MS) === value;
}

export class InvalidDateError extends RangeError {
  constructor(readonly value: string) {
    super(`${JSON.stringify(value)} is not a date written YYYY-MM-DD`);
  }
}

/** Days since 1970-01-01 of a YYYY-MM-DD date. */
export function dayNumber(date: string): number {
  if (!isCivilDate(date)) throw new InvalidDateError(date);
  return Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / DAY_MS;
}

export function dateOfDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

export function yearOfDay(day: number): number {
  return new Date(day * DAY_MS).getUTCFullYear();
}

/** 0 = Sunday … 6 = Saturday. */
export function weekdayOfDay(day: number): number {
  return (((day + 4) % 7) + 7) % 7;
}

export function isWeekendDay(day: number): boolean {
  const weekday = weekdayOfDay(day);
  return weekday === 0 || weekday === 6;
}

export function addDays(date: string, days: number): string {
  return dateOfDay(dayNumber(date) + days);
}

/** The day number of the date in Beijing at `instant`. */
export function beijingDay(instant: Date): number {
  return Math.floor((instant.getTime() + BEIJING_OFFSET_MS) / DAY_MS);
}

/** 00:00 Beijing time of a day, which is also 24:00 of the day before. */
export function startOfBeijingDay(day: number): Date {
  return new Date(day * DAY_MS - BEIJING_OFFSET_MS);
}
