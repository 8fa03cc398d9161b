/** Policy matching against the investor profiles of test/fixtures/policy-match-profiles.json. */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { seedText, seedsPresent, warnIfSeedsAbsent } from '../../../test/helpers/seeds.js';
import { realContent } from '../../../test/helpers/test-app.js';
import { ContentStore } from '../content/index.js';
import { SearchIndex } from '../search/index.js';
import { matchPolicies } from './match.js';
import { profileSchema, understandProfile } from './profile.js';
import { ruleBookOf, type RuleBook } from './rule-book.js';

interface Profile {
  id: string;
  description: string;
  profile: Record<string, unknown>;
  expect: { applies: string[]; does_not_apply: string[] };
  justification: { rule: string; quote: string; source: string }[];
}
const profiles = JSON.parse(readFileSync('test/fixtures/policy-match-profiles.json', 'utf8')) as Profile[];
warnIfSeedsAbsent('match');
const guide = seedText('000_b5e748836c3b3473.txt').replace(/\\\$/g, '$').replace(/\*/g, '').replace(/\s+/g, ' ');

let store: ContentStore;
let book: RuleBook;
let index: SearchIndex;
beforeAll(async () => {
  store = new ContentStore(1, await realContent());
  book = ruleBookOf(store);
  index = SearchIndex.fromStore(store);
});

describe('policy matching', () => {
  it('has at least 30 profiles, each justified by quotes from the sources', () => {
    expect(profiles.length).toBeGreaterThanOrEqual(30);
    for (const p of profiles) for (const rule of [...p.expect.applies, ...p.expect.does_not_apply]) expect(p.justification.some((j) => j.rule === rule), `${p.id} ${rule}`).toBe(true);
    // The quotes are checked against the guide itself where it is beside the repository (not in a plain clone).
    const quotes = seedsPresent ? profiles.flatMap((p) => p.justification).filter((j) => j.source.startsWith('000')) : [];
    expect(quotes.filter((j) => !guide.includes(j.quote.replace(/\s+/g, ' '))).map((j) => j.quote.slice(0, 60))).toEqual([]);
  });

  it.each(profiles.map((p) => [p.id, p.description, p] as const))('%s: %s', (_id, _d, p) => {
    const { facts } = understandProfile(profileSchema.parse(p.profile), store, index);
    const { results } = matchPolicies(book, store, facts, '2025-06-01');
    const status = new Map(results.map((r) => [r.rule.id, r.status]));
    for (const rule of p.expect.applies) expect(status.get(rule), rule).toBe('applies');
    for (const rule of p.expect.does_not_apply) expect(status.get(rule), rule).toBe('does_not_apply');
  });

  it('asks the questions that settle the most open results first', () => {
    const { nextQuestions } = matchPolicies(book, store, {}, '2025-06-01');
    expect(nextQuestions.length).toBeGreaterThan(0);
    const counts = nextQuestions.map((q) => q.decides);
    expect([...counts].sort((a, b) => b - a)).toEqual(counts);
  });

  it('understands districts and industries given by name, in either language', () => {
    const { facts, understood } = understandProfile(profileSchema.parse({ district: '海淀区', industry: 'antibody drugs' }), store, index);
    expect(facts.district).toBe('haidian');
    expect(facts.industry).toBe('pharmaceutical-health');
    expect(understood.industry?.how).toBe('key_area');
  });
});
