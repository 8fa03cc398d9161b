/**
 * `npm run eval:search`: recall@1, recall@5 and MRR of the search over test/fixtures/search-eval.json, for English
 * and Chinese questions separately. A question is found at rank k when the k-th result's title + passage (in the
 * question's language) contains every one of its answer strings.
 */
import { readFile } from 'node:fs/promises';
import { readContent, ContentStore } from '../src/modules/content/index.js';
import { SearchIndex } from '../src/modules/search/index.js';
import { evaluateSearch, type EvalQuestion } from '../src/modules/search/search-eval.js';

const questions = JSON.parse(await readFile('test/fixtures/search-eval.json', 'utf8')) as EvalQuestion[];
const store = new ContentStore(1, await readContent('content'));
const index = SearchIndex.fromStore(store);
const report = evaluateSearch(index, questions);
console.log('| language | questions | recall@1 | recall@5 | MRR |');
console.log('|---|---:|---:|---:|---:|');
for (const [lang, r] of Object.entries(report.byLang)) console.log(`| ${lang} | ${r.count} | ${r.recallAt1.toFixed(3)} | ${r.recallAt5.toFixed(3)} | ${r.mrr.toFixed(3)} |`);
if (process.argv.includes('--misses')) for (const miss of report.misses) console.log(`MISS ${miss.id} [${miss.lang}] ${miss.question} → ${miss.top.join(' | ')}`);
