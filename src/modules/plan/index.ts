/** Public surface of the plan module: other modules import only from here. */
import type { AppModule } from '../module.js';
import { registerPlanPages } from './plan.pages.js';

export const planModule: AppModule = {
  name: 'plan',
  routes: async (app, deps) => registerPlanPages(app, deps.pages, deps.content, deps.search),
};
