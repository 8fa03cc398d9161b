/**
 * The top of the project page: reference, name, stage and status (with why, when it is lost or abandoned), the stage
 * progress; then the facts — every field, the investor, the case it grew out of, the team, the service package.
 */
import type { ComponentChildren } from 'preact';
import { urls } from '../../../platform/http/urls.js';
import { htmlLang } from '../../../platform/i18n/i18n.js';
import type { ContentStore } from '../../content/index.js';
import { fieldLabel, t } from '../messages.js';
import { tProject } from '../messages.project.js';
import type { ProjectPageModel } from '../project-page.load.js';
import { CLOSED_STATUSES, LOSS_REASONS, type LossReason } from '../stage-rules.js';
import { FIELD_GROUPS } from './project-fields.js';
import { regionName } from './project-options.js';
import { FieldValue } from './project-values.js';
import { StageProgress } from './stage-progress.js';

export const isLossReason = (v: string | null): v is LossReason => v !== null && (LOSS_REASONS as readonly string[]).includes(v);

function Row({ label, children }: { label: string; children: ComponentChildren }) {
  return (
    <div class="facts__row">
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

export function ProjectHeader({ model }: { model: ProjectPageModel }) {
  const { lang, project } = model;
  const closed = CLOSED_STATUSES.includes(project.status);
  return (
    <>
      <p class="page-header__kicker">{tProject(lang, 'pipeline.project.kicker')}</p>
      <h1>
        {project.reference}: {project.name}
      </h1>
      <p class="project-standing">
        {tProject(lang, 'pipeline.project.standing', { stage: t(lang, `pipeline.stage.${project.stage}`), status: t(lang, `pipeline.status.${project.status}`) })}
      </p>
      {closed && (
        <p class="project-closed">
          {isLossReason(project.status_reason) && <strong>{t(lang, `pipeline.reason.${project.status_reason}`)}</strong>}
          {project.status_note && <> — {project.status_note}</>}
        </p>
      )}
      <StageProgress lang={lang} stage={project.stage} />
    </>
  );
}

const EVIDENCE_SHOWN = ['signed_on', 'agreement_parties', 'agreement_ref', 'uscc', 'registered_on', 'first_operation_on'] as const;

export function ProjectFacts({ model, store }: { model: ProjectPageModel; store: ContentStore }) {
  const { lang, project, investor, sourceCase } = model;
  const row = project as unknown as Record<string, unknown>;
  const value = (field: string) => <FieldValue lang={lang} store={store} field={field} value={row[field]} currency={project.currency} />;
  return (
    <section aria-labelledby="facts-title">
      <h2 id="facts-title">{tProject(lang, 'pipeline.project.facts')}</h2>
      <dl class="facts project-facts">
        <Row label={fieldLabel(lang, 'investor_id')}>
          {investor ? (
            <>
              <a href={urls.staffInvestor(lang, investor.id)}>{investor.name}</a>
              {investor.name_zh && <span lang="zh-CN"> · {investor.name_zh}</span>} ({regionName(lang, investor.origin)})
              {investor.parent_group && <span class="case-table__sub">{tProject(lang, 'pipeline.project.parentGroup', { group: investor.parent_group })}</span>}
            </>
          ) : (
            tProject(lang, 'pipeline.project.value.none')
          )}
        </Row>
        {[...FIELD_GROUPS.project.filter((f) => f !== 'name'), ...FIELD_GROUPS.amounts, ...FIELD_GROUPS.source, ...EVIDENCE_SHOWN].map((field) => (
          <Row label={fieldLabel(lang, field)}>{value(field)}</Row>
        ))}
        <Row label={fieldLabel(lang, 'source_case')}>
          {!sourceCase ? (
            tProject(lang, 'pipeline.project.value.none')
          ) : (
            <>
              {sourceCase.linked ? <a href={urls.staffCase(lang, sourceCase.reference)}>{sourceCase.reference}</a> : sourceCase.reference}
              {sourceCase.subject && (
                <>
                  {': '}
                  <span lang={sourceCase.subjectLang ? htmlLang(sourceCase.subjectLang) : undefined}>{sourceCase.subject}</span>
                </>
              )}
            </>
          )}
        </Row>
      </dl>
    </section>
  );
}

export function ProjectTeamList({ model }: { model: ProjectPageModel }) {
  const { lang, team } = model;
  return team.length === 0 ? (
    <p>{tProject(lang, 'pipeline.project.team.none')}</p>
  ) : (
    <ul class="project-team">
      {team.map((member) => (
        <li>
          {member.name} — {t(lang, `pipeline.team.${member.role}`)}
        </li>
      ))}
    </ul>
  );
}

/** The service package (helper pages of their own) and the edit form, linked with what they hold. */
export function ProjectLinks({ model }: { model: ProjectPageModel }) {
  const { lang, project, items } = model;
  return (
    <ul class="link-list project-links">
      <li>
        <a href={urls.staffProjectServices(lang, project.reference)}>{tProject(lang, 'pipeline.project.services', { count: items.total })}</a>
        {items.total > 0 && <> {tProject(lang, 'pipeline.project.servicesOpen', { open: items.open })}</>}
      </li>
      {model.mayEdit && (
        <li>
          <a href={urls.staffProjectEdit(lang, project.reference)}>{tProject(lang, 'pipeline.project.edit')}</a>
        </li>
      )}
    </ul>
  );
}
