/**
 * The fallback for a year whose arrangement is not yet held: only the statutory days off that the National Holidays
 * Measures fix by date (全国年节及纪念日放假办法 Art. 2, as amended by State Council Decree No. 795, in force since
 * 1 January 2025) — New Year's Day (1 Jan), Spring Festival (New Year's Eve and the first three days of the lunar
 * year), Qingming (the day of the solar term), Labour Day (1–2 May), Dragon Boat (5th of the 5th lunar month),
 * Mid-Autumn (15th of the 8th lunar month) and National Day (1–3 Oct) — plus weekends.
 *
 * It is an assumption, never the answer: each year's notice extends these days with weekend swaps (调休) that no rule
 * predicts, so an answer that uses it is flagged provisional. The lunar dates below were computed with chinese-days'
 * lunar conversion (run in Asia/Shanghai: its conversion depends on the process's time zone, so it is not called at
 * run time) and checked against the held arrangements of 2025 and 2026.
 */
import { addDays } from './civil-date.js';
import type { Bilingual } from './package-days.js';

/** Month-day of: lunar new year's day, Dragon Boat, Mid-Autumn, Qingming. */
const LUNAR_AND_SOLAR_TERM_DAYS: Record<number, readonly [string, string, string, string]> = {
  2025: ['01-29', '05-31', '10-06', '04-04'],
  2026: ['02-17', '06-19', '09-25', '04-05'],
  2027: ['02-06', '06-09', '09-15', '04-05'],
  2028: ['01-26', '05-28', '10-03', '04-04'],
  2029: ['02-13', '06-16', '09-22', '04-04'],
  2030: ['02-03', '06-05', '09-12', '04-05'],
  2031: ['01-23', '06-24', '10-01', '04-05'],
  2032: ['02-11', '06-12', '09-19', '04-04'],
  2033: ['01-31', '06-01', '09-08', '04-04'],
  2034: ['02-19', '06-20', '09-27', '04-05'],
  2035: ['02-08', '06-10', '09-16', '04-05'],
  2036: ['01-28', '05-30', '10-04', '04-04'],
  2037: ['02-15', '06-18', '09-24', '04-04'],
  2038: ['02-04', '06-07', '09-13', '04-05'],
  2039: ['01-24', '05-27', '10-02', '04-05'],
  2040: ['02-12', '06-14', '09-20', '04-04'],
};

const NAMES = {
  newYear: { en: "New Year's Day", zh: '元旦' },
  spring: { en: 'Spring Festival', zh: '春节' },
  qingming: { en: 'Qingming Festival (Tomb-sweeping Day)', zh: '清明节' },
  labour: { en: 'Labour Day', zh: '劳动节' },
  dragonBoat: { en: 'Dragon Boat Festival', zh: '端午节' },
  midAutumn: { en: 'Mid-Autumn Festival', zh: '中秋节' },
  national: { en: 'National Day', zh: '国庆节' },
} satisfies Record<string, Bilingual>;

/** The statutory days off of a year (date → holiday), or null when the year is outside the table (2025–2040). */
export function statutoryHolidays(year: number): Map<string, Bilingual> | null {
  const row = LUNAR_AND_SOLAR_TERM_DAYS[year];
  if (!row) return null;
  const [lunarNewYear, dragonBoat, midAutumn, qingming] = row.map((md) => `${year}-${md}`);
  const days = new Map<string, Bilingual>([
    [`${year}-01-01`, NAMES.newYear],
    [addDays(lunarNewYear, -1), NAMES.spring],
    [lunarNewYear, NAMES.spring],
    [addDays(lunarNewYear, 1), NAMES.spring],
    [addDays(lunarNewYear, 2), NAMES.spring],
    [qingming, NAMES.qingming],
    [`${year}-05-01`, NAMES.labour],
    [`${year}-05-02`, NAMES.labour],
    [dragonBoat, NAMES.dragonBoat],
    [midAutumn, NAMES.midAutumn],
    [`${year}-10-01`, NAMES.national],
    [`${year}-10-02`, NAMES.national],
    [`${year}-10-03`, NAMES.national],
  ]);
  return days;
}
