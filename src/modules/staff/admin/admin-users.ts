/**
 * Administration of staff accounts: invite, disable/enable, reset (new one-time link), change role and scope. Every
 * change runs in one transaction with its audit row (before → after); the account row is locked first, so two
 * administrators acting at once cannot both write from the same "before". An administrator cannot disable or
 * demote themselves (the platform must always keep someone who can administer it).
 */
import { z } from 'zod';
import { queueEmail, type EmailMessage } from '../../../platform/mail/index.js';
import { recordAudit } from '../../../platform/audit/record-audit.js';
import { deleteUserSessions, hashToken, randomToken, STAFF_ROLES, type StaffDb, type StaffRole } from '../../../platform/auth/index.js';
import { insertToken, retireUserTokens } from '../staff-user.repository.js';
import { SET_PASSWORD_LINK_HOURS } from '../set-password.js';
import type { KeyOf } from '../../../platform/i18n/i18n.js';
import type { t } from '../messages.js';

export type AccountField = 'name' | 'email' | 'role' | 'district' | 'department';
export type AccountProblem = { field: AccountField; key: KeyOf<typeof t> };

export interface RoleAndScope {
  role: StaffRole;
  districtId: string | null;
  departmentId: string | null;
}

/** The districts and departments a form may choose: every district; active departments and the account's own. */
export interface ScopeChoices {
  districtIds: ReadonlySet<string>;
  departmentIds: ReadonlySet<string>;
}

const text = (max: number) => z.string().max(max * 4).catch('').transform((v) => v.trim());
export const accountFormSchema = z.object({
  name: text(200),
  email: text(320),
  role: z.string().max(64).catch(''),
  district: z.string().max(64).catch(''),
  department: z.string().max(100).catch(''),
});
export type AccountForm = z.infer<typeof accountFormSchema>;

/** The rules of the database CHECKs and foreign keys, checked first so the person gets a message instead of an error page. */
export function roleAndScopeProblems(form: Pick<AccountForm, 'role' | 'district' | 'department'>, choices: ScopeChoices): { problems: AccountProblem[]; value?: RoleAndScope } {
  const problems: AccountProblem[] = [];
  if (!(STAFF_ROLES as readonly string[]).includes(form.role)) {
    problems.push({ field: 'role', key: 'staff.admin.error.role' });
    return { problems };
  }
  const role = form.role as StaffRole;
  let districtId: string | null = null;
  let departmentId: string | null = null;
  if (role === 'district_officer') {
    if (!choices.districtIds.has(form.district)) problems.push({ field: 'district', key: 'staff.admin.error.district' });
    else districtId = form.district;
  }
  if (role === 'department_handler') {
    if (!choices.departmentIds.has(form.department)) problems.push({ field: 'department', key: 'staff.admin.error.department' });
    else departmentId = form.department;
  }
  return problems.length ? { problems } : { problems, value: { role, districtId, departmentId } };
}

export function inviteProblems(form: AccountForm, choices: ScopeChoices): AccountProblem[] {
  const problems: AccountProblem[] = [];
  if (!form.name) problems.push({ field: 'name', key: 'staff.admin.error.nameMissing' });
  else if ([...form.name].length > 200) problems.push({ field: 'name', key: 'staff.admin.error.nameLong' });
  if (!form.email) problems.push({ field: 'email', key: 'staff.admin.error.emailMissing' });
  else if (form.email.length > 320 || !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(form.email)) problems.push({ field: 'email', key: 'staff.admin.error.emailFormat' });
  return [...problems, ...roleAndScopeProblems(form, choices).problems];
}

export type AdminChangeResult = { ok: true; token?: string } | { ok: false; reason: 'not-found' | 'self' | 'forbidden' };

interface Actor {
  actor: string;
  now: Date;
  requestId: string;
}

/**
 * Locks the account and the acting administrator's row (in id order, so two administrators acting on each other
 * cannot deadlock) and checks that the actor is still an enabled administrator: the guard looked at the start of the
 * request, but another administrator may have demoted or disabled them since. Without this, two administrators
 * demoting each other at the same moment could leave the platform with none.
 */
