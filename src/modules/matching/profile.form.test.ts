/** The questionnaire as a GET form: every fact the rules know, read as the API reads it. */
import { describe, expect, it } from 'vitest';
import { parseForm } from '../../platform/http/form.js';
import { FACT_NAMES } from '../content/index.js';
import { PROFILE_QUERY, profileForm, profileFromQuery } from './profile.form.js';

describe('the questionnaire form', () => {
  it('asks every fact the rules know, and its page declares every field to the page guard', () => {
    expect(Object.keys(profileForm.shape)).toEqual(FACT_NAMES);
    expect(PROFILE_QUERY).toEqual([...FACT_NAMES, 'whatif', 'whatif_capital', 'whatif_fact', 'whatif_value']);
  });

  it('reads a set from repeated values or from one value listing several, without empty answers', () => {
    expect(profileFromQuery({ statuses: 'srdi,high_tech', business_lines: ['ai', ' robotics ', ''], district: ['haidian', 'bda'], industry: ' ' })).toEqual({
      statuses: ['srdi', 'high_tech'],
      business_lines: ['ai', 'robotics'],
      district: 'haidian',
    });
  });

  it('parses answers as the API does, and names each invalid one in the visitor’s language', () => {
    const form = parseForm(profileForm, { entity_type: 'wfoe', in_ftz: '是', staff: 'lots', statuses: ['srdi', 'bogus'], paid_in_capital_usd: '1e6' }, 'zh');
    expect(form.errors).toEqual([
      { field: 'staff', message: '请检查“员工人数”的回答。' },
      { field: 'statuses', message: '请检查“资质”的回答。' },
    ]);
    expect(form.valid).toEqual({ entity_type: 'wfoe', in_ftz: true, paid_in_capital_usd: 1_000_000 });
  });
});
