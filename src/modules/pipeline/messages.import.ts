/**
 * The import's own strings (messages.import.en.ts / .zh.ts) and how a problem or a refusal is worded: the column is
 * named by its header as the file spells it (or, when the file has no such column, as the page's language does).
 */
import { defineMessages, numberFormat, type Lang } from '../../platform/i18n/i18n.js';
import { columnByKey, headerIn } from './import/import-columns.js';
import { IMPORT_LIMITS, type FileRefusal } from './import/parse-import.js';
import type { ImportProblem } from './import/validate-rows.js';
import { t } from './messages.js';
import { importEn } from './messages.import.en.js';
import { importZh } from './messages.import.zh.js';
import { STAGES, type Stage } from './stage-rules.js';

export const tImport = defineMessages({ en: importEn, zh: importZh });

/** A problem's column as the person knows it: the file's header, else the page's. */
export function problemColumn(lang: Lang, problem: ImportProblem): string {
  if (problem.header) return problem.header;
  const column = problem.column ? columnByKey(problem.column) : undefined;
  return column ? headerIn(lang, column) : tImport(lang, 'pipeline.import.preview.wholeRow');
}

export function importProblemText(lang: Lang, problem: ImportProblem, headers: ReadonlyMap<string, string>): string {
  let other = problem.other ?? '';
  if (problem.code === 'before' && problem.other) {
    const column = columnByKey(problem.other);
    other = headers.get(problem.other) ?? (column ? headerIn(lang, column) : problem.other);
  }
  if (problem.code === 'backward' && (STAGES as readonly string[]).includes(other)) other = t(lang, `pipeline.stage.${other as Stage}`);
  return tImport(lang, `pipeline.import.problem.${problem.code}`, { other });
}

export function fileRefusalText(lang: Lang, refusal: FileRefusal): string {
  const mb = numberFormat[lang].format(IMPORT_LIMITS.maxBytes / 1024 / 1024);
  const rows = 'rows' in refusal ? numberFormat[lang].format(refusal.rows) : '';
  const line = 'line' in refusal ? String(refusal.line) : '';
  return tImport(lang, `pipeline.import.refusal.${refusal.code}`, { mb, rows, line });
}