async function lockUser(trx: StaffDb, userId: string, actorId: string) {
  const rows = await trx
    .selectFrom('staff_users')
    .where('id', 'in', [...new Set([userId, actorId])].sort())
    .select(['id', 'role', 'district_id', 'department_id', 'disabled_at', 'password_hash'])
    .orderBy('id')
    .forUpdate()
    .execute();
  const actor = rows.find((r) => r.id === actorId);
  if (!actor || actor.role !== 'admin' || actor.disabled_at) return 'forbidden' as const;
  return rows.find((r) => r.id === userId);
}

/** Disables (ending every session of the person) or enables an account. */
export async function setUserDisabled(db: StaffDb, input: Actor & { userId: string; disabled: boolean }): Promise<AdminChangeResult> {
  if (input.disabled && input.userId === input.actor) return { ok: false, reason: 'self' };
  return db.transaction().execute(async (trx) => {
    const user = await lockUser(trx, input.userId, input.actor);
    if (user === 'forbidden') return { ok: false as const, reason: 'forbidden' as const };
    if (!user) return { ok: false as const, reason: 'not-found' as const };
    const wasDisabled = user.disabled_at !== null;
    if (wasDisabled === input.disabled) return { ok: true as const };
    await trx.updateTable('staff_users').set({ disabled_at: input.disabled ? input.now : null }).where('id', '=', input.userId).execute();
    const ended = input.disabled ? await deleteUserSessions(trx, input.userId) : 0;
    await recordAudit(trx, {
      at: input.now,
      actor: input.actor,
      action: input.disabled ? 'staff_user.disabled' : 'staff_user.enabled',
      entity: 'staff_user',
      entityId: input.userId,
      before: { disabled: wasDisabled },
      after: input.disabled ? { disabled: true, sessions_ended: ended } : { disabled: false },
      requestId: input.requestId,
    });
    return { ok: true as const };
  });
}

/** A new one-time set-password link (earlier links stop working) and the end of every session of the person. */
export async function resetUser(db: StaffDb, input: Actor & { userId: string; notice?: (token: string) => EmailMessage }): Promise<AdminChangeResult> {
  return db.transaction().execute(async (trx) => {
    const user = await lockUser(trx, input.userId, input.actor);
    if (user === 'forbidden') return { ok: false as const, reason: 'forbidden' as const };
    if (!user) return { ok: false as const, reason: 'not-found' as const };
    const token = randomToken();
    await retireUserTokens(trx, input.userId, input.now);
    await insertToken(trx, { id: hashToken(token), userId: input.userId, now: input.now, expiresAt: new Date(input.now.getTime() + SET_PASSWORD_LINK_HOURS * 3600_000) });
    const ended = await deleteUserSessions(trx, input.userId);
    // The new link goes to the person through the outbox, in this transaction (sent only if the reset commits).
    if (input.notice) await queueEmail(trx, input.notice(token), { now: input.now });
    await recordAudit(trx, {
      at: input.now,
      actor: input.actor,
      action: 'staff_user.reset',
      entity: 'staff_user',
      entityId: input.userId,
      before: { password_set: user.password_hash !== null },
      after: { set_password_link_issued: true, sessions_ended: ended },
      requestId: input.requestId,
    });
    return { ok: true as const, token };
  });
}

/** Changes the role and scope (district or department) of an account. */
export async function changeRoleAndScope(db: StaffDb, input: Actor & { userId: string; change: RoleAndScope }): Promise<AdminChangeResult> {
  if (input.userId === input.actor && input.change.role !== 'admin') return { ok: false, reason: 'self' };
  return db.transaction().execute(async (trx) => {
    const user = await lockUser(trx, input.userId, input.actor);
    if (user === 'forbidden') return { ok: false as const, reason: 'forbidden' as const };
    if (!user) return { ok: false as const, reason: 'not-found' as const };
    const before = { role: user.role, district_id: user.district_id, department_id: user.department_id };
    const after = { role: input.change.role, district_id: input.change.districtId, department_id: input.change.departmentId };
    if (JSON.stringify(before) === JSON.stringify(after)) return { ok: true as const };
    await trx.updateTable('staff_users').set({ role: after.role, district_id: after.district_id, department_id: after.department_id }).where('id', '=', input.userId).execute();
    await recordAudit(trx, { at: input.now, actor: input.actor, action: 'staff_user.role_changed', entity: 'staff_user', entityId: input.userId, before, after, requestId: input.requestId });
    return { ok: true as const };
  });
}
