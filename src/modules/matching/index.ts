/** Public surface of the matching module: other modules import only from here. */
import type { AppModule } from '../module.js';
import { registerMatchingPages } from './matching.pages.js';
import { registerMatchingApi } from './matching.api.js';
export { matchQuerySchema, matchResponseJsonSchema } from './matching.api.js';
export { profileSchema } from './profile.js';
export { ruleBookOf } from './rule-book.js';
export { evaluate, evidenceSet, isEvidenceSet, type Facts, type Truth } from './evaluate.js';
export { matchPolicies, type MatchResult } from './match.js';
export { PROFILE_QUERY, profileFacts, profileFromQuery } from './profile.form.js';
export { MatchResults, NextQuestions } from './views/match-results.js';
export { ProfileForm } from './views/profile-form.js';
export { questionsToAsk } from './questions-to-ask.js';
export { readAnswer } from './read-answer.js';
export { factValueLabel } from './fact-labels.js';
export { AlertSubscribeForm, type AlertFormValues, type AlertOrigin } from './views/alert-subscribe.js';
export { tAlertForm } from './messages.alerts.js';
export { t as tMatching } from './messages.js';

export const matchingModule: AppModule = {
  name: 'matching',
  routes: async (app, deps) => registerMatchingPages(app, deps.pages, deps.search),
  api: async (api, deps) => registerMatchingApi(api, deps.content, deps.search, deps.clock),
};
