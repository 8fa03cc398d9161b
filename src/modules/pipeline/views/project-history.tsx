/**
 * The project's history in people's words, newest first: each stage-log row (created, moved, status changed — with
 * the reason, the note and the evidence given) and each audit row of an edit or a team change, with when (Beijing
 * time) and who.
 */
import type { Lang } from '../../../platform/i18n/i18n.js';
import type { ContentStore } from '../../content/index.js';
import { staffTimeFormat } from '../../staff/index.js';
import { fieldLabel, t } from '../messages.js';
import { tProject } from '../messages.project.js';
import type { HistoryEntry, ProjectPageModel } from '../project-page.load.js';
import type { StageLogEntry } from '../project.repository.js';
import type { ProjectAuditRow } from '../project-page.queries.js';
import { TEAM_ROLES, type TeamRole } from '../stage-rules.js';
import { isLossReason } from './project-facts.js';
import { FieldValue } from './project-values.js';

const asRecord = (value: unknown): Record<string, unknown> => (value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {});
const isTeamRole = (v: unknown): v is TeamRole => typeof v === 'string' && (TEAM_ROLES as readonly string[]).includes(v);

function Values({ lang, store, values, currency }: { lang: Lang; store: ContentStore; values: Record<string, unknown>; currency: string | null }) {
  const given = Object.entries(values).filter(([, v]) => v !== null && v !== undefined && v !== '');
  if (!given.length) return null;
  return (
    <dl class="facts facts--compact project-evidence">
      {given.map(([field, value]) => (
        <div class="facts__row">
          <dt>{fieldLabel(lang, field)}</dt>
          <dd>
            <FieldValue lang={lang} store={store} field={field} value={value} currency={currency} />
          </dd>
        </div>
      ))}
    </dl>
  );
}

function LogEntry({ model, store, entry }: { model: ProjectPageModel; store: ContentStore; entry: StageLogEntry }) {
  const { lang, project } = model;
  const stage = (s: string | null) => (s ? t(lang, `pipeline.stage.${s as 'lead'}`) : '');
  const status = (s: string | null) => (s ? t(lang, `pipeline.status.${s as 'active'}`) : '');
  const lines: string[] = [];
  if (entry.from_stage === null) lines.push(tProject(lang, 'pipeline.project.history.created', { stage: stage(entry.to_stage), status: status(entry.to_status) }));
  else {
    if (entry.from_stage !== entry.to_stage) lines.push(tProject(lang, 'pipeline.project.history.moved', { from: stage(entry.from_stage), to: stage(entry.to_stage) }));
    if (entry.from_status !== entry.to_status) lines.push(tProject(lang, 'pipeline.project.history.status', { from: status(entry.from_status), to: status(entry.to_status) }));
  }
  return (
    <>
      {lines.map((line) => (
        <p class="case-event__head">{line}</p>
      ))}
      {isLossReason(entry.reason) && <p class="case-event__status">{tProject(lang, 'pipeline.project.history.reason', { reason: t(lang, `pipeline.reason.${entry.reason}`) })}</p>}
      {entry.note && <p class="case-text">{entry.note}</p>}
      <Values lang={lang} store={store} values={asRecord(entry.evidence)} currency={(asRecord(entry.evidence).currency as string | undefined) ?? project.currency} />
    </>
  );
}

function AuditEntry({ model, store, row }: { model: ProjectPageModel; store: ContentStore; row: ProjectAuditRow }) {
  const { lang, project } = model;
  const before = asRecord(row.before);
  const after = asRecord(row.after);
  if (row.action === 'pipeline.project_updated') {
    const currency = (after.currency as string | undefined) ?? project.currency;
    return (
      <>
        <p class="case-event__head">{tProject(lang, 'pipeline.project.history.updated')}</p>
        <ul class="project-changes">
          {Object.keys(after).map((field) => (
            <li>
              {fieldLabel(lang, field)}: <FieldValue lang={lang} store={store} field={field} value={before[field]} currency={(before.currency as string | undefined) ?? currency} /> →{' '}
              <FieldValue lang={lang} store={store} field={field} value={after[field]} currency={currency} />
            </li>
          ))}
        </ul>
      </>
    );
  }
  const name = (typeof after.staff_user_id === 'string' && model.names.get(after.staff_user_id)) || tProject(lang, 'pipeline.project.history.someone');
  const role = isTeamRole(after.role) ? t(lang, `pipeline.team.${after.role}`) : String(after.role ?? '');
  const key = row.action === 'pipeline.team_member_added' ? 'pipeline.project.history.teamAdded' : 'pipeline.project.history.teamRemoved';
  return <p class="case-event__head">{tProject(lang, key, { name, role })}</p>;
}

function Entry({ model, store, entry }: { model: ProjectPageModel; store: ContentStore; entry: HistoryEntry }) {
  const { lang } = model;
  return (
    <li class="case-event">
      <p class="case-event__status">
        <time dateTime={entry.at.toISOString()}>{staffTimeFormat[lang].format(entry.at)}</time> · {entry.who ?? tProject(lang, 'pipeline.project.history.system')}
      </p>
      {entry.kind === 'log' ? <LogEntry model={model} store={store} entry={entry.entry} /> : <AuditEntry model={model} store={store} row={entry.row} />}
    </li>
  );
}

export function ProjectHistory({ model, store }: { model: ProjectPageModel; store: ContentStore }) {
  const { lang } = model;
  return (
    <section aria-labelledby="history-title">
      <h2 id="history-title">{tProject(lang, 'pipeline.project.history')}</h2>
      <p class="hint">{tProject(lang, 'pipeline.project.history.about')}</p>
      <ol class="case-timeline project-history">
        {model.history.map((entry) => (
          <Entry model={model} store={store} entry={entry} />
        ))}
      </ol>
    </section>
  );
}
