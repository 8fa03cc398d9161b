/** SQL of districts and departments: what a staff account's scope points at. */
import { sql } from 'kysely';
import type { DepartmentKind, StaffDb } from '../../platform/auth/index.js';
import type { Lang } from '../../platform/i18n/i18n.js';

export interface DistrictRow {
  id: string;
  nameEn: string;
  nameZh: string;
  /** Accounts scoped to the district (district officers). */
  users: number;
  departments: number;
}

export interface DepartmentRow {
  id: string;
  nameEn: string;
  nameZh: string;
  kind: DepartmentKind;
  districtId: string | null;
  sourceContactId: string | null;
  active: boolean;
  /** Accounts of the department (department handlers), enabled or not. */
  users: number;
}

/** The name of a district or department in the page's language. */
export const nameIn = (lang: Lang, row: { nameEn: string; nameZh: string }): string => (lang === 'zh' ? row.nameZh : row.nameEn);

export async function listDistricts(db: StaffDb): Promise<DistrictRow[]> {
  const rows = await db
    .selectFrom('districts as d')
    .select((eb) => [
      'd.id',
      'd.name_en as nameEn',
      'd.name_zh as nameZh',
      eb.selectFrom('staff_users as u').whereRef('u.district_id', '=', 'd.id').select((u) => u.fn.countAll<string>().as('n')).as('users'),
      eb.selectFrom('departments as p').whereRef('p.district_id', '=', 'd.id').select((p) => p.fn.countAll<string>().as('n')).as('departments'),
    ])
    // The 16 districts by name, then the BDA (a development area, not a district).
    .orderBy(sql`d.id = 'bda'`)
    .orderBy('d.name_en')
    .execute();
  return rows.map((r) => ({ ...r, users: Number(r.users), departments: Number(r.departments) }));
}

export interface DepartmentFilter {
  kind?: DepartmentKind;
  districtId?: string;
  active?: boolean;
  id?: string;
}

export async function listDepartments(db: StaffDb, filter: DepartmentFilter = {}): Promise<DepartmentRow[]> {
  let query = db
    .selectFrom('departments as p')
    .select((eb) => [
      'p.id',
      'p.name_en as nameEn',
      'p.name_zh as nameZh',
      'p.kind',
      'p.district_id as districtId',
      'p.source_contact_id as sourceContactId',
      'p.active',
      eb.selectFrom('staff_users as u').whereRef('u.department_id', '=', 'p.id').select((u) => u.fn.countAll<string>().as('n')).as('users'),
    ])
    // Municipal first, then national agencies, then district bodies by district, then zones and the rest.
    .orderBy(sql`array_position(array['municipal', 'national', 'district', 'zone', 'other'], p.kind)`)
    .orderBy('p.district_id')
    .orderBy('p.name_en');
  if (filter.id) query = query.where('p.id', '=', filter.id);
  if (filter.kind) query = query.where('p.kind', '=', filter.kind);
  if (filter.districtId) query = query.where('p.district_id', '=', filter.districtId);
  if (filter.active !== undefined) query = query.where('p.active', '=', filter.active);
  const rows = await query.execute();
  return rows.map((r) => ({ ...r, users: Number(r.users) }));
}

export async function findDepartment(db: StaffDb, id: string): Promise<DepartmentRow | undefined> {
  return (await listDepartments(db, { id }))[0];
}

/** The department row locked for a change in `trx` (its active flag), or undefined. */
export async function lockDepartment(trx: StaffDb, id: string): Promise<{ id: string; active: boolean } | undefined> {
  return trx.selectFrom('departments').where('id', '=', id).select(['id', 'active']).forUpdate().executeTakeFirst();
}

/** Ids that are taken by `slug` or `slug-<n>`, to give a new department a free one. */
export async function departmentIdsLike(db: StaffDb, slug: string): Promise<string[]> {
  const rows = await db
    .selectFrom('departments')
    .where((eb) => eb.or([eb('id', '=', slug), eb('id', 'like', `${slug}-%`)]))
    .select('id')
    .execute();
  return rows.map((r) => r.id);
}

/** A department with the same English or Chinese name (case-insensitive), to refuse a duplicate. */
export async function findDepartmentByName(db: StaffDb, names: { nameEn: string; nameZh: string }): Promise<{ id: string; field: 'name_en' | 'name_zh' }[]> {
  const rows = await db
    .selectFrom('departments')
    .where((eb) => eb.or([eb(eb.fn('lower', ['name_en']), '=', names.nameEn.toLowerCase()), eb('name_zh', '=', names.nameZh)]))
    .select(['id', 'name_en', 'name_zh'])
    .execute();
  return rows.map((r) => ({ id: r.id, field: r.name_en.toLowerCase() === names.nameEn.toLowerCase() ? 'name_en' : 'name_zh' }));
}

export async function insertDepartment(
  trx: StaffDb,
  row: { id: string; nameEn: string; nameZh: string; kind: DepartmentKind; districtId: string | null; now: Date },
): Promise<void> {
  await trx
    .insertInto('departments')
    .values({ id: row.id, name_en: row.nameEn, name_zh: row.nameZh, kind: row.kind, district_id: row.districtId, source_contact_id: null, active: true, created_at: row.now })
    .execute();
}

export async function setDepartmentActive(trx: StaffDb, id: string, active: boolean): Promise<void> {
  await trx.updateTable('departments').set({ active }).where('id', '=', id).execute();
}

export async function countDepartmentUsers(trx: StaffDb, id: string): Promise<number> {
  const { n } = await trx.selectFrom('staff_users').where('department_id', '=', id).select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
  return Number(n);
}

/** Names of districts and departments by id, for labels (accounts, audit entries). */
export async function scopeNames(db: StaffDb): Promise<{ districts: Map<string, { nameEn: string; nameZh: string }>; departments: Map<string, { nameEn: string; nameZh: string }> }> {
  const districts = await db.selectFrom('districts').select(['id', 'name_en as nameEn', 'name_zh as nameZh']).execute();
  const departments = await db.selectFrom('departments').select(['id', 'name_en as nameEn', 'name_zh as nameZh']).execute();
  return { districts: new Map(districts.map(({ id, ...names }) => [id, names])), departments: new Map(departments.map(({ id, ...names }) => [id, names])) };
}
