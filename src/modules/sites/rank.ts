/**
 * Site selection: districts, parks and zones, Pilot FTZ clusters and 2025 investment projects ranked for an
 * investor's needs. Every point of a score is a named factor with the sentence or name from the guide behind it.
 */
import { z } from 'zod';
import { DISTRICT_IDS, type ContentStore, type District, type Industry, type Park, type Project, type SiteTerm, type Zone } from '../content/index.js';
import { districtRents, type DistrictRent } from '../districts/index.js';
import { multiplyToWholeYuan } from '../estimator/index.js';
import { ORIGINS, originLink } from './origins.js';
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
    /** The investor's country of origin: counts where the guide ties it to a place (its cooperation zones). */
    origin_country: z.enum(ORIGINS).optional(),
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
  | 'rent' | 'rent_over_budget' | 'office_space' | 'industrial_space' | 'projects' | 'origin_zone' | 'origin_district';

type Bi = { en: string; zh: string };
type Source = { document: string; section: string; url?: string };

export interface Factor {
  key: FactorKey;
  points: number;
  /** The guide's sentence or the name the factor rests on. */
  evidence: Bi;
  /** The factor in words, naming the place and quoting the guide: "Haidian District is a key location for … (guide: “…”)". */
  explanation: Bi;
  source: Source;
}

export interface RentEstimate {
  rent: DistrictRent;
  area_m2: number;
  /** area × effective rent, per month, in yuan (rounded to the yuan, exactly). */
  monthly_cny: number;
  /** The same for twelve months. */
  yearly_cny: number;
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
/** "Chinese " when a term was found only in the Chinese text, so an English page says why it quotes Chinese words. */
const cn = (hit: TermHit) => (hit.byLang.en ? '' : 'Chinese ');
/** The first sentence of a summary: enough to show what a cluster is without repeating its whole description. */
const firstSentence = (text: string) => /^.+?(?:\.(?=\s|$)|。)/u.exec(text)?.[0] ?? text;
/** A quotation from the guide, without a doubled full stop. */
const quote = (text: Bi): Bi => ({ en: `guide: “${text.en.replace(/\.$/, '')}”`, zh: `指南：“${text.zh.replace(/。$/, '')}”` });
const listOf = (items: Bi[], max = 3): Bi => ({ en: items.slice(0, max).map((i) => i.en).join('; '), zh: items.slice(0, max).map((i) => i.zh).join('、') });
/** Names a place by for matching in the guide's sentences (the BDA is also "Yizhuang"). */
const placeNames = (d: District): Bi[] => [
  { en: d.en.name.replace(/ District$/, ''), zh: d.zh.name.replace(/区$/, '') },
  ...(d.id === 'bda' ? [{ en: 'Yizhuang', zh: '亦庄' }, { en: 'Economic-Technological Development Area', zh: '经济技术开发区' }] : []),
];

class Scorer {
  private readonly terms: readonly SiteTerm[];
  private readonly industryTerms: SiteTerm | undefined;
  private readonly rentsByDistrict = new Map<string, DistrictRent[]>();

  private readonly origin: ReturnType<typeof originLink>;

  constructor(private readonly store: ContentStore, private readonly industry: Industry | undefined, private readonly needs: SiteNeeds, origin?: SiteRequest['origin_country']) {
    this.terms = store.all('site-terms');
    this.industryTerms = industry ? this.terms.find((t) => t.applies_to === 'industry' && t.industry === industry.id) : undefined;
    this.origin = originLink(store, origin);
  }

  /** The industry's name as it reads inside a sentence ("pharmaceutical and health" rather than a title). */
  private industryName(): Bi {
    const i = this.industry!;
    const lower = i.en.name.toLowerCase();
    return { en: lower.endsWith(' industry') ? `the ${lower}` : lower, zh: i.zh.name };
  }

