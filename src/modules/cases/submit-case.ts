/**
 * Files a case: one transaction writes the case, its first timeline entry and (when the enterprise gave an e-mail)
 * the acknowledgement in the outbox, and only then does the caller answer. So a reference a client has been shown
 * is always in the database, and no acknowledged case is lost if the process dies right after.
 */
import { sql } from 'kysely';
import { hashToken, randomToken } from '../../platform/auth/index.js';
import { queueEmail } from '../../platform/mail/index.js';
import type { ContentStore, ServiceLimit } from '../content/index.js';
import type { CaseSubmission } from './case.schemas.js';
import type { CaseDb } from './case.tables.js';
import { limitOf, type Deadlines } from './deadlines.js';
import { acknowledgementEmail } from './case-emails.js';
import { trackingUrl } from './case-urls.js';

export class CaseInputError extends Error {
  constructor(
    readonly field: string,
    readonly code: string,
  ) {
    super(`${field}: ${code}`);
  }
}

export interface SubmitMeta {
  channel: 'web' | 'api' | 'open311';
  clientId?: string;
  now: Date;
  requestId?: string;
  baseUrl: string;
}

export interface SubmittedCase {
  id: string;
  reference: string;
  /** Shown once: only its hash is kept. */
  token: string;
  status: 'submitted';
  dueAt: Date;
  limit: ServiceLimit;
  trackingUrl: string;
}

/** The limit a new case starts under, before an agent has judged how complex it is. */
export function initialLimitId(submission: Pick<CaseSubmission, 'kind' | 'fie_complaint'>): string {
  if (submission.fie_complaint) return 'fie-complaint-acceptance';
  return submission.kind === 'inquiry' ? 'general-inquiry' : 'general-demand';
}

export function serviceLimit(store: ContentStore, id: string): ServiceLimit {
  const entry = store.all('service-limits').find((l) => l.id === id);
  if (!entry) throw new Error(`The service catalogue has no limit "${id}"`);
  return entry;
}

function yearInBeijing(now: Date): string {
  return new Intl.DateTimeFormat('en', { timeZone: 'Asia/Shanghai', year: 'numeric' }).format(now);
}

export async function submitCase(db: CaseDb, store: ContentStore, deadlines: Deadlines, submission: CaseSubmission, meta: SubmitMeta): Promise<SubmittedCase> {
  const topic = store.all('service-topics').find((t) => t.id === submission.topic);
  if (!topic) throw new CaseInputError('topic', 'unknown_topic');
  if (!topic.case_kinds.includes(submission.kind)) throw new CaseInputError('topic', 'topic_kind_mismatch');
  const limit = serviceLimit(store, initialLimitId(submission));
  const dueAt = deadlines.dueAt(meta.now, limitOf(limit));
  const token = randomToken();

  return db.transaction().execute(async (trx) => {
    const { rows } = await sql<{ n: string }>`SELECT nextval('case_reference_seq')::text AS n`.execute(trx);
    const reference = `IB-${yearInBeijing(meta.now)}-${rows[0].n.padStart(6, '0')}`;
    const inserted = await trx
      .insertInto('cases')
      .values({
        reference,
        token_hash: hashToken(token),
        kind: submission.kind,
        topic_id: topic.id,
        fie_complaint: submission.fie_complaint,
        status: 'submitted',
        lang: submission.lang,
        district_id: submission.district ?? null,
        lead_department_id: null,
        limit_id: limit.id,
        limit_amount: limit.limit.amount,
        limit_unit: limit.limit.unit,
        clock_started_at: meta.now,
        paused_at: null,
        resumed_at: null,
        due_at: dueAt,
        materials_requested_at: null,
        materials_due_at: null,
        enterprise_name: submission.enterprise_name ?? null,
        uscc: submission.uscc ?? null,
        foreign_invested: submission.foreign_invested ?? null,
        investor_origin: submission.investor_origin ?? null,
        contact_name: submission.anonymous ? null : (submission.contact_name ?? null),
        contact_email: submission.anonymous ? null : (submission.contact_email ?? null),
        contact_phone: submission.anonymous ? null : (submission.contact_phone ?? null),
        anonymous: submission.anonymous,
        subject: submission.subject,
        description: submission.description,
        duplicate_of: null,
        submitted_at: meta.now,
        accepted_at: null,
        replied_at: null,
        closed_at: null,
        resolution_code: null,
        resolved: null,
        satisfaction: null,
        channel: meta.channel,
        client_id: meta.clientId ?? null,
        updated_at: meta.now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx
      .insertInto('case_events')
      .values({
        case_id: inserted.id,
        at: meta.now,
        actor_type: 'enterprise',
        actor_id: null,
        action: 'submit',
        from_status: null,
        to_status: 'submitted',
        visibility: 'public',
        body: null,
        data: JSON.stringify({ limit_id: limit.id, due_at: dueAt.toISOString(), channel: meta.channel }),
        request_id: meta.requestId ?? null,
      })
      .execute();
    const url = trackingUrl(meta.baseUrl, submission.lang, reference, token);
    if (submission.contact_email && !submission.anonymous) {
      await queueEmail(trx, acknowledgementEmail({ to: submission.contact_email, lang: submission.lang, reference, subject: submission.subject, dueAt, limit, url }), { now: meta.now });
    }
    return { id: inserted.id, reference, token, status: 'submitted' as const, dueAt, limit, trackingUrl: url };
  });
}
