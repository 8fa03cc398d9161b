/** How a statistic's value reads in each language. */
import { numberFormat, type Lang } from '../../platform/i18n/i18n.js';
import type { Statistic } from './content.schemas.js';

/**
 * English readers expect "4,984.31 billion yuan", Chinese readers "49,843.1 亿元": the data keeps one exact value in
 * Chinese counting units (亿 = 100 million, 万 = 10,000), and English display rescales it without rounding.
 */
export function displayValue(stat: Statistic, lang: Lang): { value: string; unit: string } {
  if (lang === 'en') {
    const hundredMillion = stat.unit.en.match(/^100 million (.+)$/);
    if (hundredMillion) return { value: numberFormat[lang].format(stat.value / 10), unit: `billion ${hundredMillion[1]}` };
    const tenThousand = stat.unit.en.match(/^10,000 (.+)$/);
    if (tenThousand) return { value: numberFormat[lang].format(stat.value / 100), unit: `million ${tenThousand[1]}` };
  }
  return { value: numberFormat[lang].format(stat.value), unit: stat.unit[lang] };
}

