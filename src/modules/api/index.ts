/** Public surface of the api module (the open data API's content routes and its OpenAPI document). */
import type { AppModule } from '../module.js';
import { registerApiRoutes } from './api.routes.js';

export const apiModule: AppModule = {
  name: 'api',
  api: async (api, deps) => registerApiRoutes(api, deps),
};
