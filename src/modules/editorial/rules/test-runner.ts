/**
 * The rules' safety net: before a revision of a rule or a rule parameter is published, every saved test profile is
 * matched against the live content and against the content with the revision applied — the same matching as the
 * public policy match (matchPolicies, today in Beijing) — and the profiles whose outcome changes are listed, with the
 * conditions whose result changed: their sentence, the profile's answer and the value needed before and after.
 */
import { CONTENT_KINDS, ContentStore, leavesOf, type ContentKind, type ContentSet, type FactName, type Leaf, type Parameter, type Rule, type StoredProblem } from '../../content/index.js';
import { evaluate, matchPolicies, ruleBookOf, type Facts, type Truth } from '../../matching/index.js';

/** A rule's outcome for a profile; `not_in_force` when the rule is absent or outside its validity dates. */
export type Outcome = 'applies' | 'may_apply' | 'does_not_apply' | 'not_in_force';
/** A condition's result; `absent` when the rule has no such condition on that side. */
export type LeafResult = Truth | 'absent';

export interface TestProfile {
  id: string;
  name: string;
  facts: Facts;
}

export interface LeafChange {
  fact: FactName;
  label: { en: string; zh: string };
  /** The profile's answer (undefined: not given). */
  given: Facts[FactName];
  /** The parameter the condition reads, when it reads one (after, else before). */
  param?: string;
  before: { result: LeafResult; needed: unknown };
  after: { result: LeafResult; needed: unknown };
}

export interface RuleChange {
  ruleId: string;
  policy: string;
  before: Outcome;
  after: Outcome;
  leaves: LeafChange[];
}

export interface ProfileChange {
  profile: TestProfile;
  rules: RuleChange[];
}

export interface TestRun {
  ran: number;
  changed: ProfileChange[];
  unchanged: number;
}

/** The content with one item replaced (or removed, for a withdrawal): a store of its own, or the schema's problems. */
export function storeWithItem(live: ContentStore, kind: ContentKind, itemId: string, data: Record<string, unknown> | null): { store: ContentStore } | { problems: StoredProblem[] } {
  let item: unknown = null;
  if (data !== null) {
    const parsed = CONTENT_KINDS[kind].safeParse(data);
    if (!parsed.success) return { problems: parsed.error.issues.map((i) => ({ path: i.path.map((p) => (typeof p === 'symbol' ? String(p) : p)), code: i.code, message: i.message })) };
    item = parsed.data;
  }
  const items = Object.fromEntries(
    (Object.keys(CONTENT_KINDS) as ContentKind[]).map((k) => {
      const all = live.all(k) as readonly { id: string }[];
      if (k !== kind) return [k, all];
      const rest = all.filter((i) => i.id !== itemId);
      return [k, item === null ? rest : [...rest, item]];
    }),
  ) as unknown as ContentSet;
  return { store: new ContentStore(live.version, items as unknown as ConstructorParameters<typeof ContentStore>[1]) };
}

/** A condition's identity across two versions of a rule: what it asks of which fact, in its own words. */
const leafKey = (leaf: Leaf) => `${leaf.fact}|${leaf.op}|${leaf.label.en}`;

function neededOf(leaf: Leaf, parameters: Map<string, Parameter>): unknown {
  return leaf.param === undefined ? leaf.value : parameters.get(leaf.param)?.value;
}

function leafResult(leaf: Leaf | undefined, facts: Facts, parameters: Map<string, Parameter>): LeafResult {
  if (!leaf) return 'absent';
  if (leaf.param !== undefined && !parameters.has(leaf.param)) return 'unknown';
  return evaluate(leaf, facts, parameters).truth;
}

/** The conditions of a rule whose result for `facts` differs between the two versions (matched by fact, operator and sentence). */
export function leafChanges(before: Rule | undefined, after: Rule | undefined, facts: Facts, paramsBefore: Map<string, Parameter>, paramsAfter: Map<string, Parameter>): LeafChange[] {
  const keyed = (rule: Rule | undefined) => new Map((rule ? leavesOf(rule.condition) : []).map((l) => [leafKey(l), l]));
  const old = keyed(before);
  const now = keyed(after);
  const keys = [...new Set([...now.keys(), ...old.keys()])];
  const changes: LeafChange[] = [];
  for (const key of keys) {
    const b = old.get(key);
    const a = now.get(key);
    const leaf = (a ?? b)!;
    const was = leafResult(b, facts, paramsBefore);
    const is = leafResult(a, facts, paramsAfter);
    if (was === is) continue;
    changes.push({
      fact: leaf.fact,
      label: leaf.label,
      given: facts[leaf.fact],
      param: a?.param ?? b?.param,
      before: { result: was, needed: b ? neededOf(b, paramsBefore) : undefined },
      after: { result: is, needed: a ? neededOf(a, paramsAfter) : undefined },
    });
  }
  return changes;
}

const APPLYING: readonly Outcome[] = ['applies', 'may_apply'];

/** Runs every profile against both stores; `today` is the date in Beijing, as the public match uses it. */
export function runRuleTests(before: ContentStore, after: ContentStore, profiles: readonly TestProfile[], today: string): TestRun {
  const bookBefore = ruleBookOf(before);
  const bookAfter = ruleBookOf(after);
  const changed: ProfileChange[] = [];
  for (const profile of profiles) {
    const outcomes = (store: ContentStore, book: typeof bookBefore) => new Map(matchPolicies(book, store, profile.facts, today).results.map((r) => [r.rule.id, r.status as Outcome]));
    const was = outcomes(before, bookBefore);
    const is = outcomes(after, bookAfter);
    const rules: RuleChange[] = [];
    for (const ruleId of [...new Set([...is.keys(), ...was.keys()])]) {
      const b = was.get(ruleId) ?? 'not_in_force';
      const a = is.get(ruleId) ?? 'not_in_force';
      // Not applying and not in force are the same answer to the investor: not a change.
      if (a === b || (!APPLYING.includes(a) && !APPLYING.includes(b))) continue;
      const ruleBefore = before.get('rules', ruleId);
      const ruleAfter = after.get('rules', ruleId);
      rules.push({
        ruleId,
        policy: (ruleAfter ?? ruleBefore)!.policy,
        before: b,
        after: a,
        leaves: leafChanges(ruleBefore, ruleAfter, profile.facts, bookBefore.parameters, bookAfter.parameters),
      });
    }
    if (rules.length) changed.push({ profile, rules });
  }
  return { ran: profiles.length, changed, unchanged: profiles.length - changed.length };
}
