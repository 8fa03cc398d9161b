/** A calendar day as the API and the pages show it: its reason and its source in both languages. */
import { t } from './messages.js';
import type { Bilingual } from './package-days.js';
import { describeReason, type CalendarDay, type DaySource } from './working-calendar.js';

export interface DescribedDay {
  date: string;
  reason: Bilingual;
  /** null for an ordinary weekend: the rule needs no source. */
  source: { title: Bilingual; url: string | null } | null;
}

const both = (key: Parameters<typeof t>[1]): Bilingual => ({ en: t('en', key), zh: t('zh', key) });

export function describeSource(source: DaySource): DescribedDay['source'] {
  switch (source.kind) {
    case 'weekday_rule':
      return null;
    case 'state_council_notice':
      return { title: source.title, url: source.url ?? null };
    case 'override':
      return { title: both('calendar.source.override'), url: null };
    case 'assumed':
      return { title: both('calendar.source.assumed'), url: null };
  }
}

export function describeDay(day: CalendarDay): DescribedDay {
  return { date: day.date, reason: day.reason ? describeReason(day.reason) : both('calendar.reason.workingDay'), source: describeSource(day.source) };
}
