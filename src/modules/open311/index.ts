/**
 * Public surface of the Open311 module: GeoReport v2 under /open311/v2, mapped to the service line's cases (see
 * services.ts for the services, request-view.ts for what a request shows), the clients' API keys, and the endpoint's
 * paths for the OpenAPI document.
 */
import type { AppModule } from '../module.js';
import { registerOpen311Api } from './open311.api.js';

export { createOpen311Client, disableOpen311Client, type Open311Client } from './open311-clients.repository.js';
export { open311Db, type Open311Db } from './open311.tables.js';
export { open311Paths } from './open311.openapi.js';

export const open311Module: AppModule = {
  name: 'open311',
  // Inside the API context: reads share the API's rate limit per client address; filing has its own per key.
  api: async (api, deps) => registerOpen311Api(api, deps),
};
