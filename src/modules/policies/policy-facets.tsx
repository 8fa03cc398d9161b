/** The facet form of the policy library: checkboxes with counts per value, sorting, and chips to remove a filter. */
import { t, type Lang } from '../../platform/i18n/i18n.js';
import { urls } from '../../platform/http/urls.js';
import type { ContentStore } from '../content/index.js';
import { FACETS, policyQueryString, type Facet, type PolicyQuery, type PolicyResults } from './policies.filter.js';

/** The label of one facet value in the page's language. */
export function facetLabel(store: ContentStore, facet: Facet, value: string, lang: Lang): string {
  switch (facet) {
    case 'category': return t(lang, `policies.category.${value}`);
    case 'level': return t(lang, `policies.level.${value}`);
    case 'audience': return t(lang, `policies.audience.${value}`);
    case 'topic': {
      const key = `policies.topic.${value}`;
      try {
        return t(lang, key);
      } catch {
        return value;
      }
    }
    case 'industry': return store.get('industries', value)?.[lang].name ?? value;
    case 'issuer': return store.policies.find((p) => p.issuer?.en === value)?.issuer?.[lang] ?? value;
    case 'year': return value;
  }
}

export function PolicyFacetForm({ lang, store, query, results }: { lang: Lang; store: ContentStore; query: PolicyQuery; results: PolicyResults }) {
  return (
    <form class="facet-form" method="get" action={urls.policies(lang)} aria-label={t(lang, 'policies.filterLabel')}>
      <div class="field">
        <label for="q">{t(lang, 'policies.words')}</label>
        <input id="q" name="q" type="search" value={query.q} maxLength={200} />
      </div>
      <div class="field">
        <label for="sort">{t(lang, 'policies.sort')}</label>
        <select id="sort" name="sort">
          <option value="newest" selected={query.sort === 'newest'}>
            {t(lang, 'policies.sortNewest')}
          </option>
          <option value="relevance" selected={query.sort === 'relevance'}>
            {t(lang, 'policies.sortRelevance')}
          </option>
        </select>
      </div>
      {FACETS.map((facet) => {
        const values = [...results.counts[facet].entries()]
          .filter(([value, count]) => count > 0 || query.selected[facet].includes(value))
          .sort((a, b) => (facet === 'year' ? b[0].localeCompare(a[0]) : b[1] - a[1] || a[0].localeCompare(b[0])));
        if (values.length === 0) return null;
        return (
          <details class="facet" id={`facet-${facet}`} open={query.selected[facet].length > 0 || facet === 'category' || facet === 'audience'}>
            <summary>{t(lang, `policies.facet.${facet}`)}</summary>
            <fieldset>
              <legend class="visually-hidden">{t(lang, `policies.facet.${facet}`)}</legend>
              {values.map(([value, count], index) => (
                <div class="checkbox">
                  <input type="checkbox" id={`${facet}-${index}`} name={facet} value={value} checked={query.selected[facet].includes(value)} />
                  <label for={`${facet}-${index}`}>
                    {facetLabel(store, facet, value, lang)} <span class="count">({count})</span>
                  </label>
                </div>
              ))}
            </fieldset>
          </details>
        );
      })}
      <button type="submit" class="button">
        {t(lang, 'filter.apply')}
      </button>
    </form>
  );
}

export function SelectedFilters({ lang, store, query }: { lang: Lang; store: ContentStore; query: PolicyQuery }) {
  const chips = FACETS.flatMap((facet) => query.selected[facet].map((value) => ({ facet, value })));
  if (chips.length === 0) return null;
  return (
    <ul class="chips" aria-label={t(lang, 'policies.selected')}>
      {chips.map(({ facet, value }) => (
        <li>
          <a href={urls.policies(lang) + policyQueryString(query, { facet, value })} class="chip">
            {t(lang, `policies.facet.${facet}`)}: {facetLabel(store, facet, value, lang)}
            <span class="visually-hidden"> — {t(lang, 'policies.remove')}</span>
            <span aria-hidden="true"> ×</span>
          </a>
        </li>
      ))}
      <li>
        <a href={urls.policies(lang)}>{t(lang, 'filter.clear')}</a>
      </li>
    </ul>
  );
}
