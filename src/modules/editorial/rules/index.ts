/** The rules part of the editorial module: the rule editor, the rule test profiles and the test runner. */
import type { FastifyInstance } from 'fastify';
import type { SearchService } from '../../search/index.js';
import type { EditorialServices } from '../editorial-services.js';
import { registerRuleEditorPages } from './rule-editor.pages.js';
import { registerTestProfilePages } from './test-profiles.pages.js';
import { registerTestRunnerPage } from './test-runner.pages.js';

export { ruleTestsOf, ruleTestSummaryText, RuleTestSummary, type RuleTests } from './test-runner.pages.js';

export function registerRulePages(app: FastifyInstance, services: EditorialServices, search: SearchService): void {
  registerRuleEditorPages(app, services);
  registerTestProfilePages(app, services, search);
  registerTestRunnerPage(app, services, search);
}
