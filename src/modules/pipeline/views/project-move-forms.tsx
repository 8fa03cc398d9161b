/**
 * "What the next stage needs": one form per move the reader may make now, with exactly the evidence fields that move
 * requires (filled with what the project already holds) and a note (required for a step back). Forward moves are open
 * — they are the page's main action; steps back sit in a <details>. A move the reader may not make is named with who
 * makes it, so nobody hunts for a button that is not theirs.
 */
import { urls } from '../../../platform/http/urls.js';
import type { ContentStore } from '../../content/index.js';
import { StaffField, describedBy } from '../../staff/index.js';
import { fieldLabel, t } from '../messages.js';
import { tProject } from '../messages.project.js';
import { controlId, type PageForm } from '../project-forms.js';
import type { MoveFormState, ProjectPageModel } from '../project-page.load.js';
import { movesFrom, stageIndex, type Actor } from '../stage-rules.js';
import { ProjectField } from './project-fields.js';

const list = (lang: 'en' | 'zh', items: string[]) => new Intl.ListFormat(lang === 'zh' ? 'zh-CN' : 'en', { type: 'disjunction' }).format(items);
const actorNames = (lang: 'en' | 'zh', actors: readonly Actor[]) => list(lang, actors.map((a) => tProject(lang, `pipeline.project.actor.${a}`)));

function MoveForm({ model, store, state }: { model: ProjectPageModel; store: ContentStore; state: MoveFormState }) {
  const { lang, project } = model;
  const { move, forward } = state;
  const form: PageForm = { kind: 'move', to: move.to };
  const stage = t(lang, `pipeline.stage.${move.to}`);
  const noteId = controlId(form, 'note');
  const noteError = state.errors.find((e) => e.field === noteId)?.message;
  const noteHint = tProject(lang, move.noteRequired ? 'pipeline.project.move.noteRequired' : 'pipeline.project.move.noteOptional');
  const body = (
    <>
      <p class="hint">
        {move.requires.length
          ? tProject(lang, 'pipeline.project.move.needs', { fields: new Intl.ListFormat(lang === 'zh' ? 'zh-CN' : 'en').format(move.requires.map((f) => fieldLabel(lang, f))) })
          : tProject(lang, 'pipeline.project.move.needsNothing')}
      </p>
      <form method="post" action={urls.staffProjectMove(lang, project.reference)} class="staff-form project-move__form" novalidate>
        <input type="hidden" name="_csrf" value={model.csrf} />
        <input type="hidden" name="to" value={move.to} />
        {move.requires.map((field) => (
          <ProjectField ctx={{ lang, store, values: state.values, errors: state.errors, idOf: (f) => controlId(form, f), today: model.today }} field={field} />
        ))}
        <StaffField lang={lang} name={noteId} label={fieldLabel(lang, 'note')} hint={noteHint} error={noteError}>
          <textarea id={noteId} name="note" rows={3} maxLength={2000} aria-describedby={describedBy(noteId, true, noteError)} aria-invalid={noteError ? 'true' : undefined} aria-required={move.noteRequired ? 'true' : undefined}>
            {state.values.note ?? ''}
          </textarea>
        </StaffField>
        <button type="submit" class={forward ? 'button' : 'button button--secondary'}>
          {tProject(lang, forward ? 'pipeline.project.move.submit' : 'pipeline.project.move.submitBack', { stage })}
        </button>
      </form>
    </>
  );
  if (forward) {
    return (
      <div class="case-action project-move" id={`move-${move.to}`}>
        <h3>{tProject(lang, 'pipeline.project.move.title', { stage })}</h3>
        {body}
      </div>
    );
  }
  return (
    <details class="case-action project-move" id={`move-${move.to}`} open={state.open}>
      <summary>{tProject(lang, 'pipeline.project.move.titleBack', { stage })}</summary>
      {body}
    </details>
  );
}

export function ProjectMoves({ model, store }: { model: ProjectPageModel; store: ContentStore }) {
  const { lang, project } = model;
  const offered = new Set(model.moves.map((m) => m.move.to));
  // Forward moves nobody on this page may make: say who makes them.
  const others = movesFrom(project.stage).filter((m) => stageIndex(m.to) > stageIndex(m.from) && !offered.has(m.to));
  return (
    <section aria-labelledby="moves-title" class="case-actions project-moves">
      <h2 id="moves-title">{tProject(lang, 'pipeline.project.moves')}</h2>
      {project.stage === 'operating' && <p>{tProject(lang, 'pipeline.project.moves.final')}</p>}
      {model.closed && <p>{tProject(lang, 'pipeline.project.moves.closed', { status: t(lang, `pipeline.status.${project.status}`) })}</p>}
      {model.moves.map((state) => (
        <MoveForm model={model} store={store} state={state} />
      ))}
      {others.map((m) => (
        <p>
          {tProject(lang, 'pipeline.project.moves.notYours', { stage: t(lang, `pipeline.stage.${m.to}`), actors: actorNames(lang, m.actors) })}
        </p>
      ))}
    </section>
  );
}
