/** The pipeline's handles, made once per app from the module's dependencies. */
import type { ModuleDeps } from '../module.js';
import { pipelineDb } from './pipeline.tables.js';
import type { PipelineContext } from './project-workflow.js';

export interface PipelineServices {
  context: PipelineContext;
}

const made = new WeakMap<ModuleDeps['db'], PipelineServices>();

export function pipelineServices(deps: Pick<ModuleDeps, 'db' | 'content' | 'clock'>): PipelineServices {
  const existing = made.get(deps.db);
  if (existing) return existing;
  const services: PipelineServices = {
    context: { db: pipelineDb(deps.db), store: () => deps.content.store, now: () => deps.clock() },
  };
  made.set(deps.db, services);
  return services;
}
