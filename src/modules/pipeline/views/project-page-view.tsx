/** The staff project page: header and stage progress, the moves open now, status, facts, team, links, history. */
import { urls } from '../../../platform/http/urls.js';
import type { Lang } from '../../../platform/i18n/i18n.js';
import { ErrorSummary } from '../../../platform/views/forms.js';
import type { ContentStore } from '../../content/index.js';
import { StaffNotice } from '../../staff/index.js';
import { tProject } from '../messages.project.js';
import type { ProjectPageModel } from '../project-page.load.js';
import { ProjectFacts, ProjectHeader, ProjectLinks } from './project-facts.js';
import { ProjectHistory } from './project-history.js';
import { ProjectMoves } from './project-move-forms.js';
import { ProjectStatusForm } from './project-status-form.js';
import { ProjectTeam } from './project-team.js';

export function ProjectPageView({ model, store }: { model: ProjectPageModel; store: ContentStore }) {
  const { lang } = model;
  return (
    <div class="project-page">
      {model.errors.length > 0 && <ErrorSummary lang={lang} errors={model.errors} />}
      <p class="case-back">
        <a href={urls.staffProjects(lang)}>{tProject(lang, 'pipeline.project.back')}</a>
      </p>
      {model.notice && <StaffNotice text={model.notice} />}
      {model.refusal && (
        <div class="panel project-refusal" role="alert">
          <p>{model.refusal}</p>
        </div>
      )}
      <ProjectHeader model={model} />
      <ProjectMoves model={model} store={store} />
      <ProjectStatusForm model={model} />
      <ProjectFacts model={model} store={store} />
      <ProjectLinks model={model} />
      <ProjectTeam model={model} />
      <ProjectHistory model={model} store={store} />
    </div>
  );
}

/** The answer to a change the person may not make on this project (403), with the way back to it. */
export function ProjectRefusedView({ lang, reference, message }: { lang: Lang; reference: string; message: string }) {
  return (
    <div>
      <h1>{tProject(lang, 'pipeline.project.refused.title')}</h1>
      <p>{message}</p>
      <p>
        <a href={urls.staffProject(lang, reference)}>{tProject(lang, 'pipeline.project.refused.back', { reference })}</a>
      </p>
    </div>
  );
}
