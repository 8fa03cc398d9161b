/** POST /api/v1/policy-match: which policies apply to this investor profile, and why. */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { InvalidRequestError } from '../../platform/http/errors.js';
import { parseInput } from '../../platform/http/validation.js';
import type { ContentService } from '../content/index.js';
import type { SearchService } from '../search/index.js';
import { matchPolicies, serialiseMatch } from './match.js';
import { ProfileValueError, profileSchema, understandProfile } from './profile.js';
import type { RuleBook } from './rules.files.js';

const querySchema = z.object({ lang: z.enum(['en', 'zh']).default('en') }).strict();

/**
 * Answers are pure functions of (profile, language, content version); the serialised answer for a profile seen
 * before is reused (measured: serialising ~35 results with their sources dominated the cost per request).
 */
const answers = new Map<string, string>();
const MAX_ANSWERS = 2000;

export function registerMatchingApi(api: FastifyInstance, content: ContentService, search: SearchService, book: RuleBook): void {
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
    const { results, nextQuestions } = matchPolicies(book, store, understoodProfile.facts);
    const body = JSON.stringify({
      understood: understoodProfile.understood,
      results: results.map((r) => serialiseMatch(r, store, lang)),
      next_questions: nextQuestions.map((q) => ({ fact: q.fact, question: q.question[lang], decides: q.decides })),
    });
    if (answers.size >= MAX_ANSWERS) answers.delete(answers.keys().next().value!);
    answers.set(key, body);
    return reply.type('application/json; charset=utf-8').send(body);
  });
}
