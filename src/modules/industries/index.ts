/** Public surface of the industries module: other modules import only from here. */
import type { AppModule } from '../module.js';
import { registerIndustryPages } from './industries.pages.js';
export { t as tIndustries } from './messages.js';

export const industriesModule: AppModule = {
  name: 'industries',
  routes: async (app, deps) => registerIndustryPages(app, deps.pages),
};