  /**
   * The origin factors: the zone the guide ties to the investor's origin, and (half) the district it lies in. `place`
   * is the location's name; `subject` is set when the location is not itself a district ("The project lies in …").
   */
  private originFactors(place: Bi, where: { park?: string; districts?: string[] }, subject?: Bi): Factor[] {
    const link = this.origin;
    if (!link) return [];
    const zone = link.zone;
    const source = zone.sources[0];
    if (where.park === zone.id) {
      return [{ key: 'origin_zone', points: link.points, evidence: link.evidence, source, explanation: { en: `The guide ties this zone to ${link.who.en} (${quote(link.evidence).en}).`, zh: `指南将该区域与${link.who.zh}相联系（${quote(link.evidence).zh}）。` } }];
    }
    const districtId = where.districts?.find((d) => (zone.districts as readonly string[]).includes(d));
    const district = districtId ? this.store.get('districts', districtId) : undefined;
    if (district) {
      const lead = subject ? { en: `${subject.en} lies in ${district.en.name}, which hosts`, zh: `${subject.zh}位于${district.zh.name}，该区设有` } : { en: `${place.en} hosts`, zh: `${place.zh}设有` };
      return [{ key: 'origin_district', points: link.points / 2, evidence: { en: zone.en.name, zh: zone.zh.name }, source, explanation: { en: `${lead.en} the ${zone.en.name}; the guide ties that zone to ${link.who.en} (${quote(link.evidence).en}).`, zh: `${lead.zh}${zone.zh.name}，指南将其与${link.who.zh}相联系（${quote(link.evidence).zh}）。` } }];
    }
    return [];
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
    const rent_estimate = area && cheapest ? { rent: cheapest, area_m2: area, monthly_cny: multiplyToWholeYuan(area, cheapest.rent), yearly_cny: multiplyToWholeYuan(area, cheapest.rent, 12) } : undefined;
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
    const within = r.rent <= budget;
    const explanation = {
      en: `Grade A offices in ${r.area.en}${where.en} rent for ${r.rent} yuan per m² per month, ${within ? 'within' : 'above'} your budget of ${budget}.`,
      zh: `${r.area.zh}${where.zh}甲级写字楼租金为每月每平方米${r.rent}元，${within ? '在' : '超出'}您的预算（${budget}元）${within ? '之内' : ''}。`,
    };
    return [within ? { key: 'rent', points: 1, evidence, explanation, source: r.cost.sources[0] } : { key: 'rent_over_budget', points: -1, evidence, explanation, source: r.cost.sources[0] }];
  }

  /**
   * The key-layout sentence of the industry that names the district (by any of its names), or null when the guide
   * lists the district for the industry without a layout sentence naming it.
   */
  private layoutEvidence(district: District): Bi | null {
    const industry = this.industry!;
    const names = placeNames(district);
    const i = industry.en.key_layout.findIndex((l, n) => names.some((name) => l.includes(name.en) || (industry.zh.key_layout[n] ?? '').includes(name.zh)));
    return i < 0 ? null : { en: industry.en.key_layout[i], zh: industry.zh.key_layout[i] ?? industry.en.key_layout[i] };
  }

  /** "… is a key location for <industry> (guide: “…”)." in both languages. */
  private layoutExplanation(district: District, subject: Bi | null): { evidence: Bi; explanation: Bi } {
    const industry = this.industryName();
    const evidence = this.layoutEvidence(district);
    const place = { en: district.en.name, zh: district.zh.name };
    // A park that is the district itself (the BDA) is not said to lie in itself.
    const same = subject !== null && (district.en.name.startsWith(subject.en.replace(/^The /, '')) || district.zh.name.startsWith(subject.zh));
    const lead = subject && !same
      ? { en: `${subject.en} lies in ${place.en}, a key location for ${industry.en}`, zh: `${subject.zh}位于${place.zh}，该区是${industry.zh}的重点布局区域` }
      : { en: `${subject && same ? subject.en : place.en} is a key location for ${industry.en}`, zh: `${subject && same ? subject.zh : place.zh}是${industry.zh}的重点布局区域` };
    if (!evidence) {
      return { evidence: { en: this.industry!.en.name, zh: this.industry!.zh.name }, explanation: { en: `${lead.en} (guide: key areas of ${industry.en}).`, zh: `${lead.zh}（指南：${industry.zh}重点区域）。` } };
    }
    return { evidence, explanation: { en: `${lead.en} (${quote(evidence).en}).`, zh: `${lead.zh}（${quote(evidence).zh}）。` } };
  }

