/**
 * Search units: the passages a reader can use on their own — a contact card, a procedure step, a table row with
 * its header, a policy measure, a statistic, a paragraph block. Each knows its item, URL and source, in both languages.
 */
import type { Lang } from '../../platform/i18n/i18n.js';
import { urls } from '../../platform/http/urls.js';
import type { SourceRef } from '../../platform/views/sources.js';
import type { ContentKind, ContentStore, ContentTable } from '../content/index.js';
import { statisticSentence, tableRowText, contactText } from './passages.js';

export type Bi = { en: string; zh: string };

/** The kinds of content the index holds (the units below are of no other kind), each with its label (search.type.*). */
export const SEARCH_TYPES = ['districts', 'contacts', 'zones', 'industries', 'parks', 'projects', 'policies', 'procedures', 'costs', 'statistics', 'glossary', 'market-access-items', 'articles'] as const satisfies readonly ContentKind[];
export type SearchType = (typeof SEARCH_TYPES)[number];
export const isSearchType = (value: string): value is SearchType => (SEARCH_TYPES as readonly string[]).includes(value);

export interface SearchUnit {
  key: string;
  type: SearchType;
  id: string;
  title: Bi;
  passage: Bi;
  url: Bi;
  source: SourceRef;
  /** Ids, document numbers, aliases: matched but not shown. */
  keywords: string;
  /** Units of the item's main record rank above its details for the same words. */
  main: boolean;
  date?: string;
}

const MAX_PASSAGE = 1000;

function clip(text: string): string {
  return text.length <= MAX_PASSAGE ? text : `${text.slice(0, MAX_PASSAGE - 1)}…`;
}

function both(fn: (lang: Lang) => string): Bi {
  return { en: clip(fn('en')), zh: clip(fn('zh')) };
}

const sep = (lang: Lang) => (lang === 'zh' ? '；' : '; ');

