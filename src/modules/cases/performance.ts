/**
 * The public performance page's figures: aggregates of all cases over the last twelve months, with small counts
 * suppressed so that no enterprise can be recognised from them.
 *
 * Suppression rule: a count, or a rate or mean taken over fewer than MIN_CASES cases, is not published ("fewer than
 * 5"; zero included, so an empty cell and a small one look alike). Complementary suppression: in a column whose
 * total is published, a single suppressed non-zero cell could be recovered by subtraction, so the smallest published
 * cell of that column is withheld too ("not published"). No unit below the district level and no case is shown.
 */
import type { CaseDb } from './case.tables.js';
import { answeredTotals, type Share } from './dashboard-figures.js';
import { answeredGroups, districtGroups, receivedByWeek } from './dashboard.queries.js';
import { lastTwelveMonths, type ReportPeriod } from './report-period.js';

export const MIN_CASES = 5;

export type Cell<T> = { state: 'shown'; value: T } | { state: 'few' } | { state: 'hidden' };

export interface PerformanceFigures {
  period: ReportPeriod;
  received: Cell<number>;
  resolution: Cell<Share>;
  onTime: Cell<Share>;
  byLimit: { limitId: string; answered: Cell<number>; onTime: Cell<Share> }[];
  answeredTotal: Cell<number>;
  satisfaction: Cell<{ mean: number; ratings: number }>;
  districts: { id: string | null; received: Cell<number>; onTime: Cell<Share> }[];
}

const countCell = (n: number): Cell<number> => (n >= MIN_CASES ? { state: 'shown', value: n } : { state: 'few' });
const shareCell = (share: Share): Cell<Share> => (share.of >= MIN_CASES ? { state: 'shown', value: share } : { state: 'few' });

/** Count cells of one column, with the complementary suppression of the file's comment when the total is shown. */
export function suppressColumn(values: number[], totalShown: boolean): Cell<number>[] {
  const cells = values.map(countCell);
  const fewNonZero = values.filter((v) => v > 0 && v < MIN_CASES).length;
  const fewCells = cells.filter((c) => c.state === 'few').length;
  if (totalShown && fewNonZero >= 1 && fewCells === 1) {
    let smallest = -1;
    values.forEach((v, i) => {
      if (cells[i].state === 'shown' && (smallest < 0 || v < values[smallest])) smallest = i;
    });
    if (smallest >= 0) cells[smallest] = { state: 'hidden' };
  }
  return cells;
}

export async function performanceFigures(db: CaseDb, today: string, now: Date, limitIds: string[], districtIds: string[]): Promise<PerformanceFigures> {
  const period = lastTwelveMonths(today);
  const all = { kind: 'all' } as const;
  const [weeks, answered, districts] = await Promise.all([receivedByWeek(db, all, {}, period), answeredGroups(db, all, {}, period, now), districtGroups(db, all, period, now)]);
  const received = weeks.reduce((sum, w) => sum + w.n, 0);

  const { onTime, resolution, satisfaction, byLimit: limits } = answeredTotals(answered, limitIds);
  const { ratings, sum: ratingSum } = satisfaction;

  const limitList = [...limits];
  const answeredTotal = countCell(onTime.of);
  const limitCounts = suppressColumn(limitList.map(([, share]) => share.of), answeredTotal.state === 'shown');

  const districtRows = [...districtIds, null].map((id) => {
    const n = districts.received.find((r) => r.district_id === id)?.n ?? 0;
    const share: Share = { yes: 0, of: 0 };
    for (const row of districts.answered.filter((r) => r.district_id === id)) {
      share.of += row.n;
      if (row.sla === 'met') share.yes += row.n;
    }
    return { id, n, share };
  });
  // Cases without a district make a row only when there are some.
  const shownDistricts = districtRows.filter((row) => row.id !== null || row.n > 0 || row.share.of > 0);
  const receivedCells = suppressColumn(shownDistricts.map((row) => row.n), received >= MIN_CASES);

  return {
    period,
    received: countCell(received),
    resolution: shareCell(resolution),
    onTime: shareCell(onTime),
    answeredTotal,
    byLimit: limitList.map(([limitId, share], i) => ({ limitId, answered: limitCounts[i], onTime: shareCell(share) })),
    satisfaction: ratings >= MIN_CASES ? { state: 'shown', value: { mean: ratingSum / ratings, ratings } } : { state: 'few' },
    districts: shownDistricts.map((row, i) => ({ id: row.id, received: receivedCells[i], onTime: shareCell(row.share) })),
  };
}
