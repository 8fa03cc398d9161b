/**
 * The unified social credit code (统一社会信用代码, GB 32100-2015): 18 characters from a 31-character alphabet (no I,
 * O, S, V, Z), the last one a check character over the first 17 with fixed weights. Checking it catches most typing
 * mistakes before a case is filed under the wrong enterprise.
 */
const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** The check character the first 17 characters call for, or null when one of them is outside the alphabet. */
export function usccCheckCharacter(first17: string): string | null {
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const value = ALPHABET.indexOf(first17[i] ?? '');
    if (value < 0) return null;
    sum += value * WEIGHTS[i];
  }
  return ALPHABET[(31 - (sum % 31)) % 31];
}

/** Upper-cases and removes spaces, as people type it (e.g. "91110000 600007336X"). */
export function normaliseUscc(input: string): string {
  return input.replace(/[\s-]/g, '').toUpperCase();
}

export function isValidUscc(code: string): boolean {
  return /^[0-9A-HJ-NPQRTUWXY]{18}$/.test(code) && usccCheckCharacter(code.slice(0, 17)) === code[17];
}
