/**
 * The URL registry: every link, redirect and test builds paths here, so they never drift from the routes.
 * Route patterns (for Fastify) and builders (for links) sit side by side.
 */
import type { Lang } from '../i18n/i18n.js';

function withQuery(path: string, query?: Record<string, string | number | undefined>): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value !== undefined && value !== '') params.set(key, String(value));
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

export const routes = {
  home: '/:lang',
  overview: '/:lang/beijing',
  statistics: '/:lang/beijing/statistics',
  article: '/:lang/beijing/:section/:id',
  twoZones: '/:lang/two-zones',
  zone: '/:lang/two-zones/:id',
  industries: '/:lang/industries',
  industry: '/:lang/industries/:id',
  parks: '/:lang/investment-areas',
  park: '/:lang/investment-areas/:id',
  projects: '/:lang/projects',
  districts: '/:lang/districts',
  district: '/:lang/districts/:id',
  map: '/:lang/map',
  policies: '/:lang/policies',
  policy: '/:lang/policies/:id',
  policyFeed: '/:lang/policies/feed.atom',
  policiesForMe: '/:lang/policies-for-me',
  plan: '/:lang/plan',
  planIcs: '/:lang/plan/obligations.ics',
  marketAccess: '/:lang/market-access',
  sites: '/:lang/locations',
  procedures: '/:lang/procedures',
  procedure: '/:lang/procedures/:id',
  life: '/:lang/life-in-beijing',
  costs: '/:lang/costs',
  estimator: '/:lang/costs/estimate',
  estimatorCsv: '/:lang/costs/estimate.csv',
  directory: '/:lang/directory',
  glossary: '/:lang/glossary',
  about: '/:lang/about',
  search: '/:lang/search',
  ask: '/:lang/ask',
  staffSignIn: '/:lang/staff',
  staffHome: '/:lang/staff/home',
  staffSetPassword: '/:lang/staff/set-password',
  staffSignOut: '/:lang/staff/sign-out',
  staffSignOutEverywhere: '/:lang/staff/sign-out-everywhere',
  staffAdminUsers: '/:lang/staff/admin/users',
  staffAdminInvite: '/:lang/staff/admin/users/invite',
  staffAdminUser: '/:lang/staff/admin/users/:id',
  staffAdminUserRole: '/:lang/staff/admin/users/:id/role',
  staffAdminUserStatus: '/:lang/staff/admin/users/:id/status',
  staffAdminUserReset: '/:lang/staff/admin/users/:id/reset',
  staffAdminAudit: '/:lang/staff/admin/audit',
} as const;

export const urls = {
  home: (lang: Lang) => `/${lang}`,
  overview: (lang: Lang) => `/${lang}/beijing`,
  statistics: (lang: Lang, group?: string) => (group ? `/${lang}/beijing/statistics#${group}` : `/${lang}/beijing/statistics`),
  article: (lang: Lang, section: string, id: string) => `/${lang}/beijing/${section}/${id}`,
  twoZones: (lang: Lang) => `/${lang}/two-zones`,
  zone: (lang: Lang, id: string) => `/${lang}/two-zones/${id}`,
  industries: (lang: Lang) => `/${lang}/industries`,
  industry: (lang: Lang, id: string) => `/${lang}/industries/${id}`,
  parks: (lang: Lang) => `/${lang}/investment-areas`,
  park: (lang: Lang, id: string) => `/${lang}/investment-areas/${id}`,
  projects: (lang: Lang, query?: { district?: string; q?: string; page?: number }) => withQuery(`/${lang}/projects`, query),
  districts: (lang: Lang) => `/${lang}/districts`,
  district: (lang: Lang, id: string) => `/${lang}/districts/${id}`,
  map: (lang: Lang, layer?: string) => withQuery(`/${lang}/map`, { layer }),
  policies: (lang: Lang, query?: { category?: string; q?: string; page?: number }) => withQuery(`/${lang}/policies`, query),
  policy: (lang: Lang, id: string) => `/${lang}/policies/${id}`,
  policyFeed: (lang: Lang, topic?: string) => withQuery(`/${lang}/policies/feed.atom`, { topic }),
  sitemap: () => '/sitemap.xml',
  policiesForMe: (lang: Lang) => `/${lang}/policies-for-me`,
  plan: (lang: Lang) => `/${lang}/plan`,
  planIcs: (lang: Lang) => `/${lang}/plan/obligations.ics`,
  marketAccess: (lang: Lang) => `/${lang}/market-access`,
  sites: (lang: Lang) => `/${lang}/locations`,
  procedures: (lang: Lang) => `/${lang}/procedures`,
  procedure: (lang: Lang, id: string) => `/${lang}/procedures/${id}`,
  life: (lang: Lang) => `/${lang}/life-in-beijing`,
  costs: (lang: Lang) => `/${lang}/costs`,
  estimator: (lang: Lang) => `/${lang}/costs/estimate`,
  directory: (lang: Lang, district?: string) => withQuery(`/${lang}/directory`, { district }),
  glossary: (lang: Lang) => `/${lang}/glossary`,
  about: (lang: Lang) => `/${lang}/about`,
  search: (lang: Lang, query?: { q?: string; type?: string; page?: number }) => withQuery(`/${lang}/search`, query),
  ask: (lang: Lang, q?: string) => withQuery(`/${lang}/ask`, { q }),
  staffSignIn: (lang: Lang, notice?: string) => withQuery(`/${lang}/staff`, { notice }),
  staffHome: (lang: Lang) => `/${lang}/staff/home`,
  staffSetPassword: (lang: Lang, token?: string) => withQuery(`/${lang}/staff/set-password`, { token }),
  staffSignOut: (lang: Lang) => `/${lang}/staff/sign-out`,
  staffSignOutEverywhere: (lang: Lang) => `/${lang}/staff/sign-out-everywhere`,
  staffAdminUsers: (lang: Lang, query?: { role?: string; status?: string }) => withQuery(`/${lang}/staff/admin/users`, query),
  staffAdminInvite: (lang: Lang) => `/${lang}/staff/admin/users/invite`,
  staffAdminUser: (lang: Lang, id: string, notice?: string) => withQuery(`/${lang}/staff/admin/users/${encodeURIComponent(id)}`, { notice }),
  staffAdminUserRole: (lang: Lang, id: string) => `/${lang}/staff/admin/users/${encodeURIComponent(id)}/role`,
  staffAdminUserStatus: (lang: Lang, id: string) => `/${lang}/staff/admin/users/${encodeURIComponent(id)}/status`,
  staffAdminUserReset: (lang: Lang, id: string) => `/${lang}/staff/admin/users/${encodeURIComponent(id)}/reset`,
  staffAdminAudit: (lang: Lang, query?: { actor?: string; action?: string; entity?: string; entity_id?: string; from?: string; to?: string; page?: number }) => withQuery(`/${lang}/staff/admin/audit`, query),
  apiDocs: () => '/api/docs',
  openapi: () => '/api/openapi.json',
  api: (kind: string, id?: string) => (id ? `/api/v1/${kind}/${encodeURIComponent(id)}` : `/api/v1/${kind}`),
  stylesheet: () => '/assets/site.css',
  staffStylesheet: () => '/assets/staff.css',
  withQuery,
} as const;

/** The same page in the other language: swaps the /en or /zh prefix and keeps the rest (query included). */
export function switchLangPath(path: string, to: Lang): string {
  return path.replace(/^\/(en|zh)(?=\/|\?|$)/, `/${to}`);
}
