/**
 * One injectable clock for "now" and "today". Today is the calendar date in Beijing (Asia/Shanghai), whatever the
 * server's time zone: a policy that comes into force on 1 January does so at midnight in Beijing, not in UTC, so
 * between 00:00 and 08:00 Beijing time a UTC date would still say yesterday.
 */
export type Clock = () => Date;

export const systemClock: Clock = () => new Date();

const beijingDate = new Intl.DateTimeFormat('en-US', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' });

/** The date in Asia/Shanghai as YYYY-MM-DD. */
export function todayInBeijing(now: Date = new Date()): string {
  const parts = Object.fromEntries(beijingDate.formatToParts(now).map((p) => [p.type, p.value]));
  return `${parts.year}-${parts.month}-${parts.day}`;
}

/** An iCalendar DTSTAMP (UTC, to the second) for `now`. */
export function icsStamp(now: Date): string {
  return now.toISOString().replace(/[-:]/g, '').replace(/\.\d+/, '');
}
