/**
 * One injectable clock for "now" and "today". Today is the calendar date in Beijing (Asia/Shanghai), whatever the
 * server's time zone: a policy that comes into force on 1 January does so at midnight in Beijing, not in UTC, so
 * between 00:00 and 08:00 Beijing time a UTC date would still say yesterday.
 */
export type Clock = () => Date;

export const systemClock: Clock = () => new Date();

const beijingDate = new Intl.DateTimeFormat('en-US', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' });

/** Beijing has no daylight saving: its date changes only on a whole minute, so one formatting per minute is enough. */
let memo = { minute: Number.NaN, date: '' };

/** The date in Asia/Shanghai as YYYY-MM-DD. */
export function todayInBeijing(now: Date = new Date()): string {
  const minute = Math.floor(now.getTime() / 60_000);
  if (minute === memo.minute) return memo.date;
  const parts = Object.fromEntries(beijingDate.formatToParts(now).map((p) => [p.type, p.value]));
  memo = { minute, date: `${parts.year}-${parts.month}-${parts.day}` };
  return memo.date;
}

/** An iCalendar DTSTAMP (UTC, to the second) for `now`. */
export function icsStamp(now: Date): string {
  return now.toISOString().replace(/[-:]/g, '').replace(/\.\d+/, '');
}
