import { describe, expect, it } from 'vitest';
import { TRANSITIONS } from '../cases/index.js';
import { LABELLED_STEPS, w3c } from './request-view.js';

describe('what a GeoReport v2 request shows', () => {
  it('has a label for exactly the public steps that change a case’s status (and the filing itself)', () => {
    const publicChanges = TRANSITIONS.filter((t) => t.visibility === 'public' && t.to !== null).map((t) => t.action);
    expect([...LABELLED_STEPS].sort()).toEqual(['submit', ...publicChanges].sort());
  });

  it('writes W3C date-times in UTC with whole seconds', () => {
    expect(w3c(new Date('2026-12-08T16:00:00.000Z'))).toBe('2026-12-08T16:00:00Z');
    expect(w3c(new Date('2026-12-01T02:03:04.567Z'))).toBe('2026-12-01T02:03:04Z');
  });
});
