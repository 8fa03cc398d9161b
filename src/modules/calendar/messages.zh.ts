/** 中文界面文字：工作日历。键名与 messages.en.ts 一致（类型检查保证）；中文复数只需 .other。 */
import type { ChineseMessages } from '../../platform/i18n/i18n.js';
import type { en } from './messages.en.js';

export const zh = {
  'calendar.reason.saturday': '周末（星期六）',
  'calendar.reason.sunday': '周末（星期日）',
  'calendar.reason.holiday': '{name}假期',
  'calendar.reason.holidayInLieu': '{name}假期（调休）',
  'calendar.reason.makeUp': '{name}调休上班日',
} satisfies ChineseMessages<typeof en>;
