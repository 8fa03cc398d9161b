/**
 * The content is checked against the source documents themselves: counts and links are parsed from the seeds
 * here, independently of how the content files were written.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { DISTRICT_IDS, type ContentSet } from '../src/modules/content/index.js';
import { seedText, seedsPresent, warnIfSeedsAbsent } from './helpers/seeds.js';
import { realContent } from './helpers/test-app.js';

warnIfSeedsAbsent('content-sources');
const guideLines = seedText('000_b5e748836c3b3473.txt').split('\n');

function linesBetween(start: RegExp, end: RegExp): string[] {
  const from = guideLines.findIndex((l) => start.test(l));
  const to = guideLines.findIndex((l, i) => i > from && end.test(l));
  return guideLines.slice(from, to);
}

/** District name → id, for headers such as "<div><div>Haidian District</div>" or "**Haidian District**". */
function districtIdOf(line: string): string | null {
  const match = line.match(/(Dongcheng|Xicheng|Chaoyang|Haidian|Fengtai|Shijingshan|Mentougou|Fangshan|Tongzhou|Shunyi|Daxing|Changping|Pinggu|Huairou|Miyun|Yanqing) District/);
  if (match && !/^\d+\t/.test(line)) return match[1].toLowerCase();
  return null;
}

let content: ContentSet;
beforeAll(async () => {
  content = await realContent();
});

describe.skipIf(!seedsPresent)('investment projects match the guide', () => {
  it('has exactly the printed number of projects in every district', () => {
    const expected: Record<string, number> = {};
    let current: string | null = null;
    for (const line of linesBetween(/^# INVESTMENT PROJECTS/, /^# 03/)) {
      current = districtIdOf(line) ?? current;
      if (current && /^\d+\t\S/.test(line)) expected[current] = (expected[current] ?? 0) + 1;
    }
    const actual: Record<string, number> = {};
    for (const p of content.projects) actual[p.district] = (actual[p.district] ?? 0) + 1;
    expect(Object.values(expected).reduce((a, b) => a + b, 0)).toBeGreaterThan(200);
    expect(actual).toEqual(expected);
  });

  it('numbers each district’s projects 1..n without gaps, as printed', () => {
    for (const district of new Set(content.projects.map((p) => p.district))) {
      const numbers = content.projects.filter((p) => p.district === district).map((p) => p.number).sort((a, b) => a - b);
      expect(numbers).toEqual(numbers.map((_, i) => i + 1));
    }
  });
});

describe.skipIf(!seedsPresent)('policies match the guide', () => {
  it('carries every official and interpretation link of the Policy Support part', () => {
    const section = linesBetween(/^## Policy Support/, /^# CREATE A WORLD-CLASS BUSINESS ENVIRONMENT/).join('\n');
    const links = new Set([...section.matchAll(/\]\((https?:\/\/[^)\s]+)\)/g)].map((m) => m[1].replace(/\\_/g, '_')));
    const known = new Set(content.policies.flatMap((p) => [p.url, ...p.interpretations.map((i) => i.url), ...p.sources.map((s) => s.url)]).filter(Boolean));
    const missing = [...links].filter((l) => !known.has(l));
    expect(links.size).toBeGreaterThan(150);
    expect(missing).toEqual([]);
  });

  it('has the 25 measures of the 2021 Several Measures, each with responsible departments', () => {
    const measures = content.policies.find((p) => p.id === 'several-measures-stabilize-foreign-investment-2021');
    expect(measures?.parts.map((p) => p.number)).toEqual(Array.from({ length: 25 }, (_, i) => i + 1));
    expect(measures?.parts.every((p) => p.departments.length > 0)).toBe(true);
  });

  it('has the 23 tasks of the Demonstration Zone 2.0 plan in six groups', () => {
    const plan = content.policies.find((p) => p.id === 'demonstration-zone-2-0-work-plan-2023');
    expect(plan?.parts).toHaveLength(23);
    expect(new Set(plan?.parts.map((p) => p.group?.en)).size).toBe(6);
  });

  it('never shows the advertising scraped into the 2021 measures', () => {
    const everything = JSON.stringify(content);
    const adverts = ['中房網', '中房网', '更多政策,請查閱', '更多政策，请查阅', '更多政策,请查阅'].filter((advert) => everything.includes(advert));
    expect(adverts).toEqual([]);
  });
});

describe('districts and contacts', () => {
  it('has the 16 districts and the BDA, each with a Chinese name', () => {
    expect(content.districts.map((d) => d.id).sort()).toEqual([...DISTRICT_IDS].sort());
    expect(content.districts.every((d) => /区|开发区/.test(d.zh.name))).toBe(true);
  });

  it('lists a commerce bureau, investment promotion agency and HR and social security bureau for every district', () => {
    for (const district of DISTRICT_IDS) {
      const types = new Set(content.contacts.filter((c) => c.district === district).map((c) => c.org_type));
      expect([district, ...['commerce_bureau', 'investment_promotion', 'hr_social_security'].filter((t) => !types.has(t as never))]).toEqual([district]);
    }
  });

  it.skipIf(!seedsPresent)('keeps the HR and social security bureaus’ postcodes as printed', () => {
    const table = linesBetween(/^## Contact of District Human Resources/, /^# INVESTMENT COST/).filter((l) => /^\d+\t/.test(l));
    const printed = table.map((l) => l.split('\t').at(-1)!.trim());
    const stored = new Set(content.contacts.filter((c) => c.org_type === 'hr_social_security').map((c) => c.postcode));
    expect(printed).toHaveLength(17);
    expect(printed.filter((p) => !stored.has(p))).toEqual([]);
  });
});

describe('statistics keep the guide’s contradictions visible', () => {
  it('keeps both figures for new foreign-funded enterprises in 2024, linked to each other', () => {
    const figures = content.statistics.filter((s) => s.value === 2012 || s.value === 2775);
    expect(figures.map((s) => s.value).sort()).toEqual([2012, 2775]);
    for (const s of figures) expect(s.conflicts_with.length).toBeGreaterThan(0);
  });
});
