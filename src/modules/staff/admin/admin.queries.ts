/** Read side of the administration pages: the accounts with their last sign-in, and the audit log with filters. */
import { sql } from 'kysely';
import { STAFF_ROLES, type StaffDb, type StaffRole } from '../../../platform/auth/index.js';

export const USER_STATUSES = ['active', 'invited', 'disabled'] as const;
export type UserStatus = (typeof USER_STATUSES)[number];

export interface AccountRow {
  id: string;
  email: string;
  name: string;
  role: StaffRole;
  districtId: string | null;
  departmentId: string | null;
  status: UserStatus;
  lastSignIn: Date | null;
}

export function isRole(value: unknown): value is StaffRole {
  return typeof value === 'string' && (STAFF_ROLES as readonly string[]).includes(value);
}

export async function listAccounts(db: StaffDb, filter: { role?: StaffRole; status?: UserStatus; id?: string } = {}): Promise<AccountRow[]> {
  let query = db
    .selectFrom('staff_users as u')
    .select([
      'u.id',
      'u.email',
      'u.name',
      'u.role',
      'u.district_id as districtId',
      'u.department_id as departmentId',
      'u.disabled_at as disabledAt',
      'u.password_hash as passwordHash',
      (eb) =>
        eb
          .selectFrom('audit_log as a')
          // (entity, entity_id) is indexed: the last sign-in of each account is one index range, not a scan.
          .where('a.entity', '=', 'staff_user')
          .whereRef('a.entity_id', '=', sql<string>`u.id::text`)
          .where('a.action', '=', 'staff.signed_in')
          .select((a) => a.fn.max('a.at').as('at'))
          .as('lastSignIn'),
    ])
    .orderBy('u.name')
    .orderBy('u.email');
  if (filter.id) query = query.where('u.id', '=', filter.id);
  if (filter.role) query = query.where('u.role', '=', filter.role);
  if (filter.status === 'disabled') query = query.where('u.disabled_at', 'is not', null);
  if (filter.status === 'invited') query = query.where('u.disabled_at', 'is', null).where('u.password_hash', 'is', null);
  if (filter.status === 'active') query = query.where('u.disabled_at', 'is', null).where('u.password_hash', 'is not', null);
  const rows = await query.execute();
  return rows.map(({ disabledAt, passwordHash, lastSignIn, ...row }) => ({
    ...row,
    status: disabledAt ? 'disabled' : passwordHash ? 'active' : 'invited',
    lastSignIn: lastSignIn ? new Date(lastSignIn as unknown as string) : null,
  }));
}

export async function findAccount(db: StaffDb, id: string): Promise<AccountRow | undefined> {
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id)) return undefined;
  return (await listAccounts(db, { id }))[0];
}

export interface AuditFilter {
  actor?: string;
  action?: string;
  entity?: string;
  entityId?: string;
  /** Inclusive bounds, as instants. */
  from?: Date;
  to?: Date;
  page: number;
}

export interface AuditRow {
  id: string;
  at: Date;
  actorId: string | null;
  actorName: string | null;
  actorEmail: string | null;
  action: string;
  entity: string;
  entityId: string | null;
  before: unknown;
  after: unknown;
  requestId: string | null;
}

export const AUDIT_PAGE_SIZE = 50;

export async function auditPage(db: StaffDb, filter: AuditFilter): Promise<{ rows: AuditRow[]; total: number }> {
  let query = db.selectFrom('audit_log as a');
  if (filter.actor === 'system') query = query.where('a.actor_id', 'is', null);
  else if (filter.actor) query = query.where('a.actor_id', '=', filter.actor);
  if (filter.action) query = query.where('a.action', '=', filter.action);
  if (filter.entity) query = query.where('a.entity', '=', filter.entity);
  if (filter.entityId) query = query.where('a.entity_id', '=', filter.entityId);
  if (filter.from) query = query.where('a.at', '>=', filter.from);
  if (filter.to) query = query.where('a.at', '<', filter.to);
  const { n } = await query.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
  const rows = await query
    .leftJoin('staff_users as u', 'u.id', 'a.actor_id')
    .select([
      'a.id',
      'a.at',
      'a.actor_id as actorId',
      'u.name as actorName',
      'u.email as actorEmail',
      'a.action',
      'a.entity',
      'a.entity_id as entityId',
      'a.before',
      'a.after',
      'a.request_id as requestId',
    ])
    .orderBy('a.at', 'desc')
    .orderBy('a.id', 'desc')
    .limit(AUDIT_PAGE_SIZE)
    .offset((filter.page - 1) * AUDIT_PAGE_SIZE)
    .execute();
  return { rows: rows.map((r) => ({ ...r, id: String(r.id) })), total: Number(n) };
}

/** The values the filters offer: actions and entities present in the log, and every account. */
export async function auditFilterOptions(db: StaffDb): Promise<{ actions: string[]; entities: string[]; actors: { id: string; name: string; email: string }[] }> {
  const actions = await db.selectFrom('audit_log').select('action').distinct().orderBy('action').execute();
  const entities = await db.selectFrom('audit_log').select('entity').distinct().orderBy('entity').execute();
  const actors = await db.selectFrom('staff_users').select(['id', 'name', 'email']).orderBy('name').orderBy('email').execute();
  return { actions: actions.map((r) => r.action), entities: entities.map((r) => r.entity), actors };
}
