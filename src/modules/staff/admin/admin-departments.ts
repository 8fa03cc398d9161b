/**
 * Administration of departments: add one that the service directory lacks, deactivate or activate one. Each change
 * runs in one transaction with its audit row, after checking (with the row locked) that the actor is still an enabled
 * administrator. Departments are never deleted: accounts, and later cases, point at them.
 */
import { z } from 'zod';
import { recordAudit } from '../../../platform/audit/record-audit.js';
import { DEPARTMENT_KINDS, type DepartmentKind, type StaffDb } from '../../../platform/auth/index.js';
import type { KeyOf } from '../../../platform/i18n/i18n.js';
import type { t } from '../messages.js';
import { countDepartmentUsers, departmentIdsLike, findDepartmentByName, insertDepartment, lockDepartment, setDepartmentActive } from '../department.repository.js';

export type DepartmentField = 'name_en' | 'name_zh' | 'kind' | 'district';
export type DepartmentProblem = { field: DepartmentField; key: KeyOf<typeof t> };

export interface NewDepartment {
  nameEn: string;
  nameZh: string;
  kind: DepartmentKind;
  districtId: string | null;
}

const text = z.string().max(1000).catch('').transform((v) => v.trim());
export const departmentFormSchema = z.object({
  name_en: text,
  name_zh: text,
  kind: z.string().max(32).catch(''),
  district: z.string().max(64).catch(''),
});
export type DepartmentForm = z.infer<typeof departmentFormSchema>;

export const departmentStatusFormSchema = z.object({ action: z.enum(['deactivate', 'activate']).catch('deactivate') });

/** Every problem of the form at once; `value` only when there is none. */
export function departmentProblems(form: DepartmentForm, districtIds: ReadonlySet<string>): { problems: DepartmentProblem[]; value?: NewDepartment } {
  const problems: DepartmentProblem[] = [];
  if (!form.name_en) problems.push({ field: 'name_en', key: 'staff.admin.error.departmentNameEnMissing' });
  else if ([...form.name_en].length > 200) problems.push({ field: 'name_en', key: 'staff.admin.error.departmentNameLong' });
  if (!form.name_zh) problems.push({ field: 'name_zh', key: 'staff.admin.error.departmentNameZhMissing' });
  else if ([...form.name_zh].length > 200) problems.push({ field: 'name_zh', key: 'staff.admin.error.departmentNameLong' });
  const kind = (DEPARTMENT_KINDS as readonly string[]).includes(form.kind) ? (form.kind as DepartmentKind) : undefined;
  if (!kind) problems.push({ field: 'kind', key: 'staff.admin.error.departmentKind' });
  const districtId = form.district || null;
  if ((districtId && !districtIds.has(districtId)) || (kind === 'district' && !districtId)) problems.push({ field: 'district', key: 'staff.admin.error.departmentDistrict' });
  if (problems.length || !kind) return { problems };
  return { problems, value: { nameEn: form.name_en, nameZh: form.name_zh, kind, districtId } };
}

/** A readable id from the English name ("Haidian Service Centre" → haidian-service-centre), unique among `taken`. */
export function departmentSlug(nameEn: string, taken: readonly string[]): string {
  const base =
    nameEn
      .normalize('NFKD')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 80)
      .replace(/-+$/, '') || 'department';
  if (!taken.includes(base)) return base;
  let n = 2;
  while (taken.includes(`${base}-${n}`)) n += 1;
  return `${base}-${n}`;
}

interface Actor {
  actor: string;
  now: Date;
  requestId: string;
}

/** The guard looked at the start of the request; another administrator may have demoted or disabled the actor since. */
async function actorIsEnabledAdmin(trx: StaffDb, actorId: string): Promise<boolean> {
  const actor = await trx.selectFrom('staff_users').where('id', '=', actorId).select(['role', 'disabled_at']).forShare().executeTakeFirst();
  return actor?.role === 'admin' && !actor.disabled_at;
}

export type DepartmentChangeResult = { ok: true; id: string } | { ok: false; reason: 'not-found' | 'forbidden' } | { ok: false; reason: 'name-taken'; field: 'name_en' | 'name_zh' };

export async function addDepartment(db: StaffDb, input: Actor & { department: NewDepartment }): Promise<DepartmentChangeResult> {
  const { department } = input;
  return db.transaction().execute(async (trx): Promise<DepartmentChangeResult> => {
    if (!(await actorIsEnabledAdmin(trx, input.actor))) return { ok: false, reason: 'forbidden' };
    const [same] = await findDepartmentByName(trx, department);
    if (same) return { ok: false, reason: 'name-taken', field: same.field };
    const base = departmentSlug(department.nameEn, []);
    const id = departmentSlug(department.nameEn, await departmentIdsLike(trx, base));
    await insertDepartment(trx, { id, ...department, now: input.now });
    await recordAudit(trx, {
      at: input.now,
      actor: input.actor,
      action: 'department.created',
      entity: 'department',
      entityId: id,
      after: { name_en: department.nameEn, name_zh: department.nameZh, kind: department.kind, district_id: department.districtId, active: true },
      requestId: input.requestId,
    });
    return { ok: true, id };
  });
}

/** Deactivates or activates a department; accounts that have it keep it (their count is in the audit row). */
export async function changeDepartmentActive(db: StaffDb, input: Actor & { departmentId: string; active: boolean }): Promise<DepartmentChangeResult> {
  return db.transaction().execute(async (trx): Promise<DepartmentChangeResult> => {
    if (!(await actorIsEnabledAdmin(trx, input.actor))) return { ok: false, reason: 'forbidden' };
    const department = await lockDepartment(trx, input.departmentId);
    if (!department) return { ok: false, reason: 'not-found' };
    if (department.active === input.active) return { ok: true, id: department.id };
    await setDepartmentActive(trx, department.id, input.active);
    await recordAudit(trx, {
      at: input.now,
      actor: input.actor,
      action: input.active ? 'department.activated' : 'department.deactivated',
      entity: 'department',
      entityId: department.id,
      before: { active: department.active },
      after: { active: input.active, users: await countDepartmentUsers(trx, department.id) },
      requestId: input.requestId,
    });
    return { ok: true, id: department.id };
  });
}
