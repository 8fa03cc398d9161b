/**
 * Writes policy-match answers as JSON. Everything about a rule that does not depend on the profile (its policy,
 * benefit, sources, the labels and sources of its conditions) is serialised once per content version and language;
 * a request only joins those fragments. A result written once is kept as UTF-8 bytes with its outcome (one shared
 * object per rule and values of the facts it names), so profiles that differ only in facts a rule does not look at
 * share its bytes. Measured at 50 connections of distinct profiles: building and stringifying ~35 result objects per
 * request, then encoding ~49 KB of text per response, was most of the cost (see bench/RESULTS.md).
 */
import type { Lang } from '../../platform/i18n/i18n.js';
import type { ContentStore } from '../content/index.js';
import type { sourceSchema } from '../content/content.schemas.js';
import type { z } from 'zod';
import type { FactValue } from './evaluate.js';
import type { MatchResult } from './match.js';
import type { Leaf, Rule } from './rules.schemas.js';

/** A source as JSON text; equal text means the same source. */
type SourceFragment = string;

interface RuleFragments {
  head: string;
  middle: string;
  tail: string;
  sources: SourceFragment[];
}

const json = JSON.stringify;
const COMMA = Buffer.from(',');
type Source = z.infer<typeof sourceSchema>;
const sourceFragment = (source: Source): SourceFragment => json(source);

function addOnce(list: SourceFragment[], source: SourceFragment | null): void {
  if (source && !list.includes(source)) list.push(source);
}

export class MatchJsonWriter {
  private readonly written = new WeakMap<MatchResult, Partial<Record<Lang, Buffer>>>();
  private readonly rules = new WeakMap<ContentStore, Record<Lang, Map<string, RuleFragments>>>();
  private readonly leaves = new WeakMap<Leaf, { label: Record<Lang, string>; source: SourceFragment | null }>();

  private leaf(leaf: Leaf) {
    let fragments = this.leaves.get(leaf);
    if (!fragments) {
      fragments = { label: { en: json(leaf.label.en), zh: json(leaf.label.zh) }, source: leaf.source ? sourceFragment(leaf.source) : null };
      this.leaves.set(leaf, fragments);
    }
    return fragments;
  }

  private rule(rule: Rule, store: ContentStore, lang: Lang): RuleFragments {
    let perLang = this.rules.get(store);
    if (!perLang) {
      perLang = { en: new Map(), zh: new Map() };
      this.rules.set(store, perLang);
    }
    let fragments = perLang[lang].get(rule.id);
    if (!fragments) {
      const policy = store.get('policies', rule.policy)!;
      fragments = {
        head: `{"rule":${json(rule.id)},"policy":${json({ id: policy.id, title: policy[lang].title, document_number: policy.doc_number ?? null, url: `/${lang}/policies/${policy.id}` })},"status":`,
        middle: `,"benefit_type":${json(rule.benefit_type)},"reasons":`,
        tail: `,"benefits":${json([rule[lang].benefit])},"sources":`,
        sources: rule.sources.map(sourceFragment),
      };
      perLang[lang].set(rule.id, fragments);
    }
    return fragments;
  }

  /** The result's JSON as UTF-8 bytes, written once per outcome (outcomes are shared objects, see match.ts). */
  resultBytes(result: MatchResult, store: ContentStore, lang: Lang): Buffer {
    // A one-off outcome's bytes are not kept: entries for short-lived keys were promoted to old space and brought a
    // full GC every ~0.4 s under a stream of distinct profiles.
    if (!result.shared) return Buffer.from(this.result(result, store, lang));
    let written = this.written.get(result);
    if (!written) {
      written = {};
      this.written.set(result, written);
    }
    return (written[lang] ??= Buffer.from(this.result(result, store, lang)));
  }

  /** The whole answer: how the profile was understood, every result, the questions still open. */
  answer(understood: unknown, results: MatchResult[], nextQuestions: unknown, store: ContentStore, lang: Lang): Buffer {
    const parts: Buffer[] = [Buffer.from(`{"understood":${json(understood)},"results":[`)];
    results.forEach((result, i) => {
      if (i > 0) parts.push(COMMA);
      parts.push(this.resultBytes(result, store, lang));
    });
    parts.push(Buffer.from(`],"next_questions":${json(nextQuestions)}}`));
    return Buffer.concat(parts);
  }

  /** One result, in the API's shape: policy, status, reasons (passed / failed with given vs needed / missing), benefits, sources. */
  result(result: MatchResult, store: ContentStore, lang: Lang): string {
    const fragments = this.rule(result.rule, store, lang);
    const { passed, failed, missing } = result.evaluation;
    const passedJson = passed.map((leaf) => this.leaf(leaf).label[lang]).join(',');
    const failedJson = failed.map((f) => `{"condition":${this.leaf(f.leaf).label[lang]},"given":${json(f.given as FactValue)},"needed":${json(f.needed)}}`).join(',');
    const missingJson = missing.map((leaf) => `{"condition":${this.leaf(leaf).label[lang]},"fact":${json(leaf.fact)}}`).join(',');
    // The rule's own sources, then those of the conditions it was judged on, each once (a handful: a list beats a Set).
    const sources = fragments.sources.slice();
    for (const leaf of passed) addOnce(sources, this.leaf(leaf).source);
    for (const f of failed) addOnce(sources, this.leaf(f.leaf).source);
    return `${fragments.head}"${result.status}"${fragments.middle}{"passed":[${passedJson}],"failed":[${failedJson}],"missing":[${missingJson}]}${fragments.tail}[${sources.join(',')}]}`;
  }
}
