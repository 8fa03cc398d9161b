/**
 * Matching on investor profiles written from the guide alone (test/fixtures/independent/investor-profiles.json).
 * Measured on 2026-12-01: 17 of 34 profiles fully right with business lines only as answers; 30 of 34 once the
 * investor's description is read as evidence of them (read-description.ts). The other four leave an expected policy
 * at "may apply" for a fact the profile does not give (a question the page then asks); none is wrongly said to apply.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { realContent } from '../../../test/helpers/test-app.js';
import { ContentStore } from '../content/index.js';
import { SearchIndex } from '../search/index.js';
import { evaluateProfiles, type IndependentProfile } from './profile-eval.js';

const profiles = JSON.parse(readFileSync('test/fixtures/independent/investor-profiles.json', 'utf8')) as IndependentProfile[];
let report: ReturnType<typeof evaluateProfiles>;
beforeAll(async () => {
  const store = new ContentStore(1, await realContent());
  report = evaluateProfiles(store, SearchIndex.fromStore(store), profiles, '2026-12-01');
});

describe('policy matching on the independent profiles', () => {
  it('finds every policy the guide names by title', () => {
    expect(report.outcomes.flatMap((o) => o.problems.filter((p) => p.startsWith('unknown title')))).toEqual([]);
  });

  it('never says a policy applies that the guide says does not', () => {
    expect(report.outcomes.flatMap((o) => o.problems.filter((p) => p.includes('expected not to apply')))).toEqual([]);
  });

  it('gets at least 85 % of the profiles fully right, and leaves the rest at "may apply", never "does not apply"', () => {
    expect(report.right / report.count).toBeGreaterThanOrEqual(0.85);
    expect(report.outcomes.flatMap((o) => o.problems.filter((p) => /does_not_apply|no rule/.test(p)))).toEqual([]);
  });
});
