/** Public surface of the policies module: other modules import only from here. */
import type { AppModule } from '../module.js';
import { registerPolicyPages } from './policies.pages.js';
import { registerPolicyFeeds } from './policy-feed.js';
export { t as tPolicies } from './messages.js';
export { facetLabel } from './policy-facets.js';

export const policiesModule: AppModule = {
  name: 'policies',
  routes: async (app, deps) => {
    registerPolicyPages(app, deps.pages, deps.search);
    registerPolicyFeeds(app, deps.content, deps.config.PUBLIC_BASE_URL);
  },
};
