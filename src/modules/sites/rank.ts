/**
 * Site selection: districts, parks and zones, Pilot FTZ clusters and 2025 investment projects ranked for an
 * investor's needs. Every point of a score is a named factor with the sentence or name from the guide behind it.
 */
import { z } from 'zod';
import { DISTRICT_IDS, type ContentStore, type District, type Industry, type Park, type Project, type SiteTerm, type Zone } from '../content/index.js';
import { districtRents, type DistrictRent } from '../districts/index.js';
import { findTerm, spaceOf, termIn, type TermHit } from './terms.js';

export const siteRequestSchema = z
  .object({
    industry: z.string().max(80).optional(),
    needs: z
      .object({
        /** Office floor space or industrial land / plant. */
        space: z.enum(['office', 'industrial']).optional(),
        /** Floor area wanted (m²): turns the Grade A rent into a monthly figure. */
        area_m2: z.number().positive().max(1_000_000).optional(),
        ftz: z.boolean().default(false),
        bonded_zone: z.boolean().default(false),
        max_rent_per_m2: z.number().positive().max(10_000).optional(),
        near_airport: z.boolean().default(false),
        /** Counts the industry's presence double: the investor wants to sit in an existing cluster of its industry. */
        same_industry_cluster: z.boolean().default(false),
      })
      .strict()
      .default({ ftz: false, bonded_zone: false, near_airport: false, same_industry_cluster: false }),
    districts: z.array(z.enum(DISTRICT_IDS)).max(17).optional(),
    /** How many locations of each kind. */
    limit: z.number().int().min(1).max(20).default(5),
  })
  .strict();
export type SiteRequest = z.infer<typeof siteRequestSchema>;
export type SiteNeeds = SiteRequest['needs'];

export const LOCATION_KINDS = ['district', 'park', 'ftz_cluster', 'project'] as const;
export type LocationKind = (typeof LOCATION_KINDS)[number];

export type FactorKey =
  | 'industry_layout' | 'industry_district' | 'industry_park' | 'cluster_focus' | 'project_industry' | 'industry_projects'
  | 'ftz_cluster' | 'in_ftz' | 'ftz_district' | 'bonded_zone' | 'airport' | 'airport_district'
  | 'rent' | 'rent_over_budget' | 'office_space' | 'industrial_space' | 'projects';

type Bi = { en: string; zh: string };
type Source = { document: string; section: string; url?: string };

export interface Factor {
  key: FactorKey;
  points: number;
  evidence: Bi;
  source: Source;
}

export interface RentEstimate {
  rent: DistrictRent;
  area_m2: number;
  /** area × effective rent, per month, in yuan (rounded to the yuan). */
  monthly_cny: number;
}

export interface LocationScore {
  kind: LocationKind;
  id: string;
  name: Bi;
  districts: string[];
  score: number;
  factors: Factor[];
  rent_estimate?: RentEstimate;
}

export interface SiteRanking {
  districts: LocationScore[];
  parks: LocationScore[];
  clusters: LocationScore[];
  projects: LocationScore[];
}

/** Investment areas at an airport, as the guide names them (Capital Airport's Tianzhu zone; Daxing Airport's zone). */
const AIRPORT_PARKS = ['tianzhu-bonded-zone', 'daxing-airport-bonded-zone'];
const INDUSTRY_FACTORS: FactorKey[] = ['industry_layout', 'industry_park', 'cluster_focus', 'project_industry', 'industry_projects'];

/** Evidence that a name or description contains a term, quoting the word found in each language's text. */
const names = (hit: TermHit, what: 'name' | 'description'): { en: string; zh: string } =>
  what === 'name' ? { en: `The name contains “${termIn(hit, 'en')}”`, zh: `名称含“${termIn(hit, 'zh')}”` } : { en: `The description names “${termIn(hit, 'en')}”`, zh: `简介提到“${termIn(hit, 'zh')}”` };
/** The first sentence of a summary: enough to show what a cluster is without repeating its whole description. */
const firstSentence = (text: string) => /^.+?(?:\.(?=\s|$)|。)/u.exec(text)?.[0] ?? text;

class Scorer {
  private readonly terms: readonly SiteTerm[];
  private readonly industryTerms: SiteTerm | undefined;
  private readonly rentsByDistrict = new Map<string, DistrictRent[]>();

