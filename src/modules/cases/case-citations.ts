/**
 * A reply can cite the library: policies and procedures, each written "policy:<id>" or "procedure:<id>" in the
 * action's input and kept in the timeline entry's data, so what the enterprise was pointed to stays as it was sent.
 * The tracking page and the API show each as a link with its title in both languages; a citation whose item has
 * since left the content keeps its id as its title.
 */
import type { ContentStore, ServiceTopic } from '../content/index.js';

export const CITATION = /^(policy|procedure):([a-z0-9]+(?:-[a-z0-9]+)*)$/;
export const MAX_CITATIONS = 10;

export interface Citation {
  kind: 'policy' | 'procedure';
  id: string;
  en: string;
  zh: string;
}

function parts(value: string): { kind: 'policy' | 'procedure'; id: string } | null {
  const match = CITATION.exec(value);
  return match ? { kind: match[1] as 'policy' | 'procedure', id: match[2] } : null;
}

/** Whether every citation names an item the library holds now. */
export function citationsExist(store: ContentStore, values: readonly string[]): boolean {
  return values.every((value) => {
    const cite = parts(value);
    if (!cite) return false;
    return cite.kind === 'policy' ? store.get('policies', cite.id) !== undefined : store.get('procedures', cite.id) !== undefined;
  });
}

/** The citations kept in a timeline entry's data, with their titles (unknown values are left out). */
export function citationsOf(store: ContentStore, data: unknown): Citation[] {
  const values = Array.isArray(data) ? data.filter((v): v is string => typeof v === 'string') : [];
  return values.flatMap((value) => {
    const cite = parts(value);
    if (!cite) return [];
    const item = cite.kind === 'policy' ? store.get('policies', cite.id) : store.get('procedures', cite.id);
    return [{ ...cite, en: item?.en.title ?? cite.id, zh: item?.zh.title ?? cite.id }];
  });
}

/** What a reply on `topic` usually cites: the policies and procedures of the topic's categories. */
export function libraryFor(store: ContentStore, topic: ServiceTopic | undefined): { policies: Citation[]; procedures: Citation[] } {
  if (!topic) return { policies: [], procedures: [] };
  const policies = store.policies.filter((p) => topic.policy_categories.includes(p.category));
  const procedures = store.procedures.filter((p) => topic.procedure_categories.includes(p.category));
  return {
    policies: policies.map((p) => ({ kind: 'policy' as const, id: p.id, en: p.en.title, zh: p.zh.title })),
    procedures: procedures.map((p) => ({ kind: 'procedure' as const, id: p.id, en: p.en.title, zh: p.zh.title })),
  };
}