  private industryDistrictFactor(districts: string[], subject: Bi): Factor[] {
    if (!this.industry) return [];
    const district = districts.map((d) => this.store.get('districts', d)).find((d) => d && this.industry!.districts.includes(d.id));
    return district ? [{ key: 'industry_district', points: 1, ...this.layoutExplanation(district, subject), source: this.industry.sources[0] }] : [];
  }

  private projectsMatchingIndustry(projects: readonly Project[]): Project[] {
    const terms = this.industryTerms;
    return terms ? projects.filter((project) => findTerm(terms, { en: project.en.name, zh: project.zh.name }) !== null) : [];
  }

  district(district: District): LocationScore {
    const profile = this.store.districtProfile(district.id)!;
    const place = { en: district.en.name, zh: district.zh.name };
    const factors: Factor[] = [];
    const industry = this.industry;
    if (industry?.districts.includes(district.id)) factors.push({ key: 'industry_layout', points: 3, ...this.layoutExplanation(district, null), source: industry.sources[0] });
    const sameIndustry = this.projectsMatchingIndustry(profile.projects);
    if (sameIndustry.length > 0) {
      const names = listOf(sameIndustry.map((p) => ({ en: p.en.name, zh: p.zh.name })));
      const n = sameIndustry.length;
      factors.push({
        key: 'industry_projects',
        points: Math.min(2, 0.5 * n),
        evidence: { en: `${n} of its 2025 projects are in your industry: ${names.en}`, zh: `其2025年项目中有${n}个属于您的行业：${names.zh}` },
        explanation: { en: `${n} of ${place.en}’s 2025 investment projects ${n === 1 ? 'is' : 'are'} in your industry: ${names.en}.`, zh: `${place.zh}的2025年投资项目中有${n}个属于您的行业：${names.zh}。` },
        source: sameIndustry[0].sources[0],
      });
    }
    if (this.needs.ftz && profile.clusters.length > 0) {
      const c = profile.clusters[0];
      const evidence = { en: firstSentence(c.en.summary), zh: firstSentence(c.zh.summary) };
      factors.push({ key: 'ftz_cluster', points: 2, evidence, explanation: { en: `${place.en} has a Pilot Free Trade Zone cluster, the ${c.en.name} (${quote(evidence).en}).`, zh: `${place.zh}设有自贸试验区组团：${c.zh.name}（${quote(evidence).zh}）。` }, source: c.sources[0] });
    }
    const bonded = profile.parks.find((p) => p.park_type === 'bonded_zone');
    if (this.needs.bonded_zone && bonded) factors.push({ key: 'bonded_zone', points: 2, evidence: { en: bonded.en.name, zh: bonded.zh.name }, explanation: { en: `${place.en} has a comprehensive bonded zone: the ${bonded.en.name}.`, zh: `${place.zh}设有综合保税区：${bonded.zh.name}。` }, source: bonded.sources[0] });
    const airport = profile.parks.find((p) => AIRPORT_PARKS.includes(p.id));
    if (this.needs.near_airport && airport) factors.push({ key: 'airport', points: 1, evidence: { en: airport.en.name, zh: airport.zh.name }, explanation: { en: `${place.en} has an airport zone: the ${airport.en.name}.`, zh: `${place.zh}设有临空区域：${airport.zh.name}。` }, source: airport.sources[0] });
    factors.push(...this.originFactors(place, { districts: [district.id] }));
    factors.push(...this.rentFactors([district.id], true));
    if (this.needs.space === 'office') {
      const rents = this.rents(district.id);
      if (rents.length > 0) {
        const areas = listOf(rents.map((r) => r.area), 9);
        factors.push({ key: 'office_space', points: 1, evidence: { en: `Grade A offices quoted in ${areas.en}`, zh: `有甲级写字楼租金报价：${areas.zh}` }, explanation: { en: `The guide quotes Grade A office rents in ${place.en}: ${areas.en}.`, zh: `指南列有${place.zh}的甲级写字楼租金：${areas.zh}。` }, source: rents[0].cost.sources[0] });
      }
    }
    if (this.needs.space === 'industrial') {
      const industrial = profile.projects.filter((p) => spaceOf(this.terms, { en: p.en.name, zh: p.zh.name })?.space === 'industrial');
      if (industrial.length > 0) {
        const names = listOf(industrial.map((p) => ({ en: p.en.name, zh: p.zh.name })));
        const n = industrial.length;
        factors.push({ key: 'industrial_space', points: 1, evidence: { en: `${n} industrial-park or plant projects: ${names.en}`, zh: `${n}个产业园或厂房项目：${names.zh}` }, explanation: { en: `${n} of ${place.en}’s 2025 projects ${n === 1 ? 'offers' : 'offer'} industrial parks or plants: ${names.en}.`, zh: `${place.zh}有${n}个2025年项目提供产业园或厂房：${names.zh}。` }, source: industrial[0].sources[0] });
      }
    }
    if (profile.projects.length > 0) {
      const n = profile.projects.length;
      factors.push({ key: 'projects', points: 0.5, evidence: { en: `${n} projects of the 2025 Invest in Beijing Conference`, zh: `2025年投资北京峰会项目${n}个` }, explanation: { en: `${place.en} offers ${n} project${n === 1 ? '' : 's'} of the 2025 Invest in Beijing Conference.`, zh: `${place.zh}推介2025年投资北京峰会项目${n}个。` }, source: profile.projects[0].sources[0] });
    }
    return this.finish('district', district.id, place, [district.id], factors);
  }

