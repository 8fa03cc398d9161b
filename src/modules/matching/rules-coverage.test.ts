/**
 * The rule book covers the guide: every policy has at least one rule, and every condition quotes, verbatim, the
 * sentence of the source document it cites. The seeds live next to the repository (../shared/seeds); where they are
 * absent the verbatim check is skipped with a message.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { seedText, seedsPresent, warnIfSeedsAbsent } from '../../../test/helpers/seeds.js';
import { leavesOf } from '../content/index.js';
import { profileSchema } from './profile.js';
import { FACTS, FACT_NAMES, ruleSchema, type Leaf, type Rule } from '../content/kinds/rules.schemas.js';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const read = (file: string) => JSON.parse(readFileSync(path.join(root, file), 'utf8')) as unknown;
const rules = (read('content/rules/rules.json') as unknown[]).map((r) => ruleSchema.parse(r)) as Rule[];
const questions = read('content/rules/facts.json') as { id: string }[];
const parameters = read('content/rules/parameters.json') as { id: string }[];
const policyIds = readdirSync(path.join(root, 'content/policies'))
  .filter((f) => f.endsWith('.json'))
  .flatMap((f) => (read(`content/policies/${f}`) as { id: string }[]).map((p) => p.id));
const idsOf = (file: string) => new Set((read(file) as { id: string }[]).map((i) => i.id));
const leaves: { rule: Rule; leaf: Leaf }[] = rules.flatMap((rule) => leavesOf(rule.condition).map((leaf) => ({ rule, leaf })));

/** The seeds are Markdown-ish text: escaped dollars and underscores, emphasis stars, wrapped lines. */
const normalise = (s: string) => s.replace(/\\\$/g, '$').replace(/\\_/g, '_').replace(/\*/g, '').replace(/\s+/g, ' ').trim();

describe('rule coverage', () => {
  it('gives every policy at least one rule', () => {
    const covered = new Set(rules.map((r) => r.policy));
    expect(policyIds.length).toBeGreaterThan(0);
    expect(policyIds.filter((id) => !covered.has(id))).toEqual([]);
  });

  it('names every policy in the matching profiles of test/fixtures/policy-match-profiles.json', () => {
    const profiles = read('test/fixtures/policy-match-profiles.json') as { expect: { applies: string[]; does_not_apply: string[] } }[];
    const policyOf = new Map(rules.map((r) => [r.id, r.policy]));
    const named = new Set(profiles.flatMap((p) => [...p.expect.applies, ...p.expect.does_not_apply]).map((id) => policyOf.get(id)));
    expect(profiles.length).toBeGreaterThanOrEqual(80);
    expect(policyIds.filter((id) => !named.has(id))).toEqual([]);
  });

  it('gives every condition a quote and a source', () => {
    expect(leaves.filter(({ leaf }) => !leaf.quote?.trim()).map(({ rule, leaf }) => `${rule.id}: ${leaf.label.en}`)).toEqual([]);
    expect(leaves.filter(({ leaf }) => !leaf.source).map(({ rule, leaf }) => `${rule.id}: ${leaf.label.en}`)).toEqual([]);
  });

  it('asks a question for every fact, and the profile accepts every fact', () => {
    expect(FACT_NAMES.filter((f) => !questions.some((q) => q.id === f))).toEqual([]);
    expect(Object.keys(profileSchema.shape).sort()).toEqual([...FACT_NAMES].sort());
  });

  it('compares facts only with values they can take', () => {
    const industries = idsOf('content/industries/industries.json');
    const parks = idsOf('content/parks/parks.json');
    const params = new Set(parameters.map((p) => p.id));
    const bad: string[] = [];
    for (const { rule, leaf } of leaves) {
      const spec = FACTS[leaf.fact] as { type: string; values?: readonly string[] };
      const values = leaf.value === undefined ? [] : Array.isArray(leaf.value) ? leaf.value.map(String) : [String(leaf.value)];
      const known = spec.type === 'industry' ? industries : spec.type === 'park' ? parks : spec.values ? new Set(spec.values) : null;
      for (const v of values) if (known && !known.has(v)) bad.push(`${rule.id}: ${leaf.fact} ${v}`);
      if (leaf.param && !params.has(leaf.param)) bad.push(`${rule.id}: parameter ${leaf.param}`);
      if (spec.type === 'boolean' && !['is_true', 'is_false'].includes(leaf.op)) bad.push(`${rule.id}: ${leaf.fact} ${leaf.op}`);
      if (spec.type === 'set' && !['includes', 'excludes'].includes(leaf.op)) bad.push(`${rule.id}: ${leaf.fact} ${leaf.op}`);
    }
    expect(bad).toEqual([]);
  });

  warnIfSeedsAbsent('rules-coverage');
  it.skipIf(!seedsPresent)('quotes each condition verbatim from the seed it cites (skipped when ../shared/seeds is absent)', () => {
    const texts = new Map<string, string>();
    const textOf = (document: string) => {
      if (!texts.has(document)) texts.set(document, normalise(seedText(document)));
      return texts.get(document)!;
    };
    const missing = leaves
      .filter(({ leaf }) => leaf.quote && leaf.source && !textOf(leaf.source.document).includes(normalise(leaf.quote)))
      .map(({ rule, leaf }) => `${rule.id} (${leaf.source!.document}): ${leaf.quote}`);
    expect(missing).toEqual([]);
  });
});
