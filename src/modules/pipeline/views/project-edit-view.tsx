/**
 * The edit form: the project's own fields (as on the create form; the investor stays), and the evidence its stage
 * already holds, so a mistyped agreement reference or date can be put right. The stage's evidence must still hold.
 */
import { urls } from '../../../platform/http/urls.js';
import type { Lang } from '../../../platform/i18n/i18n.js';
import { ErrorSummary, type FieldError } from '../../../platform/views/forms.js';
import type { ContentStore } from '../../content/index.js';
import { tProject } from '../messages.project.js';
import type { ProjectFormValues } from '../project-forms.js';
import { ProjectFieldset, FIELD_GROUPS, type FieldContext } from './project-fields.js';

export interface EditProjectModel {
  lang: Lang;
  csrf: string;
  reference: string;
  name: string;
  /** Evidence fields the project's stage holds that the three groups do not show. */
  evidence: string[];
  values: ProjectFormValues;
  errors: FieldError[];
  today: string;
}

export function EditProjectView({ model, store }: { model: EditProjectModel; store: ContentStore }) {
  const { lang } = model;
  const ctx: FieldContext = { lang, store, values: model.values, errors: model.errors, idOf: (f) => f, today: model.today };
  return (
    <div class="project-edit">
      {model.errors.length > 0 && <ErrorSummary lang={lang} errors={model.errors} />}
      <p class="case-back">
        <a href={urls.staffProject(lang, model.reference)}>{tProject(lang, 'pipeline.project.edit.back', { reference: model.reference })}</a>
      </p>
      <h1>{tProject(lang, 'pipeline.project.edit.title', { reference: model.reference, name: model.name })}</h1>
      <form method="post" action={urls.staffProjectEdit(lang, model.reference)} class="staff-form project-form" novalidate>
        <input type="hidden" name="_csrf" value={model.csrf} />
        <ProjectFieldset ctx={ctx} legend={tProject(lang, 'pipeline.project.group.project')} fields={FIELD_GROUPS.project} />
        <ProjectFieldset ctx={ctx} legend={tProject(lang, 'pipeline.project.group.amounts')} fields={FIELD_GROUPS.amounts} />
        <ProjectFieldset ctx={ctx} legend={tProject(lang, 'pipeline.project.group.source')} fields={FIELD_GROUPS.source} />
        {model.evidence.length > 0 && <ProjectFieldset ctx={ctx} legend={tProject(lang, 'pipeline.project.group.evidence')} fields={model.evidence} />}
        <button type="submit" class="button">
          {tProject(lang, 'pipeline.project.edit.submit')}
        </button>
      </form>
    </div>
  );
}
