/** What a policy page links to: policies on the same subject, and the places on the platform that mention it. */
import type { ContentStore, Policy } from '../content/index.js';
import type { SearchIndex, SearchType } from '../search/index.js';

export function relatedPolicies(store: ContentStore, policy: Policy, limit = 6): Policy[] {
  const shared = (a: readonly string[], b: readonly string[]) => a.filter((x) => b.includes(x)).length;
  return store.policies
    .filter((p) => p.id !== policy.id)
    .map((p) => ({
      p,
      score: shared(p.topics, policy.topics) + 2 * shared(p.industries, policy.industries) + (p.issuer && p.issuer.en === policy.issuer?.en ? 2 : 0) + (p.category === policy.category ? 1 : 0),
    }))
    .filter(({ score }) => score >= 2)
    .sort((a, b) => b.score - a.score || (b.p.date ?? '').localeCompare(a.p.date ?? ''))
    .slice(0, limit)
    .map(({ p }) => p);
}

/** Passages outside the policy library that cite the policy by document number or full title. */
export function policyReferences(index: SearchIndex, policy: Policy): { title: { en: string; zh: string }; url: { en: string; zh: string }; type: SearchType }[] {
  const needles = [policy.doc_number, policy.doc_number_zh, policy.en.title.length > 25 ? policy.en.title : undefined, policy.zh.title.length > 10 ? policy.zh.title : undefined]
    .filter((n): n is string => Boolean(n))
    .map((n) => n.toLowerCase());
  if (needles.length === 0) return [];
  const seen = new Set<string>();
  const found = [];
  for (const unit of index.units) {
    if (unit.type === 'policies' || seen.has(`${unit.type}:${unit.id}`)) continue;
    const text = `${unit.passage.en} ${unit.passage.zh} ${unit.title.en} ${unit.title.zh}`.toLowerCase();
    if (!needles.some((n) => text.includes(n))) continue;
    seen.add(`${unit.type}:${unit.id}`);
    found.push({ title: unit.title, url: unit.url, type: unit.type });
  }
  return found.slice(0, 12);
}
