/** Public surface of the districts module. */
import type { AppModule } from '../module.js';
import { registerDistrictPages } from './districts.pages.js';
export { districtRents, type DistrictRent } from './district-rents.js';
export { t as tDistricts } from './messages.js';

export const districtsModule: AppModule = {
  name: 'districts',
  routes: async (app, deps) => registerDistrictPages(app, deps.pages),
};
