/**
 * What GeoReport v2's GET methods show of a case. Open311 is public by default (no key needed to read), while an
 * enterprise's case is not public: so every reader sees only what identifies nobody — the service, open or closed,
 * the label of the latest public step, the lead unit, the dates, the time limit and the district. The client that filed
 * the request (its api_key sent along) also sees the description it sent (never for a case staff marked
 * confidential) and the public text of the latest step (a reply, a reason), which the enterprise reads on its tracking
 * page. Contact details, the enterprise's name and code, the subject and internal steps are never shown.
 */
import { FINISHED, type CaseStatus } from '../cases/index.js';
import type { ContentStore } from '../content/index.js';
import type { Lang } from '../../platform/i18n/i18n.js';
import { t } from './messages.js';
import type { ServiceRequest } from './open311.schemas.js';
import type { RequestRow } from './requests.repository.js';
import { serviceCodeOf, serviceName } from './services.js';

/** The public steps of the state machine that change a case's status, each with its label in the catalogue. */
export const LABELLED_STEPS = [
  'submit', 'accept', 'reject', 'request_materials', 'supply_materials', 'answer', 'mark_duplicate', 'dispatch', 'sign_for',
  'approve_extension', 'approve_reply', 'close', 'reopen',
] as const;
type LabelledStep = (typeof LABELLED_STEPS)[number];

/** GeoReport v2 dates: W3C date-time, UTC, whole seconds. */
export function w3c(at: Date): string {
  return at.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

export function isClosed(status: CaseStatus): boolean {
  return FINISHED.includes(status);
}

function stepLabel(action: string, lang: Lang): string | null {
  return (LABELLED_STEPS as readonly string[]).includes(action) ? t(lang, `open311.step.${action as LabelledStep}`) : null;
}

export interface RequestViewContext {
  store: ContentStore;
  lang: Lang;
  leads: Map<string, { en: string; zh: string }>;
  steps: Map<string, { action: string; body: string | null }>;
  /** The client whose key came with the request, if any: it sees more of the requests it filed. */
  viewerClientId: string | null;
}

export function requestView(row: RequestRow, context: RequestViewContext): ServiceRequest {
  const { store, lang } = context;
  const filer = context.viewerClientId !== null && row.client_id === context.viewerClientId;
  const closed = isClosed(row.status);
  const step = context.steps.get(row.id);
  const label = step ? stepLabel(step.action, lang) : null;
  const text = filer && step?.body ? step.body : null;
  const limit = store.all('service-limits').find((l) => l.id === row.limit_id);
  const district = row.district_id ? store.all('districts').find((d) => d.id === row.district_id) : undefined;
  return {
    service_request_id: row.reference,
    status: closed ? 'closed' : 'open',
    status_notes: label && text ? `${label}: ${text}` : (label ?? text),
    service_name: serviceName(store, row.topic_id, row.kind, lang),
    service_code: serviceCodeOf(row.topic_id, row.kind),
    description: filer && !row.confidential ? row.description : null,
    agency_responsible: context.leads.get(row.id)?.[lang] ?? null,
    service_notice: limit?.rule[lang] ?? null,
    requested_datetime: w3c(row.submitted_at),
    // GeoReport v2: for a closed request, the date it was closed.
    updated_datetime: w3c(closed ? (row.closed_at ?? row.replied_at ?? row.updated_at) : row.updated_at),
    // While the enterprise is asked for materials the case's own clock is paused: nothing is expected of the office.
    expected_datetime: !closed && row.status !== 'needs_materials' ? w3c(row.due_at) : null,
    address: district ? district[lang].name : null,
  };
}
