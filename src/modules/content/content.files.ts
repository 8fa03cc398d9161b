/**
 * Reads and validates the content files. Every problem is collected and reported together with the file path,
 * the item id and the field, so an editor can fix a bad file in one pass.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { CONTENT_KINDS, type ContentKind, type ContentItem } from './content.schemas.js';

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
  for (const file of await jsonFilesOf(path.join(root, kind))) {
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
function checkReferences(set: ContentSet, problems: ContentProblem[]): void {
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
  for (const procedure of set.procedures) procedure.contacts.forEach((c, i) => expect('procedures', procedure.id, `contacts.${i}`, c, contacts));
  const statistics = ids('statistics');
  for (const stat of set.statistics) stat.conflicts_with.forEach((c, i) => expect('statistics', stat.id, `conflicts_with.${i}`, c, statistics));
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
