/**
 * The rows of the cost tables (content/costs) the estimator prices from, named by the stable keys in each table's
 * hidden `key` column. The estimator never matches a row by its English label, so an editor may reword a label
 * freely; and because the content check runs `checkTariffRows` on every cost item, a key that goes missing (or is
 * duplicated, or loses the number the estimator reads) fails `content:check` and the load — never an estimate.
 *
 * Kept free of runtime imports: the content schema imports it.
 */
import type { z } from 'zod';

/** Rate zones and voltages as the estimate request names them; keys are built from them (`…_six_urban`). */
export const RATE_ZONES = ['six_urban', 'other'] as const;
export const VOLTAGES = ['below_1kv', '1kv_and_above'] as const;
/** The residential tiers, lowest first: a tier row's hidden `tier_upper_kwh` is its bound (none for the last). */
export const RESIDENTIAL_TIERS = [1, 2, 3] as const;

export const rowKey = {
  water: (zone: (typeof RATE_ZONES)[number]) => `non_resident_running_water_${zone}`,
  nonResidentialElectricity: (voltage: (typeof VOLTAGES)[number]) => `non_residential_at_residential_price_${voltage}`,
  residentialTier: (tier: (typeof RESIDENTIAL_TIERS)[number], voltage: (typeof VOLTAGES)[number]) => `residential_tier_${tier}_${voltage}`,
  gas: (zone: (typeof RATE_ZONES)[number]) => `industry_commerce_${zone}`,
  heatingByArea: 'by_area',
  basicHeatPrice: 'basic_heat_price',
  meteredHeat: (zone: (typeof RATE_ZONES)[number]) => `metered_heat_${zone}`,
  /** The rent table's row for sites outside its listed business districts. */
  otherRent: 'others',
  fullTimeMinimumWage: 'full_time_monthly',
  injuryInsurance: 'injury_insurance',
} as const;

/** The social insurance items priced at one rate: the estimate's line key → the table row's key. */
export const FIXED_RATE_INSURANCE = { pension: 'pension_insurance', unemployment: 'unemployment_insurance', medical: 'medical_insurance' } as const;

const GAS_PRICES = ['price_2024_11_15_to_2025_03_15', 'price_from_2025_03_16'];
const HEAT_PRICES = ['six_urban_districts', 'other_districts'];

/** Per cost type: every row key the estimator reads, and the cells of that row it reads as numbers. */
export const TARIFF_ROWS: Readonly<Record<string, Readonly<Record<string, readonly string[]>>>> = {
  water: Object.fromEntries(RATE_ZONES.map((zone) => [rowKey.water(zone), ['water_price']])),
  electricity: Object.fromEntries(
    VOLTAGES.flatMap((voltage) => [
      [rowKey.nonResidentialElectricity(voltage), ['price']],
      // Every tier but the last needs its upper bound; the last has none (it is open-ended).
      ...RESIDENTIAL_TIERS.map((tier) => [rowKey.residentialTier(tier, voltage), tier === RESIDENTIAL_TIERS.length ? ['price'] : ['price', 'tier_upper_kwh']]),
    ]),
  ),
  gas: Object.fromEntries(RATE_ZONES.map((zone) => [rowKey.gas(zone), GAS_PRICES])),
  heating: {
    [rowKey.heatingByArea]: HEAT_PRICES,
    [rowKey.basicHeatPrice]: HEAT_PRICES,
    ...Object.fromEntries(RATE_ZONES.map((zone) => [rowKey.meteredHeat(zone), ['price_per_kwh']])),
  },
  office_rent: { [rowKey.otherRent]: ['effective_rent'] },
  minimum_wage: { [rowKey.fullTimeMinimumWage]: ['amount'] },
  social_insurance: {
    ...Object.fromEntries(Object.values(FIXED_RATE_INSURANCE).map((key) => [key, ['employer_rate_percent', 'employee_rate_percent', 'employee_fixed_yuan']])),
    [rowKey.injuryInsurance]: ['employer_rate_min', 'employer_rate_max'],
  },
};

interface CostTables {
  cost_type: string;
  tables: { id: string; rows: Record<string, unknown>[] }[];
}

/**
 * Zod refinement for a cost item: row keys are unique across its tables, and every row the estimator reads for its
 * cost type exists exactly once with numbers in the cells it reads.
 */
export function checkTariffRows(cost: CostTables, ctx: z.RefinementCtx): void {
  const found = new Map<string, { table: number; row: number }[]>();
  cost.tables.forEach((table, t) =>
    table.rows.forEach((row, r) => {
      if (row.key === undefined || row.key === null) return;
      found.set(String(row.key), [...(found.get(String(row.key)) ?? []), { table: t, row: r }]);
    }),
  );
  for (const [key, places] of found) {
    if (places.length > 1) ctx.addIssue({ code: 'custom', path: ['tables', places[1].table, 'rows', places[1].row, 'key'], message: `row key "${key}" is used ${places.length} times` });
  }
  for (const [key, columns] of Object.entries(TARIFF_ROWS[cost.cost_type] ?? {})) {
    const place = found.get(key)?.[0];
    if (!place) {
      ctx.addIssue({ code: 'custom', path: ['tables'], message: `no row with key "${key}": the cost estimator prices ${cost.cost_type} from it` });
      continue;
    }
    const row = cost.tables[place.table].rows[place.row];
    for (const column of columns.filter((c) => typeof row[c] !== 'number')) {
      ctx.addIssue({ code: 'custom', path: ['tables', place.table, 'rows', place.row, column], message: `row "${key}" needs a number here: the cost estimator reads it` });
    }
  }
}
