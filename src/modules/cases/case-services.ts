/**
 * The service line's per-app services, made once from the module's deps and shared by its pages and its API (both
 * plugins receive the same deps object): the case context and the attachments' storage.
 */
import path from 'node:path';
import type { ModuleDeps } from '../module.js';
import { caseContext, type CaseContext } from './case-context.js';
import { localDirectoryStorage, type AttachmentStorage } from './attachments/storage.js';

export interface CaseServices {
  context: CaseContext;
  attachments: AttachmentStorage;
}

const made = new WeakMap<ModuleDeps, CaseServices>();

export function caseServices(deps: ModuleDeps): CaseServices {
  let services = made.get(deps);
  if (!services) {
    const folder = deps.config.ATTACHMENTS_DIR ?? path.join(deps.config.DATA_DIR, 'attachments');
    services = { context: caseContext(deps), attachments: localDirectoryStorage(folder) };
    made.set(deps, services);
  }
  return services;
}
