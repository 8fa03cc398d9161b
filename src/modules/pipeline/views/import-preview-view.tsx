/**
 * The preview of an import: counts, then every problem (row as the spreadsheet numbers it, column as the file names
 * it, the value, the reason), then what each row would do. With any problem there is no commit button — the page
 * says why; without, one form posts the same text back with its SHA-256 and the plan's digest, so the commit can
 * check that it writes what was shown.
 */
import { urls } from '../../../platform/http/urls.js';
import type { Lang } from '../../../platform/i18n/i18n.js';
import { ErrorSummary } from '../../../platform/views/forms.js';
import { StaffNotice } from '../../staff/index.js';
import { columnByKey } from '../import/import-columns.js';
import type { ImportText } from '../import/parse-import.js';
import type { ImportPlan, PlannedRow } from '../import/plan-import.js';
import { t } from '../messages.js';
import { importProblemText, problemColumn, tImport } from '../messages.import.js';
import { ImportForm } from './import-form-view.js';

export interface ImportPreviewModel {
  lang: Lang;
  csrf: string;
  plan: ImportPlan;
  text: ImportText;
  notice?: string;
}

function Problems({ lang, plan }: { lang: Lang; plan: ImportPlan }) {
  const h = (key: Parameters<typeof tImport>[1]) => <th scope="col">{tImport(lang, key)}</th>;
  return (
    <section aria-labelledby="import-problems">
      <h2 id="import-problems" tabindex={-1}>
        {tImport(lang, 'pipeline.import.preview.errorsTitle')}
      </h2>
      <p>{tImport(lang, 'pipeline.import.preview.errorsIntro', { count: plan.problems.length })}</p>
      <div class="table-wrap">
        <table class="data-table import-problems">
          <caption>{tImport(lang, 'pipeline.import.preview.errorsCaption')}</caption>
          <thead>
            <tr>
              {h('pipeline.import.preview.row')}
              {h('pipeline.import.preview.column')}
              {h('pipeline.import.preview.value')}
              {h('pipeline.import.preview.problem')}
            </tr>
          </thead>
          <tbody>
            {plan.problems.map((problem) => (
              <tr>
                <th scope="row" class="num">
                  {problem.row}
                </th>
                <td>{problemColumn(lang, problem)}</td>
                <td>{problem.value ?? ''}</td>
                <td>{importProblemText(lang, problem, plan.headers.headers)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

function outcomeText(lang: Lang, plan: ImportPlan, planned: PlannedRow | undefined, row: number): string {
  if (plan.examples.includes(row)) return tImport(lang, 'pipeline.import.outcome.example');
  if (!planned) return tImport(lang, 'pipeline.import.outcome.error');
  if (planned.outcome !== 'update') return tImport(lang, `pipeline.import.outcome.${planned.outcome}`);
  const columns = planned.changes.map((key) => plan.headers.headers.get(key) ?? columnByKey(key)?.[lang] ?? key);
  return tImport(lang, 'pipeline.import.outcome.update', { columns: columns.join(lang === 'zh' ? '、' : ', ') });
}

function Rows({ lang, plan }: { lang: Lang; plan: ImportPlan }) {
  const byRow = new Map(plan.rows.map((r) => [r.checked.row, r]));
  const h = (key: Parameters<typeof tImport>[1]) => <th scope="col">{tImport(lang, key)}</th>;
  return (
    <section aria-labelledby="import-rows">
      <h2 id="import-rows">{tImport(lang, 'pipeline.import.preview.rowsTitle')}</h2>
      <div class="table-wrap">
        <table class="data-table import-rows">
          <caption>{tImport(lang, 'pipeline.import.preview.rowsCaption')}</caption>
          <thead>
            <tr>
              {h('pipeline.import.preview.row')}
              {h('pipeline.import.preview.ref')}
              {h('pipeline.import.preview.project')}
              {h('pipeline.import.preview.stage')}
              {h('pipeline.import.preview.result')}
            </tr>
          </thead>
          <tbody>
            {plan.listed.map((listed) => {
              const planned = byRow.get(listed.row);
              return (
                <tr data-outcome={planned?.outcome ?? (plan.examples.includes(listed.row) ? 'example' : 'error')}>
                  <th scope="row" class="num">
                    {listed.row}
                  </th>
                  <td>{listed.districtRef}</td>
                  <td>{listed.name}</td>
                  <td>{planned ? t(lang, `pipeline.stage.${planned.checked.stage}`) : ''}</td>
                  <td>{outcomeText(lang, plan, planned, listed.row)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}

function CommitForm({ lang, csrf, plan, text }: ImportPreviewModel) {
  const writes = plan.rows.filter((r) => r.outcome !== 'unchanged').length;
  if (!writes) return <p>{tImport(lang, 'pipeline.import.preview.nothing')}</p>;
  return (
    <form method="post" action={urls.staffProjectsImportCommit(lang)} enctype="multipart/form-data" class="import-commit">
      <input type="hidden" name="_csrf" value={csrf} />
      <input type="hidden" name="filename" value={text.filename} />
      <input type="hidden" name="sha256" value={text.sha256} />
      <input type="hidden" name="digest" value={plan.digest} />
      <input type="hidden" name="csv" value={text.text} />
      <p class="hint" id="import-commit-hint">
        {tImport(lang, 'pipeline.import.preview.commitHint')}
      </p>
      <button type="submit" class="button" aria-describedby="import-commit-hint">
        {tImport(lang, 'pipeline.import.preview.commit', { count: plan.rows.length })}
      </button>
    </form>
  );
}

export function ImportPreviewView(model: ImportPreviewModel) {
  const { lang, plan, text } = model;
  const failed = plan.problems.length > 0;
  const count = (outcome: PlannedRow['outcome']) => plan.rows.filter((r) => r.outcome === outcome).length;
  return (
    <div class="pipeline-import">
      {failed && <ErrorSummary lang={lang} errors={[{ field: 'import-problems', message: tImport(lang, 'pipeline.import.preview.errorsIntro', { count: plan.problems.length }) }]} />}
      <p>
        <a href={urls.staffProjectsImport(lang)}>{tImport(lang, 'pipeline.import.preview.again')}</a>
      </p>
      <h1>{tImport(lang, 'pipeline.import.preview.title')}</h1>
      {model.notice && <StaffNotice text={model.notice} />}
      <p>{tImport(lang, 'pipeline.import.preview.file', { filename: text.filename || tImport(lang, 'pipeline.import.preview.pasted') })}</p>
      <p role="status">
        {tImport(lang, 'pipeline.import.preview.summary', { create: count('create'), update: count('update'), unchanged: count('unchanged'), failed: plan.failedRows, examples: plan.examples.length })}
      </p>
      {failed ? <Problems lang={lang} plan={plan} /> : <CommitForm {...model} />}
      <Rows lang={lang} plan={plan} />
      {failed && (
        <>
          <h2>{tImport(lang, 'pipeline.import.preview.again')}</h2>
          <ImportForm lang={lang} csrf={model.csrf} />
        </>
      )}
    </div>
  );
}
