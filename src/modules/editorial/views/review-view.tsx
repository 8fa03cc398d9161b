/**
 * The review queue: revisions in review (oldest first; each says whether this person may publish it or, having edited
 * it, must leave it to another editor; those they may publish have a checkbox for the one bulk-publish form), the
 * scheduled ones (with their moment and a cancel form), seed conflicts, drafts with problems and what was recently
 * published. After a bulk publish, one result per revision.
 */
import type { ComponentChildren } from 'preact';
import { urls } from '../../../platform/http/urls.js';
import { RowActionForm } from '../../../platform/views/forms.js';
import type { Lang } from '../../../platform/i18n/i18n.js';
import type { Revision } from '../../content/index.js';
import { StaffNotice, staffTimeFormat } from '../../staff/index.js';
import { kindLabel, t } from '../messages.js';
import { tWorkflow } from '../messages.workflow.js';

export interface ReviewRow {
  revision: Revision;
  title: string;
  /** null: this person may publish it; otherwise why not. */
  refusal: 'second_person' | 'other' | null;
  refusalText?: string;
}

export interface ReviewPageModel {
  lang: Lang;
  csrf: string;
  canAct: boolean;
  names: ReadonlyMap<string, string>;
  inReview: ReviewRow[];
  scheduled: ReviewRow[];
  conflicts: ReviewRow[];
  problems: ReviewRow[];
  recent: ReviewRow[];
  notice?: string;
  results?: { id: string; title: string; ok: boolean; reason?: string }[];
  error?: string;
}

const when = (lang: Lang, date: Date | null) => (date ? staffTimeFormat[lang].format(date) : '');

function ItemCell({ lang, row }: { lang: Lang; row: ReviewRow }) {
  return (
    <td>
      {kindLabel(lang, row.revision.kind)}{lang === 'zh' ? '：' : ': '}<a href={urls.staffContentRevision(lang, row.revision.id)}>{row.title}</a>
      {row.revision.data === null && <> ({tWorkflow(lang, 'editorial.workflow.review.withdrawal')})</>}
    </td>
  );
}

function Section({ id, title, empty, rows, children }: { id: string; title: string; empty: string; rows: ReviewRow[]; children: ComponentChildren }) {
  return (
    <section aria-labelledby={id} class="editorial-review__section">
      <h2 id={id}>{title}</h2>
      {rows.length === 0 ? <p>{empty}</p> : children}
    </section>
  );
}

