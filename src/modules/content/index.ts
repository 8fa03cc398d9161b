/** Public surface of the content module. */
export { ContentService, ContentNotLoadedError } from './content.service.js';
export { ContentStore, type DistrictProfile } from './content.store.js';
export { loadContentDirectory, loadContentSet, removalsOf, describeRemovals, ContentRemovalError, type LoadResult, type LoadOptions, type Removal } from './content.loader.js';
export { readContent, ContentValidationError, type ContentSet, type ContentProblem } from './content.files.js';
export * from './content.schemas.js';
export { displayValue } from './statistic-display.js';
export { leavesOf, BENEFIT_TYPES, BUSINESS_LINES, ENTITY_TYPES, FACTS, FACT_NAMES, INVESTOR_ORIGINS, INVESTOR_TYPES, STATUSES, type Condition, type FactName, type Leaf, type Parameter, type Rule } from './kinds/rules.schemas.js';
export { DataTable, cellText } from './views/data-table.js';
export { FIXED_RATE_INSURANCE, RESIDENTIAL_TIERS, rowKey } from './kinds/tariff-rows.js';
export { documentNumberOf, type MarketItem, type MarketList } from './kinds/market-access.schemas.js';
export { type PlanStepTemplate } from './kinds/plan.schemas.js';
export type { PageDeps, PageContext } from './content-pages.js';
export * from './kinds/service-line.schemas.js';
export { validateItem, dependentsOf, problemsOfZod, referenceProblems, withItem, type ItemValidation, type StoredProblem } from './content.validate.js';
export {
  applyRevisions, findRevision, insertRevision, liveRevisionId, lockPublishing, readLiveSet, revisionOf, revisionsOfItem, checksumOfSet,
  ContentReferenceError, RevisionStateError, REVISION_COLUMNS, type Revision, type NewRevision, type ApplyOptions,
} from './content.revisions.js';
export { canonicalJson, openConflicts, type Conflict } from './content.loader.js';
export { OFFICIAL_LINK, lastVerified } from './content.primitives.js';
export type { RevisionOrigin, RevisionState } from '../../platform/db/schema.js';
export { exportContent, exportTargetRefusal, fileFormOf, fileText, planExport, publishedSet, setOfStore, ADDED_FILE, FIXED_FILES, type ExportResult } from './content.export.js';
