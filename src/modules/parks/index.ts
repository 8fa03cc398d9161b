/** Public surface of the parks module: other modules import only from here. */
import type { AppModule } from '../module.js';
import { registerParkPages } from './parks.pages.js';
export { t as tParks } from './messages.js';

export const parksModule: AppModule = {
  name: 'parks',
  routes: async (app, deps) => registerParkPages(app, deps.pages),
};
