/**
 * The bulk import of one kind: the form (file + change note, the export links and the columns explained) and the
 * preview (counts, every problem as row / field / reason, what each row does, and — only without problems and with
 * something to write — the commit form carrying the file's text, its SHA-256 and the plan's digest back).
 */
import { urls } from '../../../platform/http/urls.js';
import type { Lang } from '../../../platform/i18n/i18n.js';
import { describedBy, ErrorSummary, type FieldError } from '../../../platform/views/forms.js';
import type { ContentKind } from '../../content/index.js';
import { StaffNotice } from '../../staff/index.js';
import type { BulkPlan, BulkText, PlannedRow, RowProblem } from '../bulk/bulk-import.js';
import { fieldLabel } from '../field-labels.js';
import { kindLabel } from '../messages.js';
import { bulkReason, tBulk } from '../messages.bulk.js';

export interface BulkFormModel {
  lang: Lang;
  csrf: string;
  kind: ContentKind;
  note?: string;
  errors?: { file?: string; note?: string };
}

export function BulkImportForm({ lang, csrf, kind, note, errors = {} }: BulkFormModel) {
  return (
    <form method="post" action={urls.staffContentImport(lang, kind)} enctype="multipart/form-data" class="bulk-import-form" novalidate>
      <input type="hidden" name="_csrf" value={csrf} />
      <div class={`field${errors.file ? ' field--error' : ''}`}>
        <label for="bulk-file">{tBulk(lang, 'editorial.bulk.file')}</label>
        <span class="hint" id="bulk-file-hint">
          {tBulk(lang, 'editorial.bulk.fileHint')}
        </span>
        {errors.file && (
          <p class="field__error" id="bulk-file-error">
            {errors.file}
          </p>
        )}
        <input type="file" id="bulk-file" name="file" accept=".json,.csv,application/json,text/csv" aria-describedby={describedBy('bulk-file', true, errors.file)} />
      </div>
      <div class={`field${errors.note ? ' field--error' : ''}`}>
        <label for="bulk-note">{tBulk(lang, 'editorial.bulk.note')}</label>
        <span class="hint" id="bulk-note-hint">
          {tBulk(lang, 'editorial.bulk.noteHint')}
        </span>
        {errors.note && (
          <p class="field__error" id="bulk-note-error">
            {errors.note}
          </p>
        )}
        <textarea id="bulk-note" name="note" rows={3} maxLength={500} aria-describedby={describedBy('bulk-note', true, errors.note)}>
          {note ?? ''}
        </textarea>
      </div>
      <button type="submit" class="button">
        {tBulk(lang, 'editorial.bulk.check')}
      </button>
    </form>
  );
}

function ExportLinks({ lang, kind }: { lang: Lang; kind: ContentKind }) {
  const name = kindLabel(lang, kind);
  return (
    <section aria-labelledby="bulk-export">
      <h2 id="bulk-export">{tBulk(lang, 'editorial.bulk.exportTitle')}</h2>
      <ul>
        <li>
          <a href={urls.staffContentExport(lang, kind, 'json')} download>
            {tBulk(lang, 'editorial.bulk.exportJson', { kind: name })}
          </a>
        </li>
        <li>
          <a href={urls.staffContentExport(lang, kind, 'csv')} download>
            {tBulk(lang, 'editorial.bulk.exportCsv', { kind: name })}
          </a>
        </li>
      </ul>
      <p class="hint">{tBulk(lang, 'editorial.bulk.columnsHelp')}</p>
    </section>
  );
}

export function BulkFormView(model: BulkFormModel & { notice?: string }) {
  const { lang, kind, errors = {} } = model;
  const list: FieldError[] = [
    ...(errors.file ? [{ field: 'bulk-file', message: errors.file }] : []),
    ...(errors.note ? [{ field: 'bulk-note', message: errors.note }] : []),
  ];
  const name = kindLabel(lang, kind);
  return (
    <div class="editorial-bulk">
      {list.length > 0 && <ErrorSummary lang={lang} errors={list} />}
      <p>
        <a href={urls.staffContentKind(lang, kind)}>{tBulk(lang, 'editorial.bulk.back', { kind: name })}</a>
      </p>
      <h1>{tBulk(lang, 'editorial.bulk.title', { kind: name })}</h1>
      {model.notice && <StaffNotice text={model.notice} />}
      <p>{tBulk(lang, 'editorial.bulk.intro', { kind: name })}</p>
      <BulkImportForm {...model} />
      <ExportLinks lang={lang} kind={kind} />
    </div>
  );
}

function fieldText(lang: Lang, kind: ContentKind, problem: RowProblem): string {
  if (problem.column && problem.row === 1) return problem.column;
  if (problem.path.length === 0) return tBulk(lang, 'editorial.bulk.preview.wholeItem');
  return fieldLabel(lang, kind, problem.path);
}

