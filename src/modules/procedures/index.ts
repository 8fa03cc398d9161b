/** Public surface of the procedures module: other modules import only from here. */
import type { AppModule } from '../module.js';
import { registerProcedurePages } from './procedures.pages.js';
export { LIFE_CATEGORIES, ProcedureGroups } from './procedures.pages.js';
export { t as tProcedures } from './messages.js';

export const proceduresModule: AppModule = {
  name: 'procedures',
  routes: async (app, deps) => registerProcedurePages(app, deps.pages),
};
