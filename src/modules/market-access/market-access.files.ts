/** Reads and validates content/market-access/: lists.json plus one file of items per list. */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { ContentValidationError, type ContentProblem } from '../content/index.js';
import { itemSchema, listSchema, type MarketItem, type MarketList } from './market-access.schemas.js';

export interface MarketAccessData {
  lists: MarketList[];
  items: MarketItem[];
}

export async function readMarketAccess(contentDir: string): Promise<MarketAccessData> {
  const dir = path.join(contentDir, 'market-access');
  const problems: ContentProblem[] = [];
  const lists: MarketList[] = [];
  const items: MarketItem[] = [];
  let files: string[] = [];
  try {
    files = (await readdir(dir)).filter((f) => f.endsWith('.json')).sort();
  } catch {
    return { lists, items };
  }
  for (const name of files) {
    const file = path.join(dir, name);
    const raw = JSON.parse(await readFile(file, 'utf8')) as unknown[];
    const schema = name === 'lists.json' ? listSchema : itemSchema;
    raw.forEach((entry, index) => {
      const result = schema.safeParse(entry);
      if (!result.success) {
        for (const issue of result.error.issues) problems.push({ file, itemId: (entry as { id?: string }).id ?? `#${index}`, field: issue.path.join('.'), message: issue.message });
      } else if (name === 'lists.json') lists.push(result.data as MarketList);
      else items.push(result.data as MarketItem);
    });
  }
  const listIds = new Set(lists.map((l) => l.id));
  const itemIds = new Set(items.map((i) => i.id));
  for (const item of items) {
    if (!listIds.has(item.list)) problems.push({ file: dir, itemId: item.id, field: 'list', message: `unknown list "${item.list}"` });
    for (const opened of item.opens_items ?? []) if (!itemIds.has(opened)) problems.push({ file: dir, itemId: item.id, field: 'opens_items', message: `unknown item "${opened}"` });
  }
  if (problems.length) throw new ContentValidationError(problems);
  return { lists, items };
}
