/** Filtering of investment projects, shared by the page and the API. */
import { t as tPlatform, type Lang } from '../../platform/i18n/i18n.js';
import { t } from './messages.js';
import type { ContentStore, Project } from '../content/index.js';

export interface ProjectFilter {
  district?: string;
  q?: string;
}

/** Reads the filter from a query; unknown values become messages for the form, not exceptions. */
export function parseProjectFilter(
  query: Record<string, string | string[] | undefined>,
  store: ContentStore,
  lang: Lang,
): { filter: ProjectFilter; errors: { field: string; message: string }[] } {
  const errors: { field: string; message: string }[] = [];
  const filter: ProjectFilter = {};
  const district = typeof query.district === 'string' ? query.district.trim() : '';
  if (district) {
    if (store.get('districts', district)) filter.district = district;
    else errors.push({ field: 'district', message: tPlatform(lang, 'filter.error.district', { value: district.slice(0, 40) }) });
  }
  const q = typeof query.q === 'string' ? query.q.trim() : '';
  if (q.length > 100) errors.push({ field: 'q', message: t(lang, 'projects.error.q') });
  else if (q) filter.q = q;
  return { filter, errors };
}

export function filterProjects(store: ContentStore, filter: ProjectFilter): Project[] {
  const order = new Map(store.districts.map((d, index) => [d.id, index]));
  const words = (filter.q ?? '').toLowerCase().split(/\s+/).filter(Boolean);
  return store
    .all('projects')
    .filter((p) => !filter.district || p.district === filter.district)
    .filter((p) => {
      if (words.length === 0) return true;
      const haystack = `${p.en.name} ${p.zh.name}`.toLowerCase();
      return words.every((w) => haystack.includes(w));
    })
    .sort((a, b) => (a.district === b.district ? a.number - b.number : (order.get(a.district) ?? 99) - (order.get(b.district) ?? 99)));
}
