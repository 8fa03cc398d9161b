/** POST /api/v1/site-recommendations: districts ranked for the investor's needs, with the evidence behind each score. */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { NotFoundError } from '../../platform/http/errors.js';
import { parseInput } from '../../platform/http/validation.js';
import type { ContentService } from '../content/index.js';
import { rankSites, siteRequestSchema } from './rank.js';

const querySchema = z.object({ lang: z.enum(['en', 'zh']).default('en') }).strict();

export function registerSitesApi(api: FastifyInstance, content: ContentService): void {
  api.post('/api/v1/site-recommendations', async (request) => {
    const { lang } = parseInput(querySchema, request.query);
    const body = parseInput(siteRequestSchema, request.body, 'body');
    const store = content.store;
    if (body.industry && !store.get('industries', body.industry)) throw new NotFoundError(`Unknown industry "${body.industry}"; see /api/v1/industries.`);
    return {
      results: rankSites(store, body).map((s) => ({
        district: { id: s.district.id, name: s.district[lang].name, url: `/${lang}/districts/${s.district.id}` },
        score: s.score,
        factors: s.factors.map((f) => ({ factor: f.key, points: f.points, evidence: f.evidence[lang], source: f.source })),
      })),
    };
  });
}
