/**
 * The demo pipeline's made-up records, computed from their number alone (a PRNG seeded by it), so the same number
 * always gives the same project: running the seed again adds nothing, and a larger --projects adds only the new
 * numbers. Everything that names something says it is generated ("Demo Investor 0042 (generated)", "(demo) …").
 *
 * Every project satisfies the stage rules as the app applies them (stage-rules.ts: evidence per stage, dates in order
 * and not in the future, a USCC with its check character, a reason and note for lost and abandoned); demo-pipeline.ts
 * checks each against those same functions before writing it.
 */
import { usccCheckCharacter } from '../src/modules/cases/index.js';
import { LOSS_REASONS, STAGES, type ProjectKind, type SourceKind, type Stage, type Status } from '../src/modules/pipeline/stage-rules.js';

const DAY_MS = 86_400_000;

/** mulberry32: small, fast, good enough to spread made-up data. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Rng = () => number;
const pick = <T>(rng: Rng, items: readonly T[]): T => items[Math.floor(rng() * items.length)];
const between = (rng: Rng, low: number, high: number) => low + Math.floor(rng() * (high - low + 1));
/** Picks by weight: [[value, weight], …]. */
function weighted<T>(rng: Rng, table: readonly (readonly [T, number])[]): T {
  let roll = rng() * table.reduce((sum, [, w]) => sum + w, 0);
  for (const [value, weight] of table) if ((roll -= weight) < 0) return value;
  return table[table.length - 1][0];
}

export const pad = (n: number, width = 4) => String(n).padStart(width, '0');

/** Investors and their origins, roughly as Beijing's foreign investment comes (Hong Kong first). */
const ORIGINS = [['HK', 30], ['US', 12], ['DE', 10], ['JP', 9], ['SG', 8], ['KR', 6], ['FR', 5], ['GB', 5], ['CH', 3], ['NL', 3], ['TW', 3], ['MO', 1], ['SE', 2], ['IT', 2], ['AE', 1]] as const;

export interface DemoInvestor {
  key: string;
  name: string;
  name_zh: string;
  origin: string;
  parent_group: string | null;
}

export function demoInvestor(n: number): DemoInvestor {
  const rng = random(n * 7919 + 17);
  return {
    key: pad(n),
    name: `Demo Investor ${pad(n)} (generated)`,
    name_zh: `演示投资方 ${pad(n)}（生成数据）`,
    origin: weighted(rng, ORIGINS),
    parent_group: rng() < 0.4 ? `Demo Group ${pad(between(rng, 1, 40), 2)} (generated)` : null,
  };
}

