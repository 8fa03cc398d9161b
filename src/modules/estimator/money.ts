/**
 * Exact money arithmetic: prices (up to 4 decimals), rates and quantities are turned into scaled integers, multiplied
 * exactly, and rounded half-up to the fen only once, at the end. Never floats for amounts shown to people.
 */
const SCALE_DIGITS = 6;

/** Decimal string or number → integer scaled by 10^6 (throws on more precision than that, or non-finite input). */
export function scaled(value: number | string): bigint {
  const text = typeof value === 'number' ? numberToPlain(value) : value.trim();
  const match = text.match(/^(-?)(\d+)(?:\.(\d+))?$/);
  if (!match) throw new RangeError(`Not a decimal number: ${text}`);
  const fraction = (match[3] ?? '').padEnd(SCALE_DIGITS, '0');
  if (fraction.length > SCALE_DIGITS) throw new RangeError(`Too many decimals: ${text}`);
  const magnitude = BigInt(match[2]) * 10n ** BigInt(SCALE_DIGITS) + BigInt(fraction || '0');
  return match[1] === '-' ? -magnitude : magnitude;
}

function numberToPlain(value: number): string {
  if (!Number.isFinite(value)) throw new RangeError('Not a finite number');
  // toString gives the shortest round-trip form ("0.4883"); toFixed only for exponents.
  const text = value.toString();
  return /e/i.test(text) ? value.toFixed(SCALE_DIGITS) : text;
}

/** Product of decimal factors, rounded half-up to fen, returned in yuan as a number with at most 2 decimals. */
export function multiplyToYuan(...factors: (number | string)[]): number {
  let product = 1n;
  let digits = 0;
  for (const factor of factors) {
    product *= scaled(factor);
    digits += SCALE_DIGITS;
  }
  // product is scaled by 10^digits; bring it to fen (10^2), rounding half away from zero.
  const divisor = 10n ** BigInt(digits - 2);
  const negative = product < 0n;
  const absolute = negative ? -product : product;
  let fen = absolute / divisor;
  if ((absolute % divisor) * 2n >= divisor) fen += 1n;
  return Number(negative ? -fen : fen) / 100;
}

/** Sum of yuan amounts that each have at most 2 decimals, exactly. */
export function sumYuan(amounts: number[]): number {
  const fen = amounts.reduce((total, amount) => total + BigInt(Math.round(amount * 100)), 0n);
  return Number(fen) / 100;
}

/** A percentage as a decimal factor string: 9.8 → "0.098". */
export function percent(value: number): string {
  const s = scaled(value);
  const asFactor = Number(s) / 10 ** SCALE_DIGITS / 100;
  return numberToPlain(Number(asFactor.toFixed(8)));
}

/**
 * Sum of products, each product a list of decimal factors, computed exactly and rounded half-up to the fen once at
 * the end (for tiered prices: the tiers are added before rounding, so no fen is lost or gained per tier).
 */
export function sumOfProductsToYuan(products: (number | string)[][]): number {
  const width = Math.max(1, ...products.map((p) => p.length));
  let total = 0n;
  for (const factors of products) {
    let product = 1n;
    // Pad each product to the same scale with factors of 1, so every term is scaled by 10^(6 × width).
    for (const factor of [...factors, ...Array(width - factors.length).fill(1)]) product *= scaled(factor);
    total += product;
  }
  const divisor = 10n ** BigInt(SCALE_DIGITS * width - 2);
  const negative = total < 0n;
  const absolute = negative ? -total : total;
  let fen = absolute / divisor;
  if ((absolute % divisor) * 2n >= divisor) fen += 1n;
  return Number(negative ? -fen : fen) / 100;
}

/** Product of decimal factors rounded half-up to the whole yuan, exactly (one rounding, no fen step in between). */
export function multiplyToWholeYuan(...factors: (number | string)[]): number {
  let product = 1n;
  for (const factor of factors) product *= scaled(factor);
  const divisor = 10n ** BigInt(SCALE_DIGITS * factors.length);
  const negative = product < 0n;
  const absolute = negative ? -product : product;
  let yuan = absolute / divisor;
  if ((absolute % divisor) * 2n >= divisor) yuan += 1n;
  return Number(negative ? -yuan : yuan);
}
