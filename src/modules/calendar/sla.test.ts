/**
 * The SLA engine on the real calendar: limits in working days, calendar days and minutes end where the rules say (24:00
 * Beijing time of the last day; the start day not counted), pauses extend them as documented in sla.ts, and the state
 * follows from stored timestamps alone.
 */
import { describe, expect, it } from 'vitest';
import { buildWorkingCalendar, CalendarYearUnknownError } from './working-calendar.js';
import { dueAt, OpenPauseError, slaState } from './sla.js';
import { limitSchema, type Limit } from '../content/index.js';

const calendar = buildWorkingCalendar();
/** An instant given in Beijing time. */
const bj = (local: string) => new Date(`${local}+08:00`);
const working = (amount: number): Limit => ({ amount, unit: 'working_days' });

describe('dueAt: limits in working days', () => {
  it('ends at 24:00 Beijing time of the nth working day after the start day', () => {
    const due = dueAt({ start: bj('2026-09-30T10:00:00'), limit: working(7), calendar });
    expect(due.at).toEqual(bj('2026-10-16T00:00:00'));
    expect(due.at.toISOString()).toBe('2026-10-15T16:00:00.000Z');
    expect(due.provisional).toBe(false);
  });

  it('takes the Beijing date of the start, not the UTC one', () => {
    // 00:30 on Tuesday 2 June in Beijing is still 1 June in UTC: the start day is 2 June.
    expect(dueAt({ start: bj('2026-06-02T00:30:00'), limit: working(1), calendar }).at).toEqual(bj('2026-06-04T00:00:00'));
    expect(dueAt({ start: bj('2026-06-01T23:30:00'), limit: working(1), calendar }).at).toEqual(bj('2026-06-03T00:00:00'));
  });

  it('runs across Spring Festival 2026 with both make-up Saturdays', () => {
    expect(dueAt({ start: bj('2026-02-09T10:00:00'), limit: working(15), calendar }).at).toEqual(bj('2026-03-07T00:00:00'));
  });

  it('is an explicit error when the limit runs into a year the calendar does not hold, or provisional when asked', () => {
    expect(() => dueAt({ start: bj('2026-12-20T10:00:00'), limit: working(15), calendar })).toThrow(CalendarYearUnknownError);
    const assumed = dueAt({ start: bj('2026-12-20T10:00:00'), limit: working(15), calendar, outsideKnownYears: 'assume-statutory-holidays' });
    expect(assumed).toMatchObject({ provisional: true, assumedYears: [2027] });
    // 21–31 December: 9 working days; then 1 January (assumed off), 4–8 January: 5 more, 11 January the 15th.
    expect(assumed.at).toEqual(bj('2027-01-12T00:00:00'));
  });
});

describe('dueAt: pauses while waiting for the enterprise', () => {
  const start = bj('2026-06-01T09:00:00'); // Monday
  const limit = working(5);

  it('without a pause: 2, 3, 4, 5 and 8 June are counted', () => {
    expect(dueAt({ start, limit, calendar }).at).toEqual(bj('2026-06-09T00:00:00'));
  });

  it('a pause from Tuesday 16:00 to Thursday 10:00 takes out the three working days it touched', () => {
    const due = dueAt({ start, limit, calendar, pauses: [{ from: bj('2026-06-02T16:00:00'), to: bj('2026-06-04T10:00:00') }] });
    expect(due.pausedDays).toBe(3);
    expect(due.at).toEqual(bj('2026-06-12T00:00:00'));
  });

  it('a pause that ends at midnight touches only the day before; one on the start day adds nothing', () => {
    expect(dueAt({ start, limit, calendar, pauses: [{ from: bj('2026-06-02T10:00:00'), to: bj('2026-06-03T00:00:00') }] })).toMatchObject({ pausedDays: 1, at: bj('2026-06-10T00:00:00') });
    expect(dueAt({ start, limit, calendar, pauses: [{ from: bj('2026-06-01T10:00:00'), to: bj('2026-06-01T15:00:00') }] })).toMatchObject({ pausedDays: 0, at: bj('2026-06-09T00:00:00') });
  });

  it('counts only the working days a pause touched: a pause over the Dragon Boat weekend takes out Thursday and Monday', () => {
    // 19–21 June 2026 are the Dragon Boat holiday; with a start on Wednesday 17 June, 5 working days end on 25 June.
    const s = bj('2026-06-17T09:00:00');
    expect(dueAt({ start: s, limit, calendar }).at).toEqual(bj('2026-06-26T00:00:00'));
    const due = dueAt({ start: s, limit, calendar, pauses: [{ from: bj('2026-06-18T11:00:00'), to: bj('2026-06-22T09:30:00') }] });
    expect(due.pausedDays).toBe(2);
    expect(due.at).toEqual(bj('2026-06-30T00:00:00'));
  });

  it('a pause still running counts up to now, so the due date moves on while the matter waits', () => {
    const pauses = [{ from: bj('2026-06-03T09:00:00'), to: null }];
    expect(() => dueAt({ start, limit, calendar, pauses })).toThrow(OpenPauseError);
    const due = dueAt({ start, limit, calendar, pauses, now: bj('2026-06-05T12:00:00') });
    expect(due.pausedDays).toBe(3);
    expect(due.at).toEqual(bj('2026-06-12T00:00:00'));
    expect(slaState({ now: bj('2026-06-09T12:00:00'), due: dueAt({ start, limit, calendar, pauses, now: bj('2026-06-09T12:00:00') }) })).toBe('on_time');
  });

  it('a pause that begins after the due instant changes nothing: a missed limit stays missed', () => {
    const due = dueAt({ start, limit, calendar, pauses: [{ from: bj('2026-06-10T09:00:00'), to: bj('2026-06-15T09:00:00') }] });
    expect(due.at).toEqual(bj('2026-06-09T00:00:00'));
    expect(slaState({ now: bj('2026-06-15T10:00:00'), due })).toBe('overdue');
  });

  it('overlapping pauses are counted once', () => {
    const due = dueAt({
      start, limit, calendar,
      pauses: [{ from: bj('2026-06-02T10:00:00'), to: bj('2026-06-03T10:00:00') }, { from: bj('2026-06-03T09:00:00'), to: bj('2026-06-03T18:00:00') }],
    });
    expect(due.pausedDays).toBe(2);
    expect(due.at).toEqual(bj('2026-06-11T00:00:00'));
  });
});