const KIND_WORDS: Record<ProjectKind, string> = {
  new: 'New company', expansion: 'Expansion', capital_increase: 'Capital increase', merger_acquisition: 'Acquisition',
  rd_centre: 'R&D centre', regional_hq: 'Regional headquarters',
};
const KINDS = [['new', 30], ['expansion', 20], ['capital_increase', 15], ['merger_acquisition', 8], ['rd_centre', 15], ['regional_hq', 12]] as const satisfies readonly (readonly [ProjectKind, number])[];
const SOURCES = [['event', 30], ['partner', 20], ['district', 25], ['municipal', 15], ['other', 10]] as const satisfies readonly (readonly [SourceKind, number])[];
const SOURCE_DETAILS: Record<Exclude<SourceKind, 'service_case'>, readonly string[]> = {
  event: ['2025 Invest in Beijing Conference', '2025 China International Fair for Trade in Services', '2025 Zhongguancun Forum', '2025 Financial Street Forum'],
  partner: ['EU Chamber of Commerce in China', 'American Chamber of Commerce in China', 'JETRO Beijing', 'Hong Kong Trade Development Council', 'Singapore Business Federation'],
  district: ['District investment promotion bureau', 'District park management committee'],
  municipal: ['Municipal Investment Promotion Service Center recommendation', 'Municipal Commerce Bureau recommendation'],
  other: ['Investor contacted the service line directly', 'Referral by an existing investor'],
};
/** Rough rates to CNY at the stated date (the officer's, as the form asks for; not looked up). */
const CURRENCIES = [['USD', 7.1], ['EUR', 7.8], ['HKD', 0.91], ['JPY', 0.048], ['GBP', 9.1], ['CNY', 1]] as const;
/** How far projects get (the rest stays a lead), and what happens to some. */
const STAGE_WEIGHTS = [['lead', 33], ['negotiating', 30], ['signed', 15], ['registered', 11], ['operating', 11]] as const satisfies readonly (readonly [Stage, number])[];
const STATUS_WEIGHTS = [['active', 76], ['delayed', 8], ['dormant', 5], ['lost', 8], ['abandoned', 3]] as const satisfies readonly (readonly [Status, number])[];
/** Days spent in each stage before the next one (low, high). */
const DAYS_IN: Record<Stage, [number, number]> = { lead: [7, 90], negotiating: [30, 200], signed: [14, 120], registered: [30, 240], operating: [0, 0] };
const NEXT_ACTIONS = ['Call the investor\'s China CEO', 'Site visit with the district', 'Send the draft agreement', 'Meeting on talent policies', 'Confirm the registered capital', 'Introduce the park operator', 'Follow up on the land survey'];
const STATUS_NOTES: Partial<Record<Status, string>> = {
  delayed: 'Generated demo note: the investor\'s board postponed its decision.',
  dormant: 'Generated demo note: no answer from the investor for three months.',
  lost: 'Generated demo note: the investor chose another location.',
  abandoned: 'Generated demo note: the investor stopped the project.',
};

export interface DemoMove {
  at: Date;
  from_stage: Stage | null;
  to_stage: Stage;
  from_status: Status | null;
  to_status: Status;
  reason: string | null;
  note: string | null;
  evidence: Record<string, string>;
}

export interface DemoProject {
  importKey: string;
  investor: number;
  name: string;
  kind: ProjectKind;
  industry_id: string;
  district_id: string;
  park_id: string | null;
  ftz_cluster_id: string | null;
  opportunity_id: string | null;
  currency: string;
  amount_total: string;
  amount_foreign: string;
  amount_cny: string;
  amount_cny_on: string;
  expected_jobs: number;
  source_kind: SourceKind;
  source_detail: string;
  stage: Stage;
  status: Status;
  status_reason: string | null;
  status_note: string | null;
  next_action: string | null;
  next_action_on: string | null;
  signed_on: string | null;
  agreement_parties: string | null;
  agreement_ref: string | null;
  uscc: string | null;
  registered_on: string | null;
  registered_capital: string | null;
  first_operation_on: string | null;
  created_at: Date;
  moves: DemoMove[];
  /** Team: a commissioner (most projects) and a municipal verifier (signed and later). */
  commissioner: boolean;
  verifier: boolean;
  items: { title: string; dueInDays: number; status: 'open' | 'in_progress' | 'done' | 'dropped' }[];
  interactions: { kind: 'meeting' | 'call' | 'visit' | 'event' | 'email'; daysAfterCreation: number; people: string; notes: string }[];
}

/** What the generator reads from the content: each district's opportunities, parks, FTZ cluster and industries. */
export interface DemoContent {
  districts: readonly string[];
  districtName: (district: string) => string;
  industries: readonly string[];
  parksOf: (district: string) => readonly string[];
  clusterOf: (district: string) => string | null;
  opportunitiesOf: (district: string) => readonly string[];
}

const USCC_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const beijingDate = (at: Date) => new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);

/** "91" (an enterprise registered with market regulation) + the district's division code + 9 made-up characters + check. */
export function demoUscc(n: number, division: string): string {
  const rng = random(n * 104729 + 3);
  let org = '';
  for (let i = 0; i < 9; i++) org += USCC_ALPHABET[Math.floor(rng() * (i < 8 ? 10 : USCC_ALPHABET.length))];
  const first17 = `91${division}${org}`;
  return first17 + usccCheckCharacter(first17)!;
}

