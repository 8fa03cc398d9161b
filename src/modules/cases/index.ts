/**
 * Public surface of the cases module: the enterprise service line (inquiries, demands, complaints and reports with
 * time limits), filed and tracked by enterprises and handled by staff.
 */
import type { AppModule } from '../module.js';
import { deadlineWatch } from './deadline-watch.js';

export { CASE_STATUSES, CASE_ACTIONS, TRANSITIONS, type CaseStatus, type CaseAction } from './case-states.js';
// Used by the Open311 module (src/modules/open311), which files and reads cases through them.
export { FINISHED } from './case-states.js';
export { submitCase, CaseInputError, type SubmittedCase } from './submit-case.js';
export { caseSubmissionSchema, type CaseSubmission } from './case.schemas.js';
export { caseContext, type CaseContext } from './case-context.js';
export { caseDb, type CaseDb } from './case.tables.js';
export { formatInstant } from './case-time.js';

export const casesModule: AppModule = {
  name: 'cases',
  worker: (deps) => ({ periodic: [deadlineWatch(deps)] }),
};