  constructor(private readonly store: ContentStore, private readonly industry: Industry | undefined, private readonly needs: SiteNeeds) {
    this.terms = store.all('site-terms');
    this.industryTerms = industry ? this.terms.find((t) => t.applies_to === 'industry' && t.industry === industry.id) : undefined;
  }

  private rents(districtId: string): DistrictRent[] {
    let rents = this.rentsByDistrict.get(districtId);
    if (!rents) {
      rents = districtRents(this.store, districtId).sort((a, b) => a.rent - b.rent);
      this.rentsByDistrict.set(districtId, rents);
    }
    return rents;
  }

  private finish(kind: LocationKind, id: string, name: Bi, districts: string[], factors: Factor[]): LocationScore {
    const weight = this.needs.same_industry_cluster ? 2 : 1;
    const weighted = factors.map((f) => (INDUSTRY_FACTORS.includes(f.key) ? { ...f, points: f.points * weight } : f));
    const score = weighted.reduce((n, f) => n + f.points, 0);
    const cheapest = districts.flatMap((d) => this.rents(d)).sort((a, b) => a.rent - b.rent)[0];
    const area = this.needs.area_m2;
    const rent_estimate = area && cheapest ? { rent: cheapest, area_m2: area, monthly_cny: Math.round(area * cheapest.rent) } : undefined;
    return { kind, id, name, districts, score, factors: weighted, rent_estimate };
  }

  /** Rent within (or over) the budget, judged on the cheapest Grade A business area of the location's district(s). */
  private rentFactors(districts: string[], own: boolean): Factor[] {
    const budget = this.needs.max_rent_per_m2;
    if (budget === undefined) return [];
    const rents = districts.flatMap((d) => this.rents(d)).sort((a, b) => a.rent - b.rent);
    if (rents.length === 0) return [];
    const r = rents[0];
    const where = own ? { en: '', zh: '' } : { en: ' (business area of the district)', zh: '（所在区的商务区）' };
    const evidence = { en: `${r.area.en}${where.en}: ${r.rent} ${r.unit.en}`, zh: `${r.area.zh}${where.zh}：${r.rent} ${r.unit.zh}` };
    return [r.rent <= budget ? { key: 'rent', points: 1, evidence, source: r.cost.sources[0] } : { key: 'rent_over_budget', points: -1, evidence, source: r.cost.sources[0] }];
  }

  /** The district's place in the industry's key layout, with the layout sentence naming it. */
  private layoutEvidence(district: District): Bi {
    const industry = this.industry!;
    const en = industry.en.key_layout.find((l) => l.includes(district.en.name.replace(/ District$/, ''))) ?? industry.en.key_layout[0] ?? industry.en.name;
    const zh = industry.zh.key_layout.find((l) => l.includes(district.zh.name.replace(/区$/, ''))) ?? industry.zh.key_layout[0] ?? industry.zh.name;
    return { en, zh };
  }

  private industryDistrictFactor(districts: string[]): Factor[] {
    if (!this.industry) return [];
    const district = districts.map((d) => this.store.get('districts', d)).find((d) => d && this.industry!.districts.includes(d.id));
    return district ? [{ key: 'industry_district', points: 1, evidence: this.layoutEvidence(district), source: this.industry.sources[0] }] : [];
  }

  private projectsMatchingIndustry(projects: readonly Project[]): Project[] {
    const terms = this.industryTerms;
    return terms ? projects.filter((project) => findTerm(terms, { en: project.en.name, zh: project.zh.name }) !== null) : [];
  }

