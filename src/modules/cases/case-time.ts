/** Instants as people in Beijing read them: "2 December 2026, 24:00" / "2026年12月2日 24:00" (Beijing time). */
const formats = {
  en: new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Shanghai', day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }),
  zh: new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', year: 'numeric', month: 'long', day: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }),
} as const;

/** A due instant at midnight is the end of the day before: shown as "24:00" of that day, never "00:00" of the next. */
export function formatInstant(at: Date, lang: 'en' | 'zh'): string {
  const beijing = new Date(at.getTime() + 8 * 3600_000);
  if (beijing.getUTCHours() === 0 && beijing.getUTCMinutes() === 0) {
    const dayBefore = new Date(at.getTime() - 60_000);
    const text = formats[lang].format(dayBefore).replace(/23:59/, '24:00');
    return lang === 'en' ? `${text} (Beijing time)` : `${text}（北京时间）`;
  }
  return lang === 'en' ? `${formats[lang].format(at)} (Beijing time)` : `${formats[lang].format(at)}（北京时间）`;
}
