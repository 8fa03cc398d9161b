/** POST /api/v1/policy-match: which policies apply to this investor profile, and why. */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { parseInput } from '../../platform/http/validation.js';
import { jsonSchemaOf } from '../api/openapi.schema.js';
import type { ContentService } from '../content/index.js';
import type { SearchService } from '../search/index.js';
import { matchAnswer } from './match-answer.js';
import { matchResponseSchema } from './match.schemas.js';
import { matchPolicies } from './match.js';
import { profileSchema, understandProfile } from './profile.js';
import { ruleBookOf } from './rule-book.js';

export const matchQuerySchema = z
  .object({
    lang: z.enum(['en', 'zh']).default('en'),
    detail: z.enum(['compact', 'full']).default('compact').describe('full adds each condition’s quote and every result’s sources'),
  })
  .strict();

/** The answer's JSON Schema: Fastify compiles its serializer (fast-json-stringify) from it; OpenAPI shows the same. */
export const matchResponseJsonSchema = jsonSchemaOf(matchResponseSchema);

export function registerMatchingApi(api: FastifyInstance, content: ContentService, search: SearchService): void {
  api.post('/api/v1/policy-match', { schema: { response: { 200: matchResponseJsonSchema } } }, async (request) => {
    const { lang, detail } = parseInput(matchQuerySchema, request.query);
    const profile = parseInput(profileSchema, request.body, 'profile');
    const store = content.store;
    const { facts, understood } = understandProfile(profile, store, search.current);
    const { results, nextQuestions } = matchPolicies(ruleBookOf(store), store, facts);
    return matchAnswer(understood as Record<string, z.infer<typeof matchResponseSchema>['understood'][string]>, results, nextQuestions, store, lang, detail === 'full');
  });
}
