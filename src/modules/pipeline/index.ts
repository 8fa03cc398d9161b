/**
 * Public surface of the pipeline module: investment projects from lead to operating, tracked by staff with their
 * evidence, teams, service packages and the investor's timeline. (The public list of the 2025 conference's
 * opportunities is the `projects` module; a pipeline project may take one up.)
 */
import type { AppModule } from '../module.js';
import { pipelineServices } from './pipeline-services.js';
import { registerProjectPages } from './project-pages.js';
import { registerListPages } from './list.pages.js';
import { registerBoardPages } from './board.pages.js';

export { STAGES, STATUSES, LANDED_STAGES, type Stage, type Status } from './stage-rules.js';
export { pipelineDb, type PipelineDb, type PipelineTables } from './pipeline.tables.js';

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
    // (investor pages)
    // The dashboard and its CSV.
    // (dashboard pages)
    // Import of district spreadsheets.
    // (import pages)
    // The conference opportunities as staff see them; API clients (admin).
    // (opportunity pages)
    // (api client pages)
    void services;
  },
  api: async (api, deps) => {
    const services = pipelineServices(deps);
    // The staff JSON API (session or API-client token).
    // (staff api)
    void services;
  },
};
