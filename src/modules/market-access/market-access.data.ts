/** The market-access lists held (content/market-access/), as loaded with the content: lists.json plus one file of items per list. */
import type { ContentStore } from '../content/index.js';
import type { MarketItem, MarketList } from '../content/index.js';

export interface MarketAccessData {
  lists: readonly MarketList[];
  items: readonly MarketItem[];
}

export function marketAccessOf(store: ContentStore): MarketAccessData {
  return { lists: store.all('market-access-lists'), items: store.all('market-access-items') };
}
