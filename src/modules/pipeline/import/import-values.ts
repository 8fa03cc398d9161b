/**
 * How a spreadsheet cell is read before the shared validation sees it. People type what they see on the site, so a
 * value of a list is accepted as its code or as its label in either language ("rd_centre", "R&D centre", "研发中心"),
 * a district or industry by its id or its name ("haidian", "Haidian District", "海淀区"), and a date as YYYY-MM-DD or
 * YYYY/MM/DD (Excel's Chinese default). A value that matches nothing is passed on as it is, so the schema reports it
 * at its column the way the forms would.
 */
import type { ContentStore } from '../../content/index.js';
import { t } from '../messages.js';
import { LOSS_REASONS, PROJECT_KINDS, SOURCE_KINDS, STAGES, STATUSES } from '../stage-rules.js';
import type { CellKind } from './import-columns.js';

const key = (value: string) => value.replace(/\s+/g, ' ').trim().toLowerCase();

type LabelPrefix = 'pipeline.kind' | 'pipeline.source' | 'pipeline.stage' | 'pipeline.status' | 'pipeline.reason';

function labelIndex(prefix: LabelPrefix, codes: readonly string[]): Map<string, string> {
  const index = new Map<string, string>();
  for (const code of codes) {
    index.set(key(code), code);
    for (const lang of ['en', 'zh'] as const) index.set(key(t(lang, `${prefix}.${code}` as Parameters<typeof t>[1])), code);
  }
  return index;
}

const LISTS: Partial<Record<CellKind, Map<string, string>>> = {
  kind: labelIndex('pipeline.kind', PROJECT_KINDS),
  source: labelIndex('pipeline.source', SOURCE_KINDS),
  stage: labelIndex('pipeline.stage', STAGES),
  status: labelIndex('pipeline.status', STATUSES),
  reason: labelIndex('pipeline.reason', LOSS_REASONS),
};

type NamedKind = 'districts' | 'industries' | 'parks' | 'zones';
const CONTENT_OF: Partial<Record<CellKind, NamedKind>> = { district: 'districts', industry: 'industries', park: 'parks', ftz_cluster: 'zones' };

/** Ids of content items by id and by their names in both languages, built once per content version. */
const nameIndexes = new WeakMap<ContentStore, Map<NamedKind, Map<string, string>>>();

function contentIndex(store: ContentStore, kind: NamedKind): Map<string, string> {
  let indexes = nameIndexes.get(store);
  if (!indexes) nameIndexes.set(store, (indexes = new Map()));
  let index = indexes.get(kind);
  if (!index) {
    index = new Map();
    for (const item of store.all(kind) as readonly { id: string; en: { name: string }; zh: { name: string } }[]) {
      for (const name of [item.id, item.en.name, item.zh.name]) index.set(key(name), item.id);
    }
    indexes.set(kind, index);
  }
  return index;
}

/** YYYY/MM/DD, YYYY-M-D, YYYY.MM.DD → YYYY-MM-DD (the schema then checks it is a real day). */
function dateOf(value: string): string {
  const match = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(value);
  return match ? `${match[1]}-${match[2].padStart(2, '0')}-${match[3].padStart(2, '0')}` : value;
}

/**
 * A cell as the field's validation expects it: "" for an empty cell (read as "not given" by parseFields), a code for a
 * list's label, an id for a content name, an ISO date. A leading apostrophe that a spreadsheet (or our own CSV
 * export) put before a formula-like text to defuse it is taken off again.
 */
export function cellValue(cell: CellKind, raw: string, store: ContentStore): string {
  const value = raw.replace(/^'(?=[=+\-@])/, '').trim();
  if (value === '') return '';
  const list = LISTS[cell];
  if (list) return list.get(key(value)) ?? value;
  const content = CONTENT_OF[cell];
  if (content) return contentIndex(store, content).get(key(value)) ?? value;
  if (cell === 'date') return dateOf(value);
  if (cell === 'integer') return value.replace(/[,，\s]/g, '');
  return value;
}
