/** Registers the pipeline's staff JSON API (/api/v1/staff/…) in the app's API context (its rate limit applies). */
import type { FastifyInstance } from 'fastify';
import type { Db } from '../../../platform/db/database.js';
import type { PipelineServices } from '../pipeline-services.js';
import { registerDashboardApi } from './dashboard.api.js';
import { registerInvestorsApi } from './investors.api.js';
import { registerProjectsApi } from './projects.api.js';

export function registerStaffApi(api: FastifyInstance, services: PipelineServices, db: Db): void {
  registerProjectsApi(api, services);
  registerDashboardApi(api, services);
  registerInvestorsApi(api, services, db);
}
