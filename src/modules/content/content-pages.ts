/** The platform's page types, bound to the content store every public page reads. */
import type { PageContext as PlatformPageContext, PageDeps as PlatformPageDeps } from '../../platform/http/pages.js';
import type { ContentStore } from './content.store.js';

export type PageDeps = PlatformPageDeps<ContentStore>;
export type PageContext = PlatformPageContext<ContentStore>;
