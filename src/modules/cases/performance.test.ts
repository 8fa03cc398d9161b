import { describe, expect, it } from 'vitest';
import { suppressColumn } from './performance.js';

describe('small-count suppression on the public page', () => {
  it('publishes counts of 5 and more, and says "fewer than 5" for the others, zero included', () => {
    expect(suppressColumn([12, 5, 4, 0], false).map((c) => c.state)).toEqual(['shown', 'shown', 'few', 'few']);
  });

  it('withholds the smallest published count too when the total would give away the only hidden one', () => {
    expect(suppressColumn([12, 3, 7], true).map((c) => c.state)).toEqual(['shown', 'few', 'hidden']);
    // Two hidden cells: the total gives only their sum.
    expect(suppressColumn([12, 3, 0, 7], true).map((c) => c.state)).toEqual(['shown', 'few', 'few', 'shown']);
    // A hidden zero gives nothing away; without a published total nothing can be subtracted.
    expect(suppressColumn([12, 0, 7], true).map((c) => c.state)).toEqual(['shown', 'few', 'shown']);
    expect(suppressColumn([12, 3, 7], false).map((c) => c.state)).toEqual(['shown', 'few', 'shown']);
  });
});
