/**
 * The columns of a district spreadsheet, as data: each column's header in English and in Chinese (a file may use
 * either set, or the column's key), what its cells hold, and which field of the forms' schemas it fills — so a
 * problem the shared validation reports on a field (`investorSchema`'s `name`, `projectFieldsSchema`'s `signed_on`)
 * is shown at the column it came from.
 *
 * The headers are the file format, not page text: a spreadsheet a district filled in last year must still import
 * after someone rewords a label on the site, so they live here and never in a message catalogue.
 */
import type { Lang } from '../../../platform/i18n/i18n.js';

/** What a cell holds, which decides how it is read (value.ts) and what the import page says it accepts. */
export type CellKind =
  | 'reference' | 'text' | 'origin' | 'kind' | 'industry' | 'district' | 'park' | 'ftz_cluster' | 'opportunity'
  | 'currency' | 'amount' | 'date' | 'integer' | 'source' | 'stage' | 'status' | 'reason' | 'uscc';

/** Where a cell goes: the row's key, the investor, the project's fields, or its stage and status. */
export type ColumnTarget = 'key' | 'investor' | 'project' | 'stage' | 'status' | 'reason' | 'note';

export interface ImportColumn {
  key: string;
  en: string;
  zh: string;
  cell: CellKind;
  target: ColumnTarget;
  /** The field's name in the schema that validates it (investorSchema, projectFieldsSchema) or in the status rules. */
  field: string;
  /** The header must be in the file (the other columns may be left out: their fields are then not touched). */
  mandatory: boolean;
}

const column = (key: string, en: string, zh: string, cell: CellKind, target: ColumnTarget, field: string, mandatory = false): ImportColumn => ({ key, en, zh, cell, target, field, mandatory });

export const IMPORT_COLUMNS: readonly ImportColumn[] = [
  // The district's own reference for the project: with the district it is the key that makes a second import update.
  column('district_ref', 'District reference', '区级项目编号', 'reference', 'key', 'district_ref', true),
  column('investor_name', 'Investor', '投资方', 'text', 'investor', 'name', true),
  column('investor_name_zh', 'Investor Chinese name', '投资方中文名称', 'text', 'investor', 'name_zh'),
  column('origin', 'Origin (ISO code)', '来源国家或地区代码', 'origin', 'investor', 'origin', true),
  column('parent_group', 'Parent group', '所属集团', 'text', 'investor', 'parent_group'),
  column('name', 'Project name', '项目名称', 'text', 'project', 'name', true),
  column('kind', 'Kind', '项目类型', 'kind', 'project', 'kind', true),
  column('industry_id', 'Industry', '产业', 'industry', 'project', 'industry_id'),
  column('district_id', 'District', '所在区', 'district', 'project', 'district_id', true),
  column('park_id', 'Park', '园区', 'park', 'project', 'park_id'),
  column('ftz_cluster_id', 'FTZ cluster', '自贸试验区组团', 'ftz_cluster', 'project', 'ftz_cluster_id'),
  column('opportunity_id', 'Opportunity id', '投资机会编号', 'opportunity', 'project', 'opportunity_id'),
  column('currency', 'Currency', '币种', 'currency', 'project', 'currency'),
  column('amount_total', 'Total investment', '投资总额', 'amount', 'project', 'amount_total'),
  column('amount_foreign', 'Foreign investment', '外资金额', 'amount', 'project', 'amount_foreign'),
  column('registered_capital', 'Registered capital', '注册资本', 'amount', 'project', 'registered_capital'),
  column('amount_cny', 'Total in CNY', '折合人民币', 'amount', 'project', 'amount_cny'),
  column('amount_cny_on', 'CNY value date', '人民币折算日期', 'date', 'project', 'amount_cny_on'),
  column('expected_jobs', 'Expected jobs', '预计就业人数', 'integer', 'project', 'expected_jobs'),
  column('source_kind', 'Source', '项目来源', 'source', 'project', 'source_kind', true),
  column('source_detail', 'Source detail', '来源说明', 'text', 'project', 'source_detail'),
  column('stage', 'Stage', '阶段', 'stage', 'stage', 'stage', true),
  column('status', 'Status', '状态', 'status', 'status', 'status'),
  column('status_reason', 'Status reason', '流失或放弃原因', 'reason', 'reason', 'reason'),
  column('status_note', 'Status note', '状态说明', 'text', 'note', 'note'),
  column('next_action', 'Next action', '下一步工作', 'text', 'project', 'next_action'),
  column('next_action_on', 'Next action date', '下一步工作日期', 'date', 'project', 'next_action_on'),
  column('signed_on', 'Signed on', '签约日期', 'date', 'project', 'signed_on'),
  column('agreement_parties', 'Agreement parties', '签约各方', 'text', 'project', 'agreement_parties'),
  column('agreement_ref', 'Agreement reference', '协议编号', 'text', 'project', 'agreement_ref'),
  column('uscc', 'USCC', '统一社会信用代码', 'uscc', 'project', 'uscc'),
  column('registered_on', 'Registered on', '注册日期', 'date', 'project', 'registered_on'),
  column('first_operation_on', 'First operation on', '投入运营日期', 'date', 'project', 'first_operation_on'),
];

