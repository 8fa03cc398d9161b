/**
 * Scores policy matching on investor profiles written from the guide alone (test/fixtures/independent): each
 * profile names the policies that apply and those that do not by their titles as the guide prints them. A profile
 * is right when every policy it expects to apply has a rule that applies, and none it expects not to apply has one.
 */
import type { ContentStore } from '../content/index.js';
import type { SearchIndex } from '../search/index.js';
import { matchPolicies } from './match.js';
import { profileSchema, understandProfile } from './profile.js';
import { ruleBookOf } from './rule-book.js';

export interface IndependentProfile {
  id: string;
  profile: Record<string, unknown>;
  expect: { applies: string[]; does_not_apply: string[] };
}

const plain = (s: string) => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();

/** The policy a printed title names: its title or document number is in the printed title, or the other way round. */
function policyByTitle(store: ContentStore, title: string): string | null {
  const wanted = plain(title);
  const found = store.policies.find((p) => {
    const own = plain(p.en.title);
    return own.length > 10 && (wanted.includes(own) || own.includes(wanted) || (p.doc_number !== undefined && wanted.includes(plain(p.doc_number))));
  });
  return found?.id ?? null;
}

export function evaluateProfiles(store: ContentStore, index: SearchIndex, profiles: IndependentProfile[], today: string) {
  const book = ruleBookOf(store);
  const outcomes = profiles.map((p) => {
    const { facts } = understandProfile(profileSchema.parse(p.profile), store, index);
    const { results } = matchPolicies(book, store, facts, today);
    const statusOf = (policy: string) => results.filter((r) => r.rule.policy === policy).map((r) => r.status);
    const problems: string[] = [];
    for (const title of p.expect.applies) {
      const id = policyByTitle(store, title);
      if (!id) problems.push(`unknown title: ${title.slice(0, 60)}`);
      else if (!statusOf(id).includes('applies')) problems.push(`${id} expected to apply: ${statusOf(id).join('/') || 'no rule'}`);
    }
    for (const title of p.expect.does_not_apply) {
      const id = policyByTitle(store, title);
      if (!id) problems.push(`unknown title: ${title.slice(0, 60)}`);
      else if (statusOf(id).includes('applies')) problems.push(`${id} expected not to apply, but applies`);
    }
    return { id: p.id, right: problems.length === 0, problems };
  });
  return { right: outcomes.filter((o) => o.right).length, count: outcomes.length, outcomes };
}
