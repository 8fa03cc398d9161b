/**
 * The create form: the investor (found by name — a GET search listing matches as radio buttons — or entered as new)
 * and the project's fields. From a service-line case it names the case and starts from its enterprise.
 */
import { urls } from '../../../platform/http/urls.js';
import { htmlLang, type Lang } from '../../../platform/i18n/i18n.js';
import { ErrorSummary, type FieldError } from '../../../platform/views/forms.js';
import type { ContentStore } from '../../content/index.js';
import { StaffField, describedBy } from '../../staff/index.js';
import { fieldLabel } from '../messages.js';
import { tProject } from '../messages.project.js';
import type { InvestorFormValues, ProjectFormValues } from '../project-forms.js';
import type { InvestorRow } from '../project.repository.js';
import { ProjectFieldset, FIELD_GROUPS, type FieldContext } from './project-fields.js';
import { originChoices, regionName } from './project-options.js';

export interface NewProjectModel {
  lang: Lang;
  csrf: string;
  /** Investors to choose from: the search's matches and the one chosen before. */
  investors: InvestorRow[];
  searched: boolean;
  sourceCase: { reference: string; subject: string; lang: 'en' | 'zh' } | null;
  investor: InvestorFormValues;
  values: ProjectFormValues;
  errors: FieldError[];
  today: string;
}

function InvestorSearch({ model }: { model: NewProjectModel }) {
  const { lang } = model;
  return (
    <form method="get" action={urls.staffProjectNew(lang)} class="case-template project-investor-search" role="search">
      {model.sourceCase && <input type="hidden" name="case" value={model.sourceCase.reference} />}
      <label for="investor_q">{tProject(lang, 'pipeline.project.new.search')}</label>
      <p class="hint" id="investor_q-hint">
        {tProject(lang, 'pipeline.project.new.searchHint')}
      </p>
      <input id="investor_q" name="investor_q" type="search" value={model.investor.investor_q ?? ''} maxLength={200} aria-describedby="investor_q-hint" />{' '}
      <button type="submit" class="button button--secondary button--small">
        {tProject(lang, 'pipeline.project.new.searchSubmit')}
      </button>
    </form>
  );
}

function InvestorChoice({ model }: { model: NewProjectModel }) {
  const { lang, investors, investor } = model;
  const error = model.errors.find((e) => e.field === 'investor_id')?.message;
  if (!investors.length) {
    return model.searched ? <p>{tProject(lang, 'pipeline.project.new.noMatch')}</p> : null;
  }
  const chosen = investor.investor_id ?? '';
  return (
    <fieldset class={`field staff-field case-radios${error ? ' field--error' : ''}`} aria-describedby={error ? 'investor_id-error' : undefined}>
      <legend>{tProject(lang, 'pipeline.project.new.choose')}</legend>
      {error && (
        <p class="field__error" id="investor_id-error">
          {error}
        </p>
      )}
      {investors.map((row, i) => (
        <div>
          <input type="radio" id={i === 0 ? 'investor_id' : `investor_id-${row.id}`} name="investor_id" value={row.id} checked={chosen === row.id} />{' '}
          <label for={i === 0 ? 'investor_id' : `investor_id-${row.id}`}>
            {row.name}
            {row.name_zh && <span lang="zh-CN"> · {row.name_zh}</span>} ({regionName(lang, row.origin)})
          </label>
        </div>
      ))}
      <div>
        <input type="radio" id="investor_id-new" name="investor_id" value="new" checked={chosen === '' || chosen === 'new'} />{' '}
        <label for="investor_id-new">{tProject(lang, 'pipeline.project.new.newInvestor')}</label>
      </div>
    </fieldset>
  );
}

function NewInvestorFields({ model }: { model: NewProjectModel }) {
  const { lang, investor } = model;
  const error = (field: string) => model.errors.find((e) => e.field === field)?.message;
  const input = (field: 'investor_name' | 'investor_name_zh' | 'parent_group', extra: Record<string, string> = {}) => (
    <StaffField lang={lang} name={field} label={fieldLabel(lang, field)} error={error(field)}>
      <input id={field} name={field} type="text" value={investor[field] ?? ''} maxLength={300} aria-describedby={describedBy(field, false, error(field))} aria-invalid={error(field) ? 'true' : undefined} {...extra} />
    </StaffField>
  );
  return (
    <fieldset class="pipeline-fieldset">
      <legend>{tProject(lang, 'pipeline.project.new.newInvestorFields')}</legend>
      <p class="hint">{tProject(lang, 'pipeline.project.new.newInvestorHint')}</p>
      {input('investor_name')}
      {input('investor_name_zh', { lang: 'zh-CN' })}
      <StaffField lang={lang} name="origin" label={fieldLabel(lang, 'origin')} hint={tProject(lang, 'pipeline.project.hint.origin')} error={error('origin')}>
        <select id="origin" name="origin" aria-describedby={describedBy('origin', true, error('origin'))} aria-invalid={error('origin') ? 'true' : undefined}>
          <option value="">{tProject(lang, 'pipeline.project.choice.choose')}</option>
          {originChoices(lang).map((c) => (
            <option value={c.value} selected={investor.origin === c.value}>
              {c.label}
            </option>
          ))}
        </select>
      </StaffField>
      {input('parent_group')}
    </fieldset>
  );
}

export function NewProjectView({ model, store }: { model: NewProjectModel; store: ContentStore }) {
  const { lang } = model;
  const ctx: FieldContext = { lang, store, values: model.values, errors: model.errors, idOf: (f) => f, today: model.today };
  return (
    <div class="project-new">
      {model.errors.length > 0 && <ErrorSummary lang={lang} errors={model.errors} />}
      <p class="case-back">
        <a href={urls.staffProjects(lang)}>{tProject(lang, 'pipeline.project.back')}</a>
      </p>
      <h1>{tProject(lang, 'pipeline.project.new.title')}</h1>
      {model.sourceCase && (
        <div class="panel project-source-case">
          <p>
            {tProject(lang, 'pipeline.project.new.fromCase')} <strong>{model.sourceCase.reference}</strong>:{' '}
            <span lang={htmlLang(model.sourceCase.lang)}>{model.sourceCase.subject}</span>
          </p>
        </div>
      )}
      <h2>{tProject(lang, 'pipeline.project.new.investor')}</h2>
      <InvestorSearch model={model} />
      <form method="post" action={urls.staffProjectNew(lang)} class="staff-form project-form" novalidate>
        <input type="hidden" name="_csrf" value={model.csrf} />
        {model.investor.investor_q && <input type="hidden" name="investor_q" value={model.investor.investor_q} />}
        {model.sourceCase && <input type="hidden" name="case" value={model.sourceCase.reference} />}
        <InvestorChoice model={model} />
        <NewInvestorFields model={model} />
        <h2>{tProject(lang, 'pipeline.project.new.project')}</h2>
        <ProjectFieldset ctx={ctx} legend={tProject(lang, 'pipeline.project.group.project')} fields={FIELD_GROUPS.project} />
        <ProjectFieldset ctx={ctx} legend={tProject(lang, 'pipeline.project.group.amounts')} fields={FIELD_GROUPS.amounts} />
        <ProjectFieldset ctx={ctx} legend={tProject(lang, 'pipeline.project.group.source')} fields={FIELD_GROUPS.source} />
        <button type="submit" class="button">
          {tProject(lang, 'pipeline.project.new.submit')}
        </button>
      </form>
    </div>
  );
}
