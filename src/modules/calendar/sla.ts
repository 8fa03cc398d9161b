/**
 * The SLA engine: when a time limit ends, and where a matter stands against it. Pure functions of stored
 * timestamps, the limit and the working calendar — no timers: "overdue" is whatever slaState says when asked.
 *
 * Limits in days end at 24:00 Beijing time of their last day (Civil Code Art. 203: 期间的最后一日的截止时间为二十四时),
 * and the day the clock starts is not counted (Art. 201). A limit in working days counts only working days of the
 * PRC working calendar (Administrative Licensing Law Art. 82: 以工作日计算，不含法定节假日); one in calendar days
 * counts every day. A limit in minutes runs continuously; 0 minutes is "real time" (due at the start).
 *
 * Pauses (waiting for the enterprise: missing materials, a clarification) stop the clock:
 *  - minutes: the due instant moves later by exactly the time paused before it;
 *  - days: a day during which the clock was stopped, even in part, is not counted. The due date is 24:00 of the
 *    nth counted day, so a pause extends a limit in working days by the number of working days it touched — a pause
 *    from Tuesday 16:00 to Thursday 10:00 touches Tuesday, Wednesday and Thursday and adds three working days; a
 *    pause on the start day (never counted) adds nothing for that day. A pause that begins after the due instant
 *    changes nothing: a limit already missed stays missed.
 * A pause without an end is still running: it counts up to `now`, so the due date moves on while the matter waits.
 */
import { beijingDay, startOfBeijingDay, yearOfDay } from './civil-date.js';
import type { WorkingCalendar } from './working-calendar.js';
import type { CountOptions } from './working-days.js';
import { limitSchema, type Limit } from '../content/index.js';



export interface Pause {
  from: Date;
  /** null: still waiting. */
  to: Date | null;
}

/** When "due soon" begins: the last `lastDays` counted days (day limits), or the last `share` of the limit's span. */
export type DueSoonWindow = { lastDays: number } | { share: number };

export interface DueAtInput extends CountOptions {
  start: Date;
  limit: Limit;
  pauses?: readonly Pause[];
  calendar: WorkingCalendar;
  /** Needed when a pause is still running (it counts up to now). */
  now?: Date;
  /** Default: the last counted day for limits in days, the last 20 % for limits in minutes. */
  dueSoon?: DueSoonWindow;
}

export interface DueDate {
  at: Date;
  /** From this instant the matter is "due soon". */
  dueSoonAt: Date;
  /** Limits in days: counted days the pauses took out (working days for a working-day limit). */
  pausedDays: number;
  /** Limits in minutes: milliseconds the pauses added. */
  pausedMs: number;
  /** True when the count ran through a year the calendar does not know (only with outsideKnownYears: 'assume-statutory-holidays'). */
  provisional: boolean;
  assumedYears: number[];
}

export class OpenPauseError extends Error {
  constructor() {
    super('a pause is still running: pass `now` to count it up to now');
  }
}

/** Pauses clipped to start at `start`, ended at `now` when open, empty ones dropped, sorted and merged. */
function normalisePauses(pauses: readonly Pause[], start: Date, now: Date | undefined): { from: number; to: number }[] {
  const spans = pauses
    .map((p) => {
      if (!p.to && !now) throw new OpenPauseError();
      return { from: Math.max(p.from.getTime(), start.getTime()), to: (p.to ?? now!).getTime() };
    })
    .filter((p) => p.to > p.from)
    .sort((a, b) => a.from - b.from);
  const merged: { from: number; to: number }[] = [];
  for (const span of spans) {
    const last = merged.at(-1);
    if (last && span.from <= last.to) last.to = Math.max(last.to, span.to);
    else merged.push({ ...span });
  }
  return merged;
}

function dueInMinutes(input: DueAtInput, pauses: { from: number; to: number }[]): DueDate {
  const start = input.start.getTime();
  const span = input.limit.amount * 60_000;
  let at = start + span;
  let pausedMs = 0;
  for (const p of pauses) {
    if (p.from >= at) break;
    pausedMs += p.to - p.from;
    at += p.to - p.from;
  }
  const window = input.dueSoon ?? { share: 0.2 };
  if ('lastDays' in window) throw new RangeError('a limit in minutes has no last days: give dueSoon as a share');
  return { at: new Date(at), dueSoonAt: new Date(at - window.share * span), pausedDays: 0, pausedMs, provisional: false, assumedYears: [] };
}

function dueInDays(input: DueAtInput, pauses: { from: number; to: number }[]): DueDate {
  const { calendar, limit } = input;
  const assume = input.outsideKnownYears === 'assume-statutory-holidays';
  const paused = new Set<number>();
  for (const p of pauses) for (let day = beijingDay(new Date(p.from)); day <= beijingDay(new Date(p.to - 1)); day += 1) paused.add(day);
  const counted: number[] = [];
  const assumedYears = new Set<number>();
  let pausedDays = 0;
  for (let day = beijingDay(input.start) + 1; counted.length < limit.amount; day += 1) {
    let counts = true;
    if (limit.unit === 'working_days') {
      const info = calendar.dayOf(day, assume);
      if (info.source.kind === 'assumed') assumedYears.add(yearOfDay(day));
      counts = info.working;
    }
    if (!counts) continue;
    if (paused.has(day)) pausedDays += 1;
    else counted.push(day);
  }
  const at = startOfBeijingDay(counted.at(-1)! + 1);
  const window = input.dueSoon ?? { lastDays: 1 };
  const dueSoonAt =
    'lastDays' in window
      ? startOfBeijingDay(counted[Math.max(0, counted.length - Math.max(1, window.lastDays))])
      : new Date(at.getTime() - window.share * (at.getTime() - input.start.getTime()));
  const years = [...assumedYears].sort((a, b) => a - b);
  return { at, dueSoonAt, pausedDays, pausedMs: 0, provisional: years.length > 0, assumedYears: years };
}

/** When the limit ends, counted from `start` with the pauses taken out (see the file's comment for the rules). */
export function dueAt(input: DueAtInput): DueDate {
  const limit = limitSchema.parse(input.limit);
  const pauses = normalisePauses(input.pauses ?? [], input.start, input.now);
  return limit.unit === 'minutes' ? dueInMinutes({ ...input, limit }, pauses) : dueInDays({ ...input, limit }, pauses);
}

export type SlaState = 'on_time' | 'due_soon' | 'overdue' | 'met' | 'breached';

/**
 * Where a matter stands: closed by the due instant is `met`, after it `breached`; open, it is `overdue` from the due
 * instant on, `due_soon` from `dueSoonAt`, otherwise `on_time`. A plain Date as `due` has no due-soon window.
 */
export function slaState({ now, due, closedAt }: { now: Date; due: DueDate | Date; closedAt?: Date | null }): SlaState {
  const at = due instanceof Date ? due : due.at;
  const soon = due instanceof Date ? due : due.dueSoonAt;
  if (closedAt) return closedAt.getTime() <= at.getTime() ? 'met' : 'breached';
  if (now.getTime() >= at.getTime()) return 'overdue';
  return now.getTime() >= soon.getTime() ? 'due_soon' : 'on_time';
}
