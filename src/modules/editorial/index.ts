/**
 * Public surface of the editorial module: content that staff keep current — drafts, review, publishing (now or
 * scheduled), expiry, history with diffs and restore, bulk import/export, the freshness report, the rule editor with
 * its test runner, and the seed files' conflicts. The content module owns the data and the publishing primitive.
 */
import type { AppModule } from '../module.js';
import { editorialServices } from './editorial-services.js';
import { registerFormPages } from './form.pages.js';
import { publishDue } from './revision-workflow.js';
import { registerBulkPages } from './bulk.pages.js';
import { registerFreshnessPages } from './freshness.pages.js';
import { registerRevisionPages } from './revision.pages.js';
import { registerReviewPages } from './review.pages.js';
import { registerItemActions } from './item-actions.pages.js';
import { registerRulePages } from './rules/index.js';

export { CONTENT_EDITORS, CONTENT_READERS, REVIEWED_KINDS, needsSecondPerson } from './editorial-access.js';
export { publishDue, type EditorialContext } from './revision-workflow.js';

export const editorialModule: AppModule = {
  name: 'editorial',
  // The scheduler: scheduled publications and expiries go live when due (every worker may run it; the publishing
  // lock and each revision's state keep one revision from being applied twice).
  worker: (deps) => ({
    periodic: [{ name: 'content-schedule', everyMs: 5_000, run: async (now) => (await publishDue({ db: deps.db, now: () => now })).published.length }],
  }),
  routes: async (app, deps) => {
    const services = editorialServices(deps);
    void services;
    // forms: content home, kind lists, item overview, new/edit forms generated from the schemas.
    registerFormPages(app, services);
    // @editorial:workflow — revision page (diff, actions), review queue, history/restore, expiry, verify, conflicts.
    registerRevisionPages(app, services);
    registerReviewPages(app, services);
    registerItemActions(app, services);
    // @editorial:bulk — per-kind JSON/CSV import (preview, commit) and export; freshness report.
    await registerBulkPages(app, services);
    registerFreshnessPages(app, services);
    // @editorial:rules — rule editor, rule test profiles, test runner.
    registerRulePages(app, services, deps.search);
  },
};
