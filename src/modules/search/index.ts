/** Public surface of the search module. */
export { SearchService } from './search.service.js';
export { SearchIndex, type SearchHit, type SearchOutcome } from './search-index.js';
export { registerSearchApi } from './search.api.js';
export { registerSearchPages } from './search.pages.js';
export { answerQuestion, type Answer } from './answers.js';
