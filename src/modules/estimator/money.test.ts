import { describe, expect, it } from 'vitest';
import { multiplyToWholeYuan, multiplyToYuan, percent, scaled, sumOfProductsToYuan, sumYuan } from './money.js';

describe('exact money arithmetic', () => {
  it('multiplies without floating-point error and rounds half up to the fen once', () => {
    expect(0.1 * 3).not.toBe(0.3);
    expect(multiplyToYuan('0.1', 3)).toBe(0.3);
    expect(multiplyToYuan(0.4883, 1234)).toBe(602.56); // 602.5622
    expect(multiplyToYuan(0.005, 1)).toBe(0.01); // half up
    expect(multiplyToYuan(272.48, 120, 12)).toBe(392371.2);
  });

  it('turns percentages into factors and sums amounts exactly', () => {
    expect(percent(9.8)).toBe('0.098');
    expect(percent(0.5)).toBe('0.005');
    expect(sumYuan([0.1, 0.2])).toBe(0.3);
  });

  it('adds products of different lengths exactly and rounds once', () => {
    // 0.005 + 0.004 = 0.009 → 0.01; rounding each product first would give 0.01 + 0.00.
    expect(sumOfProductsToYuan([['0.005'], ['0.002', 2]])).toBe(0.01);
    expect(sumOfProductsToYuan([[240, 0.4883, 4, 12], [160, 0.5383, 4, 12], [50, 0.7883, 4, 12]])).toBe(11651.28);
    expect(sumOfProductsToYuan([[15000, '0.02'], [3]])).toBe(303);
  });

  it('rounds to the whole yuan once, without a fen step in between', () => {
    expect(multiplyToWholeYuan('0.4949', 1)).toBe(0);
    expect(multiplyToWholeYuan('0.4999', 1)).toBe(0); // rounding to the fen first would give 0.50, then 1
    expect(multiplyToWholeYuan(600, 294.61)).toBe(176766);
    expect(multiplyToWholeYuan(333, 87.12, 12)).toBe(348132); // 348,131.52
  });

  it('refuses input it cannot represent exactly', () => {
    expect(() => scaled('1.2345678')).toThrow(RangeError);
    expect(() => scaled(Number.NaN)).toThrow(RangeError);
  });
});
