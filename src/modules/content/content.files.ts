/**
 * Reads and validates the content files. Every problem is collected and reported together with the file path,
 * the item id and the field, so an editor can fix a bad file in one pass.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { leavesOf } from './kinds/rules.schemas.js';
import { CONTENT_FILES, CONTENT_KINDS, type ContentKind, type ContentItem } from './content.schemas.js';

export type ContentSet = { [K in ContentKind]: ContentItem<K>[] };

export interface ContentProblem {
  file: string;
  itemId: string | null;
  field: string;
  message: string;
}

export class ContentValidationError extends Error {
  constructor(readonly problems: ContentProblem[]) {
    super(
      `Content is invalid (${problems.length} problem${problems.length === 1 ? '' : 's'}):\n` +
        problems.map((p) => `  ${p.file}${p.itemId ? ` [${p.itemId}]` : ''} ${p.field}: ${p.message}`).join('\n'),
    );
    this.name = 'ContentValidationError';
  }
}

async function jsonFilesOf(folder: string): Promise<string[]> {
  try {
    const names = await readdir(folder);
    return names.filter((n) => n.endsWith('.json')).sort().map((n) => path.join(folder, n));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
}

function itemIdOf(raw: unknown): string | null {
  return raw && typeof raw === 'object' && typeof (raw as { id?: unknown }).id === 'string' ? (raw as { id: string }).id : null;
}

async function readKind<K extends ContentKind>(root: string, kind: K, problems: ContentProblem[]): Promise<ContentItem<K>[]> {
  const items: ContentItem<K>[] = [];
  const place = CONTENT_FILES[kind] ?? { folder: kind, file: () => true };
  for (const file of (await jsonFilesOf(path.join(root, place.folder))).filter((f) => place.file(path.basename(f)))) {
    const shown = path.relative(process.cwd(), file);
    let parsed: unknown;
    try {
      parsed = JSON.parse(await readFile(file, 'utf8'));
    } catch (error) {
      problems.push({ file: shown, itemId: null, field: '(file)', message: `not valid JSON: ${(error as Error).message}` });
      continue;
    }
    if (!Array.isArray(parsed)) {
      problems.push({ file: shown, itemId: null, field: '(file)', message: 'must be a JSON array of items' });
      continue;
    }
    parsed.forEach((raw, index) => {
      const result = CONTENT_KINDS[kind].safeParse(raw);
      if (result.success) {
        items.push(result.data as ContentItem<K>);
        return;
      }
      for (const issue of result.error.issues) {
        problems.push({
          file: shown,
          itemId: itemIdOf(raw) ?? `#${index}`,
          field: issue.path.join('.') || '(item)',
          message: issue.message,
        });
      }
    });
  }
  return items;
}

/** Ids must be unique per kind and references must point at items that exist. */
export function checkReferences(set: ContentSet, problems: ContentProblem[]): void {
  for (const kind of Object.keys(set) as ContentKind[]) {
    const seen = new Set<string>();
    for (const item of set[kind]) {
      if (seen.has(item.id)) problems.push({ file: `content/${kind}`, itemId: item.id, field: 'id', message: 'duplicate id' });
      seen.add(item.id);
    }
  }
  const ids = (kind: ContentKind) => new Set(set[kind].map((item) => item.id));
  const parks = ids('parks');
  const zones = ids('zones');
  const contacts = ids('contacts');
  const expect = (kind: ContentKind, itemId: string, field: string, ref: string, known: Set<string>) => {
    if (!known.has(ref)) problems.push({ file: `content/${kind}`, itemId, field, message: `unknown reference "${ref}"` });
  };
  const industries = ids('industries');
  for (const policy of set.policies) policy.industries.forEach((i, n) => expect('policies', policy.id, `industries.${n}`, i, industries));
  for (const term of set['site-terms']) if (term.applies_to === 'industry') expect('site-terms', term.id, 'industry', term.industry, industries);
  for (const industry of set.industries) industry.parks.forEach((p, i) => expect('industries', industry.id, `parks.${i}`, p, parks));
  for (const park of set.parks) if (park.parent) expect('parks', park.id, 'parent', park.parent, parks);
  for (const zone of set.zones) if (zone.parent) expect('zones', zone.id, 'parent', zone.parent, zones);
  const referable = { districts: ids('districts'), parks, zones, industries };
  for (const term of set.glossary) if (term.refers_to) expect('glossary', term.id, 'refers_to', term.refers_to.id, referable[term.refers_to.kind]);
  for (const procedure of set.procedures) procedure.contacts.forEach((c, i) => expect('procedures', procedure.id, `contacts.${i}`, c, contacts));
  checkToolReferences(set, expect, ids);
  const statistics = ids('statistics');
  for (const stat of set.statistics) stat.conflicts_with.forEach((c, i) => expect('statistics', stat.id, `conflicts_with.${i}`, c, statistics));
}

/** The investor tools' data: rules name policies and parameters, list items their list, plan steps procedures. */
function checkToolReferences(set: ContentSet, expect: (kind: ContentKind, itemId: string, field: string, ref: string, known: Set<string>) => void, ids: (kind: ContentKind) => Set<string>): void {
  const policies = ids('policies');
  const parameters = ids('rule-parameters');
  for (const rule of set.rules) {
    expect('rules', rule.id, 'policy', rule.policy, policies);
    leavesOf(rule.condition).forEach((leaf) => leaf.param && expect('rules', rule.id, 'condition', leaf.param, parameters));
  }
  const lists = ids('market-access-lists');
  const items = ids('market-access-items');
  for (const item of set['market-access-items']) {
    expect('market-access-items', item.id, 'list', item.list, lists);
    (item.opens_items ?? []).forEach((opened, i) => expect('market-access-items', item.id, `opens_items.${i}`, opened, items));
  }
  const procedures = ids('procedures');
  for (const step of set['plan-steps']) [step.procedure, ...step.also].forEach((p, i) => expect('plan-steps', step.id, i === 0 ? 'procedure' : `also.${i - 1}`, p, procedures));
}

/** Reads every kind under `root`; throws ContentValidationError listing every problem found. */
export async function readContent(root: string): Promise<ContentSet> {
  const problems: ContentProblem[] = [];
  const set = {} as Record<ContentKind, unknown[]>;
  for (const kind of Object.keys(CONTENT_KINDS) as ContentKind[]) set[kind] = await readKind(root, kind, problems);
  checkReferences(set as ContentSet, problems);
  if (problems.length > 0) throw new ContentValidationError(problems);
  return set as ContentSet;
}
