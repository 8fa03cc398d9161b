/** 中文界面文字：工作日历。键名与 messages.en.ts 一致（类型检查保证）；中文复数只需 .other。 */
import type { ChineseMessages } from '../../platform/i18n/i18n.js';
import type { en } from './messages.en.js';

export const zh = {
  'calendar.reason.saturday': '周末（星期六）',
  'calendar.reason.sunday': '周末（星期日）',
  'calendar.reason.holiday': '{name}假期',
  'calendar.reason.holidayInLieu': '{name}假期（调休）',
  'calendar.reason.makeUp': '{name}调休上班日',
  'calendar.reason.workingDay': '工作日',
  'calendar.source.override': '由本平台管理员录入',
  'calendar.source.assumed': '推定：按《全国年节及纪念日放假办法》规定的法定节假日（尚未收录当年放假安排通知）',
} satisfies ChineseMessages<typeof en>;
