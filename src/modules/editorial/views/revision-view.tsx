/**
 * The revision page: what the revision is (kind, item, state, origin, who did each step and when, notes), its
 * problems as sentences naming the fields, its diff, and one form per step this person may take now — only the steps
 * the workflow would accept (the page never offers a step the service refuses).
 */
import type { ComponentChildren } from 'preact';
import { urls } from '../../../platform/http/urls.js';
import type { Lang } from '../../../platform/i18n/i18n.js';
import { ErrorSummary, type FieldError } from '../../../platform/views/forms.js';
import type { ContentKind, Revision, StoredProblem } from '../../content/index.js';
import { StaffField, StaffNotice, describedBy, staffTimeFormat } from '../../staff/index.js';
import { fieldLabel } from '../field-labels.js';
import { kindLabel, t } from '../messages.js';
import { tWorkflow } from '../messages.workflow.js';
import type { RevisionDiff } from '../revision-diff.js';
import { RevisionDiffView } from './revision-diff-view.js';

export type RevisionAction = 'submit' | 'publish' | 'schedule' | 'send-back' | 'discard' | 'restore' | 'adopt' | 'dismiss';

export interface RevisionOffers {
  submit: boolean;
  publish: boolean;
  /** Approving goes live at this moment (an expiry in review), not now. */
  publishAt: Date | null;
  schedule: boolean;
  sendBack: boolean;
  discard: boolean;
  cancelSchedule: boolean;
  restore: boolean;
  adopt: boolean;
  dismiss: boolean;
  edit: boolean;
  tests: boolean;
}

export type ShownProblem = StoredProblem & { kind?: string; itemId?: string | null };

export interface RevisionPageModel {
  lang: Lang;
  csrf: string;
  revision: Revision;
  itemTitle: string;
  /** The item is on the site (its staff page has something to show). */
  itemLive: boolean;
  names: ReadonlyMap<string, string>;
  problems: ShownProblem[];
  diffs: { title: string; diff: RevisionDiff }[];
  offers: RevisionOffers;
  secondPerson: boolean;
  notice?: string;
  refusal?: { text: string; problems: ShownProblem[] };
  /** A form sent with invalid fields: which, its errors and what was typed. */
  failed?: { action: RevisionAction; errors: FieldError[]; values: Record<string, string> };
}

export function problemSentence(lang: Lang, kind: ContentKind, problem: ShownProblem): ComponentChildren {
  const message = lang === 'zh' ? <span lang="en">{problem.message}</span> : problem.message;
  const otherKind = problem.kind && problem.kind !== kind ? (problem.kind as ContentKind) : null;
  const label = problem.path.length > 0 ? fieldLabel(lang, otherKind ?? kind, problem.path) : null;
  const words = otherKind
    ? tWorkflow(lang, 'editorial.workflow.problem.other', { kind: kindLabel(lang, otherKind), item: problem.itemId ?? '', field: label ?? '—', message: '\u0000' })
    : label
      ? tWorkflow(lang, 'editorial.workflow.problem', { field: label, message: '\u0000' })
      : tWorkflow(lang, 'editorial.workflow.problem.item', { message: '\u0000' });
  const [head, tail] = words.split('\u0000');
  return (
    <>
      {head}
      {message}
      {tail}
    </>
  );
}

export function ProblemList({ lang, kind, problems, id }: { lang: Lang; kind: ContentKind; problems: ShownProblem[]; id?: string }) {
  return (
    <ul class="editorial-problems" id={id}>
      {problems.map((p) => (
        <li>{problemSentence(lang, kind, p)}</li>
      ))}
    </ul>
  );
}

const when = (lang: Lang, date: Date | null) => (date ? staffTimeFormat[lang].format(date) : '');

