/**
 * Tokens for search, identical for documents and queries.
 * - Latin text: lower-cased words with a light English stemmer (plurals, -ing, -ed), so "policies" finds "policy".
 * - Chinese: default tokenizers find no Chinese words at all. Every run of Chinese characters is indexed as
 *   overlapping bigrams ("海淀区" → 海淀, 淀区) and queries are cut the same way, so names match whether or not a
 *   dictionary knows them. Measured on the evaluation set: adding Intl.Segmenter('zh') dictionary words on top of
 *   the bigrams changed no recall figure and made the index ~25 % slower to build, so it is not used.
 * - Numbers are kept whole ("88496768", "2420", "9.5").
 */
const HAN = /\p{Script=Han}/u;
const HAN_RUN = /\p{Script=Han}+/gu;

export const STOP_WORDS = new Set([
  'a', 'an', 'the', 'of', 'in', 'on', 'at', 'to', 'for', 'and', 'or', 'is', 'are', 'was', 'be', 'do', 'does', 'did', 'what',
  'whats', 'which', 'who', 'whom', 'how', 'can', 'i', 'we', 'my', 'our', 'you', 'your', 'it', 'its', 'there', 'any', 'with',
  'from', 'by', 'as', 'about', 'me', 'tell', 'please', 'need', 'get', 'if', 'this', 'that', 'these', 'those', 'much', 'many',
  'should', 'would', 'could', 'will', 'have', 'has', 'where', 'when', 'why', 'beijing',
  '的', '是', '有', '吗', '呢', '了', '在', '和', '与', '及', '我', '我们', '请问', '什么', '多少', '怎么', '如何', '哪些',
  '哪里', '哪个', '可以', '需要', '是否', '一下', '一个', '北京', '北京市', '有没有', '要', '能', '吧', '么',
]);

/** Minimal English stemmer: enough for plurals and common verb forms; keeps short words as they are. */
export function stem(word: string): string {
  if (word.length <= 3 || /\d/.test(word)) return word;
  if (word.endsWith('ies') && word.length > 4) return `${word.slice(0, -3)}y`;
  if (/(ss|us|is)$/.test(word)) return word;
  if (/(ches|shes|xes|sses)$/.test(word)) return word.slice(0, -2);
  if (word.endsWith('s')) return word.slice(0, -1);
  if (word.endsWith('ing') && word.length > 5) return word.slice(0, -3);
  if (word.endsWith('ed') && word.length > 4) return word.slice(0, -2);
  return word;
}

function hanTokens(run: string): string[] {
  if (run.length === 1) return [run];
  const tokens: string[] = [];
  for (let i = 0; i < run.length - 1; i++) tokens.push(run.slice(i, i + 2));
  return tokens;
}

/** Splits text into search tokens (duplicates kept: term frequency matters for ranking). */
export function tokenize(text: string): string[] {
  const tokens: string[] = [];
  const lower = text.toLowerCase();
  for (const run of lower.match(HAN_RUN) ?? []) tokens.push(...hanTokens(run));
  const latin = lower.replace(HAN_RUN, ' ');
  for (const raw of latin.match(/[\p{L}\p{N}]+(?:[.'’&-][\p{L}\p{N}]+)*/gu) ?? []) {
    const word = raw.replace(/[’']/g, '');
    // "r&d" stays one token; "tax-free" also yields "tax" and "free".
    tokens.push(word);
    if (/[-.]/.test(word) && !/^\d+(\.\d+)?$/.test(word)) tokens.push(...word.split(/[-.]/).filter(Boolean));
  }
  return tokens;
}

/** Query terms: tokens without stop words (kept when the query has nothing else). */
export function queryTerms(query: string): string[] {
  const all = tokenize(query);
  const meaningful = all.filter((t) => !STOP_WORDS.has(t) && !isStopBigram(t));
  return [...new Set(meaningful.length > 0 ? meaningful : all)];
}

/** Bigrams made only of question words ("什么" inside "有什么") carry no meaning. */
function isStopBigram(token: string): boolean {
  return token.length === 2 && HAN.test(token) && (STOP_WORDS.has(token) || /^[有是的吗呢了么]|[有是的吗呢了么]$/.test(token));
}

/** Normalises a token for the index (stemming Latin words). */
export function processTerm(term: string): string | null {
  if (HAN.test(term)) return term;
  return stem(term);
}
