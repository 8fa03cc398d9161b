/** Plain-text renderings of structured facts, used as search passages and in answer sentences. */
import type { Lang } from '../../platform/i18n/i18n.js';
import { displayValue, type Contact, type ContentTable, type Statistic } from '../content/index.js';
import { cellText } from '../content/index.js';

export function contactText(contact: Contact, lang: Lang, districtName?: string): string {
  const zh = lang === 'zh';
  const text = contact[lang];
  return [
    text.name,
    districtName ?? '',
    text.address ? `${zh ? '地址' : 'Address'}: ${text.address}` : '',
    contact.postcode ? `${zh ? '邮编' : 'Postcode'}: ${contact.postcode}` : '',
    ...contact.phones.map((p) => `${p.label ? p.label[lang] : zh ? '电话' : 'Tel'}: ${p.number}`),
    contact.fax ? `${zh ? '传真' : 'Fax'}: ${contact.fax}` : '',
    contact.email ? `${zh ? '邮箱' : 'Email'}: ${contact.email}` : '',
    contact.website ? `${zh ? '网址' : 'Website'}: ${contact.website}` : '',
    text.hours ? `${zh ? '办公时间' : 'Hours'}: ${text.hours}` : '',
    text.notes ?? '',
  ]
    .filter(Boolean)
    .join(zh ? '；' : '. ');
}

/** "Caption — Column: value (unit); …" for one table row, every visible column with its header. */
export function tableRowText(table: ContentTable, row: ContentTable['rows'][number], lang: Lang): string {
  const cells = table.columns
    .filter((c) => !c.hidden)
    .map((c) => {
      const value = row[c.key];
      if (value === null || value === undefined || value === '') return '';
      const unit = c.unit && typeof value === 'number' ? ` ${c.unit[lang]}` : '';
      return `${c[lang]}: ${cellText(value, lang)}${unit}`;
    })
    .filter(Boolean);
  return `${table[lang].caption} — ${cells.join(lang === 'zh' ? '；' : '; ')}`;
}

export function statisticSentence(stat: Statistic, lang: Lang): string {
  const shown = displayValue(stat, lang);
  const value = `${shown.value} ${shown.unit}`.trim();
  const change = stat.change ? ` (${stat.change[lang]})` : '';
  const context = stat[lang].context ? ` ${stat[lang].context}` : '';
  return lang === 'zh' ? `${stat.year}年${stat.zh.label}：${value}${change}。${context}` : `${stat.en.label} (${stat.year}): ${value}${change}.${context}`;
}
