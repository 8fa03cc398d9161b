/**
 * The policy-match API as a client meets it over HTTP: plain words are read (and what they were read as is said),
 * nothing that fits nothing is refused, and every answer — for every rule and any profile — is valid JSON of the
 * documented shape.
 */
import { validate as validateOpenApi } from '@readme/openapi-parser';
import { Ajv2020 } from 'ajv/dist/2020.js';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENTITY_TYPES, INVESTOR_ORIGINS, INVESTOR_TYPES, STATUSES } from '../src/modules/content/kinds/rules.schemas.js';
import { startHttpTestApp } from './helpers/test-app.js';

let t: Awaited<ReturnType<typeof startHttpTestApp>>;
let document: { paths: Record<string, Record<string, { responses: Record<string, { content: Record<string, { schema: unknown }> }> }>> };
beforeAll(async () => {
  t = await startHttpTestApp();
  document = await (await fetch(`${t.base}/api/openapi.json`)).json();
});
afterAll(() => t.close());

const post = async (body: unknown, lang = 'en', detail?: 'full' | 'compact') => {
  const response = await fetch(`${t.base}/api/v1/policy-match?lang=${lang}&limit=200${detail ? `&detail=${detail}` : ''}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return { status: response.status, text: await response.text() };
};
const match = async (body: unknown, lang = 'en') => {
  const { status, text } = await post(body, lang);
  expect(status, text.slice(0, 300)).toBe(200);
  return JSON.parse(text);
};
type Result = { rule: string; status: string; reasons: { failed: { given: unknown; needed: unknown; given_label: string | null }[] } };
const statusOf = (body: { results: Result[] }, rule: string) => body.results.find((r) => r.rule === rule)?.status;

describe('plain words in a profile', () => {
  it.each([
    ['industry', 'robotics', 'intelligent-equipment'],
    ['industry', 'medical devices', 'pharmaceutical-health'],
    ['industry', 'healthcare services', 'pharmaceutical-health'],
    ['industry', '集成电路设计', 'electronic-information'],
    ['district', 'Beijing Economic-Technological Development Area', 'bda'],
    ['district', 'Yizhuang', 'bda'],
    ['district', '朝阳区', 'chaoyang'],
    ['park', 'Zhongguancun Haidian Park', 'zgc-demonstration-zone'],
    ['park', 'Tongzhou Park', 'zgc-demonstration-zone'],
    ['park', '中关村', 'zgc-demonstration-zone'],
  ])('reads %s "%s" as %s and says how', async (field, given, id) => {
    const body = await match({ [field]: given });
    expect(body.understood[field]).toMatchObject({ given, value: id });
    expect(body.understood[field].how).not.toBe('unknown');
    expect(body.understood[field].label.en).toBeTruthy();
  });

  it.each(['Atlantis', 'the moon', 'qqqzzz'])('leaves "%s" as not yet known instead of refusing it', async (given) => {
    const body = await match({ district: given, park: given });
    expect(body.understood.district).toMatchObject({ given, value: null, how: 'unknown' });
    expect(body.understood.district.note.en).toContain('not yet known');
    // A rule that needs the district now lists it as missing.
    const missing = body.results.flatMap((r: { reasons: { missing: { fact: string }[] } }) => r.reasons.missing.map((m) => m.fact));
    expect(missing).toContain('district');
  });

  it('decides the Zhongguancun rules from a sub-park, and the district with it', async () => {
    const body = await match({ park: 'Haidian Park', entity_type: 'wfoe', investor_type: 'company' });
    expect(body.understood.district).toMatchObject({ value: 'haidian', how: 'derived' });
    expect(statusOf(body, 'sm2021-zgc-haidian-park-foreign-debt')).toBe('applies');
    const tongzhou = await match({ park: 'Tongzhou Park' });
    expect(tongzhou.understood.district.value).toBe('tongzhou');
    expect(statusOf(tongzhou, 'sm2021-zgc-haidian-park-foreign-debt')).toBe('does_not_apply');
  });

  it('gives each condition its quote and every result its sources on detail=full, and leaves them out by default', async () => {
    const full = JSON.parse((await post({ entity_type: 'rd_center' }, 'en', 'full')).text);
    const applies = full.results.find((r: { status: string }) => r.status === 'applies');
    expect(applies.sources.length).toBeGreaterThan(0);
    expect(applies.reasons.passed[0]).toHaveProperty('quote');
    const compact = await match({ entity_type: 'rd_center' });
    expect(compact.results[0]).not.toHaveProperty('sources');
    expect(compact.results.map((r: { rule: string; status: string }) => [r.rule, r.status])).toEqual(full.results.map((r: { rule: string; status: string }) => [r.rule, r.status]));
  });

  it('explains a failed condition with labels of values, not codes', async () => {
    const body = await match({ entity_type: 'wfoe', in_ftz: false }, 'zh');
    const failed = body.results.flatMap((r: Result) => r.reasons.failed);
    const entity = failed.find((f: { given: unknown }) => f.given === 'wfoe');
    expect(entity.given_label).toBe('外商独资企业');
    expect(failed.every((f: { given_label: string | null }) => f.given_label === null || !/^[a-z]+_[a-z_]+$/.test(f.given_label))).toBe(true);
  });
});

describe('the answer a page at a time', () => {
  it('gives the first 20 results by default, applies first, with counts over all and the questions still open', async () => {
    const profile = { entity_type: 'rd_center', district: 'haidian', industry: 'pharmaceutical-health' };
    const all = await match(profile);
    const response = await fetch(`${t.base}/api/v1/policy-match`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(profile) });
    const first = await response.json();
    expect(first).toMatchObject({ limit: 20, offset: 0, total: all.results.length, counts: all.counts });
    expect(first.results).toEqual(all.results.slice(0, 20));
    expect(first.next_questions).toEqual(all.next_questions);
    expect(all.counts.applies + all.counts.may_apply + all.counts.does_not_apply).toBe(all.results.length);
    const rest = await (await fetch(`${t.base}/api/v1/policy-match?status=does_not_apply&offset=2&limit=3`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(profile) })).json();
    expect(rest.total).toBe(all.counts.does_not_apply);
    expect(rest.results).toEqual(all.results.filter((r: { status: string }) => r.status === 'does_not_apply').slice(2, 5));
  });

  it('names a bad status, limit or offset in a problem document', async () => {
    const response = await fetch(`${t.base}/api/v1/policy-match?status=maybe&limit=0&offset=-1`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(response.status).toBe(400);
    const problem = await response.json();
    expect(problem['invalid-params'].map((p: { name: string }) => p.name).sort()).toEqual(['limit', 'offset', 'status']);
  });
});

describe('every answer is valid JSON of the documented shape', () => {
  it('the OpenAPI document passes a standard OpenAPI validator', async () => {
    const result = await validateOpenApi(structuredClone(document) as never);
    expect(result.valid, JSON.stringify(result).slice(0, 2000)).toBe(true);
  });

  it('for every rule and many generated profiles (including a negated condition and in_ftz: false)', async () => {
    const ajv = new Ajv2020({ strict: false, allErrors: true });
    const check = ajv.compile(document.paths['/api/v1/policy-match'].post.responses['200'].content['application/json'].schema as object);
    const rules = (await (await fetch(`${t.base}/api/v1/rules?limit=200`)).json()).items as { id: string }[];
    const seen = new Set<string>();
    const profile = fc.record(
      {
        industry: fc.constantFrom('pharmaceutical-health', 'robotics', 'retail', 'consumer goods', '人工智能', 'xyz'),
        district: fc.constantFrom('haidian', 'bda', 'Chaoyang District', 'Atlantis', '通州区'),
        park: fc.constantFrom('Zhongguancun Haidian Park', 'tianzhu-bonded-zone', 'nowhere'),
        entity_type: fc.constantFrom(...ENTITY_TYPES),
        in_ftz: fc.boolean(),
        investment_usd: fc.integer({ min: 0, max: 1e9 }),
        paid_in_capital_usd: fc.integer({ min: 0, max: 1e9 }),
        staff: fc.integer({ min: 0, max: 100_000 }),
        foreign_share_pct: fc.integer({ min: 0, max: 100 }),
        statuses: fc.subarray([...STATUSES]),
        investor_origin: fc.constantFrom(...INVESTOR_ORIGINS),
        investor_type: fc.constantFrom(...INVESTOR_TYPES),
        hires_foreign_staff: fc.boolean(),
        imports_goods: fc.boolean(),
      },
      { requiredKeys: [] },
    );
    await fc.assert(
      fc.asyncProperty(profile, fc.constantFrom('en', 'zh'), fc.constantFrom('full' as const, 'compact' as const), async (p, lang, detail) => {
        const { status, text } = await post(p, lang, detail);
        expect(status).toBe(200);
        const body = JSON.parse(text);
        expect(check(body), JSON.stringify(check.errors).slice(0, 1000)).toBe(true);
        for (const r of body.results as Result[]) seen.add(`${r.rule}:${r.status}`);
      }),
      { numRuns: 300, seed: 20261201 },
    );
    // Every rule was answered, and the property met rules in more than one state.
    for (const rule of rules) expect([...seen].some((s) => s.startsWith(`${rule.id}:`)), rule.id).toBe(true);
    expect(new Set([...seen].map((s) => s.split(':')[1])).size).toBe(3);
  });
});

describe('the other tools read plain words too, and document what they answer', () => {
  it('ranks locations for a free-text industry and says how it was read', async () => {
    const response = await fetch(`${t.base}/api/v1/site-recommendations`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ industry: 'robotics' }) });
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body.understood.industry).toMatchObject({ given: 'robotics', value: 'intelligent-equipment' });
    const unknown = await (await fetch(`${t.base}/api/v1/site-recommendations`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ industry: 'qqqzzz' }) })).json();
    expect(unknown.understood.industry).toMatchObject({ value: null, how: 'unknown' });
    expect(unknown.districts.length).toBeGreaterThan(0);
  });

  it('documents every field the cost estimate answers with', async () => {
    const documented = document.paths['/api/v1/cost-estimate'].post.responses['200'].content['application/json'].schema as { properties: Record<string, unknown> };
    const body = await (await fetch(`${t.base}/api/v1/cost-estimate`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ district: 'bda', office: { area_m2: 500 } }) })).json();
    expect(Object.keys(body).sort()).toEqual(Object.keys(documented.properties).sort());
  });
});
