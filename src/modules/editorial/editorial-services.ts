/** The editorial module's handles, made once per app from the module's dependencies. */
import type { ModuleDeps } from '../module.js';
import type { EditorialContext } from './revision-workflow.js';

export interface EditorialServices {
  context: EditorialContext;
  baseUrl: string;
}

const made = new WeakMap<ModuleDeps['db'], EditorialServices>();

export function editorialServices(deps: Pick<ModuleDeps, 'db' | 'content' | 'clock' | 'config'>): EditorialServices {
  const existing = made.get(deps.db);
  if (existing) return existing;
  const services: EditorialServices = {
    context: { db: deps.db, content: deps.content, now: () => deps.clock() },
    baseUrl: deps.config.PUBLIC_BASE_URL,
  };
  made.set(deps.db, services);
  return services;
}
