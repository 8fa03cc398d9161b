/**
 * Public surface of the pipeline module: investment projects from lead to operating, tracked by staff with their
 * evidence, teams, service packages and the investor's timeline. (The public list of the 2025 conference's
 * opportunities is the `projects` module; a pipeline project may take one up.)
 */
import type { AppModule } from '../module.js';

export { STAGES, STATUSES, LANDED_STAGES, type Stage, type Status } from './stage-rules.js';
export { pipelineDb, type PipelineDb, type PipelineTables } from './pipeline.tables.js';

export const pipelineModule: AppModule = {
  name: 'pipeline',
};
