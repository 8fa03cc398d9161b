/** Policy filters shared by page and API: category and words in title, summary or document number. */
import { t, type Lang } from '../../platform/i18n/i18n.js';
import { POLICY_CATEGORIES, type ContentStore, type Policy } from '../content/index.js';

export interface PolicyFilter {
  category?: Policy['category'];
  q?: string;
}

export function parsePolicyFilter(query: Record<string, string | string[] | undefined>, lang: Lang) {
  const errors: { field: string; message: string }[] = [];
  const filter: PolicyFilter = {};
  const category = typeof query.category === 'string' ? query.category : '';
  if (category) {
    if ((POLICY_CATEGORIES as readonly string[]).includes(category)) filter.category = category as Policy['category'];
    else errors.push({ field: 'category', message: t(lang, 'policies.error.category', { value: category.slice(0, 40) }) });
  }
  const q = typeof query.q === 'string' ? query.q.trim().slice(0, 100) : '';
  if (q) filter.q = q;
  return { filter, errors };
}

export function filterPolicies(store: ContentStore, filter: PolicyFilter): Policy[] {
  const words = (filter.q ?? '').toLowerCase().split(/\s+/).filter(Boolean);
  return store.policies.filter((p) => {
    if (filter.category && p.category !== filter.category) return false;
    if (words.length === 0) return true;
    const haystack = [p.en.title, p.zh.title, p.en.summary, p.zh.summary, p.doc_number ?? '', p.doc_number_zh ?? ''].join(' ').toLowerCase();
    return words.every((w) => haystack.includes(w));
  });
}
