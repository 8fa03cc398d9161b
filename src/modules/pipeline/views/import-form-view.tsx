/**
 * The import page: what the import does and for whom, the templates in both languages, the form (a file, or pasted
 * text; multipart so both reach the server unencoded) and the table of columns. A file that cannot be read comes back
 * here with its reason at the file field and in the error summary.
 */
import { urls } from '../../../platform/http/urls.js';
import { htmlLang, numberFormat, otherLang, type Lang } from '../../../platform/i18n/i18n.js';
import { ErrorSummary } from '../../../platform/views/forms.js';
import type { ContentStore } from '../../content/index.js';
import { StaffField, StaffNotice, describedBy } from '../../staff/index.js';
import { IMPORT_LIMITS } from '../import/parse-import.js';
import { tImport } from '../messages.import.js';
import { ImportColumnsHelp } from './import-columns-help.js';

export interface ImportFormModel {
  lang: Lang;
  csrf: string;
  scope: string;
  store: ContentStore;
  /** Why the file or text sent could not be read. */
  error?: string;
  /** The pasted text, kept when the form comes back. */
  pasted?: string;
  notice?: string;
}

export function ImportForm({ lang, csrf, pasted, error }: Pick<ImportFormModel, 'lang' | 'csrf' | 'pasted' | 'error'>) {
  const mb = numberFormat[lang].format(IMPORT_LIMITS.maxBytes / 1024 / 1024);
  const rows = numberFormat[lang].format(IMPORT_LIMITS.maxRows);
  return (
    <form method="post" action={urls.staffProjectsImport(lang)} enctype="multipart/form-data" class="import-form" novalidate>
      <input type="hidden" name="_csrf" value={csrf} />
      <StaffField lang={lang} name="file" label={tImport(lang, 'pipeline.import.file')} hint={tImport(lang, 'pipeline.import.file.hint', { mb, rows })} error={error}>
        <input id="file" name="file" type="file" accept=".csv,text/csv" aria-describedby={describedBy('file', true, error)} aria-invalid={error ? 'true' : undefined} />
      </StaffField>
      <StaffField lang={lang} name="csv" label={tImport(lang, 'pipeline.import.paste')} hint={tImport(lang, 'pipeline.import.paste.hint')}>
        <textarea id="csv" name="csv" rows={8} cols={80} spellcheck={false} aria-describedby="csv-hint">
          {pasted ?? ''}
        </textarea>
      </StaffField>
      <button type="submit" class="button">
        {tImport(lang, 'pipeline.import.submit')}
      </button>
    </form>
  );
}

export function ImportFormView(model: ImportFormModel) {
  const { lang } = model;
  const other = otherLang(lang);
  return (
    <div class="pipeline-import">
      {model.error && <ErrorSummary lang={lang} errors={[{ field: 'file', message: model.error }]} />}
      <p>
        <a href={urls.staffProjects(lang)}>{tImport(lang, 'pipeline.import.back')}</a>
      </p>
      <h1>{tImport(lang, 'pipeline.import.title')}</h1>
      {model.notice && <StaffNotice text={model.notice} />}
      <p>{tImport(lang, 'pipeline.import.intro')}</p>
      <p class="muted">{model.scope}</p>
      <ul>
        <li>
          <a href={urls.staffProjectsImportTemplate(lang)} download>
            {tImport(lang, 'pipeline.import.template')}
          </a>
        </li>
        <li>
          <a href={urls.staffProjectsImportTemplate(other)} hreflang={htmlLang(other)} download>
            {tImport(lang, 'pipeline.import.templateOther')}
          </a>
        </li>
      </ul>
      <p class="hint">{tImport(lang, 'pipeline.import.templateHint')}</p>
      <h2>{tImport(lang, 'pipeline.import.form.title')}</h2>
      <ImportForm lang={lang} csrf={model.csrf} pasted={model.pasted} error={model.error} />
      <ImportColumnsHelp lang={lang} store={model.store} />
    </div>
  );
}
