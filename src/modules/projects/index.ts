/** Public surface of the projects module: other modules import only from here. */
import type { AppModule } from '../module.js';
import { registerProjectPages } from './projects.pages.js';
export { t as tProjects } from './messages.js';

export const projectsModule: AppModule = {
  name: 'projects',
  routes: async (app, deps) => registerProjectPages(app, deps.pages, deps.db),
};