  district(district: District): LocationScore {
    const profile = this.store.districtProfile(district.id)!;
    const factors: Factor[] = [];
    const industry = this.industry;
    if (industry?.districts.includes(district.id)) factors.push({ key: 'industry_layout', points: 3, evidence: this.layoutEvidence(district), source: industry.sources[0] });
    const sameIndustry = this.projectsMatchingIndustry(profile.projects);
    if (sameIndustry.length > 0) {
      const names = (lang: 'en' | 'zh') => sameIndustry.slice(0, 3).map((p) => p[lang].name).join(lang === 'zh' ? '、' : '; ');
      factors.push({
        key: 'industry_projects',
        points: Math.min(2, 0.5 * sameIndustry.length),
        evidence: { en: `${sameIndustry.length} of its 2025 projects are in your industry: ${names('en')}`, zh: `其2025年项目中有${sameIndustry.length}个属于您的行业：${names('zh')}` },
        source: sameIndustry[0].sources[0],
      });
    }
    if (this.needs.ftz && profile.clusters.length > 0) {
      const c = profile.clusters[0];
      factors.push({ key: 'ftz_cluster', points: 2, evidence: { en: firstSentence(c.en.summary), zh: firstSentence(c.zh.summary) }, source: c.sources[0] });
    }
    const bonded = profile.parks.find((p) => p.park_type === 'bonded_zone');
    if (this.needs.bonded_zone && bonded) factors.push({ key: 'bonded_zone', points: 2, evidence: { en: bonded.en.name, zh: bonded.zh.name }, source: bonded.sources[0] });
    const airport = profile.parks.find((p) => AIRPORT_PARKS.includes(p.id));
    if (this.needs.near_airport && airport) factors.push({ key: 'airport', points: 1, evidence: { en: airport.en.name, zh: airport.zh.name }, source: airport.sources[0] });
    factors.push(...this.rentFactors([district.id], true));
    if (this.needs.space === 'office') {
      const rents = this.rents(district.id);
      if (rents.length > 0) factors.push({ key: 'office_space', points: 1, evidence: { en: `Grade A offices quoted in ${rents.map((r) => r.area.en).join(', ')}`, zh: `有甲级写字楼租金报价：${rents.map((r) => r.area.zh).join('、')}` }, source: rents[0].cost.sources[0] });
    }
    if (this.needs.space === 'industrial') {
      const industrial = profile.projects.filter((p) => spaceOf(this.terms, { en: p.en.name, zh: p.zh.name })?.space === 'industrial');
      if (industrial.length > 0) {
        const names = (lang: 'en' | 'zh') => industrial.slice(0, 3).map((p) => p[lang].name).join(lang === 'zh' ? '、' : '; ');
        factors.push({ key: 'industrial_space', points: 1, evidence: { en: `${industrial.length} industrial-park or plant projects: ${names('en')}`, zh: `${industrial.length}个产业园或厂房项目：${names('zh')}` }, source: industrial[0].sources[0] });
      }
    }
    if (profile.projects.length > 0) {
      factors.push({ key: 'projects', points: 0.5, evidence: { en: `${profile.projects.length} projects of the 2025 Invest in Beijing Conference`, zh: `2025年投资北京峰会项目${profile.projects.length}个` }, source: profile.projects[0].sources[0] });
    }
    return this.finish('district', district.id, { en: district.en.name, zh: district.zh.name }, [district.id], factors);
  }

  park(park: Park): LocationScore {
    const factors: Factor[] = [];
    const industry = this.industry;
    // The Zhongguancun demonstration zone spans 16 districts: naming its districts would prove nothing.
    const local = park.districts.length <= 2 ? park.districts : [];
    if (industry?.parks.includes(park.id) || (park.parent && industry?.parks.includes(park.parent))) {
      factors.push({ key: 'industry_park', points: 3, evidence: { en: `${industry.en.name}: ${park.en.name}`, zh: `${industry.zh.name}：${park.zh.name}` }, source: industry.sources[0] });
    } else if (industry && this.industryTerms) {
      const hit = findTerm(this.industryTerms, { en: park.en.description, zh: park.zh.description });
      if (hit) factors.push({ key: 'industry_park', points: 2, evidence: names(hit, 'description'), source: park.sources[0] });
    }
    factors.push(...this.industryDistrictFactor(local));
    if (this.needs.bonded_zone && park.park_type === 'bonded_zone') factors.push({ key: 'bonded_zone', points: 2, evidence: { en: park.en.name, zh: park.zh.name }, source: park.sources[0] });
    if (this.needs.near_airport && AIRPORT_PARKS.includes(park.id)) factors.push({ key: 'airport', points: 1, evidence: { en: park.en.name, zh: park.zh.name }, source: park.sources[0] });
    factors.push(...this.rentFactors(local, false));
    if (this.needs.space) {
      const space = spaceOf(this.terms, { en: park.en.description, zh: park.zh.description });
      if (space?.space === this.needs.space) factors.push({ key: space.space === 'office' ? 'office_space' : 'industrial_space', points: 1, evidence: names(space.hit, 'description'), source: park.sources[0] });
    }
    return this.finish('park', park.id, { en: park.en.name, zh: park.zh.name }, local, factors);
  }