  park(park: Park): LocationScore {
    const factors: Factor[] = [];
    const industry = this.industry;
    const place = { en: park.en.name, zh: park.zh.name };
    // The Zhongguancun demonstration zone spans 16 districts: naming its districts would prove nothing.
    const local = park.districts.length <= 2 ? park.districts : [];
    if (industry?.parks.includes(park.id) || (park.parent && industry?.parks.includes(park.parent))) {
      const named = industry.parks.includes(park.id) ? place : { en: this.store.get('parks', park.parent!)?.en.name ?? place.en, zh: this.store.get('parks', park.parent!)?.zh.name ?? place.zh };
      const i = this.industryName();
      factors.push({
        key: 'industry_park', points: 3, evidence: { en: `${industry.en.name}: ${park.en.name}`, zh: `${industry.zh.name}：${park.zh.name}` },
        explanation: named === place
          ? { en: `The guide names the ${place.en} among the key locations for ${i.en}.`, zh: `指南将${place.zh}列为${i.zh}的重点布局区域。` }
          : { en: `The guide names the ${named.en}, of which this is a part, among the key locations for ${i.en}.`, zh: `指南将${named.zh}（本区域为其一部分）列为${i.zh}的重点布局区域。` },
        source: industry.sources[0],
      });
    } else if (industry && this.industryTerms) {
      const hit = findTerm(this.industryTerms, { en: park.en.description, zh: park.zh.description });
      if (hit) factors.push({ key: 'industry_park', points: 2, evidence: names(hit, 'description'), explanation: { en: `The guide’s ${cn(hit)}description of the ${place.en} names “${termIn(hit, 'en')}”, a word of your industry.`, zh: `指南对${place.zh}的介绍提到“${termIn(hit, 'zh')}”，属于您的行业。` }, source: park.sources[0] });
    }
    factors.push(...this.industryDistrictFactor(local, { en: `The ${place.en}`, zh: place.zh }));
    if (this.needs.bonded_zone && park.park_type === 'bonded_zone') factors.push({ key: 'bonded_zone', points: 2, evidence: place, explanation: { en: `The ${place.en} is a comprehensive bonded zone.`, zh: `${place.zh}是综合保税区。` }, source: park.sources[0] });
    if (this.needs.near_airport && AIRPORT_PARKS.includes(park.id)) factors.push({ key: 'airport', points: 1, evidence: place, explanation: { en: `The ${place.en} is an airport zone.`, zh: `${place.zh}是临空区域。` }, source: park.sources[0] });
    factors.push(...this.originFactors(place, { park: park.id }));
    factors.push(...this.rentFactors(local, false));
    if (this.needs.space) {
      const space = spaceOf(this.terms, { en: park.en.description, zh: park.zh.description });
      if (space?.space === this.needs.space) {
        const kind = space.space === 'office' ? { en: 'office space', zh: '办公空间' } : { en: 'industrial space', zh: '产业空间' };
        factors.push({ key: space.space === 'office' ? 'office_space' : 'industrial_space', points: 1, evidence: names(space.hit, 'description'), explanation: { en: `The guide’s ${cn(space.hit)}description of the ${place.en} names “${termIn(space.hit, 'en')}”: ${kind.en}.`, zh: `指南对${place.zh}的介绍提到“${termIn(space.hit, 'zh')}”，属于${kind.zh}。` }, source: park.sources[0] });
      }
    }
    return this.finish('park', park.id, place, local, factors);
  }

