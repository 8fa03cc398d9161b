/**
 * Office rents of the business districts that lie in a district. The rent table marks each row with the
 * district ids it belongs to (hidden column `district_ids`), so the mapping is data, shown on the costs page.
 */
import type { Bilingual, ContentStore, Cost } from '../content/index.js';

export interface DistrictRent {
  cost: Cost;
  area: Bilingual;
  rent: number;
  unit: Bilingual;
}

export function districtRents(store: ContentStore, districtId: string): DistrictRent[] {
  const rents: DistrictRent[] = [];
  for (const cost of store.costs.filter((c) => c.cost_type === 'office_rent')) {
    for (const table of cost.tables) {
      const rentColumn = table.columns.find((c) => c.type === 'number');
      const areaColumn = table.columns.find((c) => !c.hidden && c.type === 'text');
      if (!rentColumn || !areaColumn) continue;
      for (const row of table.rows) {
        const ids = String(row.district_ids ?? '').split(/[\s,]+/);
        const rent = row[rentColumn.key];
        const area = row[areaColumn.key];
        if (!ids.includes(districtId) || typeof rent !== 'number') continue;
        rents.push({
          cost,
          area: typeof area === 'object' && area !== null ? area : { en: String(area), zh: String(area) },
          rent,
          unit: rentColumn.unit ?? { en: '', zh: '' },
        });
      }
    }
  }
  return rents;
}