  cluster(cluster: Zone): LocationScore {
    const factors: Factor[] = [];
    const texts = { en: [cluster.en.summary, ...cluster.en.points], zh: [cluster.zh.summary, ...cluster.zh.points] };
    // Summary and points are translated one to one, so the sentence found in one language has its twin at the same index.
    const sentence = (test: (text: Bi) => boolean): Bi | null => {
      const i = texts.en.findIndex((en, n) => test({ en, zh: texts.zh[n] ?? '' }));
      return i < 0 ? null : { en: texts.en[i], zh: texts.zh[i] ?? texts.en[i] };
    };
    if (this.industryTerms) {
      const found = sentence((text) => findTerm(this.industryTerms!, text) !== null);
      if (found) factors.push({ key: 'cluster_focus', points: 3, evidence: found, source: cluster.sources[0] });
    }
    factors.push(...this.industryDistrictFactor(cluster.districts));
    if (this.needs.ftz) factors.push({ key: 'in_ftz', points: 2, evidence: { en: firstSentence(cluster.en.summary), zh: firstSentence(cluster.zh.summary) }, source: cluster.sources[0] });
    if (this.needs.bonded_zone) {
      const found = sentence((text) => /bonded/i.test(text.en) || text.zh.includes('保税'));
      if (found) factors.push({ key: 'bonded_zone', points: 2, evidence: found, source: cluster.sources[0] });
    }
    if (this.needs.near_airport) {
      const found = sentence((text) => /airport/i.test(text.en) || text.zh.includes('机场'));
      if (found) factors.push({ key: 'airport', points: 1, evidence: found, source: cluster.sources[0] });
    }
    factors.push(...this.rentFactors(cluster.districts, false));
    return this.finish('ftz_cluster', cluster.id, { en: cluster.en.name, zh: cluster.zh.name }, cluster.districts, factors);
  }

  /** A project is ranked only for what its own name says (industry or kind of space); its district adds to that. */
  project(project: Project): LocationScore | null {
    const own: Factor[] = [];
    const name = { en: project.en.name, zh: project.zh.name };
    const industryHit = this.industryTerms ? findTerm(this.industryTerms, name) : null;
    if (industryHit) own.push({ key: 'project_industry', points: 3, evidence: names(industryHit, 'name'), source: project.sources[0] });
    const space = this.needs.space ? spaceOf(this.terms, name) : null;
    if (space && space.space === this.needs.space) own.push({ key: space.space === 'office' ? 'office_space' : 'industrial_space', points: 1, evidence: names(space.hit, 'name'), source: project.sources[0] });
    if (own.length === 0) return null;
    const factors = [...own, ...this.industryDistrictFactor([project.district])];
    const profile = this.store.districtProfile(project.district)!;
    if (this.needs.ftz && profile.clusters.length > 0) {
      const c = profile.clusters[0];
      factors.push({ key: 'ftz_district', points: 0.5, evidence: { en: c.en.name, zh: c.zh.name }, source: c.sources[0] });
    }
    const airport = profile.parks.find((p) => AIRPORT_PARKS.includes(p.id));
    if (this.needs.near_airport && airport) factors.push({ key: 'airport_district', points: 0.5, evidence: { en: airport.en.name, zh: airport.zh.name }, source: airport.sources[0] });
    factors.push(...this.rentFactors([project.district], false));
    return this.finish('project', project.id, name, [project.district], factors);
  }
}

const byScore = (a: LocationScore, b: LocationScore) => b.score - a.score || a.id.localeCompare(b.id, 'en', { numeric: true });

export function rankSites(store: ContentStore, request: SiteRequest): SiteRanking {
  const industry = request.industry ? store.get('industries', request.industry) : undefined;
  const scorer = new Scorer(store, industry, request.needs);
  const wanted: readonly string[] | undefined = request.districts;
  const inScope = (districts: readonly string[]) => !wanted || districts.some((d) => wanted.includes(d));
  const top = (scores: LocationScore[], keepZero: boolean) => scores.filter((s) => keepZero || s.score > 0).sort(byScore).slice(0, request.limit);
  return {
    districts: top(store.districts.filter((d) => inScope([d.id])).map((d) => scorer.district(d)), true),
    parks: top(store.all('parks').filter((p) => inScope(p.districts)).map((p) => scorer.park(p)), false),
    clusters: top(store.all('zones').filter((z) => (z.zone_type === 'ftz_cluster' || z.zone_type === 'airport_zone') && inScope(z.districts)).map((z) => scorer.cluster(z)), false),
    projects: top(store.all('projects').filter((p) => inScope([p.district])).flatMap((p) => scorer.project(p) ?? []), false),
  };
}
