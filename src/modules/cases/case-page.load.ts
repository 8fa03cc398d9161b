/**
 * Builds the staff case page's model: the case as the reader may see it, the actions open to them now (the state
 * machine's actionsFrom over the actor labels they hold on this case), and each form's starting values — the
 * posted ones after an error, a chosen template, the draft to approve, the extension request to decide.
 */
import type { StaffPrincipal } from '../../platform/auth/index.js';
import type { Lang } from '../../platform/i18n/i18n.js';
import type { FieldError } from '../../platform/views/forms.js';
import type { ContentStore, ServiceLimit } from '../content/index.js';
import { caseAttachments } from './attachments/attachment.repository.js';
import { CONFIDENTIAL_SETTERS, ENTERPRISE_ONLY, seesCaseContent } from './case.access.js';
import { ACTION_FIELDS, type StaffAction } from './case-action-forms.js';
import { libraryFor } from './case-citations.js';
import type { CaseContext } from './case-context.js';
import { departmentNames, duplicatesOf, lastOf, timelineOf, unitsOf, type TimelineEntry } from './case-page.queries.js';
import { caseSla } from './case-sla.js';
import { actionsFrom } from './case-states.js';
import { actorsOn } from './case-workflow.js';
import type { CaseRow } from './case.repository.js';
import { filledTemplate, templatesFor } from './reply-templates.js';
import type { ActionFormState, CasePageModel } from './views/case-page-model.js';
import { dispatchTargets } from './workbench.queries.js';

/** Limits an agent may accept a case under (the workflow's own check: its kind, its mechanism, a stage that answers). */
export function limitsFor(store: ContentStore, row: Pick<CaseRow, 'kind' | 'fie_complaint'>): ServiceLimit[] {
  return store.all('service-limits').filter((l) => l.stage !== 'materials' && l.stage !== 'acceptance' && l.case_kinds.includes(row.kind) && l.fie_complaint === row.fie_complaint);
}

export interface PageRequest {
  lang: Lang;
  staff: StaffPrincipal;
  row: CaseRow;
  /** ?template=<id>&for=<action>: a reply form filled with the template. */
  template?: { id: string; action: StaffAction };
  notice?: string;
  /** After a refused post: the action, what was typed and the errors. */
  failed?: { action: StaffAction; values: Record<string, string | string[]>; errors: FieldError[] };
}

function startingValues(action: StaffAction, row: CaseRow, timeline: TimelineEntry[], limits: ServiceLimit[]): Record<string, string | string[]> {
  const dataOf = (e: TimelineEntry | undefined) => (e?.data ?? {}) as Record<string, unknown>;
  switch (action) {
    case 'accept':
      return { limit_id: limits.some((l) => l.id === row.limit_id) ? row.limit_id : (limits[0]?.id ?? ''), district: row.district_id ?? '' };
    case 'approve_extension': {
      const request = lastOf(timeline, 'request_extension');
      return { next_steps: request?.body ?? '', new_due: typeof dataOf(request).proposed_due === 'string' ? (dataOf(request).proposed_due as string) : '' };
    }
    case 'approve_reply': {
      const draft = lastOf(timeline, 'draft_reply');
      const cites = dataOf(draft).cites;
      return { body: draft?.body ?? '', cites: Array.isArray(cites) ? cites.filter((c): c is string => typeof c === 'string') : [] };
    }
    default:
      return {};
  }
}

export async function loadCasePage(context: CaseContext, request: PageRequest, csrf: string, attachmentUrl?: (id: string) => string): Promise<CasePageModel> {
  const { lang, staff, row } = request;
  const store = context.store();
  const db = context.db;
  const now = context.now();
  const workflow = context.workflow();
  const held = await actorsOn(workflow, row, { type: 'staff', staff });
  const actions = actionsFrom(row.status, held).filter((a): a is StaffAction => !ENTERPRISE_ONLY.includes(a) && !(a === 'request_materials' && row.materials_requested_at));
  const timeline = await timelineOf(db, row.id);
  const limits = limitsFor(store, row);
  const topic = store.get('service-topics', row.topic_id);
  const templates = templatesFor(store, row);
  const sees = seesCaseContent(staff.role, row);

  const forms: Partial<Record<StaffAction, ActionFormState>> = {};
  for (const action of actions) forms[action] = { values: startingValues(action, row, timeline, limits), errors: [], open: false };
  const chosen = request.template && templates.find((tpl) => tpl.id === request.template!.id);
  if (chosen && forms[request.template!.action] && ACTION_FIELDS[request.template!.action].some((f) => f.name === 'body')) {
    const form = forms[request.template!.action]!;
    form.values = { ...form.values, body: filledTemplate(chosen, row) };
    form.open = true;
  }
  if (request.failed && forms[request.failed.action]) forms[request.failed.action] = { values: request.failed.values, errors: request.failed.errors, open: true };

  const district = row.district_id ? store.districts.find((d) => d.id === row.district_id) : undefined;
  return {
    lang,
    staff,
    row,
    now,
    sla: caseSla(row, now),
    topic: topic ? topic[lang].name : row.topic_id,
    district: district ? district[lang].name : row.district_id,
    limit: store.get('service-limits', row.limit_id),
    seesContent: sees,
    timeline,
    units: await unitsOf(db, row.id),
    departments: await departmentNames(db),
    duplicates: await duplicatesOf(db, staff, row),
    attachments: sees ? await caseAttachments(db, row.id) : null,
    attachmentUrl,
    actions,
    forms,
    csrf,
    mayFlag: CONFIDENTIAL_SETTERS.includes(staff.role),
    notice: request.notice,
    errors: request.failed?.errors ?? [],
    limits,
    districts: store.districts.map((d) => ({ id: d.id, name: d[lang].name })),
    targets: actions.includes('dispatch') ? await dispatchTargets(db) : [],
    templates,
    library: libraryFor(store, topic),
  };
}
