/**
 * Working-day arithmetic on the real package data: Spring Festival and National Day of 2025 and 2026 with their
 * make-up working weekends (dates from the State Council's notices as transcribed by chinese-days), both directions of
 * the count, overrides winning over the package, and a year the calendar does not hold.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from './civil-date.js';
import { buildWorkingCalendar, CalendarYearUnknownError, describeReason, type CalendarOverride } from './working-calendar.js';
import { addWorkingDays, countWorkingDays } from './working-days.js';
import { statutoryHolidays } from './statutory-holidays.js';

const calendar = buildWorkingCalendar();
const dates = (days: { date: string }[]) => days.map((d) => d.date);
const range = (from: string, to: string) => {
  const out: string[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) out.push(d);
  return out;
};
const override = (date: string, working: boolean, en: string, zh: string): CalendarOverride => ({ date, working, name: { en, zh }, note: null, createdBy: null, createdAt: new Date('2026-12-01T00:00:00Z') });

describe('the working calendar', () => {
  it('holds the package years 2004 to 2026, and not 2027', () => {
    expect(calendar.knownYears[0]).toBe(2004);
    expect(calendar.knownYears.at(-1)).toBe(2026);
    expect(calendar.covers(2027)).toBe(false);
  });

  it('says why a day is not a working day: a weekend, or the named public holiday in both languages', () => {
    expect(calendar.isWorkingDay('2026-09-30')).toBe(true);
    expect(describeReason(calendar.day('2026-10-03').reason!)).toEqual({ en: 'National Day holiday', zh: '国庆节假期' });
    expect(describeReason(calendar.day('2026-10-07').reason!)).toEqual({ en: 'National Day holiday (a weekday off in exchange for a make-up working day)', zh: '国庆节假期（调休）' });
    expect(describeReason(calendar.day('2026-10-11').reason!)).toEqual({ en: 'Weekend (Sunday)', zh: '周末（星期日）' });
    expect(describeReason(calendar.day('2026-04-05').reason!).zh).toBe('清明节假期');
    expect(calendar.day('2026-10-03').source).toMatchObject({ kind: 'state_council_notice', year: 2026, url: 'https://www.gov.cn/zhengce/zhengceku/202511/content_7047091.htm' });
  });

  it('counts make-up weekends (调休上班) as working days', () => {
    for (const date of ['2025-01-26', '2025-02-08', '2025-09-28', '2025-10-11', '2026-02-14', '2026-02-28', '2026-09-20', '2026-10-10']) {
      expect(calendar.isWorkingDay(date), date).toBe(true);
    }
    expect(describeReason(calendar.day('2026-02-14').reason!)).toEqual({ en: 'Make-up working day for the Spring Festival holiday', zh: '春节调休上班日' });
  });

  it('refuses a day of a year it does not hold, naming the year', () => {
    expect(() => calendar.day('2027-01-04')).toThrow(CalendarYearUnknownError);
    expect(() => calendar.day('2027-01-04')).toThrow('no holiday arrangement for 2027 (it holds 2004–2026)');
    expect(() => calendar.day('2003-06-02')).toThrow(CalendarYearUnknownError);
  });
});

describe('addWorkingDays', () => {
  it('7 working days after 30 September 2026 end on 15 October: the National Day week skipped, Saturday 10 October worked', () => {
    const answer = addWorkingDays(calendar, '2026-09-30', 7);
    expect(answer.date).toBe('2026-10-15');
    expect(dates(answer.skipped)).toEqual([...range('2026-10-01', '2026-10-07'), '2026-10-11']);
    expect(dates(answer.extraWorkingDays)).toEqual(['2026-10-10']);
    expect(answer.provisional).toBe(false);
  });

  it('across Spring Festival 2026: Saturday 14 February is worked, 15–23 February are skipped', () => {
    const answer = addWorkingDays(calendar, '2026-02-12', 5);
    expect(answer.date).toBe('2026-02-26');
    expect(dates(answer.skipped)).toEqual(range('2026-02-15', '2026-02-23'));
    expect(dates(answer.extraWorkingDays)).toEqual(['2026-02-14']);
    // Saturday 28 February is worked too: 15 working days after Monday 9 February end on Friday 6 March.
    const fifteen = addWorkingDays(calendar, '2026-02-09', 15);
    expect(fifteen.date).toBe('2026-03-06');
    expect(dates(fifteen.extraWorkingDays)).toEqual(['2026-02-14', '2026-02-28']);
  });

  it('across Spring Festival and National Day 2025 with their make-up Sundays and Saturdays', () => {
    // 28 Jan – 4 Feb off; Sunday 26 January and Saturday 8 February worked.
    expect(addWorkingDays(calendar, '2025-01-24', 1).date).toBe('2025-01-26');
    expect(addWorkingDays(calendar, '2025-01-24', 3).date).toBe('2025-02-05');
    expect(addWorkingDays(calendar, '2025-02-05', 3).date).toBe('2025-02-08');
    // 1–8 October off (National Day with Mid-Autumn on the 6th); Sunday 28 September and Saturday 11 October worked.
    expect(addWorkingDays(calendar, '2025-09-26', 1).date).toBe('2025-09-28');
    const national = addWorkingDays(calendar, '2025-09-30', 3);
    expect(national.date).toBe('2025-10-11');
    expect(dates(national.skipped)).toEqual(range('2025-10-01', '2025-10-08'));
    expect(describeReason(national.skipped[5].reason!).en).toBe('Mid-Autumn Festival holiday');
  });

  it('does not count the start day, even a working one; 0 days is the start day itself', () => {
    expect(addWorkingDays(calendar, '2026-06-01', 1).date).toBe('2026-06-02');
    expect(addWorkingDays(calendar, '2026-06-01', 0)).toMatchObject({ date: '2026-06-01', skipped: [] });
    // From a holiday: the next working day is the first.
    expect(addWorkingDays(calendar, '2026-10-03', 1).date).toBe('2026-10-08');
  });

  it('is an explicit error when the count runs into a year the calendar does not hold', () => {
    expect(() => addWorkingDays(calendar, '2026-12-28', 5)).toThrow(CalendarYearUnknownError);
    expect(addWorkingDays(calendar, '2026-12-28', 3).date).toBe('2026-12-31');
  });

  it('can assume the statutory holidays for an unknown year, flagged provisional', () => {
    const answer = addWorkingDays(calendar, '2026-12-28', 5, { outsideKnownYears: 'assume-statutory-holidays' });
    // 1 January 2027 (New Year's Day) and the weekend of 2–3 January are assumed off.
    expect(answer).toMatchObject({ date: '2027-01-05', provisional: true, assumedYears: [2027] });
    expect(answer.skipped.map((d) => [d.date, d.source.kind])).toEqual([['2027-01-01', 'assumed'], ['2027-01-02', 'assumed'], ['2027-01-03', 'assumed']]);
    // Spring Festival 2027: New Year's Eve (5 Feb) to the third day (8 Feb) assumed off.
    expect(addWorkingDays(calendar, '2027-02-04', 1, { outsideKnownYears: 'assume-statutory-holidays' }).date).toBe('2027-02-09');
    expect(() => addWorkingDays(calendar, '2040-12-31', 1, { outsideKnownYears: 'assume-statutory-holidays' })).toThrow(CalendarYearUnknownError);
  });

  it('the assumed statutory days of 2025 and 2026 are days off of the same holiday in the held arrangements', () => {
    for (const year of [2025, 2026]) {
      for (const [date, festival] of statutoryHolidays(year)!) {
        const day = calendar.day(date);
        expect(day.working, date).toBe(false);
        expect(day.reason, date).toMatchObject({ kind: 'holiday', festival: { zh: festival.zh } });
      }
    }
  });

  it('refuses a count that is not a whole number of days, and a date that does not exist', () => {
    expect(() => addWorkingDays(calendar, '2026-06-01', -1)).toThrow(RangeError);
    expect(() => addWorkingDays(calendar, '2026-06-01', 1.5)).toThrow(RangeError);
    expect(() => addWorkingDays(calendar, '2026-02-30', 1)).toThrow('not a date');
  });
});

describe('countWorkingDays', () => {
  it('counts the working days after the first date up to and including the second', () => {
    expect(countWorkingDays(calendar, '2026-09-30', '2026-10-15')).toBe(7);
    expect(countWorkingDays(calendar, '2026-02-13', '2026-02-24')).toBe(2);
    expect(countWorkingDays(calendar, '2026-06-01', '2026-06-01')).toBe(0);
  });

  it('counts backwards as a negative number of the same size', () => {
    expect(countWorkingDays(calendar, '2026-10-15', '2026-09-30')).toBe(-7);
    expect(countWorkingDays(calendar, '2025-10-11', '2025-09-26')).toBe(-countWorkingDays(calendar, '2025-09-26', '2025-10-11'));
  });

  it('agrees with addWorkingDays on any start in 2025–2026', () => {
    const start = Date.UTC(2025, 0, 1);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 600 }), fc.integer({ min: 0, max: 120 }), (offset, n) => {
        const from = new Date(start + offset * 86_400_000).toISOString().slice(0, 10);
        let answer;
        try {
          answer = addWorkingDays(calendar, from, n);
        } catch (error) {
          if (error instanceof CalendarYearUnknownError) return true;
          throw error;
        }
        return countWorkingDays(calendar, from, answer.date) === n && countWorkingDays(calendar, answer.date, from) === -n;
      }),
    );
  });

  it('is an explicit error across an unknown year', () => {
    expect(() => countWorkingDays(calendar, '2026-12-01', '2027-01-15')).toThrow(CalendarYearUnknownError);
  });
});

describe('overrides', () => {
  it('win over the package: a closure makes a working day a day off, an opening makes a holiday a working day', () => {
    const changed = buildWorkingCalendar({
      overrides: [override('2026-10-12', false, 'Municipal closure', '全市停止办公'), override('2026-10-07', true, 'Office open', '照常办公')],
    });
    expect(changed.isWorkingDay('2026-10-12')).toBe(false);
    expect(describeReason(changed.day('2026-10-12').reason!)).toEqual({ en: 'Municipal closure', zh: '全市停止办公' });
    expect(changed.isWorkingDay('2026-10-07')).toBe(true);
    const answer = addWorkingDays(changed, '2026-09-30', 7);
    expect(answer.date).toBe('2026-10-15');
    expect(dates(answer.extraWorkingDays)).toEqual(['2026-10-07', '2026-10-10']);
    expect(addWorkingDays(changed, '2026-09-30', 5).date).toBe('2026-10-13');
  });

  it('make a year known once the administrators have entered its whole arrangement', () => {
    const with2027 = buildWorkingCalendar({ overrides: [override('2027-01-01', false, "New Year's Day", '元旦')], enteredYears: [2027] });
    expect(with2027.knownYears.at(-1)).toBe(2027);
    expect(addWorkingDays(with2027, '2026-12-28', 5)).toMatchObject({ date: '2027-01-05', provisional: false });
  });
});
