/**
 * A saved profile and what it makes of the policies: the facts as the matching module parsed them (a set read from
 * the investor's own words keeps that mark), a summary in the subscriber's language, and each policy's outcome —
 * the best of its rules in force today, exactly as Policies for me shows them.
 */
import type { Lang } from '../../platform/i18n/i18n.js';
import { FACT_NAMES, type ContentStore, type FactName } from '../content/index.js';
import { evidenceSet, factValueLabel, isEvidenceSet, matchPolicies, ruleBookOf, tMatching, type Facts, type MatchResult } from '../matching/index.js';
import type { AlertOutcome, SavedProfile } from './alerts.tables.js';

export function savedProfileOf(facts: Facts): SavedProfile {
  const kept: SavedProfile['facts'] = {};
  const evidence: string[] = [];
  for (const name of FACT_NAMES) {
    const value = facts[name];
    if (value === undefined) continue;
    kept[name] = Array.isArray(value) ? [...value] : value;
    if (isEvidenceSet(value)) evidence.push(name);
  }
  return { facts: kept, evidence };
}

export function factsOf(profile: SavedProfile): Facts {
  const facts: Facts = {};
  for (const name of FACT_NAMES) {
    const value = profile.facts[name];
    if (value === undefined) continue;
    facts[name] = Array.isArray(value) && profile.evidence.includes(name) ? evidenceSet(value) : value;
  }
  return facts;
}

/** The answers in words: "Type of entity: Wholly foreign-owned enterprise". */
export function profileLines(store: ContentStore, lang: Lang, profile: SavedProfile): { label: string; value: string }[] {
  return (FACT_NAMES as readonly FactName[])
    .filter((name) => profile.facts[name] !== undefined)
    .map((name) => ({ label: tMatching(lang, `profile.label.${name}`), value: factValueLabel(store, lang, name, profile.facts[name]) ?? '—' }));
}

export interface PolicyOutcome {
  status: AlertOutcome;
  /** The policy's rules with that status (none when it does not apply). */
  results: MatchResult[];
}

const RANK: Record<AlertOutcome, number> = { applies: 2, may_apply: 1, does_not_apply: 0 };

/** Every live policy's outcome for these facts today (a policy without a rule in force does not apply). */
export function policyOutcomes(store: ContentStore, facts: Facts, today: string): Map<string, PolicyOutcome> {
  const outcomes = new Map<string, PolicyOutcome>(store.all('policies').map((p) => [p.id, { status: 'does_not_apply', results: [] }]));
  for (const result of matchPolicies(ruleBookOf(store), store, facts, today).results) {
    const current = outcomes.get(result.rule.policy);
    if (!current) continue;
    if (RANK[result.status] > RANK[current.status]) outcomes.set(result.rule.policy, { status: result.status, results: result.status === 'does_not_apply' ? [] : [result] });
    else if (result.status === current.status && result.status !== 'does_not_apply') current.results.push(result);
  }
  return outcomes;
}
