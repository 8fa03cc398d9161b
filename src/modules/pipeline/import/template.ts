/**
 * The spreadsheet template: the headers in the page's language and one example row, a signed project, written with
 * the labels a person would type (the import reads labels in either language). Its district reference starts with
 * EXAMPLE, so importing the template as it is imports nothing; a district officer's example is in their district.
 */
import { csvDocument, type CsvCell } from '../../../platform/http/csv.js';
import type { Lang } from '../../../platform/i18n/i18n.js';
import type { ContentStore } from '../../content/index.js';
import { t } from '../messages.js';
import { tImport } from '../messages.import.js';
import { EXAMPLE_PREFIX, IMPORT_COLUMNS } from './import-columns.js';

function exampleRow(lang: Lang, store: ContentStore, districtId: string | null): Record<string, CsvCell> {
  const district = store.get('districts', districtId ?? 'haidian') ?? store.get('districts', 'haidian');
  const industry = store.get('industries', 'intelligent-equipment');
  const x = (key: Parameters<typeof tImport>[1]) => tImport(lang, key);
  return {
    district_ref: `${EXAMPLE_PREFIX}-1`,
    investor_name: 'Nordlicht Robotics GmbH',
    // Example data, the same in both templates: the investor's own names.
    investor_name_zh: '诺德利希特机器人有限公司',
    origin: 'DE',
    parent_group: 'Nordlicht Group',
    name: x('pipeline.import.example.name'),
    kind: t(lang, 'pipeline.kind.rd_centre'),
    industry_id: industry?.[lang].name ?? 'intelligent-equipment',
    district_id: district?.[lang].name ?? districtId ?? 'haidian',
    currency: 'EUR',
    amount_total: 12000000,
    amount_foreign: 12000000,
    amount_cny: 93600000,
    amount_cny_on: '2025-11-20',
    expected_jobs: 120,
    source_kind: t(lang, 'pipeline.source.event'),
    source_detail: x('pipeline.import.example.sourceDetail'),
    stage: t(lang, 'pipeline.stage.signed'),
    status: t(lang, 'pipeline.status.active'),
    next_action: x('pipeline.import.example.nextAction'),
    next_action_on: '2026-01-15',
    signed_on: '2025-11-25',
    agreement_parties: x('pipeline.import.example.parties'),
    agreement_ref: 'HD-2025-117',
  };
}

export function importTemplate(lang: Lang, store: ContentStore, districtId: string | null): string {
  const example = exampleRow(lang, store, districtId);
  return csvDocument([IMPORT_COLUMNS.map((c) => c[lang]), IMPORT_COLUMNS.map((c) => example[c.key] ?? '')]);
}
