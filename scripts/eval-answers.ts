/**
 * `npm run eval:answers`: answer cards on the independent sets (test/fixtures/independent/, written from the guide
 * alone by someone who had not seen the index): on the positive set how often the card states the right fact, on
 * the negative set (questions the sources cannot answer) how many cards are shown at all — each one is wrong.
 */
import { readContent, ContentStore } from '../src/modules/content/index.js';
import { SearchIndex } from '../src/modules/search/index.js';
import { evaluateAnswers, readAnswerSets } from '../src/modules/search/answer-eval.js';

const store = new ContentStore(1, await readContent('content'));
const report = evaluateAnswers(SearchIndex.fromStore(store), store, await readAnswerSets('test/fixtures/independent'));
console.log('| set | language | questions | right cards | wrong cards | no card |');
console.log('|---|---|---:|---:|---:|---:|');
for (const row of report.rows) console.log(`| ${row.set} | ${row.lang} | ${row.count} | ${row.right} | ${row.wrong} | ${row.none} |`);
if (process.argv.includes('--misses')) for (const m of report.misses) console.log(`${m.kind} ${m.id} [${m.lang}] ${m.question} → ${m.card ?? 'no card'}`);
