/** Search results: type, title, highlighted snippet and source of each passage. */
import type { Lang } from '../../../platform/i18n/i18n.js';
import { t } from '../messages.js';
import { sectionLabel, sourceTitle } from '../../../platform/views/sources.js';
import type { SearchHit } from '../search-index.js';
import { highlightParts } from '../snippet.js';

export function Highlighted({ text, terms }: { text: string; terms: string[] }) {
  return (
    <>
      {highlightParts(text, terms).map((part) => (part.match ? <mark>{part.text}</mark> : part.text))}
    </>
  );
}

export function ResultList({ hits, lang }: { hits: SearchHit[]; lang: Lang }) {
  return (
    <ol class="results">
      {hits.map((hit) => (
        <li class="result">
          <p class="result__type">{t(lang, `search.type.${hit.unit.type}`)}</p>
          <h3 class="result__title">
            <a href={hit.unit.url[lang]}>
              <Highlighted text={hit.unit.title[lang]} terms={hit.terms} />
            </a>
          </h3>
          <p class="result__snippet">
            <Highlighted text={hit.snippet} terms={hit.terms} />
          </p>
          <p class="result__source">
            {t(lang, 'search.source')}: {sourceTitle(hit.unit.source, lang).split(/[,，]/)[0]} — {sectionLabel(hit.unit.source.section, lang)}
            {hit.unit.source.url ? (
              <>
                {' · '}
                <a href={hit.unit.source.url} rel="noopener">
                  {t(lang, 'search.officialText')}
                </a>
              </>
            ) : null}
          </p>
        </li>
      ))}
    </ol>
  );
}
