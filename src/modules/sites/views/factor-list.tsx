/** The factors behind a location's score, each said in words with the guide's sentence (or the name) it rests on. */
import type { Lang } from '../../../platform/i18n/i18n.js';
import { t } from '../messages.js';
import type { Factor } from '../rank.js';

export function FactorList({ factors, lang }: { factors: Factor[]; lang: Lang }) {
  return (
    <ul class="bullets factor-list">
      {factors.map((f) => (
        <li>
          {f.explanation[lang]}
          {lang === 'en' ? ' ' : ''}
          <span class="muted">{t(lang, f.points < 0 ? 'sites.pointsOff' : 'sites.pointsAdded', { count: Math.abs(f.points) })}</span>
        </li>
      ))}
    </ul>
  );
}
