/**
 * The search index over all content, in memory (MiniSearch, BM25 ranking). Built once per content version;
 * queries never touch the database.
 */
import MiniSearch, { type SearchResult } from 'minisearch';
import type { Lang } from '../../platform/i18n/i18n.js';
import type { ContentKind, ContentStore, GlossaryTerm } from '../content/index.js';
import { buildExpander, type Expander } from './synonyms.js';
import { detectIntents, INTENT_TYPES } from './intents.js';
import { buildSearchUnits, type SearchUnit } from './search-units.js';
import { processTerm, queryTerms, tokenize } from './tokenize.js';
import { closestTerm } from './spelling.js';
import { snippetOf } from './snippet.js';

export interface SearchHit {
  unit: SearchUnit;
  score: number;
  snippet: string;
  terms: string[];
}

export interface SearchOptions {
  lang: Lang;
  type?: ContentKind;
  limit?: number;
  offset?: number;
  /** At most this many passages from one item, so one long policy cannot fill the page. */
  perItem?: number;
}

export interface SearchOutcome {
  query: string;
  terms: string[];
  total: number;
  hits: SearchHit[];
  countsByType: Partial<Record<ContentKind, number>>;
  /** A corrected query when some words are unknown and a close, frequent word exists. */
  didYouMean: string | null;
}

const isLatin = (term: string) => /^[a-z][a-z'&-]*$/.test(term);

export class SearchIndex {
  private readonly mini: MiniSearch<SearchUnit & { idx: number }>;
  /** Processed term → document frequency; and the most common surface form, for "did you mean". */
  private readonly vocabulary = new Map<string, { df: number; surfaces: Set<string> }>();

  private readonly expander: Expander;

  constructor(readonly version: number, readonly units: SearchUnit[], glossary: readonly GlossaryTerm[] = []) {
    this.expander = buildExpander(glossary);
    this.mini = new MiniSearch({
      idField: 'idx',
      fields: ['titleEn', 'titleZh', 'textEn', 'textZh', 'keywords'],
      storeFields: [],
      tokenize,
      processTerm,
      extractField: (doc, field) => {
        const unit = doc as SearchUnit & { idx: number };
        switch (field) {
          case 'idx': return unit.idx as unknown as string;
          case 'titleEn': return unit.title.en;
          case 'titleZh': return unit.title.zh;
          case 'textEn': return unit.passage.en;
          case 'textZh': return unit.passage.zh;
          default: return unit.keywords;
        }
      },
    });
    this.mini.addAll(units.map((unit, idx) => ({ ...unit, idx })));
    for (const unit of units) {
      const seen = new Set<string>();
      for (const token of tokenize(`${unit.title.en} ${unit.passage.en}`)) {
        if (!isLatin(token) || token.length < 3) continue;
        const key = processTerm(token)!;
        const entry = this.vocabulary.get(key);
        if (entry) entry.surfaces.add(token);
        else this.vocabulary.set(key, { df: 0, surfaces: new Set([token]) });
        if (seen.has(key)) continue;
        seen.add(key);
        this.vocabulary.get(key)!.df++;
      }
    }
  }

  static fromStore(store: ContentStore): SearchIndex {
    return new SearchIndex(store.version, buildSearchUnits(store), store.glossary);
  }

  search(query: string, options: SearchOptions): SearchOutcome {
    const terms = queryTerms(query.slice(0, 300));
    if (terms.length === 0) return { query, terms, total: 0, hits: [], countsByType: {}, didYouMean: null };
    const expanded = queryTerms(this.expander.expand(query.slice(0, 300)));
    const favoured = new Set(detectIntents(query).flatMap((intent) => INTENT_TYPES[intent]));
    const results = this.rank(expanded, options.lang, favoured);
    const countsByType: Partial<Record<ContentKind, number>> = {};
    const perItem = new Map<string, number>();
    const kept: SearchResult[] = [];
    for (const r of results) {
      const unit = this.units[r.id as number];
      const itemKey = `${unit.type}:${unit.id}`;
      const n = perItem.get(itemKey) ?? 0;
      if (n >= (options.perItem ?? 2)) continue;
      perItem.set(itemKey, n + 1);
      countsByType[unit.type] = (countsByType[unit.type] ?? 0) + 1;
      if (!options.type || unit.type === options.type) kept.push(r);
    }
    const offset = options.offset ?? 0;
    const hits = kept.slice(offset, offset + (options.limit ?? 10)).map((r) => {
      const unit = this.units[r.id as number];
      return { unit, score: Math.round(r.score * 1000) / 1000, snippet: snippetOf(unit.passage[options.lang], terms), terms };
    });
    return { query, terms, total: kept.length, hits, countsByType, didYouMean: this.didYouMean(terms) };
  }

  private rank(terms: string[], lang: Lang, favoured: Set<ContentKind> = new Set()): SearchResult[] {
    const own = lang === 'zh' ? { titleZh: 3, textZh: 1.2, titleEn: 1.5, textEn: 0.8 } : { titleEn: 3, textEn: 1.2, titleZh: 1.5, textZh: 0.8 };
    return this.mini.search(terms.join(' '), {
      tokenize: (q) => q.split(' '),
      boost: { ...own, keywords: 1.5 },
      fuzzy: (term) => (isLatin(term) && term.length >= 5 ? 0.2 : false),
      prefix: (term, index, all) => index === all.length - 1 && isLatin(term) && term.length >= 3,
      boostDocument: (id) => {
        const unit = this.units[id as number];
        // Glossary definitions explain words; they should not crowd out the passages that answer.
        return (unit.main ? 1.15 : 1) * (favoured.has(unit.type) ? 1.4 : 1) * (unit.type === 'glossary' ? 0.8 : 1);
      },
      weights: { fuzzy: 0.3, prefix: 0.4 },
    });
  }

  private didYouMean(terms: string[]): string | null {
    let changed = false;
    const corrected = terms.map((term) => {
      if (!isLatin(term) || term.length < 4 || this.vocabulary.has(processTerm(term)!)) return term;
      const best = closestTerm(term, this.vocabulary);
      if (!best) return term;
      changed = true;
      return best;
    });
    return changed ? corrected.join(' ') : null;
  }

  /** Completions for a search box: item titles first, then frequent words that continue the last word. */
  suggest(prefix: string, lang: Lang, limit = 8): { text: string; type?: ContentKind; url?: string }[] {
    const terms = queryTerms(prefix.slice(0, 100));
    if (terms.length === 0) return [];
    const titles = this.rank(terms, lang)
      .map((r) => this.units[r.id as number])
      .filter((u) => u.main)
      .slice(0, limit)
      .map((u) => ({ text: u.title[lang], type: u.type, url: u.url[lang] }));
    const last = terms[terms.length - 1];
    const words = isLatin(last)
      ? [...this.vocabulary.entries()]
          .flatMap(([, v]) => [...v.surfaces].filter((w) => w.startsWith(last) && w !== last).map((w) => ({ w, df: v.df })))
          .sort((a, b) => b.df - a.df)
          .slice(0, 3)
          .map(({ w }) => ({ text: [...terms.slice(0, -1), w].join(' ') }))
      : [];
    return [...titles, ...words].slice(0, limit);
  }
}
