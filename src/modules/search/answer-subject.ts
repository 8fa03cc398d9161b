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

/**
 * What the question is about: its subject terms, and among them the key ones a fact must have — names (a capitalised
 * word inside the sentence: Tianjin, Grade B), numbers and years, single letters and units (month, hour) — because
 * each is the whole difference between two facts. The other words may be the asker's own ("workers", "pay").
 */
export interface Subject {
  terms: string[];
  key: ReadonlySet<string>;
}

const UNITS = new Set(['month', 'hour', 'year', 'day', 'week', 'minute']);

export function subjectTerms(question: string): Subject {
  const latinText = question.replace(/\p{Script=Han}+/gu, ' ');
  const latin = queryTerms(latinText)
    .map((t) => UNIT_FORMS[t] ?? stem(t))
    .filter((t) => !FORM_WORDS.has(t));
  const named = new Set(
    [...latinText.matchAll(/(?<=\S\s+)([A-Z][\p{L}\p{N}-]*)/gu)].flatMap((m) => queryTerms(m[1]).map((t) => stem(t))),
  );
  const key = new Set(latin.filter((t) => named.has(t) || /\d/.test(t) || t.length === 1 || UNITS.has(t)));
  const han = [...new Set(question.replace(FORM_ZH, '').match(/\p{Script=Han}/gu) ?? [])];
  // Chinese is compared by characters, every one of them key: a word cannot be told from its neighbours without a dictionary.
  for (const char of han) key.add(char);
  return { terms: [...latin, ...han], key };
}

/** The fact's subject text, as the same terms (Latin words, Chinese characters). */
export function termsOf(text: string): Set<string> {
  const terms = new Set(queryTerms(text.replace(/\p{Script=Han}+/gu, ' ')).map((t) => UNIT_FORMS[t] ?? stem(t)));
  for (const char of text.match(/\p{Script=Han}/gu) ?? []) terms.add(char);
  return terms;
}

/** Share of the question's subject terms found in the fact's subject (1 when the question names no subject). */
export function agreement(subject: Subject, factText: string | Set<string>): number {
  if (subject.terms.length === 0) return 1;
  const terms = typeof factText === 'string' ? termsOf(factText) : factText;
  return subject.terms.filter((t) => terms.has(t)).length / subject.terms.length;
}

/**
 * Enough agreement to state the fact: every key term (a missing "Tianjin", "monthly", "Grade B" or 乙级 is the whole
 * difference between two facts), and most of the others — three in four, or all when there are fewer than four
 * (measured on the independent sets: two in three let "water price for residential households" take another row).
 */
export function agrees(subject: Subject, factText: string | Set<string>): boolean {
  const terms = typeof factText === 'string' ? termsOf(factText) : factText;
  if (![...subject.key].every((t) => terms.has(t))) return false;
  const plain = subject.terms.filter((t) => !subject.key.has(t));
  const found = plain.filter((t) => terms.has(t)).length;
  return plain.length < 4 ? found === plain.length : found / plain.length >= 3 / 4;
}

/**
 * A fact that negates (非全日制, "non-residential users" — in its label or its table's caption) answers only a
 * question that negates too (found on the held-out set: "residential heating" took the non-residential table).
 */
export function negationDiffers(subject: Subject, label: Set<string>): boolean {
  return NEGATIONS.some((n) => label.has(n) && !subject.terms.includes(n));
}
const NEGATIONS = ['非', 'non'];
