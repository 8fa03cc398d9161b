/** Public surface of the sitemap module: other modules import only from here. */
import type { AppModule } from '../module.js';
import { registerSitemap } from './sitemap.js';

export const sitemapModule: AppModule = {
  name: 'sitemap',
  routes: async (app, deps) => registerSitemap(app, deps.content, deps.config.PUBLIC_BASE_URL),
};