describe('dueAt: calendar days and minutes', () => {
  it('counts every day for a limit in calendar days, holidays included', () => {
    expect(dueAt({ start: bj('2026-09-30T10:00:00'), limit: { amount: 3, unit: 'calendar_days' }, calendar }).at).toEqual(bj('2026-10-04T00:00:00'));
  });

  it('a limit in calendar days is extended by the days a pause touched', () => {
    const due = dueAt({ start: bj('2026-09-30T10:00:00'), limit: { amount: 3, unit: 'calendar_days' }, calendar, pauses: [{ from: bj('2026-10-01T08:00:00'), to: bj('2026-10-01T20:00:00') }] });
    expect(due).toMatchObject({ pausedDays: 1, at: bj('2026-10-05T00:00:00') });
  });

  it('real time (0 minutes) is due at the start, and a pause does not move it', () => {
    const start = bj('2026-06-01T09:00:00');
    const due = dueAt({ start, limit: { amount: 0, unit: 'minutes' }, calendar, pauses: [{ from: start, to: bj('2026-06-01T10:00:00') }] });
    expect(due.at).toEqual(start);
    expect(slaState({ now: start, due, closedAt: start })).toBe('met');
    expect(slaState({ now: bj('2026-06-01T09:01:00'), due })).toBe('overdue');
    expect(slaState({ now: bj('2026-06-01T09:05:00'), due, closedAt: bj('2026-06-01T09:05:00') })).toBe('breached');
  });

  it('minutes run continuously, holidays included, and a pause adds exactly its length', () => {
    const start = bj('2026-10-01T09:00:00');
    expect(dueAt({ start, limit: { amount: 120, unit: 'minutes' }, calendar }).at).toEqual(bj('2026-10-01T11:00:00'));
    const due = dueAt({ start, limit: { amount: 120, unit: 'minutes' }, calendar, pauses: [{ from: bj('2026-10-01T09:30:00'), to: bj('2026-10-01T10:00:00') }, { from: bj('2026-10-01T12:00:00'), to: bj('2026-10-01T13:00:00') }] });
    expect(due).toMatchObject({ at: bj('2026-10-01T11:30:00'), pausedMs: 30 * 60_000 });
    expect(due.dueSoonAt).toEqual(bj('2026-10-01T11:06:00'));
  });
});

describe('slaState', () => {
  const due = dueAt({ start: bj('2026-06-01T09:00:00'), limit: working(5), calendar }); // 24:00 on Monday 8 June

  it('is on time, then due soon on the last working day, then overdue from 24:00', () => {
    expect(due.dueSoonAt).toEqual(bj('2026-06-08T00:00:00'));
    expect(slaState({ now: bj('2026-06-05T17:00:00'), due })).toBe('on_time');
    expect(slaState({ now: bj('2026-06-07T12:00:00'), due })).toBe('on_time');
    expect(slaState({ now: bj('2026-06-08T09:00:00'), due })).toBe('due_soon');
    expect(slaState({ now: bj('2026-06-09T00:00:00'), due })).toBe('overdue');
  });

  it('met when closed by 24:00 of the last day, breached after, whatever now is', () => {
    const now = bj('2026-07-01T00:00:00');
    expect(slaState({ now, due, closedAt: bj('2026-06-08T23:59:59') })).toBe('met');
    expect(slaState({ now, due, closedAt: bj('2026-06-09T00:00:00') })).toBe('met');
    expect(slaState({ now, due, closedAt: bj('2026-06-09T00:00:01') })).toBe('breached');
  });

  it('takes a configurable window: the last two working days, or the last 20 % of the limit', () => {
    const start = bj('2026-06-01T09:00:00');
    expect(dueAt({ start, limit: working(5), calendar, dueSoon: { lastDays: 2 } }).dueSoonAt).toEqual(bj('2026-06-05T00:00:00'));
    const share = dueAt({ start, limit: working(5), calendar, dueSoon: { share: 0.2 } });
    expect(share.dueSoonAt.getTime()).toBe(share.at.getTime() - 0.2 * (share.at.getTime() - start.getTime()));
    expect(() => dueAt({ start, limit: { amount: 60, unit: 'minutes' }, calendar, dueSoon: { lastDays: 1 } })).toThrow(RangeError);
  });
});

describe('limitSchema', () => {
  it('accepts the catalogue’s limits and refuses others, naming the field', () => {
    for (const limit of [{ amount: 0, unit: 'minutes' }, { amount: 3, unit: 'working_days' }, { amount: 15, unit: 'calendar_days' }]) expect(limitSchema.parse(limit)).toEqual(limit);
    expect(limitSchema.safeParse({ amount: 0, unit: 'working_days' }).error?.issues[0].path).toEqual(['amount']);
    expect(limitSchema.safeParse({ amount: 1.5, unit: 'minutes' }).success).toBe(false);
    expect(limitSchema.safeParse({ amount: 3, unit: 'weeks' }).success).toBe(false);
  });
});
