/** A calendar date with its weekday: "Wednesday 30 September 2026" / "2026年9月30日星期三". */
import type { Lang } from '../../../platform/i18n/i18n.js';

const formats = {
  en: new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' }),
  zh: new Intl.DateTimeFormat('zh-CN', { timeZone: 'UTC', weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' }),
};

export function formatCalendarDate(date: string, lang: Lang): string {
  return formats[lang].format(new Date(`${date}T00:00:00Z`));
}
