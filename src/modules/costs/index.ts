/** Public surface of the costs module: other modules import only from here. */
import type { AppModule } from '../module.js';
import { registerCostPages } from './costs.pages.js';
export { t as tCosts } from './messages.js';

export const costsModule: AppModule = {
  name: 'costs',
  routes: async (app, deps) => registerCostPages(app, deps.pages),
};
