/**
 * The PRC working calendar as a value: every day is a working day or not, and says why. Built from the package's
 * holiday arrangements and the administrators' overrides (an override wins), it answers synchronously from memory,
 * so the arithmetic over it is pure. A year for which it holds no arrangement is unknown: asking about a day of it
 * is an error (CalendarYearUnknownError), never a guess, unless the caller asks for the statutory-holidays assumption
 * (statutory-holidays.ts), and then the answer is flagged provisional.
 */
import { dateOfDay, dayNumber, isWeekendDay, weekdayOfDay, yearOfDay } from './civil-date.js';
import { t } from './messages.js';
import { arrangementYear, noticeOf, packageCalendar, type Bilingual, type PackageCalendar } from './package-days.js';
import { statutoryHolidays } from './statutory-holidays.js';

/** An administrator's correction or addition for one date (table calendar_overrides). */
export interface CalendarOverride {
  date: string;
  working: boolean;
  name: Bilingual;
  note: string | null;
  createdBy: string | null;
  createdAt: Date;
}

/** Why a day is what it is; an ordinary Monday–Friday has no reason. */
export type DayReason =
  | { kind: 'weekend'; weekday: 'saturday' | 'sunday' }
  | { kind: 'holiday'; festival: Bilingual; inLieu: boolean }
  | { kind: 'make_up_workday'; festival: Bilingual }
  | { kind: 'override'; name: Bilingual };

/** Where a day's status comes from, to cite it. */
export type DaySource =
  | { kind: 'weekday_rule' }
  | { kind: 'state_council_notice'; year: number; title: Bilingual; url?: string; package: string }
  | { kind: 'override' }
  /** A day of a year the calendar does not know, assumed from the statutory holidays and weekends only. */
  | { kind: 'assumed' };

export interface CalendarDay {
  date: string;
  working: boolean;
  reason: DayReason | null;
  source: DaySource;
}

export class CalendarYearUnknownError extends Error {
  constructor(
    readonly year: number,
    readonly knownYears: readonly number[],
  ) {
    super(`The working calendar holds no holiday arrangement for ${year} (it holds ${describeYears(knownYears)}).`);
  }
}

/** 2004–2026, 2028 */
export function describeYears(years: readonly number[]): string {
  const runs: [number, number][] = [];
  for (const year of [...years].sort((a, b) => a - b)) {
    const last = runs.at(-1);
    if (last && year === last[1] + 1) last[1] = year;
    else runs.push([year, year]);
  }
  return runs.map(([a, b]) => (a === b ? String(a) : `${a}–${b}`)).join(', ') || 'no year';
}

export interface CalendarInput {
  /** Default: the installed chinese-days package. */
  package?: PackageCalendar;
  overrides?: readonly CalendarOverride[];
  /** Years the package lacks whose whole arrangement the administrators have entered as overrides. */
  enteredYears?: readonly number[];
}

export class WorkingCalendar {
  private readonly special = new Map<number, CalendarDay>();
  private readonly known: ReadonlySet<number>;
  readonly packageVersion: string;
  readonly overrides: readonly CalendarOverride[];

  constructor(input: CalendarInput = {}) {
    const pkg = input.package ?? packageCalendar();
    this.packageVersion = pkg.version;
    this.overrides = [...(input.overrides ?? [])].sort((a, b) => a.date.localeCompare(b.date));
    for (const day of pkg.days) {
      const notice = noticeOf(arrangementYear(day));
      const source: DaySource = { kind: 'state_council_notice', year: arrangementYear(day), ...notice, package: `chinese-days ${pkg.version}` };
      const reason: DayReason = day.kind === 'holiday' ? { kind: 'holiday', festival: day.festival, inLieu: day.inLieu } : { kind: 'make_up_workday', festival: day.festival };
      this.special.set(dayNumber(day.date), { date: day.date, working: day.kind === 'make_up_workday', reason, source });
    }
    for (const o of this.overrides) this.special.set(dayNumber(o.date), { date: o.date, working: o.working, reason: { kind: 'override', name: o.name }, source: { kind: 'override' } });
    this.known = new Set([...pkg.years, ...(input.enteredYears ?? [])]);
  }

  /** The years the calendar can answer for, in order. */
  get knownYears(): number[] {
    return [...this.known].sort((a, b) => a - b);
  }

  covers(year: number): boolean {
    return this.known.has(year);
  }

  /** A day of a known year; CalendarYearUnknownError for any other. */
  day(date: string): CalendarDay {
    return this.dayOf(dayNumber(date));
  }

  isWorkingDay(date: string): boolean {
    return this.day(date).working;
  }

  /**
   * By day number (the arithmetic's form). With `assume`, a day of an unknown year from 2025 on is answered by the
   * statutory holidays and weekends (statutory-holidays.ts), its source `assumed`; overrides still win.
   */
  dayOf(day: number, assume = false): CalendarDay {
    const year = yearOfDay(day);
    const known = this.known.has(year);
    const statutory = known || !assume ? null : statutoryHolidays(year);
    if (!known && !statutory) throw new CalendarYearUnknownError(year, this.knownYears);
    const special = this.special.get(day);
    if (special) return special;
    const date = dateOfDay(day);
    const source: DaySource = known ? { kind: 'weekday_rule' } : { kind: 'assumed' };
    const festival = statutory?.get(date);
    if (festival) return { date, working: false, reason: { kind: 'holiday', festival, inLieu: false }, source };
    if (!isWeekendDay(day)) return { date, working: true, reason: null, source };
    return { date, working: false, reason: { kind: 'weekend', weekday: weekdayOfDay(day) === 6 ? 'saturday' : 'sunday' }, source };
  }

  /** The year's holidays, make-up working days and overrides (not its ordinary weekends), in date order. */
  specialDays(year: number): CalendarDay[] {
    return [...this.special.entries()].filter(([day]) => yearOfDay(day) === year).sort(([a], [b]) => a - b).map(([, d]) => d);
  }
}

/** Builds the calendar from the package and the administrators' overrides. */
export function buildWorkingCalendar(input: CalendarInput = {}): WorkingCalendar {
  return new WorkingCalendar(input);
}

/** Why a day is not (or, for a weekend, is) a working day, in both languages. */
export function describeReason(reason: DayReason): Bilingual {
  const both = (text: (lang: 'en' | 'zh') => string): Bilingual => ({ en: text('en'), zh: text('zh') });
  switch (reason.kind) {
    case 'weekend':
      return both((lang) => t(lang, `calendar.reason.${reason.weekday}`));
    case 'holiday':
      return both((lang) => t(lang, reason.inLieu ? 'calendar.reason.holidayInLieu' : 'calendar.reason.holiday', { name: reason.festival[lang] }));
    case 'make_up_workday':
      return both((lang) => t(lang, 'calendar.reason.makeUp', { name: reason.festival[lang] }));
    case 'override':
      return reason.name;
  }
}