export function buildSearchUnits(store: ContentStore): SearchUnit[] {
  const units: SearchUnit[] = [];
  const add = (unit: Omit<SearchUnit, 'key' | 'main'> & { part?: string }) => {
    const { part, ...rest } = unit;
    units.push({ ...rest, key: `${unit.type}:${unit.id}${part ? `:${part}` : ''}`, main: !part });
  };

  for (const d of store.districts) {
    add({ type: 'districts', id: d.id, title: both((l) => d[l].name), passage: both((l) => d[l].summary), url: both((l) => urls.district(l, d.id)), source: d.sources[0], keywords: d.id });
  }
  for (const c of store.all('contacts')) {
    const district = c.district ? store.get('districts', c.district) : undefined;
    add({
      type: 'contacts', id: c.id, title: both((l) => c[l].name), passage: both((l) => contactText(c, l, district?.[l].name)),
      url: both((l) => `${urls.directory(l, c.district ?? 'beijing')}#contact-${c.id}`), source: c.sources[0], keywords: `${c.id} ${c.org_type.replace(/_/g, ' ')}`,
    });
  }
  for (const z of store.all('zones')) {
    add({ type: 'zones', id: z.id, title: both((l) => z[l].name), passage: both((l) => [z[l].summary, z[l].focus.join(sep(l))].filter(Boolean).join(' ')), url: both((l) => urls.zone(l, z.id)), source: z.sources[0], keywords: z.id });
    const details = (l: Lang) => [...z[l].points, ...z[l].key_layout].join(' ');
    if (details('en')) add({ type: 'zones', id: z.id, part: 'points', title: both((l) => z[l].name), passage: both(details), url: both((l) => urls.zone(l, z.id)), source: z.sources[0], keywords: z.id });
  }
  for (const i of store.all('industries')) {
    add({ type: 'industries', id: i.id, title: both((l) => i[l].name), passage: both((l) => [i[l].summary ?? '', i[l].key_areas.join(sep(l))].join(' ').trim()), url: both((l) => urls.industry(l, i.id)), source: i.sources[0], keywords: i.id });
    for (const field of ['advantages', 'key_layout'] as const) {
      if (i.en[field].length) add({ type: 'industries', id: i.id, part: field, title: both((l) => i[l].name), passage: both((l) => i[l][field].join(' ')), url: both((l) => urls.industry(l, i.id)), source: i.sources[0], keywords: i.id });
    }
  }
  for (const p of store.all('parks')) {
    const contact = [p.phones.length ? `Tel ${p.phones.join(', ')}` : '', p.fax ? `Fax ${p.fax}` : '', p.website ?? ''].filter(Boolean).join(' · ');
    add({
      type: 'parks', id: p.id, title: both((l) => p[l].name),
      passage: both((l) => [p.planned_area_km2 ? (l === 'zh' ? `规划面积${p.planned_area_km2}平方公里。` : `Planned area ${p.planned_area_km2} km².`) : '', p[l].management_body ?? '', p[l].address ?? '', contact, p[l].description].filter(Boolean).join(' ')),
      url: both((l) => urls.park(l, p.id)), source: p.sources[0], keywords: p.id,
    });
  }
  for (const p of store.all('projects')) {
    const district = store.get('districts', p.district);
    add({
      type: 'projects', id: p.id, title: both((l) => p[l].name),
      passage: both((l) => (l === 'zh' ? `${district?.zh.name ?? ''}2025年投资北京峰会投资合作项目第${p.number}号：${p.zh.name}（${p.en.name}）` : `2025 Invest in Beijing Conference project no. ${p.number} in ${district?.en.name ?? p.district}: ${p.en.name}`)),
      url: both((l) => urls.projects(l, { district: p.district })), source: p.sources[0], keywords: `${p.district} ${p.en.name}`,
    });
  }
  for (const p of store.policies) {
    const numbers = [p.doc_number, p.doc_number_zh].filter(Boolean).join(' ');
    add({
      type: 'policies', id: p.id, title: both((l) => p[l].title), date: p.date,
      passage: both((l) => [numbers, p.issuer?.[l] ?? '', p[l].summary].filter(Boolean).join(' — ')),
      url: both((l) => urls.policy(l, p.id)), source: { ...p.sources[0], url: p.url ?? p.sources[0].url }, keywords: `${p.id} ${numbers} ${p.topics.join(' ')} ${p.interpretations.map((i) => `${i.en.title} ${i.zh.title}`).join(' ')}`,
    });
    for (const part of p.parts) {
      add({
        type: 'policies', id: p.id, part: `part-${part.number}`, title: both((l) => `${p[l].title} — ${part[l].title ?? `${l === 'zh' ? '第' : 'No. '}${part.number}`}`), date: p.date,
        passage: both((l) => [part[l].text, part.departments.length ? `${l === 'zh' ? '责任部门' : 'Responsible departments'}: ${part.departments.map((d) => d[l]).join(sep(l))}` : ''].filter(Boolean).join(' ')),
        url: both((l) => `${urls.policy(l, p.id)}#part-${part.number}`), source: p.sources[0], keywords: p.id,
      });
    }
  }
  for (const p of store.procedures) {
    add({ type: 'procedures', id: p.id, title: both((l) => p[l].title), passage: both((l) => p[l].summary), url: both((l) => urls.procedure(l, p.id)), source: p.sources[0], keywords: p.id });
    p.steps.forEach((step, index) => {
      add({
        type: 'procedures', id: p.id, part: `step-${index + 1}`, title: both((l) => `${p[l].title} — ${step[l].title}`),
        passage: both((l) => [step[l].text ?? '', step[l].documents.length ? `${l === 'zh' ? '所需材料' : 'Documents'}: ${step[l].documents.join(sep(l))}` : '', step.authority ? `${l === 'zh' ? '办理机关' : 'Authority'}: ${step.authority[l]}` : '', step.time_limit ? `${l === 'zh' ? '时限' : 'Time limit'}: ${step.time_limit[l]}` : ''].filter(Boolean).join(' ')),
        url: both((l) => urls.procedure(l, p.id)), source: p.sources[0], keywords: p.id,
      });
    });
    for (const table of p.tables) addTableRows(add, 'procedures', p.id, table, both((l) => p[l].title), both((l) => urls.procedure(l, p.id)), p.sources[0]);
  }
  for (const c of store.costs) {
    add({ type: 'costs', id: c.id, title: both((l) => c[l].title), passage: both((l) => c[l].summary), url: both((l) => `${urls.costs(l)}#${c.id}`), source: c.sources[0], keywords: `${c.id} ${c.cost_type}` });
    for (const table of c.tables) addTableRows(add, 'costs', c.id, table, both((l) => c[l].title), both((l) => `${urls.costs(l)}#${c.id}`), c.sources[0]);
  }
  for (const s of store.statistics) {
    add({ type: 'statistics', id: s.id, title: both((l) => s[l].label), passage: both((l) => statisticSentence(s, l)), url: both((l) => `${urls.statistics(l)}#stat-${s.id}`), source: s.sources[0], keywords: `${s.id} ${s.group}` });
  }
  for (const g of store.glossary) {
    add({ type: 'glossary', id: g.id, title: both((l) => g[l].term), passage: both((l) => `${g[l].term} (${g[l === 'en' ? 'zh' : 'en'].term}): ${g[l].definition}`), url: both((l) => `${urls.glossary(l)}#${g.id}`), source: g.sources[0], keywords: g.aliases.join(' ') });
  }
  // The market-access lists: "negative list telecom" finds the telecom item; its page runs the check for that item.
  for (const item of store.all('market-access-items')) {
    const list = store.get('market-access-lists', item.list);
    if (!list) continue;
    const first = item.sources[0];
    const source: SourceRef =
      first?.document && first.section ? { document: first.document, section: first.section, url: first.url } : { document: list.id, section: list.document_number ?? list.en.title, title: { en: list.en.title, zh: list.zh.title } };
    add({
      type: 'market-access-items', id: item.id,
      title: both((l) => `${list[l].title} — ${l === 'zh' ? `第${item.item_number}项` : `item ${item.item_number}`}: ${item.sector[l]}`),
      passage: both((l) => [item[l].text, item.conditions?.[l] ?? ''].filter(Boolean).join(' ')),
      url: both((l) => `${urls.marketAccess(l)}?activity=${encodeURIComponent(item.id)}`), source,
      keywords: `${item.id} ${item.keywords.en.join(' ')} ${item.keywords.zh.join(' ')} negative list 负面清单`,
    });
  }
  for (const a of store.articles) {
    a.blocks.forEach((block, index) => {
      const text = (l: Lang) => [block[l].heading ?? '', ...block[l].paragraphs, ...block[l].bullets].filter(Boolean).join(' ');
      add({ type: 'articles', id: a.id, part: index ? `block-${index}` : undefined, title: both((l) => (block[l].heading ? `${a[l].title} — ${block[l].heading}` : a[l].title)), passage: both(text), url: both((l) => urls.article(l, a.section, a.id)), source: a.sources[0], keywords: a.id, date: a.date });
    });
  }
  return units;
}

function addTableRows(
  add: (unit: Omit<SearchUnit, 'key' | 'main'> & { part?: string }) => void,
  type: SearchType, id: string, table: ContentTable, title: Bi, url: Bi, source: SourceRef,
): void {
  table.rows.forEach((row, index) => {
    add({ type, id, part: `${table.id}-${index + 1}`, title: both((l) => `${title[l]} — ${table[l].caption}`), passage: both((l) => tableRowText(table, row, l)), url, source, keywords: id });
  });
}
