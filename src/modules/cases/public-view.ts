/**
 * What the enterprise sees of its case (tracking page and `GET /api/v1/cases/{reference}`): status, the unit
 * handling it, the due date with the rule it comes from, and the public part of the timeline. Internal notes,
 * drafts, handlers' names and returned dispatches never leave this projection.
 */
import type { ContentStore, ServiceLimit } from '../content/index.js';
import { REOPEN_WINDOW_DAYS, type CaseStatus } from './case-states.js';
import type { CaseDb } from './case.tables.js';
import { caseEvents, currentUnits, type CaseRow } from './case.repository.js';
import { citationsOf, type Citation } from './case-citations.js';

export interface PublicEvent {
  at: string;
  action: string;
  status: CaseStatus | null;
  /** The public text of the step: a reply, a reason, the materials asked for, the next steps of an extension. */
  text: string | null;
  /** Dates the step set (new due date, materials due), ISO 8601. */
  due_at?: string;
  materials_due_at?: string;
  resolution_code?: string;
  /** Library items a reply cites (policies, procedures), with their titles: shown as links. */
  cites?: Citation[];
}

export interface PublicCaseView {
  reference: string;
  kind: CaseRow['kind'];
  topic: { id: string; en: string; zh: string };
  status: CaseStatus;
  subject: string;
  submitted_at: string;
  due_at: string | null;
  /** The catalogue rule the due date comes from, with its limit and unit. */
  time_limit: { id: string; amount: number; unit: ServiceLimit['limit']['unit']; rule: { en: string; zh: string }; fie_complaint: boolean };
  extended: boolean;
  materials_due_at: string | null;
  handled_by: { en: string; zh: string; role: 'lead' | 'co' }[];
  replied_at: string | null;
  closed_at: string | null;
  resolution_code: string | null;
  resolved: boolean | null;
  satisfaction: number | null;
  can: { supply_materials: boolean; rate: boolean; reopen_until: string | null };
  timeline: PublicEvent[];
}

export async function publicView(db: CaseDb, store: ContentStore, row: CaseRow, now: Date): Promise<PublicCaseView> {
  const topic = store.all('service-topics').find((t) => t.id === row.topic_id);
  const limit = store.all('service-limits').find((l) => l.id === row.limit_id);
  const units = await currentUnits(db, row.id);
  const events = await caseEvents(db, row.id, 'public');
  const finishedAt = row.closed_at ?? row.replied_at;
  const reopenUntil = finishedAt && (row.status === 'replied' || row.status === 'closed') && row.resolution_code !== 'duplicate'
    ? new Date(finishedAt.getTime() + REOPEN_WINDOW_DAYS * 86_400_000) : null;
  const waiting = row.status === 'needs_materials';
  const open = row.status !== 'rejected' && row.status !== 'replied' && row.status !== 'closed';
  return {
    reference: row.reference,
    kind: row.kind,
    topic: { id: row.topic_id, en: topic?.en.name ?? row.topic_id, zh: topic?.zh.name ?? row.topic_id },
    status: row.status,
    subject: row.subject,
    submitted_at: row.submitted_at.toISOString(),
    // While the enterprise is asked for materials the case's own clock is paused: no due date is running for it.
    due_at: open && !waiting ? row.due_at.toISOString() : null,
    time_limit: {
      id: row.limit_id,
      amount: row.limit_amount,
      unit: row.limit_unit,
      rule: limit?.rule ?? { en: row.limit_id, zh: row.limit_id },
      fie_complaint: row.fie_complaint,
    },
    extended: row.extended,
    materials_due_at: waiting && row.materials_due_at ? row.materials_due_at.toISOString() : null,
    handled_by: units.map((u) => ({ en: u.name_en, zh: u.name_zh, role: u.role })),
    replied_at: row.replied_at?.toISOString() ?? null,
    closed_at: row.closed_at?.toISOString() ?? null,
    resolution_code: row.resolution_code,
    resolved: row.resolved,
    satisfaction: row.satisfaction,
    can: {
      supply_materials: waiting,
      rate: (row.status === 'replied' || row.status === 'closed') && row.satisfaction === null,
      reopen_until: reopenUntil && reopenUntil > now ? reopenUntil.toISOString() : null,
    },
    timeline: events.map((e) => {
      const data = e.data as Record<string, unknown>;
      return {
        at: e.at.toISOString(),
        action: e.action,
        status: e.to_status,
        text: e.body,
        ...(typeof data.due_at === 'string' ? { due_at: data.due_at } : {}),
        ...(typeof data.materials_due_at === 'string' ? { materials_due_at: data.materials_due_at } : {}),
        ...(typeof data.resolution_code === 'string' ? { resolution_code: data.resolution_code } : {}),
        ...(Array.isArray(data.cites) && data.cites.length ? { cites: citationsOf(store, data.cites) } : {}),
      };
    }),
  };
}
