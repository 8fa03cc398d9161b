/**
 * The districts and departments an account's scope may point at, read once per request: the forms' choices, the
 * validation's allowed ids and the names shown for an id (accounts, audit entries).
 */
import type { StaffDb } from '../../../platform/auth/index.js';
import type { Lang } from '../../../platform/i18n/i18n.js';
import { listDepartments, listDistricts, nameIn, type DepartmentRow, type DistrictRow } from '../department.repository.js';
import type { ScopeChoices } from './admin-users.js';

export interface ScopeCatalogue {
  districts: DistrictRow[];
  departments: DepartmentRow[];
}

/** The name of a district or a department in the page's language; an unknown id is shown as it is. */
export interface ScopeNames {
  district(id: string): string;
  department(id: string): string;
}

export async function loadScopeCatalogue(db: StaffDb): Promise<ScopeCatalogue> {
  const [districts, departments] = await Promise.all([listDistricts(db), listDepartments(db)]);
  return { districts, departments };
}

/** Departments a form offers: the active ones, and the account's own even when it has been deactivated since. */
export function departmentOptions(catalogue: ScopeCatalogue, keepDepartmentId?: string | null): DepartmentRow[] {
  return catalogue.departments.filter((d) => d.active || d.id === keepDepartmentId);
}

export function scopeChoices(catalogue: ScopeCatalogue, keepDepartmentId?: string | null): ScopeChoices {
  return {
    districtIds: new Set(catalogue.districts.map((d) => d.id)),
    departmentIds: new Set(departmentOptions(catalogue, keepDepartmentId).map((d) => d.id)),
  };
}

export function scopeNamesIn(lang: Lang, catalogue: ScopeCatalogue): ScopeNames {
  const districts = new Map(catalogue.districts.map((d) => [d.id, nameIn(lang, d)]));
  const departments = new Map(catalogue.departments.map((d) => [d.id, nameIn(lang, d)]));
  return { district: (id) => districts.get(id) ?? id, department: (id) => departments.get(id) ?? id };
}