function Problems({ lang, plan }: { lang: Lang; plan: BulkPlan }) {
  return (
    <section aria-labelledby="bulk-problems">
      <h2 id="bulk-problems" tabindex={-1}>
        {tBulk(lang, 'editorial.bulk.preview.errorsTitle')}
      </h2>
      <p>{tBulk(lang, 'editorial.bulk.preview.errorsIntro', { count: plan.problems.length })}</p>
      <div class="table-wrap">
        <table class="data-table bulk-problems">
          <caption>{tBulk(lang, 'editorial.bulk.preview.errorsCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{tBulk(lang, 'editorial.bulk.preview.row')}</th>
              <th scope="col">{tBulk(lang, 'editorial.bulk.preview.item')}</th>
              <th scope="col">{tBulk(lang, 'editorial.bulk.preview.field')}</th>
              <th scope="col">{tBulk(lang, 'editorial.bulk.preview.reason')}</th>
            </tr>
          </thead>
          <tbody>
            {plan.problems.map((problem) => (
              <tr data-row={problem.row}>
                <th scope="row" class="num">
                  {problem.row}
                </th>
                <td>
                  <code>{problem.itemId ?? ''}</code>
                </td>
                <td>{fieldText(lang, plan.kind, problem)}</td>
                <td>{bulkReason(lang, problem)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

function outcomeText(lang: Lang, kind: ContentKind, row: PlannedRow): string {
  if (row.outcome !== 'changed') return tBulk(lang, `editorial.bulk.outcome.${row.outcome}`);
  const labels = [...new Set(row.changed.map((path) => fieldLabel(lang, kind, path)))];
  const shown = labels.slice(0, 5).join(lang === 'zh' ? '、' : ', ');
  const more = labels.length > 5 ? ` ${tBulk(lang, 'editorial.bulk.outcome.more', { count: labels.length - 5 })}` : '';
  return tBulk(lang, 'editorial.bulk.outcome.changed', { fields: shown + more });
}

function Rows({ lang, plan }: { lang: Lang; plan: BulkPlan }) {
  if (plan.rows.length === 0) return null;
  return (
    <section aria-labelledby="bulk-rows">
      <h2 id="bulk-rows">{tBulk(lang, 'editorial.bulk.preview.rowsTitle')}</h2>
      <div class="table-wrap">
        <table class="data-table bulk-rows">
          <caption>{tBulk(lang, 'editorial.bulk.preview.rowsCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{tBulk(lang, 'editorial.bulk.preview.row')}</th>
              <th scope="col">{tBulk(lang, 'editorial.bulk.preview.item')}</th>
              <th scope="col">{tBulk(lang, 'editorial.bulk.preview.result')}</th>
            </tr>
          </thead>
          <tbody>
            {plan.rows.map((row) => (
              <tr data-outcome={row.outcome} data-id={row.id}>
                <th scope="row" class="num">
                  {row.row}
                </th>
                <td>
                  <code>{row.id}</code>
                </td>
                <td>{outcomeText(lang, plan.kind, row)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

export interface BulkPreviewModel {
  lang: Lang;
  csrf: string;
  plan: BulkPlan;
  text: BulkText;
  note: string;
  notice?: string;
}

function CommitForm({ lang, csrf, plan, text, note }: BulkPreviewModel) {
  const writes = plan.rows.filter((r) => r.outcome !== 'unchanged').length;
  if (writes === 0) return <p class="bulk-nothing">{tBulk(lang, 'editorial.bulk.preview.nothing')}</p>;
  return (
    <form method="post" action={urls.staffContentImportCommit(lang, plan.kind)} enctype="multipart/form-data" class="bulk-commit">
      <input type="hidden" name="_csrf" value={csrf} />
      <input type="hidden" name="filename" value={text.filename} />
      <input type="hidden" name="format" value={text.format} />
      <input type="hidden" name="sha256" value={text.sha256} />
      <input type="hidden" name="digest" value={plan.digest} />
      <input type="hidden" name="note" value={note} />
      <input type="hidden" name="text" value={text.text} />
      <p class="hint" id="bulk-commit-hint">
        {tBulk(lang, 'editorial.bulk.preview.commitHint')}
      </p>
      <button type="submit" class="button" aria-describedby="bulk-commit-hint">
        {tBulk(lang, 'editorial.bulk.preview.commit', { count: writes })}
      </button>
    </form>
  );
}

export function BulkPreviewView(model: BulkPreviewModel) {
  const { lang, plan, text } = model;
  const failed = plan.problems.length > 0;
  const count = (outcome: PlannedRow['outcome']) => plan.rows.filter((r) => r.outcome === outcome).length;
  const name = kindLabel(lang, plan.kind);
  return (
    <div class="editorial-bulk">
      {failed && <ErrorSummary lang={lang} errors={[{ field: 'bulk-problems', message: tBulk(lang, 'editorial.bulk.preview.errorsIntro', { count: plan.problems.length }) }]} />}
      <p>
        <a href={urls.staffContentImport(lang, plan.kind)}>{tBulk(lang, 'editorial.bulk.preview.again')}</a>
      </p>
      <h1>{tBulk(lang, 'editorial.bulk.preview.title', { kind: name })}</h1>
      {model.notice && <StaffNotice text={model.notice} />}
      <p>{tBulk(lang, 'editorial.bulk.preview.file', { filename: text.filename || '—' })}</p>
      <p role="status" class="bulk-summary">
        {tBulk(lang, 'editorial.bulk.preview.summary', {
          total: plan.total, created: count('new'), changed: count('changed'), unchanged: count('unchanged'), failed: plan.total - plan.rows.length,
        })}
      </p>
      {failed ? <Problems lang={lang} plan={plan} /> : <CommitForm {...model} />}
      <Rows lang={lang} plan={plan} />
      {failed && (
        <>
          <h2>{tBulk(lang, 'editorial.bulk.preview.again')}</h2>
          <BulkImportForm lang={lang} csrf={model.csrf} kind={plan.kind} note={model.note} />
        </>
      )}
    </div>
  );
}
