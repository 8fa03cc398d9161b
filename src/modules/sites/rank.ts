/**
 * Site selection: districts ranked for an investor's needs, each score broken into named factors with the sentence
 * of the guide behind it (industry key layout, FTZ cluster, bonded zone, rents, investment projects).
 */
import { z } from 'zod';
import { DISTRICT_IDS, type ContentStore, type District } from '../content/index.js';
import { districtRents } from '../districts/index.js';

export const siteRequestSchema = z
  .object({
    industry: z.string().max(80).optional(),
    needs: z
      .object({
        ftz: z.boolean().default(false),
        bonded_zone: z.boolean().default(false),
        max_rent_per_m2: z.number().positive().max(10_000).optional(),
        near_airport: z.boolean().default(false),
      })
      .strict()
      .default({ ftz: false, bonded_zone: false, near_airport: false }),
    districts: z.array(z.enum(DISTRICT_IDS)).max(17).optional(),
    limit: z.number().int().min(1).max(17).default(5),
  })
  .strict();
export type SiteRequest = z.infer<typeof siteRequestSchema>;

export interface Factor {
  key: 'industry_layout' | 'ftz_cluster' | 'bonded_zone' | 'rent' | 'airport' | 'projects';
  points: number;
  evidence: { en: string; zh: string };
  source: { document: string; section: string };
}

export interface SiteScore {
  district: District;
  score: number;
  factors: Factor[];
}

/** Districts with an airport or an airport economic zone named in the guide (Capital Airport / Tianzhu; Daxing Airport). */
const AIRPORT_PARKS = ['tianzhu-bonded-zone', 'daxing-airport-bonded-zone'];

export function rankSites(store: ContentStore, request: SiteRequest): SiteScore[] {
  const industry = request.industry ? store.get('industries', request.industry) : undefined;
  const candidates = store.districts.filter((d) => !request.districts || request.districts.includes(d.id));
  const scores = candidates.map((district) => {
    const profile = store.districtProfile(district.id)!;
    const factors: Factor[] = [];
    if (industry?.districts.includes(district.id)) {
      const name = district.en.name.replace(/ District$/, '');
      const line = industry.en.key_layout.find((l) => l.includes(name)) ?? industry.en.key_layout[0] ?? industry.en.name;
      const lineZh = industry.zh.key_layout.find((l) => l.includes(district.zh.name.replace(/区$/, ''))) ?? industry.zh.key_layout[0] ?? industry.zh.name;
      factors.push({ key: 'industry_layout', points: 3, evidence: { en: line, zh: lineZh }, source: industry.sources[0] });
    }
    if (request.needs.ftz && profile.clusters.length > 0) {
      const c = profile.clusters[0];
      factors.push({ key: 'ftz_cluster', points: 2, evidence: { en: `${c.en.name}: ${c.en.summary}`, zh: `${c.zh.name}：${c.zh.summary}` }, source: c.sources[0] });
    }
    const bonded = profile.parks.find((p) => p.park_type === 'bonded_zone');
    if (request.needs.bonded_zone && bonded) factors.push({ key: 'bonded_zone', points: 2, evidence: { en: bonded.en.name, zh: bonded.zh.name }, source: bonded.sources[0] });
    const airport = profile.parks.find((p) => AIRPORT_PARKS.includes(p.id));
    if (request.needs.near_airport && airport) factors.push({ key: 'airport', points: 1, evidence: { en: airport.en.name, zh: airport.zh.name }, source: airport.sources[0] });
    const rents = districtRents(store, district.id);
    if (request.needs.max_rent_per_m2 !== undefined && rents.some((r) => r.rent <= request.needs.max_rent_per_m2!)) {
      const r = rents.filter((x) => x.rent <= request.needs.max_rent_per_m2!).sort((a, b) => a.rent - b.rent)[0];
      factors.push({ key: 'rent', points: 1, evidence: { en: `${r.area.en}: ${r.rent} ${r.unit.en}`, zh: `${r.area.zh}：${r.rent} ${r.unit.zh}` }, source: r.cost.sources[0] });
    }
    if (profile.projects.length > 0) {
      factors.push({ key: 'projects', points: 0.5, evidence: { en: `${profile.projects.length} projects of the 2025 Invest in Beijing Conference`, zh: `2025年投资北京峰会项目${profile.projects.length}个` }, source: profile.projects[0].sources[0] });
    }
    return { district, score: factors.reduce((n, f) => n + f.points, 0), factors };
  });
  return scores.sort((a, b) => b.score - a.score || a.district.id.localeCompare(b.district.id)).slice(0, request.limit);
}
