/**
 * What a cost estimate says: its components (each with formula, rate and source row), the social insurance both
 * shares, and the notes. Kept apart from the pricing so pages, the API and the plan can use the shapes alone.
 */
import type { Bilingual } from '../content/index.js';

export interface Component {
  key: string;
  name: Bilingual;
  /** For the whole period (`months`; heating: the heating seasons asked). */
  amount_cny: number | null;
  amount_range_cny?: { min: number; max: number };
  /** The same cost for one month, where it accrues by the month (null for heating, which is priced per season). */
  per_month_cny: number | null;
  /** What the amount covers: "months" (the estimate's months) or "seasons" (heating seasons). */
  period: { unit: 'months' | 'seasons'; count: number };
  /** The formula in English (kept for API clients); `formula_text` has it in both languages. */
  formula: string;
  formula_text: Bilingual;
  rate: string;
  unit: string;
  source: { document: string; section: string; table: string; row: string };
  /** Table caption and row in each language, for pages. */
  source_text: Bilingual;
}

export interface SocialInsuranceLine {
  key: string;
  name: Bilingual;
  employer_rate: string;
  employee_rate: Bilingual;
  employer_cny: number | null;
  employer_range_cny?: { min: number; max: number };
  employee_cny: number;
  /** Employer + employee share remitted for this item (range for employment injury insurance). */
  remitted_cny: number | null;
  remitted_range_cny?: { min: number; max: number };
}

/** Both shares of social insurance: what the employer pays on top of salaries and what it withholds from them. */
export interface SocialInsurance {
  staff: number;
  monthly_salary_cny: number;
  months: number;
  lines: SocialInsuranceLine[];
  /** Sums without employment injury insurance (a range); `*_range_cny` include it. */
  employer_cny: number;
  employee_cny: number;
  remitted_cny: number;
  employer_range_cny: { min: number; max: number };
  remitted_range_cny: { min: number; max: number };
  per_employee_per_month: { employer_cny: number; employee_cny: number; remitted_cny: number };
}

/** The rent-table row the office rent was priced from, and why that row. */
export interface RentRow {
  area: Bilingual;
  effective_rent: number;
  why: 'chosen' | 'only_row_in_district' | 'others_row';
}

export interface Estimate {
  location: { district: string; rate_zone: 'six_urban' | 'other'; rate_zone_label: Bilingual; business_district: string | null; rent_row: RentRow | null };
  months: number;
  /** "for 12 months (one year)" / "为期12个月（一年）". */
  period_label: Bilingual;
  components: Component[];
  /** The employer's costs for the period: every priced component, ranges left out. */
  total: number;
  total_range: { min: number; max: number };
  total_includes: Bilingual[];
  total_excludes: Bilingual[];
  social_insurance: SocialInsurance | null;
  notes: Bilingual[];
}

/** A request the tables cannot price as asked (e.g. a business district not in the district): shown against `field`. */
export class EstimateInputError extends Error {
  constructor(readonly field: string, message: string) {
    super(message);
  }
}
