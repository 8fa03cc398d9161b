/** Which questions the progressive questionnaire asks next: fields with errors first, then the most decisive. */
import type { Lang } from '../../platform/i18n/i18n.js';
import { t } from './messages.js';
import type { FieldError } from '../../platform/views/forms.js';
import type { NextQuestion } from './match.js';
import type { FactName } from '../content/index.js';

export interface Ask {
  fact: FactName;
  hint?: string;
}

/** How many open questions one step of the questionnaire shows. */
export const QUESTIONS_PER_STEP = 6;

export function questionsToAsk(lang: Lang, errors: FieldError[], next: NextQuestion[], extra: Ask[] = []): Ask[] {
  const asks: Ask[] = [
    ...errors.map((e) => ({ fact: e.field.replace(/^field-/, '') as FactName, hint: e.message })),
    ...extra,
    ...next.slice(0, QUESTIONS_PER_STEP).map((q) => ({ fact: q.fact, hint: `${q.question[lang]} (${t(lang, 'match.decides', { count: q.decides })})` })),
  ];
  const seen = new Set<string>();
  return asks.filter((a) => !seen.has(a.fact) && seen.add(a.fact)).slice(0, errors.length + Math.max(QUESTIONS_PER_STEP, extra.length + 2));
}
