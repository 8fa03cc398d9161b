/**
 * Public surface of the cases module: the enterprise service line (inquiries, demands, complaints and reports with
 * time limits), filed and tracked by enterprises and handled by staff.
 */
import type { AppModule } from '../module.js';
import { deadlineWatch } from './deadline-watch.js';
import { registerDashboardPages } from './dashboard.pages.js';
import { registerPerformancePage } from './performance.pages.js';
import { caseServices } from './case-services.js';
import { caseOfRequest, ENTERPRISE_WRITE_LIMIT, registerCasesApi } from './cases.api.js';
import { installUploads } from './attachments/accept-uploads.js';
import { registerAttachmentsApi } from './attachments/attachments.api.js';
import { registerServiceFormPages } from './public-form.pages.js';
import { registerTrackPages } from './track.pages.js';
import { registerWorkbenchPages } from './workbench.pages.js';
import { registerCasePages } from './case-page.pages.js';

export { CASE_STATUSES, CASE_ACTIONS, TRANSITIONS, type CaseStatus, type CaseAction } from './case-states.js';
export { caseApiPaths } from './cases.openapi.js';
// Attachments for the HTML form: acceptUploads reads a multipart request (files checked and stored, other fields
// collected), attachUploads writes their rows once the case is filed, discardUploads removes files that get none.
export { caseServices, type CaseServices } from './case-services.js';
export { acceptUploads, attachUploads, discardUploads, installUploads, type AcceptedUploads, type RefusedUpload, type StoredUpload } from './attachments/accept-uploads.js';
export { ATTACHMENT_LIMITS, ATTACHMENT_TYPES, type UploadRefusal } from './attachments/attachment-checks.js';
export { submissionWait, countSubmission, emailSubmissionWait, type SubmissionWait } from './submission-limits.js';
// Used by the Open311 module (src/modules/open311), which files and reads cases through them.
export { FINISHED } from './case-states.js';
// The unified social credit code's check, for the pipeline's registration evidence (and the demo seed's made-up codes).
export { isValidUscc, normaliseUscc, usccCheckCharacter } from './uscc.js';
export { submitCase, CaseInputError, type SubmittedCase } from './submit-case.js';
export { caseSubmissionSchema, type CaseSubmission } from './case.schemas.js';
export { caseContext, type CaseContext } from './case-context.js';
export { caseDb, type CaseDb, type CaseTables } from './case.tables.js';
// A case found within a staff member's case scope (the pipeline creates a project from one).
export { findCaseForStaff } from './case.repository.js';
export { formatInstant } from './case-time.js';
// For the pipeline's service package and investor timeline: cases within a scope, a case's SLA state, their staff words.
export { scopedCases } from './case.repository.js';
export { caseSla, type CaseSla } from './case-sla.js';
export { statusLabel as caseStatusLabel, slaLabel as caseSlaLabel, shortInstant } from './views/case-labels.js';
// Who may read a confidential case's content, for other staff pages that show cases (dashboard drill-downs).
export { CASE_READERS, mayReadConfidential, seesCaseContent } from './case.access.js';
// The ways into the service line from other pages (policies, procedures, districts, the directory, /ask).
export { serviceFormUrl, serviceTopicFor, ServiceLineLink, askOfficeText } from './case-entry-links.js';

export const casesModule: AppModule = {
  name: 'cases',
  worker: (deps) => ({ periodic: [deadlineWatch(deps)] }),
  // Multipart parsing for the pages' forms with files (acceptUploads); the pages themselves register here too.
  routes: async (app, deps) => {
    const { context } = caseServices(deps);
    await installUploads(app);
    registerServiceFormPages(app, caseServices(deps), deps.config);
    registerTrackPages(app, context);
    // Staff: the workbench (queues, filters, bulk dispatch) and the case page (actions, timeline, confidential flag).
    registerWorkbenchPages(app, caseServices(deps));
    registerCasePages(app, caseServices(deps));
    // Reports: the staff dashboard with its drill-downs and CSV files, and the public performance page.
    registerDashboardPages(app, { db: context.db, content: deps.content, clock: deps.clock });
    registerPerformancePage(app, { db: context.db, content: deps.content, clock: deps.clock, baseUrl: deps.config.PUBLIC_BASE_URL });
  },
  api: async (api, deps) => {
    const { context, attachments } = caseServices(deps);
    await installUploads(api);
    registerCasesApi(api, context, deps.config);
    registerAttachmentsApi(api, { context, storage: attachments, caseOf: (request) => caseOfRequest(context, request), writeLimit: ENTERPRISE_WRITE_LIMIT });
  },
};
