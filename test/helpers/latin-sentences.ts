/**
 * The scanner for English sentences in Chinese text, shared by the rendered-page check (test/public-text.test.ts)
 * and the catalogue check (src/platform/i18n/messages.test.ts).
 */

/** Text that may carry Latin letters legitimately: links, e-mail addresses, file names. */
export function withoutAddresses(text: string): string {
  return text
    .replace(/\bhttps?:\/\/\S+/gi, ' ')
    .replace(/\bwww\.\S+/gi, ' ')
    .replace(/[\w.+-]+@[\w-]+(\.[\w-]+)+/g, ' ')
    .replace(/\b[\w-]+\.(gov|com|org|net|edu)(\.cn)?\b\S*/gi, ' ');
}

/**
 * (c) A Latin-script sentence on a Chinese page: four or more consecutive Latin words, at least two of them in lower
 * case (so names, abbreviations and codes in capitals do not count). Links and e-mail addresses are removed first;
 * proper names that stay English in Chinese text are allowed below.
 */
const ALLOWED_LATIN = [
  /\bInvest Beijing\b/g,
  /\bHICOOL\b[\w ]*/g,
  /\bZGC\b/g,
];
export function latinSentences(text: string): string[] {
  let clean = withoutAddresses(text);
  for (const pattern of ALLOWED_LATIN) clean = clean.replace(pattern, ' ');
  const word = String.raw`[A-Za-z][A-Za-z'’.-]*`;
  const sentence = new RegExp(`${word}(?:[ ,;:()&/]+${word}){3,}`, 'g');
  return (clean.match(sentence) ?? []).filter((s) => {
    const words = s.split(/[ ,;:()&/]+/).filter(Boolean);
    // Abbreviations and codes in capitals (GDP, AI, R&D, IPv6) and units do not make a sentence.
    const lower = words.filter((w) => /^[a-z]/.test(w) && !/^(km|kg|kwh|kv|sq|m|cu|mw|mm|cm|e|i|ii|iii)\b/i.test(w));
    return lower.length >= 2;
  });
}
