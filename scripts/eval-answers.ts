/**
 * `npm run eval:answers`: answer cards on sets written from the guide alone by people who had not seen the index:
 * test/fixtures/independent (it informed the agreement rule, so it now guards against regressions) and
 * test/fixtures/held-out (written afterwards, never tuned on). On a positive set: how often the card states the
 * right fact; on a negative set (questions the sources cannot answer): how many cards are shown — each one is wrong.
 */
import { existsSync } from 'node:fs';
import { readContent, ContentStore } from '../src/modules/content/index.js';
import { SearchIndex } from '../src/modules/search/index.js';
import { evaluateAnswers, readAnswerSets } from '../src/modules/search/answer-eval.js';

const store = new ContentStore(1, await readContent('content'));
const index = SearchIndex.fromStore(store);
console.log('| set | kind | language | questions | right cards | wrong cards | no card |');
console.log('|---|---|---|---:|---:|---:|---:|');
const misses: string[] = [];
for (const name of ['independent', 'held-out']) {
  const folder = `test/fixtures/${name}`;
  if (!existsSync(`${folder}/ask-positive.json`)) continue;
  const report = evaluateAnswers(index, store, await readAnswerSets(folder));
  for (const row of report.rows) console.log(`| ${name} | ${row.set} | ${row.lang} | ${row.count} | ${row.right} | ${row.wrong} | ${row.none} |`);
  for (const m of report.misses) misses.push(`${name} ${m.kind} ${m.id} [${m.lang}] ${m.question} → ${m.card ?? 'no card'}`);
}
if (process.argv.includes('--misses')) console.log(misses.join('\n'));
