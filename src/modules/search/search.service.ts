/** Keeps one search index per content version, rebuilt when the content service reports a new version. */
import type { ContentService, ContentStore } from '../content/index.js';
import { SearchIndex } from './search-index.js';

export class SearchService {
  private index: SearchIndex | null = null;

  constructor(private readonly content: ContentService) {
    content.onChange((store) => this.rebuild(store));
  }

  private rebuild(store: ContentStore): SearchIndex {
    this.index = SearchIndex.fromStore(store);
    return this.index;
  }

  /** The index for the current content; built lazily so a process that never searches pays nothing. */
  get current(): SearchIndex {
    const store = this.content.store;
    if (this.index && this.index.version === store.version) return this.index;
    return this.rebuild(store);
  }
}
