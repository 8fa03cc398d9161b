/**
 * Strings of the project list, saved views, board and CSV (messages.list.en.ts / .zh.ts; the shared words — stages,
 * statuses, kinds, sources — are messages.ts's), and how the list names what it shows: districts and industries by
 * the content's names, origins by the region's name, amounts as exact decimals.
 */
import { defineMessages, type Lang } from '../../platform/i18n/i18n.js';
import type { ContentStore } from '../content/index.js';
import type { ProjectScope } from './project-access.js';
import { listEn } from './messages.list.en.js';
import { listZh } from './messages.list.zh.js';

export const tList = defineMessages({ en: listEn, zh: listZh });

export interface ListNames {
  district(id: string | null): string;
  industry(id: string | null): string;
  origin(code: string): string;
}

const regionNames = { en: new Intl.DisplayNames(['en'], { type: 'region' }), zh: new Intl.DisplayNames(['zh-CN'], { type: 'region' }) };

/** Names in the page's language; an id the content no longer has is shown as it is, never hidden. */
export function listNames(lang: Lang, store: ContentStore): ListNames {
  const none = tList(lang, 'pipeline.list.none');
  return {
    district: (id) => (id ? (store.get('districts', id)?.[lang].name ?? id) : none),
    industry: (id) => (id ? (store.get('industries', id)?.[lang].name ?? id) : none),
    origin: (code) => regionNames[lang].of(code) ?? code,
  };
}

/** numeric(20,2) text as people read it, exactly (no float): "12000000.00" → "12,000,000". */
export function amountText(amount: string | null): string | null {
  if (amount === null) return null;
  const [whole, fraction = ''] = amount.split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return /^0*$/.test(fraction) ? grouped : `${grouped}.${fraction.padEnd(2, '0')}`;
}

/** Whose projects the person sees, in words (the scope is applied in every query; this only says it). */
export function scopeText(lang: Lang, scope: ProjectScope, store: ContentStore): string {
  switch (scope.kind) {
    case 'all':
      return tList(lang, 'pipeline.list.scope.all');
    case 'district':
      return tList(lang, 'pipeline.list.scope.district', { district: store.get('districts', scope.districtId)?.[lang].name ?? scope.districtId });
    case 'team':
      return tList(lang, 'pipeline.list.scope.team');
    default:
      return tList(lang, 'pipeline.list.scope.none');
  }
}

/** The choices of the filters: industries by name; districts unless the scope is one district. */
export function filterChoices(lang: Lang, scope: ProjectScope, store: ContentStore) {
  const collator = new Intl.Collator(lang === 'zh' ? 'zh-CN' : 'en');
  const industries = store.all('industries').map((i) => ({ id: i.id, name: i[lang].name })).sort((a, b) => collator.compare(a.name, b.name));
  const districts = scope.kind === 'district' ? [] : store.districts.map((d) => ({ id: d.id, name: d[lang].name }));
  return { industries, districts };
}
