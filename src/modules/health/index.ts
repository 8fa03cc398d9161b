/** Public surface of the health module: other modules import only from here. */
import type { AppModule } from '../module.js';
import { registerHealth } from './health.js';

export const healthModule: AppModule = {
  name: 'health',
  routes: async (app, deps) => registerHealth(app, deps),
};
