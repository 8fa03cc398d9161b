/** Public surface of the content module. */
export { ContentService, ContentNotLoadedError } from './content.service.js';
export { ContentStore, type DistrictProfile } from './content.store.js';
export { loadContentDirectory, loadContentSet, removalsOf, describeRemovals, ContentRemovalError, type LoadResult, type LoadOptions, type Removal } from './content.loader.js';
export { readContent, ContentValidationError, type ContentSet, type ContentProblem } from './content.files.js';
export * from './content.schemas.js';
export { displayValue } from './statistic-display.js';
