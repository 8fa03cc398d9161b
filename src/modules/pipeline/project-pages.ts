/** The project pages: create, the project page, edit, and the addresses its forms post to (move, status, team). */
import type { FastifyInstance } from 'fastify';
import type { ModuleDeps } from '../module.js';
import type { PipelineServices } from './pipeline-services.js';
import { registerProjectActions } from './project-actions.pages.js';
import { registerEditProjectPage } from './project-edit.pages.js';
import { registerNewProjectPage } from './project-new.pages.js';
import { registerProjectPage } from './project-page.pages.js';

export function registerProjectPages(app: FastifyInstance, services: PipelineServices, deps: Pick<ModuleDeps, 'db'>): void {
  const pageDeps = { services, db: deps.db };
  registerNewProjectPage(app, pageDeps);
  registerProjectPage(app, pageDeps);
  registerEditProjectPage(app, pageDeps);
  registerProjectActions(app, pageDeps);
}
