/** The named factors behind a location's score, each with the guide's sentence (or the name) it rests on. */
import { t, type Lang } from '../../../platform/i18n/i18n.js';
import type { Factor } from '../rank.js';

export function FactorList({ factors, lang }: { factors: Factor[]; lang: Lang }) {
  return (
    <ul class="bullets">
      {factors.map((f) => (
        <li>
          <strong>{t(lang, `plan.factor.${f.key}`)}</strong> ({f.points > 0 ? '+' : ''}
          {f.points}): {f.evidence[lang]}
        </li>
      ))}
    </ul>
  );
}
