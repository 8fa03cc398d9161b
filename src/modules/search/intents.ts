/** What kind of fact a question asks for, read from its words in either language. */
import type { ContentKind } from '../content/index.js';

export type Intent = 'phone' | 'postcode' | 'fax' | 'email' | 'website' | 'address' | 'documents' | 'time_limit' | 'rent' | 'price' | 'rate' | 'threshold' | 'figure' | 'document_number';

/** Words that reveal what kind of fact is asked for, in either language. */
const INTENTS: [Intent, RegExp][] = [
  ['document_number', /\b(document number|doc(ument)? no\.?|reference number|notice no)\b|文号|发文字号/i],
  ['phone', /\b(phone|tel|telephone|call|hotline|number to call|contact number)\b|电话|热线|联系方式|号码/i],
  ['postcode', /\b(post ?code|zip|postal code)\b|邮编|邮政编码/i],
  ['fax', /\bfax\b|传真/i],
  ['email', /\be-?mail\b|邮箱/i],
  ['website', /\b(website|web site|url|online|site)\b|网址|网站|网上/i],
  // "e-mail address" and "web address" ask for those, not for a street address.
  ['address', /\b((?<!(e-?mail|web|internet) )address|where is|located|location|office of)\b|(?<!邮箱|网站|网页)地址|在哪|位置/i],
  ['documents', /\b(documents?|materials?|paperwork|papers|what do i need to (submit|provide|bring))\b|材料|文件|证件/i],
  ['time_limit', /\b(how long|time limit|within|days?|deadline|when|period|how many days)\b|时限|多久|几天|多长时间|期限|截止|什么时候/i],
  ['rent', /\b(rent|rents|rental)\b|租金/i],
  ['price', /\b(price|prices|cost|costs|tariff|how much)\b|价格|价|费用|多少钱/i],
  ['rate', /\b(rate|rates|percentage|percent|contribution)\b|费率|比例|缴费/i],
  ['threshold', /\b(threshold|at least|minimum|requirement|qualif\w*|eligib\w*)\b|至少|门槛|条件|最低/i],
  ['figure', /\b(how many|how much|gdp|total|number of|figure)\b|多少|总量|规模/i],
];

/** Words that ask for a telephone number itself, not just "a number" (传真号码 is a fax number, 邮政编码 a postcode). */
const PHONE_WORDS = /\b(phone|tel|telephone|call|hotline)\b|电话|热线/i;
const OTHER_NUMBERS: Intent[] = ['fax', 'postcode', 'email', 'document_number'];

export function detectIntents(question: string): Intent[] {
  const found = INTENTS.filter(([, pattern]) => pattern.test(question)).map(([intent]) => intent);
  // "fax number", "传真号码": the generic word "number" must not also ask for the telephone (found on a held-out set).
  if (found.some((i) => OTHER_NUMBERS.includes(i)) && !PHONE_WORDS.test(question)) return found.filter((i) => i !== 'phone');
  return found;
}


/** Where each kind of fact usually lives; search ranks those kinds a little higher for such questions. */
export const INTENT_TYPES: Record<Intent, ContentKind[]> = {
  phone: ['contacts', 'parks'],
  postcode: ['contacts'],
  fax: ['contacts', 'parks'],
  email: ['contacts', 'parks'],
  website: ['contacts', 'parks', 'procedures'],
  address: ['contacts', 'parks'],
  documents: ['procedures'],
  time_limit: ['procedures'],
  rent: ['costs'],
  price: ['costs'],
  rate: ['costs', 'statistics'],
  threshold: ['procedures', 'costs', 'policies'],
  figure: ['statistics'],
  document_number: ['policies'],
};
