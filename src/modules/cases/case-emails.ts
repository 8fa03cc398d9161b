/**
 * The e-mails the enterprise receives, in the language it filed in: acknowledgement, request for materials,
 * acceptance, extension, reply and closure. Each carries the reference and the tracking link, never the case's
 * confidential content beyond its subject.
 */
import type { EmailMessage } from '../../platform/mail/index.js';
import type { ServiceLimit } from '../content/index.js';
import { formatInstant } from './case-time.js';

type Lang = 'en' | 'zh';
const SIGNATURE = { en: 'Invest Beijing One-Stop — enterprise service line', zh: '投资北京一站式服务平台——企业服务热线' } as const;

function message(to: string, lang: Lang, subject: string, lines: string[], url: string): EmailMessage {
  const follow = lang === 'en' ? `Follow your case: ${url}` : `查看办理进度：${url}`;
  return { to, subject, text: [...lines, '', follow, '', SIGNATURE[lang]].join('\n') };
}

export function acknowledgementEmail(input: { to: string; lang: Lang; reference: string; subject: string; dueAt: Date; limit: ServiceLimit; url: string }): EmailMessage {
  const { lang } = input;
  const due = formatInstant(input.dueAt, lang);
  return lang === 'en'
    ? message(input.to, lang, `We have received your request ${input.reference}`, [
        `Your request "${input.subject}" has been received under reference ${input.reference}.`,
        `Time limit: ${input.limit.rule.en} You will hear from us by ${due}.`,
        'Keep the tracking link below: it is the key to your case.',
      ], input.url)
    : message(input.to, lang, `我们已收到您的诉求 ${input.reference}`, [
        `您的诉求“${input.subject}”已收到，编号 ${input.reference}。`,
        `办理时限：${input.limit.rule.zh}我们将在 ${due} 前答复。`,
        '请妥善保存下方的查询链接：凭此链接查看您的诉求。',
      ], input.url);
}

export type CaseNotice = 'accepted' | 'materials_requested' | 'rejected' | 'extended' | 'replied' | 'closed' | 'reopened';

/** The e-mail for a step the enterprise must hear about; `detail` is the public text of the step (reason, reply …). */
export function noticeEmail(input: { to: string; lang: Lang; reference: string; notice: CaseNotice; detail?: string | null; dueAt?: Date | null; url: string }): EmailMessage {
  const { lang, reference } = input;
  const due = input.dueAt ? formatInstant(input.dueAt, lang) : null;
  const en: Record<CaseNotice, [string, string[]]> = {
    accepted: [`Your request ${reference} has been accepted`, [`Your request ${reference} has been accepted.`, ...(due ? [`You will receive an answer by ${due}.`] : [])]],
    materials_requested: [`Materials needed for ${reference}`, [`To handle request ${reference} we need the following from you:`, input.detail ?? '', ...(due ? [`Please supply them by ${due} on the tracking page. The time limit of your case is paused until then.`] : [])]],
    rejected: [`Your request ${reference} cannot be accepted`, [`Your request ${reference} cannot be accepted, for this reason:`, input.detail ?? '']],
    extended: [`More time is needed for ${reference}`, [`Your request ${reference} cannot be completed within the time limit. Next steps:`, input.detail ?? '', ...(due ? [`New completion date: ${due}.`] : [])]],
    replied: [`Reply to your request ${reference}`, [`We have replied to your request ${reference}:`, input.detail ?? '', 'Please tell us on the tracking page whether this resolved your matter.']],
    closed: [`Your request ${reference} is closed`, [`Your request ${reference} has been closed.`, ...(input.detail ? [input.detail] : [])]],
    reopened: [`Your request ${reference} has been reopened`, [`Your request ${reference} has been reopened and will be handled again.`, ...(due ? [`New answer due by ${due}.`] : [])]],
  };
  const zh: Record<CaseNotice, [string, string[]]> = {
    accepted: [`您的诉求 ${reference} 已受理`, [`您的诉求 ${reference} 已受理。`, ...(due ? [`我们将在 ${due} 前答复。`] : [])]],
    materials_requested: [`诉求 ${reference} 需补充材料`, [`办理诉求 ${reference} 需要您补充以下材料：`, input.detail ?? '', ...(due ? [`请于 ${due} 前在查询页面提交。补充材料期间，办理时限暂停计算。`] : [])]],
    rejected: [`您的诉求 ${reference} 不予受理`, [`您的诉求 ${reference} 不予受理，理由如下：`, input.detail ?? '']],
    extended: [`诉求 ${reference} 需要延期办理`, [`您的诉求 ${reference} 无法在时限内办结。下一步安排：`, input.detail ?? '', ...(due ? [`新的办结时间：${due}。`] : [])]],
    replied: [`您的诉求 ${reference} 已答复`, [`我们已答复您的诉求 ${reference}：`, input.detail ?? '', '请在查询页面告诉我们问题是否已解决。']],
    closed: [`您的诉求 ${reference} 已办结`, [`您的诉求 ${reference} 已办结。`, ...(input.detail ? [input.detail] : [])]],
    reopened: [`您的诉求 ${reference} 已重新办理`, [`您的诉求 ${reference} 已重新启动办理。`, ...(due ? [`新的答复期限：${due}。`] : [])]],
  };
  const [subject, lines] = (lang === 'en' ? en : zh)[input.notice];
  return message(input.to, lang, subject, lines, input.url);
}
