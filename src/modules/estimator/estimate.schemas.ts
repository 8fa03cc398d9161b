/** The cost estimate request: one location and the quantities to price. Every field is validated at the edge. */
import { z } from 'zod';
import { DISTRICT_IDS } from '../content/index.js';

const positive = (max: number) => z.coerce.number().positive().max(max);

export const GAS_PERIODS = ['2024-11-15_2025-03-15', 'from_2025-03-16'] as const;
/** The only non-residential tariff the guide prints, and non-residential use charged at the residential price. */
export const ELECTRICITY_CATEGORIES = ['general_commercial', 'non_residential_at_residential_price'] as const;
export const VOLTAGES = ['below_1kv', '1kv_and_above'] as const;
export const HEATING_METHODS = ['area', 'metered'] as const;

/** Bounds of every quantity, shared with the estimator page's form so that a valid form is a valid request. */
export const ESTIMATE_LIMITS = {
  months: { min: 1, max: 120 },
  office_area_m2: 1_000_000,
  business_district_chars: 80,
  water_m3_per_month: 10_000_000,
  electricity_kwh_per_month: 100_000_000,
  gas_m3_per_month: 100_000_000,
  heating_area_m2: 1_000_000,
  heating_kwh_per_season: 1_000_000_000,
  staff_apartments: 100_000,
  apartment_kwh_per_month: 1_000_000,
  staff: 100_000,
  monthly_salary_cny: 10_000_000,
} as const;
const L = ESTIMATE_LIMITS;

export const estimateRequestSchema = z
  .object({
    district: z.enum(DISTRICT_IDS),
    months: z.coerce.number().int().min(L.months.min).max(L.months.max).default(12),
    office: z
      .object({
        area_m2: positive(L.office_area_m2),
        /**
         * English name of the business district's row in the rent table, e.g. "CBD", or "Others" for a site outside
         * the listed business districts; needed when the district has several.
         */
        business_district: z.string().max(L.business_district_chars).optional(),
      })
      .strict()
      .optional(),
    water_m3_per_month: positive(L.water_m3_per_month).optional(),
    electricity: z
      .object({
        kwh_per_month: positive(L.electricity_kwh_per_month),
        category: z.enum(ELECTRICITY_CATEGORIES).default('general_commercial'),
        voltage: z.enum(VOLTAGES).default('below_1kv'),
      })
      .strict()
      .optional(),
    gas: z.object({ m3_per_month: positive(L.gas_m3_per_month), period: z.enum(GAS_PERIODS).default('from_2025-03-16') }).strict().optional(),
    heating: z
      .object({
        method: z.enum(HEATING_METHODS),
        area_m2: positive(L.heating_area_m2),
        kwh_per_season: positive(L.heating_kwh_per_season).optional(),
        seasons: z.coerce.number().int().min(1).max(10).default(1),
      })
      .strict()
      .refine((h) => h.method === 'area' || h.kwh_per_season !== undefined, { message: 'metered heating needs kwh_per_season', path: ['kwh_per_season'] })
      .optional(),
    /** Staff apartments: each apartment is a household on the tiered residential electricity tariff. */
    staff_apartments: z
      .object({
        count: z.coerce.number().int().min(1).max(L.staff_apartments),
        /** Electricity per apartment per month (kWh): the tiers are per household per month. */
        kwh_per_month: positive(L.apartment_kwh_per_month),
        voltage: z.enum(VOLTAGES).default('below_1kv'),
      })
      .strict()
      .optional(),
    staff: z
      .object({
        count: z.coerce.number().int().min(1).max(L.staff),
        /** Monthly salary base per employee for social insurance (CNY). */
        monthly_salary_cny: positive(L.monthly_salary_cny),
      })
      .strict()
      .optional(),
  })
  .strict();

export type EstimateRequest = z.infer<typeof estimateRequestSchema>;
