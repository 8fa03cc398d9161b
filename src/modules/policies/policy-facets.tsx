/** The facet form of the policy library: checkboxes with counts per value, sorting, and chips to remove a filter. */
import { t as tPlatform, type KeySuffix, type Lang } from '../../platform/i18n/i18n.js';
import { t } from './messages.js';
import { urls } from '../../platform/http/urls.js';
import { POLICY_AUDIENCES, POLICY_CATEGORIES, type ContentStore } from '../content/index.js';
import { FACETS, POLICY_LEVELS, policyQueryString, type Facet, type PolicyQuery, type PolicyResults } from './policies.filter.js';

const isOneOf = <T extends string>(list: readonly T[], value: string): value is T => (list as readonly string[]).includes(value);
/** Topics are ids in the content without a list of their own: the labels here are that list. */
const isTopic = (value: string): value is KeySuffix<typeof t, 'policies.topic.'> => `policies.topic.${value}` in t.catalogues.en;

/** The label of one facet value in the page's language (values come from the content, so each has one). */
export function facetLabel(store: ContentStore, facet: Facet, value: string, lang: Lang): string {
  switch (facet) {
    case 'category': return isOneOf(POLICY_CATEGORIES, value) ? t(lang, `policies.category.${value}`) : value;
    case 'level': return isOneOf(POLICY_LEVELS, value) ? t(lang, `policies.level.${value}`) : value;
    case 'audience': return isOneOf(POLICY_AUDIENCES, value) ? t(lang, `policies.audience.${value}`) : value;
    case 'topic': return isTopic(value) ? t(lang, `policies.topic.${value}`) : value;
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
        {tPlatform(lang, 'filter.apply')}
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
        <a href={urls.policies(lang)}>{tPlatform(lang, 'filter.clear')}</a>
      </li>
    </ul>
  );
}
