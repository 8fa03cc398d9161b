/**
 * Public surface of the cases module: the enterprise service line (inquiries, demands, complaints and reports with
 * time limits), filed and tracked by enterprises and handled by staff.
 */
import type { AppModule } from '../module.js';
import { deadlineWatch } from './deadline-watch.js';

export { CASE_STATUSES, CASE_ACTIONS, TRANSITIONS, type CaseStatus, type CaseAction } from './case-states.js';

export const casesModule: AppModule = {
  name: 'cases',
  worker: (deps) => ({ periodic: [deadlineWatch(deps)] }),
};
