/**
 * A diff as a table: one row per field that differs (label, what happened, the text). Changed text shows removed runs
 * as <del> and added runs as <ins>, each announced to screen readers by visually hidden words ("removed:", "added:"),
 * so the change is never told by colour or strike-through alone.
 */
import type { Lang } from '../../../platform/i18n/i18n.js';
import { tWorkflow } from '../messages.workflow.js';
import type { FieldChange, RevisionDiff, TextPart } from '../revision-diff.js';

function Runs({ lang, parts }: { lang: Lang; parts: TextPart[] }) {
  return (
    <>
      {parts.map((part) =>
        part.kind === 'same' ? (
          part.text
        ) : part.kind === 'removed' ? (
          <del>
            <span class="visually-hidden" lang={lang === 'zh' ? 'zh-CN' : 'en'}>{` ${tWorkflow(lang, 'editorial.workflow.diff.removedWords')} `}</span>
            {part.text}
            <span class="visually-hidden" lang={lang === 'zh' ? 'zh-CN' : 'en'}>{` (${tWorkflow(lang, 'editorial.workflow.diff.endRemoved')}) `}</span>
          </del>
        ) : (
          <ins>
            <span class="visually-hidden" lang={lang === 'zh' ? 'zh-CN' : 'en'}>{` ${tWorkflow(lang, 'editorial.workflow.diff.addedWords')} `}</span>
            {part.text}
            <span class="visually-hidden" lang={lang === 'zh' ? 'zh-CN' : 'en'}>{` (${tWorkflow(lang, 'editorial.workflow.diff.endAdded')}) `}</span>
          </ins>
        ),
      )}
    </>
  );
}

function Value({ lang, change }: { lang: Lang; change: FieldChange }) {
  if (change.parts) return <Runs lang={lang} parts={change.parts} />;
  if (change.change === 'added') return <Runs lang={lang} parts={[{ kind: 'added', text: change.after ?? '' }]} />;
  if (change.change === 'removed') return <Runs lang={lang} parts={[{ kind: 'removed', text: change.before ?? '' }]} />;
  return <Runs lang={lang} parts={[{ kind: 'removed', text: change.before ?? '' }, { kind: 'same', text: ' ' }, { kind: 'added', text: change.after ?? '' }]} />;
}

/** The language of the text at `path` (an `en` or `zh` segment), so a page in the other language marks it. */
function textLang(path: FieldChange['path']): string | undefined {
  if (path.includes('en')) return 'en';
  if (path.includes('zh') || path.some((p) => typeof p === 'string' && p.endsWith('_zh'))) return 'zh-CN';
  return undefined;
}

export function RevisionDiffView({ lang, title, diff, id }: { lang: Lang; title: string; diff: RevisionDiff; id: string }) {
  return (
    <section class="editorial-diff" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {diff.withdrawal ? (
        <p class="editorial-diff__withdrawal">{tWorkflow(lang, 'editorial.workflow.diff.withdrawal')}</p>
      ) : diff.changes.length === 0 ? (
        <p>{tWorkflow(lang, 'editorial.workflow.diff.none')}</p>
      ) : (
        <>
          {diff.isNew && <p>{tWorkflow(lang, 'editorial.workflow.diff.new')}</p>}
          <table class="staff-table editorial-diff__table">
            <thead>
              <tr>
                <th scope="col">{tWorkflow(lang, 'editorial.workflow.diff.field')}</th>
                <th scope="col">{tWorkflow(lang, 'editorial.workflow.diff.change')}</th>
              </tr>
            </thead>
            <tbody>
              {diff.changes.map((change) => (
                <tr>
                  <th scope="row">
                    {change.label}
                    <span class="editorial-diff__what">{lang === 'zh' ? `（${tWorkflow(lang, `editorial.workflow.diff.${change.change}`)}）` : ` (${tWorkflow(lang, `editorial.workflow.diff.${change.change}`)})`}</span>
                  </th>
                  <td class="editorial-diff__text" lang={textLang(change.path)}>
                    <Value lang={lang} change={change} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}
