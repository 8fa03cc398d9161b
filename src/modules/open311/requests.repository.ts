/**
 * The case rows GeoReport v2's GET methods read: a page of requests by reference or by service code, date range and
 * open/closed, with each one's lead unit and its latest public step that changed the status, fetched for the whole
 * page in two more queries (never one per request). Only columns some Open311 answer may show are selected: no
 * contact details, no enterprise, no token hash.
 */
import { FINISHED } from '../cases/index.js';
import { hashToken } from '../../platform/auth/index.js';
import type { Open311Db } from './open311.tables.js';
import type { ServiceCode } from './services.js';

export interface RequestFilter {
  references?: string[];
  services?: ServiceCode[];
  from?: Date;
  to?: Date;
  status?: ('open' | 'closed')[];
  limit: number;
}

const REFERENCE = /^IB-\d{4}-\d{6,}$/;

export async function findRequestRows(db: Open311Db, filter: RequestFilter) {
  let query = db
    .selectFrom('cases')
    .select(['id', 'reference', 'kind', 'topic_id', 'status', 'limit_id', 'district_id', 'due_at', 'submitted_at', 'updated_at', 'replied_at', 'closed_at', 'confidential', 'description', 'client_id']);
  if (filter.references) {
    const references = filter.references.filter((r) => REFERENCE.test(r));
    if (references.length === 0) return [];
    query = query.where('reference', 'in', references);
  } else {
    if (filter.services) {
      const services = filter.services;
      if (services.length === 0) return [];
      query = query.where((eb) => eb.or(services.map((s) => eb.and([eb('topic_id', '=', s.topic.id), eb('kind', '=', s.kind)]))));
    }
    if (filter.from) query = query.where('submitted_at', '>=', filter.from);
    if (filter.to) query = query.where('submitted_at', '<=', filter.to);
    const status = filter.status ?? [];
    if (status.length === 1) query = query.where('status', status[0] === 'closed' ? 'in' : 'not in', [...FINISHED]);
  }
  return query.orderBy('submitted_at', 'desc').orderBy('reference', 'desc').limit(filter.limit).execute();
}
export type RequestRow = Awaited<ReturnType<typeof findRequestRows>>[number];

/** Each case's lead unit (its names in both languages), for the cases that have one. */
export async function leadUnits(db: Open311Db, caseIds: string[]): Promise<Map<string, { en: string; zh: string }>> {
  if (caseIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('case_units')
    .innerJoin('departments', 'departments.id', 'case_units.department_id')
    .select(['case_units.case_id', 'departments.name_en', 'departments.name_zh'])
    .where('case_units.case_id', 'in', caseIds)
    .where('case_units.role', '=', 'lead')
    .where('case_units.returned_at', 'is', null)
    .execute();
  return new Map(rows.map((r) => [r.case_id, { en: r.name_en, zh: r.name_zh }]));
}

/** Each case's latest public step that changed its status (a rating or a note changes none). */
export async function latestPublicSteps(db: Open311Db, caseIds: string[]): Promise<Map<string, { action: string; body: string | null }>> {
  if (caseIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('case_events')
    .distinctOn('case_id')
    .select(['case_id', 'action', 'body'])
    .where('case_id', 'in', caseIds)
    .where('visibility', '=', 'public')
    .where('to_status', 'is not', null)
    .orderBy('case_id')
    .orderBy('id', 'desc')
    .execute();
  return new Map(rows.map((r) => [r.case_id, { action: r.action, body: r.body }]));
}

/** The reference of the case whose tracking token this is (the token is random: its hash is looked up directly). */
export async function referenceForToken(db: Open311Db, token: string): Promise<string | undefined> {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return undefined;
  const row = await db.selectFrom('cases').select('reference').where('token_hash', '=', hashToken(token)).executeTakeFirst();
  return row?.reference;
}
