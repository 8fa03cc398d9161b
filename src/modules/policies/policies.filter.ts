/**
 * The policy library's query: words, facets (combined with AND across facets, OR within one), sort and page.
 * The whole state lives in the URL, so every view can be shared and works without JavaScript.
 */
import type { Lang } from '../../platform/i18n/i18n.js';
import { t } from './messages.js';
import { POLICY_AUDIENCES, POLICY_CATEGORIES, type ContentStore, type Policy } from '../content/index.js';

export const FACETS = ['category', 'topic', 'level', 'issuer', 'year', 'industry', 'audience'] as const;
export type Facet = (typeof FACETS)[number];
export const POLICY_LEVELS = ['national', 'municipal', 'district', 'park'] as const satisfies readonly Policy['level'][];

export interface PolicyQuery {
  q: string;
  selected: Record<Facet, string[]>;
  sort: 'newest' | 'relevance';
  page: number;
}

/** The values a policy has for each facet. Issuers are keyed by their English name. */
export function facetValues(policy: Policy, facet: Facet): string[] {
  switch (facet) {
    case 'category': return [policy.category];
    case 'topic': return policy.topics;
    case 'level': return [policy.level];
    case 'issuer': return policy.issuer ? [policy.issuer.en] : [];
    case 'year': return policy.date ? [policy.date.slice(0, 4)] : [];
    case 'industry': return policy.industries;
    case 'audience': return policy.audiences;
  }
}

function knownValues(store: ContentStore, facet: Facet): Set<string> {
  if (facet === 'category') return new Set(POLICY_CATEGORIES);
  if (facet === 'audience') return new Set(POLICY_AUDIENCES);
  if (facet === 'level') return new Set(POLICY_LEVELS);
  return new Set(store.policies.flatMap((p) => facetValues(p, facet)));
}

const list = (value: string | string[] | undefined): string[] => (Array.isArray(value) ? value : value ? [value] : []).map((v) => v.trim()).filter(Boolean);

export function parsePolicyQuery(query: Record<string, string | string[] | undefined>, store: ContentStore, lang: Lang) {
  const errors: { field: string; message: string }[] = [];
  const selected = {} as Record<Facet, string[]>;
  for (const facet of FACETS) {
    const known = knownValues(store, facet);
    const values = list(query[facet]).slice(0, 20);
    const unknown = values.filter((v) => !known.has(v));
    if (unknown.length) errors.push({ field: `facet-${facet}`, message: t(lang, 'policies.error.facet', { facet: t(lang, `policies.facet.${facet}`), value: unknown[0].slice(0, 40) }) });
    selected[facet] = values.filter((v) => known.has(v));
  }
  const q = list(query.q)[0]?.slice(0, 200) ?? '';
  const sortValue = list(query.sort)[0];
  if (sortValue && sortValue !== 'newest' && sortValue !== 'relevance') errors.push({ field: 'sort', message: t(lang, 'policies.error.sort') });
  const sort: PolicyQuery['sort'] = sortValue === 'relevance' || (!sortValue && q) ? 'relevance' : 'newest';
  const page = Math.max(1, Math.min(1000, Number.parseInt(list(query.page)[0] ?? '1', 10) || 1));
  return { query: { q, selected, sort, page } satisfies PolicyQuery, errors };
}

function matchesFacets(policy: Policy, selected: Record<Facet, string[]>, except?: Facet): boolean {
  return FACETS.every((facet) => facet === except || selected[facet].length === 0 || facetValues(policy, facet).some((v) => selected[facet].includes(v)));
}

export interface PolicyResults {
  policies: Policy[];
  /** Facet → value → number of policies that would match with that value chosen (other facets applied). */
  counts: Record<Facet, Map<string, number>>;
}

/**
 * @param relevance policy id → text relevance for the words (from the search index); undefined when no words.
 */
export function runPolicyQuery(store: ContentStore, query: PolicyQuery, relevance?: Map<string, number>): PolicyResults {
  const textMatches = store.policies.filter((p) => !relevance || relevance.has(p.id));
  const policies = textMatches.filter((p) => matchesFacets(p, query.selected));
  const byDate = (a: Policy, b: Policy) => (b.date ?? '').localeCompare(a.date ?? '') || a.en.title.localeCompare(b.en.title);
  policies.sort(query.sort === 'relevance' && relevance ? (a, b) => (relevance.get(b.id) ?? 0) - (relevance.get(a.id) ?? 0) || byDate(a, b) : byDate);
  const counts = {} as Record<Facet, Map<string, number>>;
  for (const facet of FACETS) {
    const map = new Map<string, number>();
    for (const p of textMatches) if (matchesFacets(p, query.selected, facet)) for (const v of facetValues(p, facet)) map.set(v, (map.get(v) ?? 0) + 1);
    counts[facet] = map;
  }
  return { policies, counts };
}

/** The URL query for a policy query, optionally with one facet value toggled and the page reset. */
export function policyQueryString(query: PolicyQuery, change?: { facet: Facet; value: string } | { page: number }): string {
  const params = new URLSearchParams();
  if (query.q) params.set('q', query.q);
  for (const facet of FACETS) {
    let values = query.selected[facet];
    if (change && 'facet' in change && change.facet === facet) values = values.includes(change.value) ? values.filter((v) => v !== change.value) : [...values, change.value];
    for (const v of values) params.append(facet, v);
  }
  if (query.sort !== (query.q ? 'relevance' : 'newest')) params.set('sort', query.sort);
  const page = change && 'page' in change ? change.page : 1;
  if (page > 1) params.set('page', String(page));
  const qs = params.toString();
  return qs ? `?${qs}` : '';
}
