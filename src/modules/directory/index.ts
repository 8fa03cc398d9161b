/** Public surface of the directory module: other modules import only from here. */
import type { AppModule } from '../module.js';
import { registerDirectoryPages } from './directory.pages.js';
export { ContactCard } from './contact-card.js';
export { t as tDirectory } from './messages.js';

export const directoryModule: AppModule = {
  name: 'directory',
  routes: async (app, deps) => registerDirectoryPages(app, deps.pages),
};
