/**
 * Does a fact answer the question asked? An answer card states a fact with confidence, so its subject must agree
 * with the question's: every word that says *what* is asked about (minimum wage, Haidian, commerce bureau, part-time,
 * monthly) must be found in the fact's subject — not merely somewhere near it. Words that only say what *kind* of
 * fact is wanted (phone, address, how much, rate) are left out: the intent already matched them. Found in review:
 * "minimum wage" answered with the part-time hourly rate, "housing provident fund rate" with a hotline's resolution
 * rate, "how long does registration take" with a video's length.
 */
import { queryTerms, stem } from './tokenize.js';

/** Words that name the kind of fact or fill a question, not its subject. */
const FORM_WORDS = new Set(
  [
    'phone', 'tel', 'telephone', 'call', 'hotline', 'number', 'contact', 'address', 'located', 'location', 'postcode', 'post', 'code', 'zip',
    'postal', 'fax', 'email', 'e-mail', 'mail', 'website', 'web', 'site', 'url', 'online', 'office', 'price', 'cost', 'tariff', 'fee', 'charge',
    'rate', 'percentage', 'percent', 'long', 'time', 'limit', 'day', 'deadline', 'period', 'document', 'material', 'paperwork', 'paper',
    'submit', 'provide', 'bring', 'figure', 'total', 'current', 'currently', 'now', 'latest', 'take', 'know', 'want', 'like', 'find', 'give',
    'say', 'said', 'guide', 'official', 'usually', 'typically', 'roughly', 'approximately', 'exactly', 'much', 'often', 'yuan', 'rmb', 'cny',
    'foreign', 'investor', 'invested', 'funded',
  ].map(stem),
);
/**
 * Chinese words of the same kind, cut out before the question is read: Chinese is compared character by character
 * (abbreviations such as 人力社保局 for 人力资源和社会保障局 keep their characters, not their bigrams).
 */
const FORM_ZH = /电话|热线|号码|联系方式|联系|地址|邮政编码|邮编|传真|邮箱|网址|网站|价格|费用|多少钱|多少|时间|多久|几天|时限|期限|材料|文件|比例|费率|现在|目前|最新|外资|外商|知道|告诉|一般|大概|请问|什么|怎么|如何|哪里|在哪|是否|北京市|北京|[是的吗呢了么啊吧有]/gu;
const HAN = /\p{Script=Han}/u;

/** "monthly" finds "month", "hourly" finds "hour": the kind of figure is part of the subject. */
const UNIT_FORMS: Record<string, string> = { monthly: 'month', hourly: 'hour', yearly: 'year', annual: 'year', annually: 'year', daily: 'day', weekly: 'week' };

export function subjectTerms(question: string): string[] {
  const latin = queryTerms(question.replace(/\p{Script=Han}+/gu, ' '))
    .map((t) => UNIT_FORMS[t] ?? stem(t))
    .filter((t) => !FORM_WORDS.has(t));
  const han = [...new Set(question.replace(FORM_ZH, '').match(/\p{Script=Han}/gu) ?? [])];
  return [...latin, ...han];
}

/** The fact's subject text, as the same terms (Latin words, Chinese characters). */
export function termsOf(text: string): Set<string> {
  const terms = new Set(queryTerms(text.replace(/\p{Script=Han}+/gu, ' ')).map((t) => UNIT_FORMS[t] ?? stem(t)));
  for (const char of text.match(/\p{Script=Han}/gu) ?? []) terms.add(char);
  return terms;
}

/** Share of the question's subject terms found in the fact's subject (1 when the question names no subject). */
export function agreement(subject: string[], factText: string | Set<string>): number {
  if (subject.length === 0) return 1;
  const terms = typeof factText === 'string' ? termsOf(factText) : factText;
  return subject.filter((t) => terms.has(t)).length / subject.length;
}

/**
 * Enough agreement to state the fact: every subject word of the question, every character of a Chinese one — a
 * missing "Tianjin", "monthly", "Grade B" or 乙级 is the whole difference between two facts. A row whose label is
 * negated (非全日制) does not answer a question that is not (全日制).
 */
export function agrees(subject: string[], factText: string | Set<string>): boolean {
  const terms = typeof factText === 'string' ? termsOf(factText) : factText;
  return subject.every((t) => terms.has(t));
}

/** A label that negates (非全日制, "non-resident") answers only a question that negates too. */
export function negationDiffers(subject: string[], label: Set<string>): boolean {
  return NEGATIONS.some((n) => label.has(n) && !subject.includes(n));
}
const NEGATIONS = ['非', 'non'];
