/** The staff case page: header, the actions open now, the timeline, units, duplicates and attachments. */
import { urls } from '../../../platform/http/urls.js';
import { ErrorSummary } from '../../../platform/views/forms.js';
import type { ContentStore } from '../../content/index.js';
import { StaffNotice } from '../../staff/index.js';
import { t } from '../messages.js';
import { CaseActions } from './case-actions.js';
import { CaseHeader, ConfidentialForm } from './case-header.js';
import type { CasePageModel } from './case-page-model.js';
import { CaseAttachments, CaseDuplicates, CaseUnits } from './case-related.js';
import { CaseTimeline } from './case-timeline.js';

// Roles that create investment projects (the pipeline's writers), listed here because this module does not import the pipeline.
const PROJECT_CREATORS: readonly string[] = ['admin', 'municipal_coordinator', 'district_officer', 'project_commissioner'];

export function CaseView({ model, store, readOnly }: { model: CasePageModel; store: ContentStore; readOnly: boolean }) {
  const { lang } = model;
  return (
    <div class="case-page">
      {model.errors.length > 0 && <ErrorSummary lang={lang} errors={model.errors} />}
      <p class="case-back">
        <a href={urls.staffCases(lang)}>{t(lang, 'casePage.back')}</a>
      </p>
      {model.notice && <StaffNotice text={model.notice} />}
      <CaseHeader model={model} />
      {PROJECT_CREATORS.includes(model.staff.role) && (
        <p class="case-pipeline-link">
          <a href={urls.staffProjectNew(lang, { case: model.row.reference })}>{t(lang, 'casePage.pipelineProject')}</a>
        </p>
      )}
      <ConfidentialForm model={model} />
      <CaseActions model={model} readOnly={readOnly} />
      <CaseTimeline model={model} store={store} />
      <CaseUnits model={model} />
      <CaseDuplicates model={model} />
      <CaseAttachments model={model} />
    </div>
  );
}