function Fact({ label, children }: { label: string; children: ComponentChildren }) {
  return (
    <div class="facts__row">
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

function ActionForm({ model, action, children, button, secondary }: { model: RevisionPageModel; action: RevisionAction; children?: ComponentChildren; button: string; secondary?: boolean }) {
  return (
    <form method="post" action={urls.staffContentRevisionAction(model.lang, model.revision.id, action)} class="staff-form editorial-action" novalidate>
      <input type="hidden" name="_csrf" value={model.csrf} />
      {children}
      <button type="submit" class={`button${secondary ? ' button--secondary' : ''}`}>
        {button}
      </button>
    </form>
  );
}

function Actions({ model }: { model: RevisionPageModel }) {
  const { lang, offers, revision, failed } = model;
  const tw = (key: Parameters<typeof tWorkflow>[1], params?: Record<string, string>) => tWorkflow(lang, key, params);
  const error = (action: RevisionAction, field: string) => (failed?.action === action ? failed.errors.find((e) => e.field === field)?.message : undefined);
  const value = (action: RevisionAction, field: string) => (failed?.action === action ? (failed.values[field] ?? '') : '');
  const any = Object.entries(offers).some(([k, v]) => k !== 'publishAt' && v === true);
  return (
    <section aria-labelledby="revision-actions" class="editorial-actions">
      <h2 id="revision-actions">{tw('editorial.workflow.actions.title')}</h2>
      {!any && <p>{tw('editorial.workflow.actions.none')}</p>}
      {offers.edit && (
        <p>
          <a href={urls.staffContentRevisionEdit(lang, revision.id)}>{tw('editorial.workflow.actions.edit')}</a>
        </p>
      )}
      {offers.tests && (
        <p>
          <a href={urls.staffContentRevisionTests(lang, revision.id)}>{tw('editorial.workflow.actions.tests')}</a>
        </p>
      )}
      {offers.submit && (
        <ActionForm model={model} action="submit" button={tw('editorial.workflow.action.submit')}>
          <p class="hint">{tw('editorial.workflow.action.submit.about')}</p>
        </ActionForm>
      )}
      {offers.publish && (
        <ActionForm model={model} action="publish" button={offers.publishAt ? tw('editorial.workflow.action.publishAt', { when: when(lang, offers.publishAt) }) : tw('editorial.workflow.action.publish')} />
      )}
      {offers.schedule && (
        <ActionForm model={model} action="schedule" button={tw('editorial.workflow.action.schedule.submit')} secondary>
          <fieldset>
            <legend>{tw('editorial.workflow.action.schedule')}</legend>
            <StaffField lang={lang} name="schedule-publish_at" label={tw('editorial.workflow.action.schedule.field')} hint={tw('editorial.workflow.action.schedule.hint')} error={error('schedule', 'schedule-publish_at')}>
              <input
                type="datetime-local"
                id="schedule-publish_at"
                name="publish_at"
                value={value('schedule', 'publish_at')}
                aria-describedby={describedBy('schedule-publish_at', true, error('schedule', 'schedule-publish_at'))}
                aria-invalid={error('schedule', 'schedule-publish_at') ? 'true' : undefined}
              />
            </StaffField>
          </fieldset>
        </ActionForm>
      )}
      {offers.sendBack && (
        <ActionForm model={model} action="send-back" button={tw('editorial.workflow.action.sendBack.submit')} secondary>
          <fieldset>
            <legend>{tw('editorial.workflow.action.sendBack')}</legend>
            <StaffField lang={lang} name="send-back-note" label={tw('editorial.workflow.action.sendBack.note')} error={error('send-back', 'send-back-note')}>
              <textarea
                id="send-back-note"
                name="note"
                rows={3}
                maxLength={2000}
                required
                aria-describedby={describedBy('send-back-note', false, error('send-back', 'send-back-note'))}
                aria-invalid={error('send-back', 'send-back-note') ? 'true' : undefined}
              >
                {value('send-back', 'note')}
              </textarea>
            </StaffField>
          </fieldset>
        </ActionForm>
      )}
      {offers.restore && (
        <ActionForm model={model} action="restore" button={tw('editorial.workflow.action.restore')} secondary>
          <p class="hint">{tw('editorial.workflow.action.restore.about')}</p>
        </ActionForm>
      )}
      {offers.adopt && (
        <ActionForm model={model} action="adopt" button={tw('editorial.workflow.action.adopt')}>
          <p class="hint">{tw('editorial.workflow.action.adopt.about')}</p>
        </ActionForm>
      )}
      {offers.dismiss && <ActionForm model={model} action="dismiss" button={tw('editorial.workflow.action.dismiss')} secondary />}
      {(offers.discard || offers.cancelSchedule) && (
        <ActionForm model={model} action="discard" button={tw(offers.cancelSchedule ? 'editorial.workflow.action.cancelSchedule' : 'editorial.workflow.action.discard')} secondary />
      )}
    </section>
  );
}

export function RevisionView({ model }: { model: RevisionPageModel }) {
  const { lang, revision, names } = model;
  const tw = (key: Parameters<typeof tWorkflow>[1], params?: Record<string, string>) => tWorkflow(lang, key, params);
  const person = (id: string | null) => (id === null ? tw('editorial.workflow.system') : (names.get(id) ?? tw('editorial.workflow.unknownPerson')));
  const step = (who: string | null, at: Date | null, always = false) =>
    at ? tw('editorial.workflow.whoWhen', { who: person(who), when: when(lang, at) }) : always ? person(who) : tw('editorial.workflow.nobody');
  const item = `${kindLabel(lang, revision.kind)}${lang === 'zh' ? '：' : ': '}${model.itemTitle}`;
  return (
    <div class="editorial-revision">
      <p>
        <a href={urls.staffContentReview(lang)}>{t(lang, 'editorial.nav.review')}</a>
      </p>
      <h1>{tw('editorial.workflow.revision.title', { id: revision.id, item })}</h1>
      {model.notice && <StaffNotice text={model.notice} />}
      {model.failed && <ErrorSummary lang={lang} errors={model.failed.errors} />}
      {model.refusal && (
        <div class="error-summary" role="alert" aria-labelledby="refusal-title" tabindex={-1}>
          <h2 id="refusal-title">{tw('editorial.workflow.refused.title')}</h2>
          <p>{model.refusal.text}</p>
          {model.refusal.problems.length > 0 && <ProblemList lang={lang} kind={revision.kind} problems={model.refusal.problems} />}
        </div>
      )}
      {model.secondPerson && (
        <p class="panel editorial-second-person">
          <strong>{tw('editorial.workflow.secondPerson')}</strong>
        </p>
      )}
      <section aria-labelledby="revision-facts">
        <h2 id="revision-facts">{tw('editorial.workflow.revision.facts')}</h2>
        <dl class="facts">
          <Fact label={tw('editorial.workflow.field.kind')}>{kindLabel(lang, revision.kind)}</Fact>
          <Fact label={tw('editorial.workflow.field.item')}>
            {model.itemLive ? <a href={urls.staffContentItem(lang, revision.kind, revision.itemId)}>{model.itemTitle}</a> : model.itemTitle}{' '}
            <code>{revision.itemId}</code>
          </Fact>
          <Fact label={tw('editorial.workflow.field.state')}>{t(lang, `editorial.state.${revision.state}`)}</Fact>
          <Fact label={tw('editorial.workflow.field.origin')}>{t(lang, `editorial.origin.${revision.origin}`)}</Fact>
          <Fact label={tw('editorial.workflow.field.created')}>{step(revision.createdBy, revision.createdAt)}</Fact>
          {revision.editors.length > 0 && <Fact label={tw('editorial.workflow.field.editors')}>{revision.editors.map(person).join(', ')}</Fact>}
          <Fact label={tw('editorial.workflow.field.submitted')}>{step(revision.submittedBy, revision.submittedAt)}</Fact>
          <Fact label={tw('editorial.workflow.field.reviewed')}>{step(revision.reviewedBy, revision.reviewedAt)}</Fact>
          {revision.publishAt && <Fact label={tw('editorial.workflow.field.publishAt')}>{when(lang, revision.publishAt)}</Fact>}
          <Fact label={tw('editorial.workflow.field.published')}>{step(revision.publishedBy, revision.publishedAt)}</Fact>
          {revision.contentVersion !== null && <Fact label={tw('editorial.workflow.field.version')}>{String(revision.contentVersion)}</Fact>}
          {revision.note && (
            <Fact label={tw('editorial.workflow.field.note')}>
              <span class="editorial-note">{revision.note}</span>
            </Fact>
          )}
          {revision.reviewNote && (
            <Fact label={tw('editorial.workflow.field.reviewNote')}>
              <span class="editorial-note">{revision.reviewNote}</span>
            </Fact>
          )}
        </dl>
      </section>
      {['draft', 'in_review', 'scheduled', 'conflict'].includes(revision.state) && (
        <section aria-labelledby="revision-problems">
          <h2 id="revision-problems">{tw('editorial.workflow.problems.title')}</h2>
          {model.problems.length === 0 ? <p>{tw('editorial.workflow.problems.none')}</p> : <ProblemList lang={lang} kind={revision.kind} problems={model.problems} />}
        </section>
      )}
      <Actions model={model} />
      {model.diffs.map((d, i) => (
        <RevisionDiffView lang={lang} title={d.title} diff={d.diff} id={`revision-diff-${i}`} />
      ))}
    </div>
  );
}
