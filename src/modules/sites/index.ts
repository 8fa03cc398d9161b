/** Public surface of the sites module: other modules import only from here. */
import type { AppModule } from '../module.js';
import { registerSitesPages } from './sites.pages.js';
import { registerSitesApi } from './sites.api.js';
export { rankSites, siteRequestSchema, type LocationScore } from './rank.js';
export { RankedList } from './views/ranked-list.js';
export { t as tSites } from './messages.js';

export const sitesModule: AppModule = {
  name: 'sites',
  routes: async (app, deps) => registerSitesPages(app, deps.pages),
  api: async (api, deps) => registerSitesApi(api, deps.content, deps.search),
};
