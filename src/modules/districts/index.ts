/** Public surface of the districts module. */
export { districtRents, type DistrictRent } from './district-rents.js';
