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

/**
 * Whole answers for profiles asked again (a form resubmitted, a shared link), as bytes outside the JS heap. Few:
 * with a stream of distinct profiles every kept answer is dead weight (2,000 kept as strings made GC dominate;
 * 256 kept as bytes still cost a third of the throughput).
 */
const MAX_ANSWERS = 32;

export function registerMatchingApi(api: FastifyInstance, content: ContentService, search: SearchService): void {
  const writer = new MatchJsonWriter();
  const answers = new Map<string, Buffer>();
  api.post('/api/v1/policy-match', async (request, reply) => {
    const { lang } = parseInput(querySchema, request.query);
    const profile = parseInput(profileSchema, request.body, 'profile');
    const store = content.store;
    const key = `${store.version}|${lang}|${JSON.stringify(profile)}`;
    const known = answers.get(key);
    if (known) return reply.type('application/json; charset=utf-8').send(known);
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
    if (answers.size >= MAX_ANSWERS) answers.delete(answers.keys().next().value!);
    answers.set(key, body);
    return reply.type('application/json; charset=utf-8').send(body);
  });
}
