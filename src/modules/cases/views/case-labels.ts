/** Staff wording of the service line's codes (statuses, kinds, SLA states, timeline entries, outcomes) and compact times. */
import type { Lang } from '../../../platform/i18n/i18n.js';
import type { CaseKind } from '../../content/index.js';
import { RESOLUTION_CODES, type ResolutionCode } from '../case-actions.js';
import type { CaseSla } from '../case-sla.js';
import { CASE_ACTIONS, type CaseAction, type CaseStatus } from '../case-states.js';
import { t } from '../messages.js';

export const statusLabel = (lang: Lang, status: CaseStatus) => t(lang, `caseStaff.status.${status}`);
export const kindLabel = (lang: Lang, kind: CaseKind) => t(lang, `caseStaff.kind.${kind}`);
export const slaLabel = (lang: Lang, sla: CaseSla) => t(lang, `caseStaff.sla.${sla}`);
export const actionName = (lang: Lang, action: CaseAction) => t(lang, `caseStaff.action.${action}`);

/** Timeline entries that are not actions of the state machine: filing, the confidential flag, the deadline watch. */
const OTHER_ENTRIES = ['submit', 'set_confidential', 'deadline_due_soon', 'deadline_overdue', 'deadline_escalated'] as const;
type OtherEntry = (typeof OTHER_ENTRIES)[number];

export function entryLabel(lang: Lang, action: string): string {
  if ((CASE_ACTIONS as readonly string[]).includes(action)) return t(lang, `caseStaff.entry.${action as CaseAction}`);
  if ((OTHER_ENTRIES as readonly string[]).includes(action)) return t(lang, `caseStaff.entry.${action as OtherEntry}`);
  return t(lang, 'caseStaff.entry.other', { code: action });
}

export function resolutionLabel(lang: Lang, code: string): string {
  return (RESOLUTION_CODES as readonly string[]).includes(code) ? t(lang, `caseStaff.resolution.${code as ResolutionCode}`) : code;
}

const compact = {
  en: new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Shanghai', day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }),
  zh: new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', year: 'numeric', month: 'numeric', day: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }),
};

/** "8 Dec 2026, 24:00" in Beijing time: a due instant at midnight is the end of the day before, as on the tracking page. */
export function shortInstant(lang: Lang, at: Date): string {
  const beijing = new Date(at.getTime() + 8 * 3_600_000);
  if (beijing.getUTCHours() === 0 && beijing.getUTCMinutes() === 0) return compact[lang].format(new Date(at.getTime() - 60_000)).replace('23:59', '24:00');
  return compact[lang].format(at);
}
