/** Everything the staff case page shows, ready to render (the page file reads it; the views never query). */
import type { StaffPrincipal } from '../../../platform/auth/index.js';
import type { Lang } from '../../../platform/i18n/i18n.js';
import type { FieldError } from '../../../platform/views/forms.js';
import type { ServiceLimit, ServiceReplyTemplate } from '../../content/index.js';
import type { AttachmentRow } from '../attachments/attachment.repository.js';
import type { StaffAction } from '../case-action-forms.js';
import type { Citation } from '../case-citations.js';
import type { CaseSla } from '../case-sla.js';
import type { CaseUnitEntry, LinkedCase, TimelineEntry } from '../case-page.queries.js';
import type { CaseRow } from '../case.repository.js';
import type { DispatchTarget } from '../workbench.queries.js';
import type { Named } from './workbench-filters.js';

export interface ActionFormState {
  values: Record<string, string | string[]>;
  errors: FieldError[];
  /** Open on arrival: it has errors, or a template was just chosen for it. */
  open: boolean;
}

export interface CasePageModel {
  lang: Lang;
  staff: StaffPrincipal;
  row: CaseRow;
  now: Date;
  sla: CaseSla;
  topic: string;
  district: string | null;
  limit: ServiceLimit | undefined;
  /** False when the case is confidential and the reader's role may not see its content. */
  seesContent: boolean;
  timeline: TimelineEntry[];
  units: CaseUnitEntry[];
  departments: Map<string, { en: string; zh: string }>;
  duplicates: { original: LinkedCase | null; copies: LinkedCase[] };
  /** null when hidden by the confidential flag. */
  attachments: AttachmentRow[] | null;
  attachmentUrl?: (id: string) => string;
  actions: StaffAction[];
  forms: Partial<Record<StaffAction, ActionFormState>>;
  csrf: string;
  mayFlag: boolean;
  notice?: string;
  errors: FieldError[];
  limits: ServiceLimit[];
  districts: Named[];
  targets: DispatchTarget[];
  templates: ServiceReplyTemplate[];
  library: { policies: Citation[]; procedures: Citation[] };
}