/** A district reference starting with this is the template's example row: the import skips it. */
export const EXAMPLE_PREFIX = 'EXAMPLE';
/** Longest district reference (the key `<district>:<reference>` must fit the column's 200 characters). */
export const MAX_DISTRICT_REF = 100;

export const columnByKey = (key: string): ImportColumn | undefined => IMPORT_COLUMNS.find((c) => c.key === key);

/** The column a validation problem on `field` belongs to: of the investor (investorSchema) or of the project. */
export function columnOfField(of: 'investor' | 'project', field: string): ImportColumn | undefined {
  return IMPORT_COLUMNS.find((c) => c.field === field && (of === 'investor') === (c.target === 'investor'));
}

export const headerIn = (lang: Lang, column: ImportColumn): string => column[lang];

/** Headers are compared without case, surrounding spaces or a BOM, and with full-width brackets as ASCII ones. */
const normaliseHeader = (header: string) => header.replace(/^\ufeff/, '').replace(/（/g, '(').replace(/）/g, ')').replace(/\s+/g, ' ').trim().toLowerCase();

const BY_HEADER = new Map<string, ImportColumn>(IMPORT_COLUMNS.flatMap((c) => [c.key, c.en, c.zh].map((h) => [normaliseHeader(h), c] as const)));

export type HeaderProblem =
  | { code: 'unknown_column'; index: number; header: string }
  | { code: 'duplicate_column'; index: number; header: string }
  | { code: 'missing_column'; column: ImportColumn };

export interface HeaderMap {
  /** For each cell position of a row, its column (null for an unknown header: its cells are not read). */
  columns: (ImportColumn | null)[];
  /** Each known column's header as the file spells it (shown in errors). */
  headers: Map<string, string>;
  problems: HeaderProblem[];
}

/** Reads the header row: which column each position is, and every unknown, repeated or missing column. */
export function matchHeaders(cells: readonly string[]): HeaderMap {
  const headers = new Map<string, string>();
  const problems: HeaderProblem[] = [];
  const columns = cells.map((cell, index) => {
    const found = BY_HEADER.get(normaliseHeader(cell));
    if (!found) {
      // A blank header over an empty column (a spreadsheet's trailing comma) is not a mistake worth stopping for.
      if (cell.trim() !== '') problems.push({ code: 'unknown_column', index, header: cell.trim() });
      return null;
    }
    if (headers.has(found.key)) {
      problems.push({ code: 'duplicate_column', index, header: cell.trim() });
      return null;
    }
    headers.set(found.key, cell.replace(/^\ufeff/, '').trim());
    return found;
  });
  for (const c of IMPORT_COLUMNS) if (c.mandatory && !headers.has(c.key)) problems.push({ code: 'missing_column', column: c });
  return { columns, headers, problems };
}
