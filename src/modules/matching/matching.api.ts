/** POST /api/v1/policy-match: which policies apply to this investor profile, and why. */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { todayInBeijing, type Clock } from '../../platform/clock.js';
import { parseInput } from '../../platform/http/validation.js';
import { jsonSchemaOf } from '../../platform/http/openapi-schema.js';
import type { ContentService } from '../content/index.js';
import type { SearchService } from '../search/index.js';
import { matchAnswer } from './match-answer.js';
import { matchResponseSchema } from './match.schemas.js';
import { matchPolicies } from './match.js';
import { profileSchema, understandProfile } from './profile.js';
import { ruleBookOf } from './rule-book.js';

const STATUSES = ['applies', 'may_apply', 'does_not_apply'] as const;

/**
 * The answer comes a page at a time: with 107 rules every answer held ~100 KB, and writing it was most of a request's
 * cost (bench/RESULTS.md). The first page holds what an investor reads first (applies, then may apply); 20 a page, as
 * the content lists.
 */
export const matchQuerySchema = z
  .object({
    lang: z.enum(['en', 'zh']).default('en'),
    detail: z.enum(['compact', 'full']).default('compact').describe('full adds each condition’s quote and every result’s sources'),
    status: z
      .string()
      .default(STATUSES.join(','))
      .transform((v, ctx) => {
        const list = v.split(',').map((s) => s.trim()).filter(Boolean);
        const bad = list.filter((s) => !(STATUSES as readonly string[]).includes(s));
        if (bad.length || list.length === 0) ctx.addIssue({ code: 'custom', message: `give one or more of ${STATUSES.join(', ')}, comma-separated` });
        return list as (typeof STATUSES)[number][];
      })
      .describe('only results of these statuses (comma-separated; default all)'),
    limit: z.coerce.number().int().min(1).max(200).default(20).describe('results per page (1–200, default 20, as in the other list APIs)'),
    offset: z.coerce.number().int().min(0).default(0).describe('results to skip'),
  })
  .strict();

/** The answer's JSON Schema: Fastify compiles its serializer (fast-json-stringify) from it; OpenAPI shows the same. */
export const matchResponseJsonSchema = jsonSchemaOf(matchResponseSchema);

export function registerMatchingApi(api: FastifyInstance, content: ContentService, search: SearchService, clock: Clock): void {
  api.post('/api/v1/policy-match', { schema: { response: { 200: matchResponseJsonSchema } } }, async (request) => {
    const { lang, detail, status, limit, offset } = parseInput(matchQuerySchema, request.query);
    const profile = parseInput(profileSchema, request.body, 'profile');
    const store = content.store;
    const { facts, understood } = understandProfile(profile, store, search.current);
    const { results, nextQuestions } = matchPolicies(ruleBookOf(store), store, facts, todayInBeijing(clock()));
    return matchAnswer(understood as Record<string, z.infer<typeof matchResponseSchema>['understood'][string]>, results, nextQuestions, store, lang, detail === 'full', { limit, offset, statuses: status });
  });
}
