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

/**
 * Share of passages above which a word counts as near-universal for query pruning. Measured (bench/RESULTS.md):
 * 0.1 kept recall@5 (en 0.92, zh 0.94) and cut p99 at 20× the corpus from 69 ms to 31 ms; 0.05 lost recall@1.
 */
const COMMON_SHARE = 0.1;

const isLatin = (term: string) => /^[a-z][a-z'&-]*$/.test(term);

export class SearchIndex {
  private readonly mini: MiniSearch<SearchUnit & { idx: number }>;
  /** Processed term → how often it occurs, and the forms it was written in, for "did you mean". */
  private readonly vocabulary = new Map<string, { df: number; surfaces: Set<string> }>();

  private readonly expander: Expander;
  /** Number of passages whose text contains each term, to leave out near-universal words from long queries. */
  private readonly textFrequency = new Map<string, number>();

  constructor(readonly version: number, readonly units: SearchUnit[], glossary: readonly GlossaryTerm[] = []) {
    this.expander = buildExpander(glossary);
    this.mini = new MiniSearch({
      idField: 'idx',
      // English and Chinese share a field: their tokens hardly overlap (Latin words vs Han bigrams), and three
      // fields instead of five halve the scoring work per query (measured at 20× the corpus).
      fields: ['title', 'text', 'keywords'],
      storeFields: [],
      tokenize: (text, field) => {
        const tokens = tokenize(text);
        if (field === 'title' || field === 'text') this.learn(tokens);
        if (field === 'text') for (const term of new Set(tokens.map((t) => processTerm(t)!))) this.textFrequency.set(term, (this.textFrequency.get(term) ?? 0) + 1);
        return tokens;
      },
      processTerm,
      extractField: (doc, field) => {
        const unit = doc as SearchUnit & { idx: number };
        switch (field) {
          case 'idx': return unit.idx as unknown as string;
          case 'title': return `${unit.title.en} ${unit.title.zh}`;
          case 'text': return `${unit.passage.en} ${unit.passage.zh}`;
          default: return unit.keywords;
        }
      },
    });
    this.mini.addAll(units.map((unit, idx) => ({ ...unit, idx })));
  }

  /** Collects English words and how often they occur, for "did you mean" and completions. */
  private learn(tokens: string[]): void {
    for (const token of tokens) {
      if (token.length < 3 || !isLatin(token)) continue;
      const key = processTerm(token)!;
      const entry = this.vocabulary.get(key);
      if (entry) {
        entry.df++;
        entry.surfaces.add(token);
      } else this.vocabulary.set(key, { df: 1, surfaces: new Set([token]) });
    }
  }

  static fromStore(store: ContentStore): SearchIndex {
    return new SearchIndex(store.version, buildSearchUnits(store), store.glossary);
  }

  search(query: string, options: SearchOptions): SearchOutcome {
    const terms = queryTerms(query.slice(0, 300));
    if (terms.length === 0) return { query, terms, total: 0, hits: [], countsByType: {}, didYouMean: null };
    const expanded = this.selective(queryTerms(this.expander.expand(query.slice(0, 300))));
    const favoured = new Set(detectIntents(query).flatMap((intent) => INTENT_TYPES[intent]));
    const results = this.rank(expanded, favoured);
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

  /**
   * Words found in a large share of all passages ("enterprise", "北京") barely change the ranking (BM25 gives them
   * little weight) but dominate query time, since every passage holding them must be scored. When a query has
   * rarer words too, the near-universal ones are left out. See COMMON_SHARE.
   */
  private selective(terms: string[]): string[] {
    const limit = this.units.length * COMMON_SHARE;
    const rare = terms.filter((t) => (this.textFrequency.get(processTerm(t)!) ?? 0) <= limit);
    return rare.length > 0 ? rare : terms;
  }

  /** True when the word (after stemming) occurs in the content; only unknown words are matched fuzzily. */
  private knows(term: string): boolean {
    return this.vocabulary.has(processTerm(term)!);
  }

  private rank(terms: string[], favoured: Set<ContentKind> = new Set(), prefixLast = false): SearchResult[] {
    return this.mini.search(terms.join(' '), {
      tokenize: (q) => q.split(' '),
      boost: { title: 3, text: 1.2, keywords: 1.5 },
      // Fuzzy matching walks the whole term tree, so it is kept for words the content does not contain (typos).
      fuzzy: (term) => (isLatin(term) && term.length >= 5 && !this.knows(term) ? 0.2 : false),
      prefix: (term, index, all) => prefixLast && index === all.length - 1 && isLatin(term) && term.length >= 3,
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
    const titles = this.rank(terms, new Set(), true)
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
