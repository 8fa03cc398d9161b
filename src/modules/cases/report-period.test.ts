import { describe, expect, it } from 'vitest';
import { beijingDate, daysIn, isReportDate, lastDays, lastTwelveMonths, mondayOf, periodBounds, weekInPeriod, weeksOf } from './report-period.js';

describe('report periods', () => {
  it('turns Beijing dates into instants: a day starts at 16:00 UTC the day before', () => {
    expect(periodBounds({ from: '2026-11-02', to: '2026-12-01' })).toEqual({ start: new Date('2026-11-01T16:00:00Z'), end: new Date('2026-12-01T16:00:00Z') });
    expect(beijingDate(new Date('2026-11-15T17:00:00Z'))).toBe('2026-11-16');
  });

  it('counts weeks from Monday, and the first and last may be partial', () => {
    expect(mondayOf('2026-11-15')).toBe('2026-11-09');
    expect(mondayOf('2026-11-16')).toBe('2026-11-16');
    expect(weeksOf({ from: '2026-11-04', to: '2026-11-17' })).toEqual(['2026-11-02', '2026-11-09', '2026-11-16']);
    expect(weekInPeriod('2026-11-02', { from: '2026-11-04', to: '2026-11-17' })).toEqual({ from: '2026-11-04', to: '2026-11-08' });
  });

  it('gives the last 30 days with today, and the 12 months before today', () => {
    expect(lastDays('2026-12-01', 30)).toEqual({ from: '2026-11-02', to: '2026-12-01' });
    expect(daysIn(lastDays('2026-12-01', 30))).toBe(30);
    expect(lastTwelveMonths('2026-12-01')).toEqual({ from: '2025-12-01', to: '2026-11-30' });
    expect(lastTwelveMonths('2028-02-29')).toEqual({ from: '2027-03-01', to: '2028-02-28' });
  });

  it('accepts only real dates', () => {
    expect(['2026-02-28', '2028-02-29'].map(isReportDate)).toEqual([true, true]);
    expect(['2026-02-29', '2026-13-01', '26-01-01', '1999-12-31'].map(isReportDate)).toEqual([false, false, false, false]);
  });
});
