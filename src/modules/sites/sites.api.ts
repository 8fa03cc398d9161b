/**
 * POST /api/v1/site-recommendations: districts, parks and zones, Pilot FTZ clusters and 2025 investment projects
 * ranked for the investor's needs, with the evidence behind each point.
 */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { parseInput } from '../../platform/http/validation.js';
import type { Lang } from '../../platform/i18n/i18n.js';
import { t } from './messages.js';
import type { ContentService } from '../content/index.js';
import { readAnswer } from '../matching/index.js';
import type { SearchService } from '../search/index.js';
import { locationUrl } from './locations.js';
import { rankSites, siteRequestSchema, type LocationScore } from './rank.js';

const querySchema = z.object({ lang: z.enum(['en', 'zh']).default('en') }).strict();

function view(s: LocationScore, lang: Lang) {
  return {
    kind: s.kind,
    id: s.id,
    name: s.name[lang],
    url: locationUrl(lang, s),
    districts: s.districts,
    score: s.score,
    factors: s.factors.map((f) => ({ factor: f.key, points: f.points, explanation: f.explanation[lang], evidence: f.evidence[lang], source: f.source })),
    rent_estimate: s.rent_estimate
      ? { area_m2: s.rent_estimate.area_m2, business_area: s.rent_estimate.rent.area[lang], effective_rent: s.rent_estimate.rent.rent, unit: s.rent_estimate.rent.unit[lang], monthly_cny: s.rent_estimate.monthly_cny, yearly_cny: s.rent_estimate.yearly_cny, source: s.rent_estimate.rent.cost.sources[0] }
      : null,
  };
}

export function registerSitesApi(api: FastifyInstance, content: ContentService, search: SearchService): void {
  api.post('/api/v1/site-recommendations', async (request) => {
    const { lang } = parseInput(querySchema, request.query);
    const body = parseInput(siteRequestSchema, request.body, 'body');
    const store = content.store;
    // Plain words ("robotics", "医疗器械") are read as the policy match reads them; words that fit no industry rank
    // without an industry, and `understood` says so, instead of refusing the request.
    const read = body.industry === undefined ? null : readAnswer('industry', body.industry, store, search.current);
    const ranking = rankSites(store, { ...body, industry: read?.id ?? undefined });
    return {
      understood: read && body.industry !== undefined ? { industry: { given: body.industry, value: read.id, how: read.how, label: read.label?.[lang] ?? null } } : {},
      districts: ranking.districts.map((s) => view(s, lang)),
      parks: ranking.parks.map((s) => view(s, lang)),
      ftz_clusters: ranking.clusters.map((s) => view(s, lang)),
      projects: ranking.projects.map((s) => view(s, lang)),
      notes: ranking.projects.length === 0 && !body.industry && !body.needs.space ? [t(lang, 'sites.projectsNeedInput')] : [],
    };
  });
}
