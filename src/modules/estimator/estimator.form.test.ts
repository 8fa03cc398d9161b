/** The estimator page's GET form: what it accepts, and every error it reports at once, in both languages. */
import { beforeAll, describe, expect, it } from 'vitest';
import { realContent } from '../../../test/helpers/test-app.js';
import { ContentStore } from '../content/index.js';
import { parseEstimatorForm } from './estimator.form.js';

let store: ContentStore;
beforeAll(async () => {
  store = new ContentStore(1, await realContent());
});

const chaoyang = 'chaoyang|Others';

describe('the estimator form', () => {
  it('checks nothing until a location is chosen', () => {
    expect(parseEstimatorForm({ months: 'abc', staff: '3' }, store, 'en')).toMatchObject({ submitted: false, errors: [], requests: [] });
  });

  it('makes one request per location with the same quantities, reading the first of repeated values', () => {
    const form = parseEstimatorForm({ location1: chaoyang, location2: '', location3: 'bda|Yizhuang Development Zone', office_area: [' 100 ', '5'], staff: '60', salary: '15000' }, store, 'en');
    expect(form.errors).toEqual([]);
    expect(form.requests.map((r) => r.location)).toEqual([chaoyang, 'bda|Yizhuang Development Zone']);
    expect(form.requests[0].request).toMatchObject({ district: 'chaoyang', months: 12, office: { area_m2: 100, business_district: 'Others' }, staff: { count: 60, monthly_salary_cny: 15000 } });
    expect(form.input.office_area).toBe('100');
  });

  it('reports every invalid field at once, in the order of the form', () => {
    const form = parseEstimatorForm({ location1: chaoyang, months: '0', office_area: '1,000', water: 'x', apartments: '2.5', staff: '3' }, store, 'en');
    expect(form.requests).toEqual([]);
    expect(form.errors).toEqual([
      { field: 'months', message: 'Enter a whole number of months from 1 to 120.' },
      { field: 'office_area', message: 'Enter the office area as a positive number of square metres.' },
      { field: 'water', message: 'Enter water use as a positive number of cubic metres.' },
      { field: 'apartments', message: 'Enter the number of staff apartments as a whole number, with their electricity use.' },
      { field: 'apartment_kwh', message: 'Enter each apartment’s electricity use as a positive number of kWh per month, with the number of apartments.' },
      { field: 'salary', message: 'Enter the monthly salary base as a positive number of yuan, with the number of employees.' },
    ]);
  });

  it('asks for the metered heat when heating is metered, in Chinese on Chinese pages', () => {
    const form = parseEstimatorForm({ location1: chaoyang, heating_area: '100', heating_method: 'metered' }, store, 'zh');
    expect(form.errors.map((e) => e.field)).toEqual(['heating_kwh']);
    expect(form.errors[0].message).not.toMatch(/[A-Za-z]{3}/);
  });

  it('names the location that is not in the list, and a choice that is not one of its options', () => {
    const form = parseEstimatorForm({ location1: chaoyang, location2: 'atlantis', electricity_kwh: '500', electricity_category: 'free' }, store, 'en');
    expect(form.errors).toEqual([
      { field: 'location2', message: 'Choose a location from the list.' },
      { field: 'electricity_category', message: 'Choose “Electricity tariff” from the list.' },
    ]);
  });

  it('reads a business district only to price an office', () => {
    const long = `haidian|${'x'.repeat(100)}`;
    expect(parseEstimatorForm({ location1: long }, store, 'en').errors).toEqual([]);
    expect(parseEstimatorForm({ location1: long, office_area: '50' }, store, 'en').errors.map((e) => e.field)).toEqual(['location1']);
  });

  it('turns the largest accepted quantities into a valid request', () => {
    const form = parseEstimatorForm({ location1: chaoyang, months: '120', office_area: '1000000', water: '10000000', electricity_kwh: '100000000', gas: '100000000', heating_area: '1000000', heating_method: 'metered', heating_kwh: '1000000000', apartments: '100000', apartment_kwh: '1000000', staff: '100000', salary: '10000000' }, store, 'en');
    expect(form.errors).toEqual([]);
    expect(form.requests).toHaveLength(1);
  });
});
