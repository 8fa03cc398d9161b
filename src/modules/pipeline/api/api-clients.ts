/**
 * The staff API's clients: a name, the staff account the token acts as, when it was made and revoked. The token is
 * 256 random bits shown once (on the page that answers the creation, or by the command); only its SHA-256 is stored.
 * Making and revoking a client are audited in their transaction. The acting account must be enabled and hold a role
 * that may read the pipeline: a token for anyone else could do nothing, and is refused rather than made.
 */
import { hashToken, randomToken } from '../../../platform/auth/index.js';
import { recordAudit } from '../../../platform/audit/record-audit.js';
import type { PipelineDb } from '../pipeline.tables.js';
import { PIPELINE_READERS } from '../project-access.js';

export interface ApiClientRow {
  id: string;
  name: string;
  staffUserId: string;
  accountName: string;
  accountEmail: string;
  createdAt: Date;
  revokedAt: Date | null;
}

export type ApiClientProblem = { field: 'name' | 'staff_user_id'; code: 'invalid' };

export async function listApiClients(db: PipelineDb): Promise<ApiClientRow[]> {
  const rows = await db
    .selectFrom('staff_api_clients')
    .innerJoin('staff_users', 'staff_users.id', 'staff_api_clients.staff_user_id')
    .select(['staff_api_clients.id', 'staff_api_clients.name', 'staff_api_clients.staff_user_id', 'staff_users.name as account_name', 'staff_users.email', 'staff_api_clients.created_at', 'staff_api_clients.revoked_at'])
    .orderBy('staff_api_clients.revoked_at', (ob) => ob.desc().nullsFirst())
    .orderBy('staff_api_clients.created_at', 'desc')
    .limit(500)
    .execute();
  return rows.map((r) => ({ id: r.id, name: r.name, staffUserId: r.staff_user_id, accountName: r.account_name, accountEmail: r.email, createdAt: r.created_at, revokedAt: r.revoked_at }));
}

/** Accounts a client may act as: enabled, with a role that reads the pipeline. */
export async function apiClientAccounts(db: PipelineDb) {
  return db
    .selectFrom('staff_users')
    .select(['id', 'name', 'email', 'role'])
    .where('disabled_at', 'is', null)
    .where('role', 'in', [...PIPELINE_READERS])
    .orderBy('name')
    .orderBy('email')
    .execute();
}

export async function findAccountByEmail(db: PipelineDb, email: string) {
  return db.selectFrom('staff_users').select(['id', 'name', 'role', 'disabled_at']).where('email', '=', email.trim().toLowerCase()).executeTakeFirst();
}

export interface NewApiClient {
  name: string;
  staffUserId: string;
  /** The administrator who made it; null from the command line. */
  actor: string | null;
  now: Date;
  requestId?: string | null;
}

/** Makes a client and returns its token (the only time it exists outside the caller), or the problems. */
export async function createApiClient(db: PipelineDb, input: NewApiClient): Promise<{ ok: true; id: string; token: string } | { ok: false; problems: ApiClientProblem[] }> {
  const name = input.name.trim();
  const problems: ApiClientProblem[] = [];
  if (name.length < 1 || name.length > 200) problems.push({ field: 'name', code: 'invalid' });
  const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(input.staffUserId);
  return db.transaction().execute(async (trx) => {
    const account = uuid ? await trx.selectFrom('staff_users').select(['id', 'role', 'disabled_at']).where('id', '=', input.staffUserId).forUpdate().executeTakeFirst() : undefined;
    if (!account || account.disabled_at || !PIPELINE_READERS.includes(account.role)) problems.push({ field: 'staff_user_id', code: 'invalid' });
    if (problems.length) return { ok: false as const, problems };
    const token = randomToken();
    const { id } = await trx
      .insertInto('staff_api_clients')
      .values({ name, staff_user_id: input.staffUserId, token_hash: hashToken(token), created_at: input.now })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(trx, { at: input.now, actor: input.actor, action: 'pipeline.api_client_created', entity: 'staff_api_client', entityId: id, after: { name, staff_user_id: input.staffUserId }, requestId: input.requestId });
    return { ok: true as const, id, token };
  });
}

/** Revokes a client at once; false when there is no such client or it was already revoked. */
export async function revokeApiClient(db: PipelineDb, input: { id: string; actor: string | null; now: Date; requestId?: string | null }): Promise<boolean> {
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(input.id)) return false;
  return db.transaction().execute(async (trx) => {
    const revoked = await trx.updateTable('staff_api_clients').set({ revoked_at: input.now }).where('id', '=', input.id).where('revoked_at', 'is', null).returning(['id', 'name']).executeTakeFirst();
    if (!revoked) return false;
    await recordAudit(trx, { at: input.now, actor: input.actor, action: 'pipeline.api_client_revoked', entity: 'staff_api_client', entityId: revoked.id, before: { name: revoked.name }, after: { revoked: true }, requestId: input.requestId });
    return true;
  });
}
