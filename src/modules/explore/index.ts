/** Public surface of the explore module: other modules import only from here. */
import type { AppModule } from '../module.js';
import { registerHomePage } from './home.pages.js';
import { registerExplorePages } from './explore.pages.js';
import { registerTwoZonesPages } from './two-zones.pages.js';
import { registerInfoPages } from './info.pages.js';
import { registerLanguageRedirect } from './language-redirect.js';

export const exploreModule: AppModule = {
  name: 'explore',
  routes: async (app, deps) => {
    registerLanguageRedirect(app);
    for (const register of [registerHomePage, registerExplorePages, registerTwoZonesPages, registerInfoPages]) register(app, deps.pages);
  },
};
