/**
 * What the audit log's codes mean to a person, in the page's language: actions, entities, the fields of before/after
 * and their values (roles, districts, departments and kinds by name, yes/no). The page keeps every raw code next to
 * its label for investigators; a code this file does not know is shown as it is, never hidden.
 */
import { STAFF_ROLES, DEPARTMENT_KINDS } from '../../../platform/auth/index.js';
import type { Lang } from '../../../platform/i18n/i18n.js';
import type { ScopeNames } from '../admin/scope-catalogue.js';
import { t } from '../messages.js';

/** Every action the platform records (the `action` passed to recordAudit, and the departments migration's). */
export const AUDIT_ACTIONS = [
  'staff.signed_in',
  'staff.sign_in_failed',
  'staff.sign_in_refused',
  'staff.signed_out',
  'staff.signed_out_everywhere',
  'staff.set_password_link_issued',
  'staff.password_set',
  'staff_user.created',
  'staff_user.disabled',
  'staff_user.enabled',
  'staff_user.reset',
  'staff_user.role_changed',
  'staff_user.department_moved',
  'department.created',
  'department.deactivated',
  'department.activated',
  'calendar.override_added',
  'calendar.override_removed',
  'calendar.year_entered',
  'calendar.year_withdrawn',
  'pipeline.investor_created',
  'pipeline.project_created',
  'pipeline.project_updated',
  'pipeline.project_moved',
  'pipeline.project_status_set',
  'pipeline.team_member_added',
  'pipeline.team_member_removed',
  'pipeline.service_item_added',
  'pipeline.service_item_updated',
  'pipeline.interaction_recorded',
  'pipeline.investor_case_linked',
  'pipeline.projects_imported',
  'pipeline.view_saved',
  'pipeline.view_removed',
  'pipeline.api_client_created',
  'pipeline.api_client_revoked',
  'content.draft_started',
  'content.draft_saved',
  'content.submitted',
  'content.sent_back',
  'content.scheduled',
  'content.published',
  'content.withdrawn',
  'content.discarded',
  'content.expiry_scheduled',
  'content.expired',
  'content.schedule_failed',
  'content.verified',
  'content.conflict_resolved',
  'content.imported',
  'content.test_profile_saved',
  'content.test_profile_removed',
] as const;
export const AUDIT_ENTITIES = [
  'staff_user', 'department', 'calendar_override', 'calendar_year',
  'investor', 'project', 'service_item', 'interaction', 'investor_case', 'project_import', 'pipeline_saved_view', 'staff_api_client',
  'content_item', 'content_import', 'rule_test_profile',
] as const;
/** The keys of before/after. `department` is the free text of entries written before departments were a table. */
export const AUDIT_FIELDS = [
  'email', 'name', 'role', 'district_id', 'department', 'department_id', 'disabled', 'sessions_ended', 'password_set',
  'set_password_link_issued', 'ip', 'reason', 'active', 'users', 'name_en', 'name_zh', 'kind',
  'date', 'is_working_day', 'note', 'entered', 'stage', 'status', 'reference',
  'revision', 'version', 'last_verified', 'publish_at', 'expire_at', 'choice', 'problems', 'origin',
] as const;

const isOneOf = <T extends string>(list: readonly T[], value: string): value is T => (list as readonly string[]).includes(value);

export function actionLabel(lang: Lang, code: string): string {
  return isOneOf(AUDIT_ACTIONS, code) ? t(lang, `staff.audit.action.${code}`) : code;
}

export function entityLabel(lang: Lang, code: string): string {
  return isOneOf(AUDIT_ENTITIES, code) ? t(lang, `staff.audit.entity.${code}`) : code;
}

export function fieldLabel(lang: Lang, code: string): string {
  return isOneOf(AUDIT_FIELDS, code) ? t(lang, `staff.audit.field.${code}`) : code;
}

/** The raw value as a code: scalars as they are, objects as JSON, absent as a dash. */
export function rawValue(value: unknown): string {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

/** A before/after value as a person reads it: a role, district, department or kind by name, yes/no, else the raw value. */
export function valueLabel(lang: Lang, field: string, value: unknown, names: ScopeNames): string {
  if (typeof value === 'boolean') return t(lang, value ? 'staff.audit.yes' : 'staff.audit.no');
  if (typeof value !== 'string') return rawValue(value);
  if (field === 'role' && isOneOf(STAFF_ROLES, value)) return t(lang, `staff.role.${value}`);
  if (field === 'district_id') return names.district(value);
  if (field === 'department_id') return names.department(value);
  if (field === 'kind' && isOneOf(DEPARTMENT_KINDS, value)) return t(lang, `staff.admin.departmentKind.${value}`);
  if (field === 'reason' && value === 'throttled') return t(lang, 'staff.audit.reason.throttled');
  return value;
}
