/**
 * Search at 20× the corpus: every content item copied 20 times with distinct ids and a marker in its title and
 * text (so copies are not identical strings), then index build time and query latency over the evaluation questions.
 * The glossary is not multiplied: it is the platform's vocabulary (used for query expansion), not searchable bulk.
 * Part of `npm run bench`; also runnable alone: `tsx bench/search-scale.ts`.
 */
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { readContent, ContentStore, type ContentSet } from '../src/modules/content/index.js';
import { SearchIndex } from '../src/modules/search/index.js';

const FACTOR = Number(process.env.SCALE_FACTOR ?? 20);

function multiply(set: ContentSet, factor: number): ContentSet {
  const copy = (value: unknown, n: number): unknown => {
    if (typeof value === 'string') return `${value} ·${n}`;
    if (Array.isArray(value)) return value.map((v) => copy(v, n));
    if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, copy(v, n)]));
    return value;
  };
  const out = {} as Record<string, unknown[]>;
  for (const [kind, items] of Object.entries(set)) {
    if (kind === 'glossary') {
      out[kind] = items;
      continue;
    }
    out[kind] = items.flatMap((item) =>
      Array.from({ length: factor }, (_, n) =>
        n === 0 ? item : { ...item, id: `${item.id}-copy-${n}`, en: copy(item.en, n), zh: copy(item.zh, n) },
      ),
    );
  }
  return out as unknown as ContentSet;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

export async function runSearchScale(factor = FACTOR) {
  const base = await readContent('content');
  const questions = JSON.parse(readFileSync('test/fixtures/search-eval.json', 'utf8')) as { lang: 'en' | 'zh'; question: string }[];
  const results = [];
  for (const f of [1, factor]) {
    const store = new ContentStore(1, multiply(base, f));
    const began = performance.now();
    const index = SearchIndex.fromStore(store);
    const buildMs = performance.now() - began;
    const times: number[] = [];
    for (let round = 0; round < 2; round++) {
      for (const q of questions) {
        const t0 = performance.now();
        index.search(q.question, { lang: q.lang, limit: 10 });
        if (round === 1) times.push(performance.now() - t0);
      }
    }
    times.sort((a, b) => a - b);
    results.push({ factor: f, units: index.units.length, buildMs, p50: percentile(times, 50), p99: percentile(times, 99), max: times[times.length - 1] });
  }
  return results;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const r of await runSearchScale()) {
    console.log(`×${r.factor}: ${r.units} passages, index build ${Math.round(r.buildMs)} ms, query p50 ${r.p50.toFixed(2)} ms, p99 ${r.p99.toFixed(2)} ms, max ${r.max.toFixed(2)} ms`);
  }
}
