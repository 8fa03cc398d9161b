/**
 * Market-access check: which list items an activity touches, and what that means for a foreign investor.
 * Honesty rules: items not verified against an official text say so; "no item found" never means "allowed" unless
 * the list edition held is complete and verified.
 */
import type { MarketAccessData } from './market-access.data.js';
import type { MarketItem, MarketList } from '../content/index.js';

export type Verdict = 'prohibited' | 'restricted' | 'opened_by_beijing_pilot' | 'no_item_found';

export interface AccessQuery {
  activity: string;
  inFtz: boolean;
  foreignSharePct?: number;
}

export interface AccessFinding {
  item: MarketItem;
  list: MarketList;
  /** Why the item matched: the keywords found in the activity. */
  matched: string[];
  /** For a restriction with a share cap: whether the intended share exceeds it. */
  exceedsCap?: boolean;
}

export interface AccessResult {
  verdict: Verdict;
  findings: AccessFinding[];
  openings: AccessFinding[];
  listsChecked: MarketList[];
  /** True only when every list checked is complete and verified, so "no item found" can mean "not listed". */
  conclusive: boolean;
}

function matchedKeywords(item: MarketItem, activity: string): string[] {
  const text = activity.toLowerCase();
  return [...item.keywords.en, ...item.keywords.zh].filter((k) => {
    const key = k.toLowerCase();
    return /\p{Script=Han}/u.test(key) ? text.includes(key) : new RegExp(`(^|[^a-z])${key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}($|[^a-z])`, 'i').test(text);
  });
}

/** An activity given as a code: the id of a list item (e.g. "national-2024-12"), as shown next to every item. */
function checkByCode(data: MarketAccessData, code: string, query: AccessQuery): AccessResult | null {
  const item = data.items.find((i) => i.id === code.trim().toLowerCase());
  if (!item) return null;
  const listOf = (i: MarketItem) => data.lists.find((l) => l.id === i.list)!;
  const cap = item.restriction?.max_foreign_share_pct;
  const finding: AccessFinding = { item, list: listOf(item), matched: [item.id], ...(query.foreignSharePct !== undefined && cap !== null && cap !== undefined ? { exceedsCap: query.foreignSharePct > cap } : {}) };
  const openings = item.measure === 'opened' ? [finding] : data.items.filter((i) => i.opens_items?.includes(item.id)).map((i) => ({ item: i, list: listOf(i), matched: [item.id] }));
  const findings = item.measure === 'opened' ? [] : [finding];
  const verdict: Verdict = openings.length > 0 && item.measure !== 'prohibited' ? 'opened_by_beijing_pilot' : item.measure === 'prohibited' ? 'prohibited' : item.measure === 'restricted' ? 'restricted' : 'opened_by_beijing_pilot';
  const listsChecked = [...new Map([finding, ...openings].map((f) => [f.list.id, f.list])).values()];
  return { verdict, findings, openings, listsChecked, conclusive: listsChecked.every((l) => l.complete && l.verified) };
}

export function checkMarketAccess(data: MarketAccessData, query: AccessQuery): AccessResult {
  const coded = checkByCode(data, query.activity, query);
  if (coded) return coded;
  // In the Pilot FTZ the FTZ list applies (it is shorter); elsewhere the national list.
  const listId = query.inFtz ? 'ftz-2021' : 'national-2024';
  const list = data.lists.find((l) => l.id === listId);
  const openingsList = data.lists.find((l) => l.id === 'beijing-openings');
  const listsChecked = [list, openingsList].filter((l): l is MarketList => l !== undefined);
  const findings: AccessFinding[] = data.items
    .filter((i) => i.list === listId)
    .map((item) => ({ item, list: list!, matched: matchedKeywords(item, query.activity) }))
    .filter((f) => f.matched.length > 0)
    .map((f) => {
      const cap = f.item.restriction?.max_foreign_share_pct;
      return query.foreignSharePct !== undefined && cap !== null && cap !== undefined ? { ...f, exceedsCap: query.foreignSharePct > cap } : f;
    });
  const openings: AccessFinding[] = data.items
    .filter((i) => i.list === 'beijing-openings')
    .map((item) => ({ item, list: openingsList!, matched: matchedKeywords(item, query.activity) }))
    .filter((f) => f.matched.length > 0 && (f.item.opens_items?.length ? f.item.opens_items.some((o) => findings.some((x) => x.item.id === o)) || findings.length === 0 : true));
  let verdict: Verdict = 'no_item_found';
  if (findings.some((f) => f.item.measure === 'prohibited')) verdict = 'prohibited';
  else if (findings.length > 0) verdict = 'restricted';
  if (openings.length > 0 && verdict !== 'prohibited') verdict = 'opened_by_beijing_pilot';
  else if (openings.length > 0 && findings.every((f) => openings.some((o) => o.item.opens_items?.includes(f.item.id)))) verdict = 'opened_by_beijing_pilot';
  return { verdict, findings, openings, listsChecked, conclusive: listsChecked.every((l) => l.complete && l.verified) };
}
