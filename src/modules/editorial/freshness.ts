/**
 * The freshness report: which live items are overdue for checking against their sources (issue #12: "a freshness
 * report lists what is overdue for checking"), which fall due within 30 days, and which policies are scheduled to
 * expire within 60 days. An item is due `interval` days after its `last_verified` day; days are Beijing days. Items
 * without `last_verified` (the rule questions, which are the platform's own wording, not facts) are not listed.
 */
import type { Db } from '../../platform/db/database.js';
import { CONTENT_KINDS, type ContentKind, type ContentStore } from '../content/index.js';

/**
 * Days between checks, per kind. Why these:
 *  - policies, rules, rule parameters (90): policies are amended, replaced and expire every month, and the rules and
 *    thresholds that say who a policy applies to follow them — an outdated one misleads an investor's decision;
 *  - market-access lists and items (180): the negative lists are re-issued about once a year, with mid-year openings;
 *  - contacts (180): offices move and change phone numbers after reorganisations, and a wrong number is the first
 *    thing an investor meets;
 *  - projects (180): the conference's project lists are renewed yearly and projects are signed or dropped in between;
 *  - procedures (180): online services and required documents change with each "business environment" reform round;
 *  - costs, statistics, articles (365): prices, yearbook figures and narrative pages change once a year at most;
 *  - everything else (365): districts, parks, zones, industries, glossary, site terms, the plan template and the
 *    service line's catalogue are stable descriptions.
 */
export const RECHECK_DAYS: Record<ContentKind, number> = {
  policies: 90,
  rules: 90,
  'rule-parameters': 90,
  'market-access-lists': 180,
  'market-access-items': 180,
  contacts: 180,
  projects: 180,
  procedures: 180,
  costs: 365,
  statistics: 365,
  articles: 365,
  districts: 365,
  zones: 365,
  industries: 365,
  parks: 365,
  glossary: 365,
  'site-terms': 365,
  'rule-facts': 365,
  'plan-steps': 365,
  'service-limits': 365,
  'service-topics': 365,
  'service-reply-templates': 365,
};

/** Items falling due within this many days are listed as "due soon". */
export const DUE_SOON_DAYS = 30;
/** Policies whose scheduled expiry falls within this many days are listed. */
export const EXPIRY_WINDOW_DAYS = 60;

const DAY_MS = 86_400_000;

/** The Beijing calendar day of `now` (UTC+8, no daylight saving) as YYYY-MM-DD. */
export function beijingDay(now: Date): string {
  return new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}

function dayNumber(day: string): number {
  return Math.floor(Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10))) / DAY_MS);
}

function dayOf(n: number): string {
  return new Date(n * DAY_MS).toISOString().slice(0, 10);
}

export interface FreshnessEntry {
  kind: ContentKind;
  id: string;
  title: { en: string; zh: string };
  lastVerified: string;
  intervalDays: number;
  /** The day the item is due for checking (last_verified + interval). */
  due: string;
  /** Days past the due day (overdue entries), or days left until it (due-soon entries, 0 = today). */
  days: number;
}

export interface ExpiringPolicy {
  id: string;
  title: { en: string; zh: string };
  expireAt: Date;
  revisionId: string;
  /** `scheduled`, or `in_review` while it waits for a second person. */
  state: string;
  daysLeft: number;
}

export interface FreshnessReport {
  today: string;
  kind: ContentKind | null;
  overdue: FreshnessEntry[];
  dueSoon: FreshnessEntry[];
  expiring: ExpiringPolicy[];
  /** Per kind (all kinds, whatever the filter): items checked for freshness, overdue, due soon. */
  counts: { kind: ContentKind; items: number; overdue: number; dueSoon: number; intervalDays: number }[];
}

function titleOf(item: Record<string, unknown>): { en: string; zh: string } {
  const pick = (lang: 'en' | 'zh') => {
    const words = item[lang] as Record<string, unknown> | undefined;
    for (const key of ['title', 'name', 'term', 'label', 'question', 'caption']) {
      if (typeof words?.[key] === 'string' && words[key]) return words[key] as string;
    }
    return String(item.id);
  };
  return { en: pick('en'), zh: pick('zh') };
}

/** The report for `now` over the live `store`; `kind` narrows the lists (the counts always cover every kind). */
export async function freshnessReport(db: Db, store: ContentStore, now: Date, kind: ContentKind | null = null): Promise<FreshnessReport> {
  const today = beijingDay(now);
  const todayN = dayNumber(today);
  const overdue: FreshnessEntry[] = [];
  const dueSoon: FreshnessEntry[] = [];
  const counts: FreshnessReport['counts'] = [];
  for (const k of Object.keys(CONTENT_KINDS) as ContentKind[]) {
    const intervalDays = RECHECK_DAYS[k];
    let items = 0;
    let late = 0;
    let soon = 0;
    for (const item of store.all(k) as unknown as Record<string, unknown>[]) {
      const verified = item.last_verified;
      if (typeof verified !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(verified)) continue;
      items++;
      const dueN = dayNumber(verified) + intervalDays;
      const entry = { kind: k, id: String(item.id), title: titleOf(item), lastVerified: verified, intervalDays, due: dayOf(dueN) };
      if (dueN < todayN) {
        late++;
        if (!kind || kind === k) overdue.push({ ...entry, days: todayN - dueN });
      } else if (dueN - todayN <= DUE_SOON_DAYS) {
        soon++;
        if (!kind || kind === k) dueSoon.push({ ...entry, days: dueN - todayN });
      }
    }
    if (items > 0) counts.push({ kind: k, items, overdue: late, dueSoon: soon, intervalDays });
  }
  const byId = (a: FreshnessEntry, b: FreshnessEntry) => (a.kind < b.kind ? -1 : a.kind > b.kind ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  overdue.sort((a, b) => b.days - a.days || byId(a, b));
  dueSoon.sort((a, b) => a.days - b.days || byId(a, b));

  const until = new Date(now.getTime() + EXPIRY_WINDOW_DAYS * DAY_MS);
  const rows = !kind || kind === 'policies'
    ? await db
      .selectFrom('content_revisions')
      .select(['id', 'item_id', 'publish_at', 'state'])
      .where('kind', '=', 'policies')
      .where('data', 'is', null)
      .where('state', 'in', ['scheduled', 'in_review'])
      .where('publish_at', '>', now)
      .where('publish_at', '<=', until)
      .orderBy('publish_at')
      .orderBy('item_id')
      .execute()
    : [];
  const expiring: ExpiringPolicy[] = rows.map((row) => {
    const expireAt = new Date(row.publish_at as Date | string);
    const policy = store.get('policies', row.item_id) as unknown as Record<string, unknown> | undefined;
    return {
      id: row.item_id,
      title: policy ? titleOf(policy) : { en: row.item_id, zh: row.item_id },
      expireAt,
      revisionId: String(row.id),
      state: row.state,
      daysLeft: dayNumber(beijingDay(expireAt)) - todayN,
    };
  });
  return { today, kind, overdue, dueSoon, expiring, counts };
}
