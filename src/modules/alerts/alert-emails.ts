/**
 * The alerts' e-mails, plain text in the subscriber's language: the confirmation (double opt-in) and the alert that
 * lists each policy with what changed and why. Both carry the unsubscribe link in the text and as the RFC 8058
 * one-click headers (List-Unsubscribe + List-Unsubscribe-Post), so a mail client can offer "Unsubscribe" itself.
 */
import type { EmailMessage } from '../../platform/mail/index.js';
import { urls } from '../../platform/http/urls.js';
import type { Lang } from '../../platform/i18n/i18n.js';
import { t } from './messages.js';

export function unsubscribeHeaders(unsubscribeUrl: string): NonNullable<EmailMessage['headers']> {
  return { 'List-Unsubscribe': `<${unsubscribeUrl}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' };
}

export function absolute(baseUrl: string, path: string): string {
  return baseUrl.replace(/\/+$/, '') + path;
}

const answersBlock = (lang: Lang, lines: { label: string; value: string }[]) => [t(lang, 'alerts.mail.yourAnswers'), ...lines.map((l) => `- ${l.label}: ${l.value}`)].join('\n');

export function confirmationEmail(input: { to: string; lang: Lang; baseUrl: string; token: string; answers: { label: string; value: string }[] }): EmailMessage {
  const { lang } = input;
  const unsubscribe = absolute(input.baseUrl, urls.alertsUnsubscribe(lang, input.token));
  const text = [
    t(lang, 'alerts.mail.confirm.intro'),
    '',
    answersBlock(lang, input.answers),
    '',
    t(lang, 'alerts.mail.confirm.action'),
    absolute(input.baseUrl, urls.alertsConfirm(lang, input.token)),
    '',
    t(lang, 'alerts.mail.confirm.ignore'),
    '',
    t(lang, 'alerts.mail.unsubscribe'),
    unsubscribe,
  ].join('\n');
  return { to: input.to, subject: t(lang, 'alerts.mail.confirm.subject'), text, headers: unsubscribeHeaders(unsubscribe) };
}

export type ChangeKind = 'new' | 'applies' | 'may_apply' | 'changed';

export interface AlertItem {
  policyId: string;
  title: string;
  change: ChangeKind;
  status: 'applies' | 'may_apply';
  benefits: string[];
  met: string[];
  missing: string[];
}

export function alertEmail(input: { to: string; lang: Lang; baseUrl: string; unsubscribeToken: string; items: AlertItem[] }): EmailMessage {
  const { lang } = input;
  const unsubscribe = absolute(input.baseUrl, urls.alertsUnsubscribe(lang, input.unsubscribeToken));
  const list = (heading: string, lines: string[]) => (lines.length ? [`  ${heading}:`, ...lines.map((l) => `  - ${l}`)] : []);
  const blocks = input.items.map((item) =>
    [
      `* ${item.title}`,
      `  ${t(lang, `alerts.mail.change.${item.change}`)}${item.change === 'new' || item.change === 'changed' ? ` (${t(lang, `alerts.mail.status.${item.status}`)})` : ''}`,
      ...list(t(lang, 'alerts.mail.benefit'), item.benefits),
      ...list(t(lang, 'alerts.mail.met'), item.met),
      ...list(t(lang, 'alerts.mail.missing'), item.missing),
      `  ${t(lang, 'alerts.mail.read')}: ${absolute(input.baseUrl, urls.policy(lang, item.policyId))}`,
    ].join('\n'),
  );
  const text = [t(lang, 'alerts.mail.alert.intro'), '', blocks.join('\n\n'), '', '--', t(lang, 'alerts.mail.footer'), t(lang, 'alerts.mail.unsubscribe'), unsubscribe].join('\n');
  return { to: input.to, subject: t(lang, 'alerts.mail.alert.subject', { count: input.items.length }), text, headers: unsubscribeHeaders(unsubscribe) };
}
