/**
 * The public holidays and make-up working days of the `chinese-days` package (MIT, github.com/vsme/chinese-days),
 * which transcribes each year's notice of the General Office of the State Council on the arrangement of public
 * holidays (国务院办公厅关于部分节假日安排的通知) and is updated when a new one is published (in November for the next
 * year). Its data file is read once and checked with a schema, so an upgrade that changes the format fails loudly.
 *
 * The file holds three maps from date to "English name,Chinese name,statutory days": `holidays` (every day off of a
 * holiday period, weekends included), `workdays` (the Saturdays and Sundays worked in exchange, 调休上班) and
 * `inLieuDays` (the weekdays off that those weekends pay for, a subset of `holidays`).
 */
import { createRequire } from 'node:module';
import { z } from 'zod';
import { isCivilDate } from './civil-date.js';

export interface Bilingual {
  en: string;
  zh: string;
}

export interface PackageDay {
  date: string;
  /** A day off of a public holiday period, or a weekend day worked in exchange for one. */
  kind: 'holiday' | 'make_up_workday';
  /** The holiday it belongs to, by its official name. */
  festival: Bilingual;
  /** A weekday off in exchange for a make-up working day (调休). */
  inLieu: boolean;
}

export interface PackageCalendar {
  version: string;
  days: PackageDay[];
  /** Years the package holds an arrangement for. */
  years: number[];
}

const dayMap = z.record(z.string().refine(isCivilDate, 'a date YYYY-MM-DD'), z.string().regex(/^.+,.+,\d+$/, '"English,中文,days"'));
const fileSchema = z.object({ holidays: dayMap, workdays: dayMap, inLieuDays: dayMap });

/**
 * The names printed in the State Council's notices. The package shortens some Chinese names (清明, 端午, 中秋);
 * a name not listed here (a one-off day such as the 2015 anniversary) is shown as the package has it.
 */
const OFFICIAL_NAMES: Record<string, Bilingual> = {
  "New Year's Day": { en: "New Year's Day", zh: '元旦' },
  'Spring Festival': { en: 'Spring Festival', zh: '春节' },
  'Tomb-sweeping Day': { en: 'Qingming Festival (Tomb-sweeping Day)', zh: '清明节' },
  'Labour Day': { en: 'Labour Day', zh: '劳动节' },
  'Dragon Boat Festival': { en: 'Dragon Boat Festival', zh: '端午节' },
  'Mid-autumn Festival': { en: 'Mid-Autumn Festival', zh: '中秋节' },
  'National Day': { en: 'National Day', zh: '国庆节' },
};

function festivalOf(value: string): Bilingual {
  const [, en, zh] = /^(.+),([^,]+),\d+$/.exec(value)!;
  return OFFICIAL_NAMES[en] ?? { en, zh };
}

let loaded: PackageCalendar | null = null;

/** The package's days, parsed once per process. */
export function packageCalendar(): PackageCalendar {
  if (loaded) return loaded;
  const require = createRequire(import.meta.url);
  const file = fileSchema.parse(require('chinese-days/dist/chinese-days.json'));
  const { version } = z.object({ version: z.string() }).parse(require('chinese-days/package.json'));
  const days: PackageDay[] = [
    ...Object.entries(file.holidays).map(([date, value]): PackageDay => ({ date, kind: 'holiday', festival: festivalOf(value), inLieu: date in file.inLieuDays })),
    ...Object.entries(file.workdays).map(([date, value]): PackageDay => ({ date, kind: 'make_up_workday', festival: festivalOf(value), inLieu: false })),
  ].sort((a, b) => a.date.localeCompare(b.date));
  const years = [...new Set(days.map((d) => Number(d.date.slice(0, 4))))].sort((a, b) => a - b);
  loaded = { version, days, years };
  return loaded;
}

export interface HolidayNotice {
  title: Bilingual;
  url: string;
}

/**
 * The notices behind the years a visitor is most likely to count in, with the addresses the package cites for them
 * (src/holidays/generate.ts of chinese-days 1.5.7). Other years are cited as "the State Council's notice for the
 * year, as transcribed by chinese-days", without a link. An arrangement's New Year's Day may start on 31 December of
 * the year before: that day belongs to the next year's notice.
 */
const NOTICES: Record<number, HolidayNotice> = {
  2024: {
    title: { en: 'General Office of the State Council: Notice on the Arrangement of Certain Holidays in 2024', zh: '国务院办公厅关于2024年部分节假日安排的通知' },
    url: 'https://www.gov.cn/zhengce/content/202310/content_6911527.htm',
  },
  2025: {
    title: { en: 'General Office of the State Council: Notice on the Arrangement of Certain Holidays in 2025 (Guo Ban Fa Ming Dian [2024] No. 12)', zh: '国务院办公厅关于2025年部分节假日安排的通知（国办发明电〔2024〕12号）' },
    url: 'https://www.gov.cn/zhengce/zhengceku/202411/content_6986383.htm',
  },
  2026: {
    title: { en: 'General Office of the State Council: Notice on the Arrangement of Certain Holidays in 2026', zh: '国务院办公厅关于2026年部分节假日安排的通知' },
    url: 'https://www.gov.cn/zhengce/zhengceku/202511/content_7047091.htm',
  },
};

/** The year whose notice arranges a package day (a New Year's Day on 31 December belongs to the next one). */
export function arrangementYear(day: PackageDay): number {
  const year = Number(day.date.slice(0, 4));
  return day.date.slice(5, 7) === '12' && day.festival.en === "New Year's Day" ? year + 1 : year;
}

/** The notice of a year, with its link when we hold one. */
export function noticeOf(year: number): { title: Bilingual; url?: string } {
  return NOTICES[year] ?? {
    title: {
      en: `General Office of the State Council: Notice on the Arrangement of Certain Holidays in ${year}`,
      zh: `国务院办公厅关于${year}年部分节假日安排的通知`,
    },
  };
}
