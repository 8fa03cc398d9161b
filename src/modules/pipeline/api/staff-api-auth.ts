/**
 * Who calls the staff JSON API. Either the staff session of the pages (its cookie; a change also sends the session's
 * CSRF token in X-CSRF-Token), or an API client's `Authorization: Bearer <token>`: the token acts as the staff account
 * chosen for it — that account's role, district and scope, re-read on every request, so a role change or a disabled
 * account takes effect at once. Only the token's SHA-256 is stored; a revoked client's token is refused like an
 * unknown one.
 *
 * The platform guard (src/platform/auth/guard.ts) does the checking for every route that declares `apiGuard(...)`:
 * without valid credentials it answers 401 problem+json (the staff module's deny for /api paths), a role outside the
 * list 403. Failed attempts pass through the API context's rate limit like any request.
 */
import type { FastifyRequest } from 'fastify';
import { hashToken, type StaffPrincipal, type StaffRole } from '../../../platform/auth/index.js';
import type { PipelineDb } from '../pipeline.tables.js';
import type { PipelineStaff } from '../project-access.js';

/** What randomToken() makes: 43 base64url characters. Anything else is not worth a query. */
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/;

/** The staff account a bearer token acts as, or null (unknown, revoked, or its account disabled). */
export async function principalOfToken(db: PipelineDb, token: string): Promise<StaffPrincipal | null> {
  if (!TOKEN_SHAPE.test(token)) return null;
  const row = await db
    .selectFrom('staff_api_clients')
    .innerJoin('staff_users', 'staff_users.id', 'staff_api_clients.staff_user_id')
    .select(['staff_users.id', 'staff_users.email', 'staff_users.name', 'staff_users.role', 'staff_users.district_id', 'staff_users.department_id', 'staff_api_clients.created_at'])
    .where('staff_api_clients.token_hash', '=', hashToken(token))
    .where('staff_api_clients.revoked_at', 'is', null)
    .where('staff_users.disabled_at', 'is', null)
    .executeTakeFirst();
  if (!row) return null;
  // No session: nothing to end, and no CSRF token (the guard asks none of a bearer request).
  return { userId: row.id, email: row.email, name: row.name, role: row.role, districtId: row.district_id, departmentId: row.department_id, sessionId: '', csrfToken: '', signedInAt: row.created_at };
}

/** The route config of an API route open to `roles`, by session or by token. */
export function apiGuard(db: PipelineDb, roles: readonly StaffRole[]) {
  return { staffGuard: { roles }, staffBearer: (token: string) => principalOfToken(db, token) };
}

/** The caller as the pipeline's rules see them (the guard has run: there is one). */
export function apiStaff(request: FastifyRequest): PipelineStaff & { departmentId: string | null } {
  const staff = request.staff!;
  return { userId: staff.userId, role: staff.role, districtId: staff.districtId, departmentId: staff.departmentId };
}
