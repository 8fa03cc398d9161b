/** Public surface of the map module: other modules import only from here. */
import type { AppModule } from '../module.js';
import { registerMapPages } from './map.pages.js';
export { DistrictMap } from './map.pages.js';
export { t as tMap } from './messages.js';

export const mapModule: AppModule = {
  name: 'map',
  routes: async (app, deps) => registerMapPages(app, deps.pages),
};
