/** Registers every public page module. */
import type { FastifyInstance } from 'fastify';
import type { PageDeps } from '../platform/http/pages.js';
import { registerHomePage } from './explore/home.pages.js';
import { registerExplorePages } from './explore/explore.pages.js';
import { registerTwoZonesPages } from './explore/two-zones.pages.js';
import { registerInfoPages } from './explore/info.pages.js';
import { registerIndustryPages } from './industries/industries.pages.js';
import { registerParkPages } from './parks/parks.pages.js';
import { registerProjectPages } from './projects/projects.pages.js';
import { registerDistrictPages } from './districts/districts.pages.js';
import { registerMapPages } from './map/map.pages.js';
import { registerPolicyPages } from './policies/policies.pages.js';
import { registerProcedurePages } from './procedures/procedures.pages.js';
import { registerCostPages } from './costs/costs.pages.js';
import { registerDirectoryPages } from './directory/directory.pages.js';
import { registerSearchPages, type SearchService } from './search/index.js';

export function registerPublicPages(app: FastifyInstance, deps: PageDeps, search: SearchService): void {
  registerSearchPages(app, deps, search);
  registerPolicyPages(app, deps, search);
  for (const register of [
    registerHomePage, registerExplorePages, registerTwoZonesPages, registerInfoPages, registerIndustryPages, registerParkPages,
    registerProjectPages, registerDistrictPages, registerMapPages, registerProcedurePages, registerCostPages,
    registerDirectoryPages,
  ]) {
    register(app, deps);
  }
}
