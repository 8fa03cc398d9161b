import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { checkbox, choice, decimal, field, fieldNames, integer, many, parseForm, readForm, text } from './form.js';

const label = (en: string, zh: string) => (lang: 'en' | 'zh') => (lang === 'zh' ? zh : en);

const estimate = z.object({
  place: text({ max: 10 }),
  space: choice(['office', 'industrial'], { label: label('Type of space', '空间类型') }),
  area: decimal({ positive: true, max: 1_000_000, grouping: true }, { label: label('Floor area', '面积') }),
  share: decimal({ min: 0, max: 100 }, { message: label('Enter a share from 0 to 100.', '请输入0至100之间的股比。') }),
  staff: integer({ min: 1, max: 100_000 }, { label: label('Employees', '员工人数') }),
  salary: decimal({ positive: true, max: 10_000_000 }, { label: label('Salary', '工资') }),
  ftz: checkbox(),
  lines: many({ of: ['ai', 'robotics', 'hospital'], split: ',', label: label('Business lines', '业务领域') }),
  compare: many({ label: label('Compare', '比较') }),
});

describe('parseForm', () => {
  it('reads the first value of a repeated parameter, trimmed, cut to its bound, and an empty one as not given', () => {
    const form = parseForm(estimate, { place: ['  Haidian District  ', 'Chaoyang'], space: '', share: '   ' }, 'en');
    expect(form.input).toEqual({ place: 'Haidian Di' });
    expect(form.value).toEqual({ place: 'Haidian Di', ftz: false });
    expect(form.errors).toEqual([]);
  });

  it('types the values: numbers, enumerations, checkboxes and lists', () => {
    const form = parseForm(estimate, { space: 'office', area: '1,000', share: '49.5', staff: '60', salary: '15000', ftz: 'yes', lines: 'ai, robotics', compare: ['haidian', '', ' bda '] }, 'en');
    expect(form.value).toEqual({ space: 'office', area: 1000, share: 49.5, staff: 60, salary: 15000, ftz: true, lines: ['ai', 'robotics'], compare: ['haidian', 'bda'] });
  });

  it('parses numbers as Number() does, with thousands separators only where the field accepts them', () => {
    const accepted = parseForm(estimate, { area: '1，000 000', share: '.5', staff: '1e2', salary: ' 2500.75 ' }, 'en');
    expect(accepted.value).toMatchObject({ area: 1_000_000, share: 0.5, staff: 100, salary: 2500.75 });
    const refused = parseForm(estimate, { share: '1,5', salary: '１０００' }, 'en');
    expect(refused.errors.map((e) => e.field)).toEqual(['share', 'salary']);
  });

  it('checks the bounds of numbers: more than 0, from min to max, whole numbers', () => {
    const form = parseForm(estimate, { area: '0', share: '100.01', staff: '2.5', salary: 'Infinity' }, 'en');
    expect(form.value).toBeNull();
    expect(form.errors).toEqual([
      { field: 'area', message: 'Enter “Floor area” as a number greater than 0 and at most 1,000,000.' },
      { field: 'share', message: 'Enter a share from 0 to 100.' },
      { field: 'staff', message: 'Enter “Employees” as a whole number from 1 to 100,000.' },
      { field: 'salary', message: 'Enter “Salary” as a number greater than 0 and at most 10,000,000.' },
    ]);
    expect(parseForm(estimate, { area: '1000000', share: '0', staff: '100000' }, 'en').errors).toEqual([]);
  });

  it('refuses a value outside an enumeration or a list, and keeps the valid fields', () => {
    const form = parseForm(estimate, { space: 'garage', lines: ['ai', 'mining'], area: '50', ftz: 'yes' }, 'en');
    expect(form.errors).toEqual([
      { field: 'space', message: 'Choose “Type of space” from the list.' },
      { field: 'lines', message: 'Choose “Business lines” from the list.' },
    ]);
    expect(form.valid).toEqual({ area: 50, ftz: true });
    expect(form.input).toMatchObject({ space: 'garage', lines: ['ai', 'mining'], area: '50' });
  });

  it('splits a single list value at the separator, but never the values of a repeated parameter', () => {
    expect(readForm(estimate, { lines: 'ai,robotics' }).lines).toEqual(['ai', 'robotics']);
    expect(readForm(estimate, { lines: ['ai,robotics', 'hospital'] }).lines).toEqual(['ai,robotics', 'hospital']);
    expect(readForm(estimate, { compare: 'haidian,bda' }).compare).toEqual(['haidian,bda']);
  });

  it('says what is wrong in Chinese on Chinese pages', () => {
    const form = parseForm(estimate, { space: 'garage', area: '-1', share: 'x', staff: '0' }, 'zh');
    expect(form.errors.map((e) => e.message)).toEqual([
      '请从列表中选择“空间类型”。',
      '“面积”请填写大于 0 且不超过 1,000,000 的数字。',
      '请输入0至100之间的股比。',
      '“员工人数”请填写 1 至 100,000 之间的整数。',
    ]);
  });

  it('reports rules between fields with the field errors, in the order of the fields', () => {
    const form = parseForm(estimate, { staff: 'many', salary: '', space: 'garage' }, 'en', ({ input }) =>
      input.staff !== undefined && input.salary === undefined ? [{ field: 'salary', message: () => 'Enter a salary with the number of employees.' }] : [],
    );
    expect(form.errors.map((e) => e.field)).toEqual(['space', 'staff', 'salary']);
    const onlyRule = parseForm(estimate, { staff: '3' }, 'en', () => [{ field: 'salary', message: () => 'Enter a salary.' }]);
    expect(onlyRule.value).toBeNull();
    expect(onlyRule.valid).toEqual({ staff: 3, ftz: false });
  });

  it('ignores what is not a string (a nested body value) and parameters the form does not have', () => {
    expect(readForm(estimate, { place: { a: 1 }, other: 'x', staff: [3] })).toEqual({});
  });

  it('takes any zod schema as a field, with its own message', () => {
    const date = z.object({ start: field(z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional(), { label: label('Start date', '开始日期') }) });
    expect(parseForm(date, { start: '2026-01-05' }, 'en').value).toEqual({ start: '2026-01-05' });
    expect(parseForm(date, { start: 'soon' }, 'zh').errors).toEqual([{ field: 'start', message: '请检查“开始日期”的回答。' }]);
  });

  it('names the fields a page declares to its guard', () => {
    expect(fieldNames(estimate)).toEqual(['place', 'space', 'area', 'share', 'staff', 'salary', 'ftz', 'lines', 'compare']);
  });
});
