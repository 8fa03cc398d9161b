/** POST /api/v1/policy-match: which policies apply to this investor profile, and why. */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { InvalidRequestError } from '../../platform/http/errors.js';
import { parseInput } from '../../platform/http/validation.js';
import type { ContentService } from '../content/index.js';
import type { SearchService } from '../search/index.js';
import { MatchJsonWriter } from './match.json.js';
import { matchPolicies } from './match.js';
import { ProfileValueError, profileSchema, understandProfile } from './profile.js';
import { ruleBookOf } from './rule-book.js';

const querySchema = z.object({ lang: z.enum(['en', 'zh']).default('en') }).strict();

export function registerMatchingApi(api: FastifyInstance, content: ContentService, search: SearchService): void {
  // No cache of whole answers: keeping even 32 answers of ~49 KB as bytes kept their memory past the young
  // generation and brought a full GC every ~0.4 s under distinct profiles (13 instead of 30 in 8 s without it;
  // p99 61 → 36 ms). Outcomes and their bytes are shared in match.ts / match.json.ts instead.
  const writer = new MatchJsonWriter();
  api.post('/api/v1/policy-match', async (request, reply) => {
    const { lang } = parseInput(querySchema, request.query);
    const profile = parseInput(profileSchema, request.body, 'profile');
    const store = content.store;
    let understoodProfile;
    try {
      understoodProfile = understandProfile(profile, store, search.current);
    } catch (error) {
      if (error instanceof ProfileValueError) throw new InvalidRequestError(error.message, [{ name: error.field, reason: error.message }]);
      throw error;
    }
    const { results, nextQuestions } = matchPolicies(ruleBookOf(store), store, understoodProfile.facts);
    const questions = nextQuestions.map((q) => ({ fact: q.fact, question: q.question[lang], decides: q.decides }));
    const body = writer.answer(understoodProfile.understood, results, questions, store, lang);
    return reply.type('application/json; charset=utf-8').send(body);
  });
}
