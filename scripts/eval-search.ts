/**
 * `npm run eval:search`: recall@1, recall@5 and MRR of the search over test/fixtures/search-eval.json, for English
 * and Chinese questions separately. A question is found at rank k when the k-th result's title + passage (in the
 * question's language) contains every one of its answer strings.
 */
import { readFile } from 'node:fs/promises';
import { readContent, ContentStore } from '../src/modules/content/index.js';
import { SearchIndex } from '../src/modules/search/index.js';
import { evaluateSearch, type EvalQuestion } from '../src/modules/search/search-eval.js';

// The tuning set (written with the index) and the independent set (written from the guide alone, never tuned on).
const SETS = { tuning: 'test/fixtures/search-eval.json', independent: 'test/fixtures/independent/search-eval.json' };
const store = new ContentStore(1, await readContent('content'));
const index = SearchIndex.fromStore(store);
console.log('| set | language | questions | recall@1 | recall@5 | MRR |');
console.log('|---|---|---:|---:|---:|---:|');
const misses: string[] = [];
for (const [set, file] of Object.entries(SETS)) {
  const report = evaluateSearch(index, JSON.parse(await readFile(file, 'utf8')) as EvalQuestion[]);
  for (const [lang, r] of Object.entries(report.byLang)) console.log(`| ${set} | ${lang} | ${r.count} | ${r.recallAt1.toFixed(3)} | ${r.recallAt5.toFixed(3)} | ${r.mrr.toFixed(3)} |`);
  for (const miss of report.misses) misses.push(`MISS ${set} ${miss.id} [${miss.lang}] ${miss.question} → ${miss.top.join(' | ')}`);
}
if (process.argv.includes('--misses')) console.log(misses.join('\n'));
