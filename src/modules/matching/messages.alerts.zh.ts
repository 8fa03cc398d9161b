/** The policy-alert form in Chinese (see messages.alerts.en.ts). */
import type { ChineseMessages } from '../../platform/i18n/i18n.js';
import type { alertFormEn } from './messages.alerts.en.js';

export const alertFormZh = {
  'alerts.form.title': '有符合以上情况的政策发布或修改时，发邮件通知我',
  'alerts.form.lead': '我们会先发送一封邮件确认邮箱地址：确认之前不会发送任何其他邮件。无需注册账户。',
  'alerts.form.email': '您的电子邮箱',
  'alerts.form.lang': '邮件语言',
  'alerts.form.langEn': 'English',
  'alerts.form.langZh': '中文',
  'alerts.form.consent': '我同意平台保存我的电子邮箱、所选语言和以上回答，仅用于在有符合条件的政策发布或修改时给我发邮件。每封邮件都附有链接，点击即可立即停止所有邮件。',
  'alerts.form.submit': '订阅政策邮件',
  'alerts.form.error.email': '请输入电子邮箱地址，例如 name@example.com',
  'alerts.form.error.lang': '请选择邮件语言',
  'alerts.form.error.consent': '请勾选同意我们为发送这些邮件保存您的邮箱和回答',
  'alerts.form.error.profile': '请先回答上面至少一个问题，再订阅邮件',
} satisfies ChineseMessages<typeof alertFormEn>;
