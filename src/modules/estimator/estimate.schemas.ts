/** The cost estimate request: one location and the quantities to price. Every field is validated at the edge. */
import { z } from 'zod';
import { DISTRICT_IDS } from '../content/index.js';

const positive = (max: number) => z.coerce.number().positive().max(max);

export const GAS_PERIODS = ['2024-11-15_2025-03-15', 'from_2025-03-16'] as const;

export const estimateRequestSchema = z
  .object({
    district: z.enum(DISTRICT_IDS),
    months: z.coerce.number().int().min(1).max(120).default(12),
    office: z
      .object({
        area_m2: positive(1_000_000),
        /**
         * English name of the business district's row in the rent table, e.g. "CBD", or "Others" for a site outside
         * the listed business districts; needed when the district has several.
         */
        business_district: z.string().max(80).optional(),
      })
      .strict()
      .optional(),
    water_m3_per_month: positive(10_000_000).optional(),
    electricity: z
      .object({
        kwh_per_month: positive(100_000_000),
        /** The only non-residential tariff the guide prints. */
        category: z.enum(['general_commercial', 'non_residential_at_residential_price']).default('general_commercial'),
        voltage: z.enum(['below_1kv', '1kv_and_above']).default('below_1kv'),
      })
      .strict()
      .optional(),
    gas: z.object({ m3_per_month: positive(100_000_000), period: z.enum(GAS_PERIODS).default('from_2025-03-16') }).strict().optional(),
    heating: z
      .object({
        method: z.enum(['area', 'metered']),
        area_m2: positive(1_000_000),
        kwh_per_season: positive(1_000_000_000).optional(),
        seasons: z.coerce.number().int().min(1).max(10).default(1),
      })
      .strict()
      .refine((h) => h.method === 'area' || h.kwh_per_season !== undefined, { message: 'metered heating needs kwh_per_season', path: ['kwh_per_season'] })
      .optional(),
    /** Staff apartments: each apartment is a household on the tiered residential electricity tariff. */
    staff_apartments: z
      .object({
        count: z.coerce.number().int().min(1).max(100_000),
        /** Electricity per apartment per month (kWh): the tiers are per household per month. */
        kwh_per_month: positive(1_000_000),
        voltage: z.enum(['below_1kv', '1kv_and_above']).default('below_1kv'),
      })
      .strict()
      .optional(),
    staff: z
      .object({
        count: z.coerce.number().int().min(1).max(100_000),
        /** Monthly salary base per employee for social insurance (CNY). */
        monthly_salary_cny: positive(10_000_000),
      })
      .strict()
      .optional(),
  })
  .strict();

export type EstimateRequest = z.infer<typeof estimateRequestSchema>;
