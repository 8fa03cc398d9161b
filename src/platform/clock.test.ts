import { describe, expect, it } from 'vitest';
import { icsStamp, todayInBeijing } from './clock.js';

describe('todayInBeijing', () => {
  it('turns the date at midnight in Beijing (16:00 UTC), whatever the server’s zone', () => {
    expect(todayInBeijing(new Date('2026-12-31T15:59:59Z'))).toBe('2026-12-31');
    expect(todayInBeijing(new Date('2026-12-31T16:00:00Z'))).toBe('2027-01-01');
    expect(todayInBeijing(new Date('2024-02-28T16:30:00Z'))).toBe('2024-02-29');
  });

  it('stamps iCalendar events in UTC to the second', () => {
    expect(icsStamp(new Date('2026-12-31T17:00:00.123Z'))).toBe('20261231T170000Z');
  });
});