  cluster(cluster: Zone): LocationScore {
    const factors: Factor[] = [];
    const place = { en: cluster.en.name, zh: cluster.zh.name };
    const texts = { en: [cluster.en.summary, ...cluster.en.points], zh: [cluster.zh.summary, ...cluster.zh.points] };
    // Summary and points are translated one to one, so the sentence found in one language has its twin at the same index.
    const sentence = (test: (text: Bi) => boolean): Bi | null => {
      const i = texts.en.findIndex((en, n) => test({ en, zh: texts.zh[n] ?? '' }));
      return i < 0 ? null : { en: texts.en[i], zh: texts.zh[i] ?? texts.en[i] };
    };
    if (this.industryTerms) {
      const found = sentence((text) => findTerm(this.industryTerms!, text) !== null);
      if (found) factors.push({ key: 'cluster_focus', points: 3, evidence: found, explanation: { en: `The ${place.en} focuses on your industry (${quote(found).en}).`, zh: `${place.zh}聚焦您的行业（${quote(found).zh}）。` }, source: cluster.sources[0] });
    }
    factors.push(...this.industryDistrictFactor(cluster.districts, { en: `The ${place.en}`, zh: place.zh }));
    if (this.needs.ftz) {
      const evidence = { en: firstSentence(cluster.en.summary), zh: firstSentence(cluster.zh.summary) };
      factors.push({ key: 'in_ftz', points: 2, evidence, explanation: { en: `The ${place.en} is part of the China (Beijing) Pilot Free Trade Zone (${quote(evidence).en}).`, zh: `${place.zh}属于中国（北京）自由贸易试验区（${quote(evidence).zh}）。` }, source: cluster.sources[0] });
    }
    if (this.needs.bonded_zone) {
      const found = sentence((text) => /bonded/i.test(text.en) || text.zh.includes('保税'));
      if (found) factors.push({ key: 'bonded_zone', points: 2, evidence: found, explanation: { en: `The guide names bonded activity in the ${place.en} (${quote(found).en}).`, zh: `指南提到${place.zh}的保税业务（${quote(found).zh}）。` }, source: cluster.sources[0] });
    }
    if (this.needs.near_airport) {
      const found = sentence((text) => /airport/i.test(text.en) || text.zh.includes('机场'));
      if (found) factors.push({ key: 'airport', points: 1, evidence: found, explanation: { en: `The ${place.en} is tied to an airport (${quote(found).en}).`, zh: `${place.zh}与机场相关（${quote(found).zh}）。` }, source: cluster.sources[0] });
    }
    factors.push(...this.originFactors(place, { districts: cluster.districts.length <= 2 ? cluster.districts : [] }, { en: `The ${place.en}`, zh: place.zh }));
    factors.push(...this.rentFactors(cluster.districts, false));
    return this.finish('ftz_cluster', cluster.id, place, cluster.districts, factors);
  }

