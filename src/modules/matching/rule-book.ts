/**
 * The rule book: the questions (content/rules/facts.json), the named, dated thresholds (parameters.json) and the
 * rules (rules.json), as loaded with the rest of the content and validated by the content loader. Built once per
 * content version, so a rule edited and loaded reaches every process with the version, like any other content.
 */
import type { ContentItem, ContentStore } from '../content/index.js';
import type { Parameter, Rule } from '../content/index.js';

export interface RuleBook {
  facts: readonly ContentItem<'rule-facts'>[];
  parameters: Map<string, Parameter>;
  rules: readonly Rule[];
}

const books = new WeakMap<ContentStore, RuleBook>();

export function ruleBookOf(store: ContentStore): RuleBook {
  let book = books.get(store);
  if (!book) {
    book = { facts: store.all('rule-facts'), parameters: new Map(store.all('rule-parameters').map((p) => [p.id, p])), rules: store.all('rules') };
    books.set(store, book);
  }
  return book;
}

