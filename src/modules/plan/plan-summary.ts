/**
 * The plan's answer first: what the summary at the top of /…/plan says, computed from the same results the sections
 * below show (the estimate, the policy match, the market-access check, the steps), so the two cannot disagree.
 */
import type { Bilingual, ContentStore } from '../content/index.js';
import { estimateCosts, EstimateInputError, type Estimate } from '../estimator/index.js';
import { estimateRequestSchema } from '../estimator/index.js';
import { multiplyToYuan } from '../estimator/index.js';
import { districtRents } from '../districts/index.js';
import type { Facts } from '../matching/index.js';
import type { MatchResult } from '../matching/index.js';
import type { DatedObligation, PlanStep } from './plan.js';

/** The business area whose rent the plan's estimate uses: named only where the district has several. */
export function businessAreaOf(store: ContentStore, district: string): string | undefined {
  const rents = districtRents(store, district);
  return rents.length > 1 ? rents[0].area.en : undefined;
}

export interface PlanEstimate {
  estimate: Estimate;
  /** What the yearly total holds and what it leaves out, as the investor gave it. */
  office?: { area_m2: number; place: Bilingual };
  staff?: { count: number; monthly_salary_cny: number; yearly_salaries_cny: number };
}

/**
 * A year (12 months) of office rent and employer social insurance for the investor's district — the estimator's
 * defaults. Salaries themselves and the housing provident fund are not in it: the guide gives no fund rate, and
 * salaries are the investor's own figure, shown beside the total instead of inside it.
 */
export function planEstimate(store: ContentStore, facts: Facts, officeArea: string, salary: string): PlanEstimate | null {
  const district = typeof facts.district === 'string' ? facts.district : undefined;
  if (!district || (!officeArea && !salary)) return null;
  const staffCount = typeof facts.staff === 'number' && facts.staff > 0 ? facts.staff : undefined;
  const parsed = estimateRequestSchema.safeParse({
    district,
    months: 12,
    office: officeArea ? { area_m2: officeArea, business_district: businessAreaOf(store, district) } : undefined,
    staff: salary && staffCount ? { count: staffCount, monthly_salary_cny: salary } : undefined,
  });
  if (!parsed.success) return null;
  try {
    const estimate = estimateCosts(store, parsed.data);
    const { office, staff } = parsed.data;
    return {
      estimate,
      office: office && estimate.location.rent_row ? { area_m2: office.area_m2, place: estimate.location.rent_row.area } : undefined,
      staff: staff ? { ...staff, yearly_salaries_cny: multiplyToYuan(staff.monthly_salary_cny, staff.count, 12) } : undefined,
    };
  } catch (error) {
    if (error instanceof EstimateInputError) return null;
    throw error;
  }
}

/** Counted exactly as Policies for me counts them. */
export function policyCounts(results: readonly MatchResult[]): { applies: number; may: number } {
  return { applies: results.filter((r) => r.status === 'applies').length, may: results.filter((r) => r.status === 'may_apply').length };
}

/** The dated obligation that falls due first (by its last day). */
export function firstDeadline(steps: readonly PlanStep[]): DatedObligation | undefined {
  return steps
    .map((s) => s.obligation)
    .filter((o): o is DatedObligation => o !== undefined)
    .sort((a, b) => (a.end < b.end ? -1 : a.end > b.end ? 1 : 0))[0];
}

/** Steps added for a regulated activity of the investor's industry, not for every company. */
export function activitySteps(steps: readonly PlanStep[]): PlanStep[] {
  return steps.filter((s) => s.template.only_activity !== undefined);
}
