/**
 * Public surface of the pipeline module: investment projects from lead to operating, tracked by staff with their
 * evidence, teams, service packages and the investor's timeline. (The public list of the 2025 conference's
 * opportunities is the `projects` module; a pipeline project may take one up.)
 */
import type { AppModule } from '../module.js';
import { pipelineServices } from './pipeline-services.js';
import { registerImportPages } from './import/import.pages.js';
import { registerServicePackagePages } from './service-package.pages.js';
import { registerInvestorPages } from './investors.pages.js';
import { registerProjectPages } from './project-pages.js';
import { registerListPages } from './list.pages.js';
import { registerBoardPages } from './board.pages.js';
import { registerDashboardPages } from './dashboard.pages.js';
import { registerOpportunityPages } from './opportunities.pages.js';
import { registerApiClientPages } from './api/api-clients.pages.js';
import { registerStaffApi } from './api/staff-api.js';

export { STAGES, STATUSES, LANDED_STAGES, type Stage, type Status } from './stage-rules.js';
export { pipelineDb, type PipelineDb, type PipelineTables } from './pipeline.tables.js';
/** The staff API's OpenAPI paths and ways in, for the api module's document. */
export { pipelineApiPaths, PIPELINE_SECURITY_SCHEMES } from './api/pipeline.openapi.js';
export { opportunityAvailability, type Availability as OpportunityAvailability } from './opportunities.queries.js';

export const pipelineModule: AppModule = {
  name: 'pipeline',
  routes: async (app, deps) => {
    const services = pipelineServices(deps);
    // Lists, saved views, board and the list's CSV (list.pages.tsx, board.pages.tsx).
    registerListPages(app, services);
    registerBoardPages(app, services);
    // Creating a project, its page, edit, moves, status and team (project-*.pages.tsx).
    registerProjectPages(app, services, deps);
    // The service package and the investors' pages and timeline.
    registerServicePackagePages(app, services);
    registerInvestorPages(app, { services, db: deps.db, baseUrl: deps.config.PUBLIC_BASE_URL });
    // The dashboard and its CSV.
    registerDashboardPages(app, services);
    // Import of district spreadsheets.
    await registerImportPages(app, services);
    // The conference opportunities as staff see them; API clients (admin).
    registerOpportunityPages(app, services);
    registerApiClientPages(app, services);
  },
  api: async (api, deps) => {
    const services = pipelineServices(deps);
    // The staff JSON API (session or API-client token).
    registerStaffApi(api, services, deps.db);
  },
};
