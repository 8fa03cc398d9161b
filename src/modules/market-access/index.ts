/** Public surface of the market-access module: other modules import only from here. */
import type { AppModule } from '../module.js';
import { registerMarketAccessPages } from './market-access.pages.js';
import { registerMarketAccessApi } from './market-access.api.js';
export { accessQuerySchema } from './market-access.api.js';
export { checkMarketAccess, type AccessResult } from './check.js';
export { marketAccessOf } from './market-access.data.js';
export { AccessVerdict, accessBottomLine } from './views/access-verdict.js';
export { t as tMarketAccess } from './messages.js';

export const marketAccessModule: AppModule = {
  name: 'market-access',
  routes: async (app, deps) => registerMarketAccessPages(app, deps.pages),
  api: async (api, deps) => registerMarketAccessApi(api, deps.content),
};