export function ReviewView({ model }: { model: ReviewPageModel }) {
  const { lang, names } = model;
  const tw = (key: Parameters<typeof tWorkflow>[1], params?: Record<string, string | number>) => tWorkflow(lang, key, params);
  const person = (id: string | null) => (id === null ? tw('editorial.workflow.system') : (names.get(id) ?? tw('editorial.workflow.unknownPerson')));
  const selectable = model.inReview.some((r) => r.refusal === null) && model.canAct;
  return (
    <div class="editorial-review">
      <h1>{tw('editorial.workflow.review.title')}</h1>
      {model.notice && <StaffNotice text={model.notice} />}
      {model.error && (
        <div class="error-summary" role="alert" tabindex={-1}>
          <p>{model.error}</p>
        </div>
      )}
      {model.results && (
        <section aria-labelledby="review-results" class="panel" role="status">
          <h2 id="review-results">{tw('editorial.workflow.review.results')}</h2>
          <ul>
            {model.results.map((r) => (
              <li>
                {r.ok
                  ? tw('editorial.workflow.review.result.ok', { id: r.id, item: r.title })
                  : tw('editorial.workflow.review.result.refused', { id: r.id, item: r.title, reason: r.reason ?? '' })}{' '}
                <a href={urls.staffContentRevision(lang, r.id)}>{tw('editorial.workflow.review.col.revision')} {r.id}</a>
              </li>
            ))}
          </ul>
        </section>
      )}
      <Section id="review-in-review" title={tw('editorial.workflow.review.inReview')} empty={tw('editorial.workflow.review.inReview.none')} rows={model.inReview}>
        <form method="post" action={urls.staffContentReview(lang)} class="staff-form">
          <input type="hidden" name="_csrf" value={model.csrf} />
          <table class="staff-table">
            <thead>
              <tr>
                {selectable && <th scope="col">{tw('editorial.workflow.review.col.select')}</th>}
                <th scope="col">{tw('editorial.workflow.review.col.item')}</th>
                <th scope="col">{tw('editorial.workflow.review.col.who')}</th>
                <th scope="col">{tw('editorial.workflow.review.col.when')}</th>
                <th scope="col">{tw('editorial.workflow.review.col.status')}</th>
              </tr>
            </thead>
            <tbody>
              {model.inReview.map((row) => (
                <tr>
                  {selectable && (
                    <td>
                      {row.refusal === null && (
                        <>
                          <input type="checkbox" name="revision" value={row.revision.id} id={`select-${row.revision.id}`} />
                          <label for={`select-${row.revision.id}`} class="visually-hidden">
                            {tw('editorial.workflow.review.selectOne', { id: row.revision.id })}
                          </label>
                        </>
                      )}
                    </td>
                  )}
                  <ItemCell lang={lang} row={row} />
                  <td>{person(row.revision.submittedBy)}</td>
                  <td>{when(lang, row.revision.submittedAt)}</td>
                  <td>
                    {row.refusal === null
                      ? tw('editorial.workflow.review.youMay')
                      : row.refusal === 'second_person'
                        ? tw('editorial.workflow.review.youEdited')
                        : tw('editorial.workflow.review.cannot', { reason: row.refusalText ?? '' })}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {selectable && (
            <button type="submit" class="button">
              {tw('editorial.workflow.review.bulk')}
            </button>
          )}
        </form>
      </Section>
      <Section id="review-scheduled" title={tw('editorial.workflow.review.scheduled')} empty={tw('editorial.workflow.review.scheduled.none')} rows={model.scheduled}>
        <table class="staff-table">
          <thead>
            <tr>
              <th scope="col">{tw('editorial.workflow.review.col.item')}</th>
              <th scope="col">{tw('editorial.workflow.review.col.goesLive')}</th>
              <th scope="col">{tw('editorial.workflow.review.col.who')}</th>
              {model.canAct && <th scope="col">{tw('editorial.workflow.review.col.action')}</th>}
            </tr>
          </thead>
          <tbody>
            {model.scheduled.map((row) => (
              <tr>
                <ItemCell lang={lang} row={row} />
                <td>{when(lang, row.revision.publishAt)}</td>
                <td>{person(row.revision.reviewedBy)}</td>
                {model.canAct && (
                  <td>
                    <RowActionForm action={urls.staffContentRevisionAction(lang, row.revision.id, 'discard')} csrf={model.csrf} label={tw('editorial.workflow.action.cancelSchedule')} which={row.title} />
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </Section>
      <Section id="review-conflicts" title={tw('editorial.workflow.review.conflicts')} empty={tw('editorial.workflow.review.conflicts.none')} rows={model.conflicts}>
        <p>{tw('editorial.workflow.review.conflicts.about')}</p>
        <ul>
          {model.conflicts.map((row) => (
            <li>
              {kindLabel(lang, row.revision.kind)}{lang === 'zh' ? '：' : ': '}<a href={urls.staffContentRevision(lang, row.revision.id)}>{row.title}</a> <code>{row.revision.itemId}</code>
            </li>
          ))}
        </ul>
      </Section>
      <Section id="review-problems" title={tw('editorial.workflow.review.problems')} empty={tw('editorial.workflow.review.problems.none')} rows={model.problems}>
        <ul>
          {model.problems.map((row) => (
            <li>
              {kindLabel(lang, row.revision.kind)}{lang === 'zh' ? '：' : ': '}<a href={urls.staffContentRevision(lang, row.revision.id)}>{row.title}</a> —{' '}
              {tw('editorial.workflow.review.problems.count', { count: row.revision.problems.length })}, {person(row.revision.createdBy)}
            </li>
          ))}
        </ul>
      </Section>
      <Section id="review-recent" title={tw('editorial.workflow.review.recent')} empty={tw('editorial.workflow.review.recent.none')} rows={model.recent}>
        <table class="staff-table">
          <thead>
            <tr>
              <th scope="col">{tw('editorial.workflow.review.col.item')}</th>
              <th scope="col">{tw('editorial.workflow.review.col.who')}</th>
              <th scope="col">{tw('editorial.workflow.review.col.when')}</th>
            </tr>
          </thead>
          <tbody>
            {model.recent.map((row) => (
              <tr>
                <ItemCell lang={lang} row={row} />
                <td>{person(row.revision.publishedBy)}</td>
                <td>{when(lang, row.revision.publishedAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </Section>
      <p>
        <a href={urls.staffContent(lang)}>{t(lang, 'editorial.nav.home')}</a>
      </p>
    </div>
  );
}

