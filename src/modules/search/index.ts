/** Public surface of the search module. */
import type { AppModule } from '../module.js';
import { registerSearchApi as searchApi } from './search.api.js';
import { registerSearchPages as searchPages } from './search.pages.js';
export { SearchService } from './search.service.js';
export { SearchIndex, type SearchHit, type SearchOutcome } from './search-index.js';
export { registerSearchApi } from './search.api.js';
export { registerSearchPages } from './search.pages.js';
export { answerQuestion, type Answer } from './answers.js';
export { answerQuerySchema, searchQuerySchema, suggestQuerySchema } from './search.schemas.js';
export { t as tSearch } from './messages.js';
export { SEARCH_TYPES, type SearchType } from './search-units.js';

export const searchModule: AppModule = {
  name: 'search',
  routes: async (app, deps) => searchPages(app, deps.pages, deps.search),
  api: async (api, deps) => searchApi(api, deps.content, deps.search, deps.apiCache),
};
