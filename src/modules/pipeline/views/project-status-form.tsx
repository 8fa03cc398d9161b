/**
 * The status beside the stage: active, delayed, dormant, lost, abandoned. Lost and abandoned need a reason from the
 * list and a note; delayed and dormant a note. Offered only to those who may set it (the municipal side alone reopens
 * a lost or abandoned project).
 */
import { urls } from '../../../platform/http/urls.js';
import { StaffField, describedBy } from '../../staff/index.js';
import { fieldLabel, t } from '../messages.js';
import { tProject } from '../messages.project.js';
import type { ProjectPageModel } from '../project-page.load.js';
import { LOSS_REASONS } from '../stage-rules.js';

export function ProjectStatusForm({ model }: { model: ProjectPageModel }) {
  const { lang, project, status } = model;
  if (!status) return null;
  const error = (field: string) => status.errors.find((e) => e.field === `status-${field}`)?.message;
  const aria = (field: string, hint: boolean) => ({ 'aria-describedby': describedBy(`status-${field}`, hint, error(field)), 'aria-invalid': error(field) ? ('true' as const) : undefined });
  return (
    <details class="case-action project-status" id="status" open={status.open}>
      <summary>{tProject(lang, 'pipeline.project.status.title')}</summary>
      <p class="hint">{tProject(lang, 'pipeline.project.status.about')}</p>
      <form method="post" action={urls.staffProjectStatus(lang, project.reference)} class="staff-form" novalidate>
        <input type="hidden" name="_csrf" value={model.csrf} />
        <StaffField lang={lang} name="status-status" label={fieldLabel(lang, 'status')} error={error('status')}>
          <select id="status-status" name="status" {...aria('status', false)}>
            {status.options.map((s) => (
              <option value={s} selected={status.values.status === s}>
                {t(lang, `pipeline.status.${s}`)}
              </option>
            ))}
          </select>
        </StaffField>
        <StaffField lang={lang} name="status-reason" label={fieldLabel(lang, 'reason')} hint={tProject(lang, 'pipeline.project.status.reasonHint')} error={error('reason')}>
          <select id="status-reason" name="reason" {...aria('reason', true)}>
            <option value="">{tProject(lang, 'pipeline.project.choice.none')}</option>
            {LOSS_REASONS.map((r) => (
              <option value={r} selected={status.values.reason === r}>
                {t(lang, `pipeline.reason.${r}`)}
              </option>
            ))}
          </select>
        </StaffField>
        <StaffField lang={lang} name="status-note" label={fieldLabel(lang, 'note')} hint={tProject(lang, 'pipeline.project.status.noteHint')} error={error('note')}>
          <textarea id="status-note" name="note" rows={3} maxLength={2000} {...aria('note', true)}>
            {status.values.note ?? ''}
          </textarea>
        </StaffField>
        <button type="submit" class="button button--secondary">
          {tProject(lang, 'pipeline.project.status.submit')}
        </button>
      </form>
    </details>
  );
}