  /** A project is ranked only for what its own name says (industry or kind of space); its district adds to that. */
  project(project: Project): LocationScore | null {
    const own: Factor[] = [];
    const name = { en: project.en.name, zh: project.zh.name };
    const industryHit = this.industryTerms ? findTerm(this.industryTerms, name) : null;
    if (industryHit) own.push({ key: 'project_industry', points: 3, evidence: names(industryHit, 'name'), explanation: { en: `The project’s ${cn(industryHit)}name contains “${termIn(industryHit, 'en')}”, a word of your industry.`, zh: `项目名称含“${termIn(industryHit, 'zh')}”，属于您的行业。` }, source: project.sources[0] });
    const space = this.needs.space ? spaceOf(this.terms, name) : null;
    if (space && space.space === this.needs.space) {
      const kind = space.space === 'office' ? { en: 'office space', zh: '办公空间' } : { en: 'industrial space', zh: '产业空间' };
      own.push({ key: space.space === 'office' ? 'office_space' : 'industrial_space', points: 1, evidence: names(space.hit, 'name'), explanation: { en: `The project’s ${cn(space.hit)}name contains “${termIn(space.hit, 'en')}”: ${kind.en}.`, zh: `项目名称含“${termIn(space.hit, 'zh')}”，属于${kind.zh}。` }, source: project.sources[0] });
    }
    if (own.length === 0) return null;
    const factors = [...own, ...this.industryDistrictFactor([project.district], { en: 'The project', zh: '该项目' })];
    const profile = this.store.districtProfile(project.district)!;
    const district = this.store.get('districts', project.district)!;
    if (this.needs.ftz && profile.clusters.length > 0) {
      const c = profile.clusters[0];
      factors.push({ key: 'ftz_district', points: 0.5, evidence: { en: c.en.name, zh: c.zh.name }, explanation: { en: `${district.en.name} has a Pilot FTZ cluster, the ${c.en.name}: check that the site is inside it.`, zh: `${district.zh.name}设有自贸试验区组团（${c.zh.name}），请核实项目地块是否在组团范围内。` }, source: c.sources[0] });
    }
    const airport = profile.parks.find((p) => AIRPORT_PARKS.includes(p.id));
    if (this.needs.near_airport && airport) factors.push({ key: 'airport_district', points: 0.5, evidence: { en: airport.en.name, zh: airport.zh.name }, explanation: { en: `${district.en.name} has an airport zone: the ${airport.en.name}.`, zh: `${district.zh.name}设有临空区域：${airport.zh.name}。` }, source: airport.sources[0] });
    factors.push(...this.originFactors(name, { districts: [project.district] }, { en: 'The project', zh: '该项目' }));
    factors.push(...this.rentFactors([project.district], false));
    return this.finish('project', project.id, name, [project.district], factors);
  }
}

const byScore = (a: LocationScore, b: LocationScore) => b.score - a.score || a.id.localeCompare(b.id, 'en', { numeric: true });

export function rankSites(store: ContentStore, request: SiteRequest): SiteRanking {
  const industry = request.industry ? store.get('industries', request.industry) : undefined;
  const scorer = new Scorer(store, industry, request.needs, request.origin_country);
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
