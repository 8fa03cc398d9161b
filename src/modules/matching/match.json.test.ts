/** The policy-match JSON writer: same answer as the results say, reused bytes only for identical outcomes. */
import { beforeAll, describe, expect, it } from 'vitest';
import { realContent } from '../../../test/helpers/test-app.js';
import { ContentStore } from '../content/index.js';
import { MatchJsonWriter } from './match.json.js';
import { matchPolicies } from './match.js';
import { ruleBookOf, type RuleBook } from './rule-book.js';

let store: ContentStore;
let book: RuleBook;
beforeAll(async () => {
  store = new ContentStore(1, await realContent());
  book = ruleBookOf(store);
});

const answerFor = (writer: MatchJsonWriter, facts: Parameters<typeof matchPolicies>[2], lang: 'en' | 'zh' = 'en') => {
  const { results, nextQuestions } = matchPolicies(book, store, facts, '2025-06-01');
  return { results, body: JSON.parse(writer.answer({}, results, nextQuestions.map((q) => q.fact), store, lang).toString('utf8')) };
};

describe('MatchJsonWriter', () => {
  it('writes every result with its status, reasons and de-duplicated sources', () => {
    const { results, body } = answerFor(new MatchJsonWriter(), { entity_type: 'rd_center', paid_in_capital_usd: 1_500_000, investor_origin: 'foreign', investor_type: 'company' });
    expect(body.results.map((r: { rule: string; status: string }) => [r.rule, r.status])).toEqual(results.map((r) => [r.rule.id, r.status]));
    const failedCapital = body.results.flatMap((r: { reasons: { failed: { given: unknown }[] } }) => r.reasons.failed).find((f: { given: unknown }) => f.given === 1_500_000);
    expect(failedCapital).toBeDefined();
    for (const r of body.results as { sources: unknown[] }[]) expect(new Set(r.sources.map((s) => JSON.stringify(s))).size).toBe(r.sources.length);
  });

  it('never reuses a result written for a different given value or language', () => {
    const writer = new MatchJsonWriter();
    const a = answerFor(writer, { investor_origin: 'foreign', investor_type: 'individual', paid_in_capital_usd: 300_000 }).body;
    const b = answerFor(writer, { investor_origin: 'foreign', investor_type: 'individual', paid_in_capital_usd: 400_000 }).body;
    const given = (body: { results: { rule: string; reasons: { failed: { given: unknown }[] } }[] }) => body.results.find((r) => r.rule === 'pr-investment-general')!.reasons.failed.map((f) => f.given);
    expect(given(a)).toEqual([300_000]);
    expect(given(b)).toEqual([400_000]);
    const zh = answerFor(writer, { investor_origin: 'foreign', investor_type: 'individual', paid_in_capital_usd: 300_000 }, 'zh').body;
    expect(zh.results[0].policy.url).toMatch(/^\/zh\//);
    expect(zh.results[0].policy.title).not.toEqual(a.results.find((r: { rule: string }) => r.rule === zh.results[0].rule).policy.title);
  });
});