const ITEM_TITLES = ['Work permits for foreign staff', 'Site selection: R&D space', 'Environmental impact assessment', 'Customs registration', 'Bank account and foreign exchange registration', 'Talent housing for key staff', 'Introduction to the park operator', 'Policy briefing: R&D subsidies'];
const INTERACTION_NOTES = ['Generated demo note: discussed timing and site needs.', 'Generated demo note: the investor asked about talent policies.', 'Generated demo note: visited two candidate sites.', 'Generated demo note: reviewed the draft agreement.'];

/** Beijing's administrative division codes (the USCC's 6-digit region part); the BDA's companies register in Daxing's. */
const DIVISIONS: Record<string, string> = {
  dongcheng: '110101', xicheng: '110102', chaoyang: '110105', fengtai: '110106', shijingshan: '110107', haidian: '110108',
  mentougou: '110109', fangshan: '110111', tongzhou: '110112', shunyi: '110113', changping: '110114', daxing: '110115',
  huairou: '110116', pinggu: '110117', miyun: '110118', yanqing: '110119', bda: '110115',
};

/** Each investor has two or three projects in a row: investor of project `n`. */
export const demoInvestorOf = (n: number) => Math.ceil(n * 0.4);

/** Project number `n` (1-based) of the demo, as of `now`. */
export function demoProject(n: number, content: DemoContent, now: Date): DemoProject {
  const rng = random(n * 2654435761);
  // Every district gets projects: the first of each seventeen goes round them all, the rest are weighted by chance.
  const district = n % 3 === 0 ? content.districts[n % content.districts.length] : pick(rng, content.districts);
  const kind = weighted(rng, KINDS);
  const industry = pick(rng, content.industries);
  const source = weighted(rng, SOURCES);
  const [currency, rate] = pick(rng, CURRENCIES);
  const total = between(rng, 2, 400) * 250_000;
  const foreign = currency === 'CNY' ? 0 : total;
  const stage = weighted(rng, STAGE_WEIGHTS);
  // A company that registered here is not "lost" in the pipeline's sense (that would be a later story): only pursuits are.
  const drawn = weighted(rng, STATUS_WEIGHTS);
  const status: Status = (stage === 'registered' || stage === 'operating') && (drawn === 'lost' || drawn === 'abandoned') ? 'active' : drawn;
  const investor = demoInvestorOf(n);

  // Times: the stages reached, each after a plausible stay in the one before, ending before today.
  const reached = STAGES.slice(0, STAGES.indexOf(stage) + 1);
  const stays = reached.slice(0, -1).map((s) => between(rng, ...DAYS_IN[s]) * DAY_MS);
  const sinceLast = between(rng, 3, 150) * DAY_MS;
  const created = new Date(now.getTime() - stays.reduce((a, b) => a + b, 0) - sinceLast - between(rng, 0, 23) * 3_600_000);
  const entered = reached.map((_, i) => new Date(created.getTime() + stays.slice(0, i).reduce((a, b) => a + b, 0)));
  const dateAt = (s: Stage) => (reached.includes(s) ? beijingDate(entered[reached.indexOf(s)]) : null);
  const opportunities = content.opportunitiesOf(district);
  const investorName = demoInvestor(investor).name;
  const project: DemoProject = {
    importKey: `demo:${pad(n, 5)}`,
    investor,
    name: `(demo) ${KIND_WORDS[kind]} ${pad(n)}`,
    kind, industry_id: industry, district_id: district,
    park_id: rng() < 0.3 && content.parksOf(district).length ? pick(rng, content.parksOf(district)) : null,
    ftz_cluster_id: rng() < 0.3 ? content.clusterOf(district) : null,
    opportunity_id: rng() < 0.12 && opportunities.length ? pick(rng, opportunities) : null,
    currency,
    amount_total: `${total}.00`,
    amount_foreign: `${foreign}.00`,
    amount_cny: (Math.round(total * rate * 100) / 100).toFixed(2),
    amount_cny_on: beijingDate(created),
    expected_jobs: between(rng, 5, 800),
    source_kind: source,
    source_detail: pick(rng, SOURCE_DETAILS[source as Exclude<SourceKind, 'service_case'>]),
    stage, status,
    status_reason: status === 'lost' || status === 'abandoned' ? pick(rng, LOSS_REASONS) : null,
    status_note: STATUS_NOTES[status] ?? null,
    next_action: null, next_action_on: null,
    signed_on: dateAt('signed'),
    agreement_parties: reached.includes('signed') ? `${investorName}; ${content.districtName(district)} People's Government (demo)` : null,
    agreement_ref: reached.includes('signed') ? `DEMO-${district.toUpperCase()}-${pad(n)}` : null,
    uscc: reached.includes('registered') ? demoUscc(n, DIVISIONS[district] ?? '110000') : null,
    registered_on: dateAt('registered'),
    registered_capital: reached.includes('registered') ? `${Math.round(total / 5)}.00` : null,
    first_operation_on: dateAt('operating'),
    created_at: created,
    moves: [],
    commissioner: rng() < 0.6,
    verifier: reached.includes('signed'),
    items: [],
    interactions: [],
  };
  // Still pursued: a next action, about a third of them already overdue.
  if (status === 'active' || status === 'delayed') {
    project.next_action = pick(rng, NEXT_ACTIONS);
    project.next_action_on = beijingDate(new Date(now.getTime() + between(rng, -25, 45) * DAY_MS));
  }
  project.moves = reached.map((s, i) => ({
    at: entered[i], from_stage: i === 0 ? null : reached[i - 1], to_stage: s, from_status: i === 0 ? null : 'active', to_status: 'active',
    reason: null, note: null, evidence: evidenceOf(project, s),
  }));
  if (status !== 'active') {
    const at = new Date(entered[entered.length - 1].getTime() + Math.floor(sinceLast * rng()));
    project.moves.push({ at, from_stage: stage, to_stage: stage, from_status: 'active', to_status: status, reason: project.status_reason, note: project.status_note, evidence: {} });
  }
  if (stage !== 'lead') {
    for (let i = between(rng, 1, 4); i > 0; i--) project.items.push({ title: pick(rng, ITEM_TITLES), dueInDays: between(rng, -30, 90), status: weighted(rng, [['open', 3], ['in_progress', 3], ['done', 3], ['dropped', 1]] as const) });
  }
  const age = Math.max(1, Math.floor((now.getTime() - created.getTime()) / DAY_MS));
  for (let i = between(rng, 1, 5); i > 0; i--) {
    project.interactions.push({ kind: pick(rng, ['meeting', 'call', 'visit', 'event', 'email'] as const), daysAfterCreation: between(rng, 0, age - 1), people: 'Demo contact (generated); Demo Commissioner (generated)', notes: pick(rng, INTERACTION_NOTES) });
  }
  return project;
}

/** The evidence a move to `stage` carried (what the move form would have asked for). */
function evidenceOf(p: DemoProject, stage: Stage): Record<string, string> {
  switch (stage) {
    case 'negotiating':
      return { currency: p.currency, amount_total: p.amount_total };
    case 'signed':
      return { amount_cny: p.amount_cny, amount_cny_on: p.amount_cny_on, signed_on: p.signed_on!, agreement_parties: p.agreement_parties!, agreement_ref: p.agreement_ref! };
    case 'registered':
      return { uscc: p.uscc!, registered_on: p.registered_on!, registered_capital: p.registered_capital! };
    case 'operating':
      return { first_operation_on: p.first_operation_on! };
    default:
      return {};
  }
}
