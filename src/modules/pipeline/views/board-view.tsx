/**
 * The board: one column per stage with its count and its first cards; each card a person may move carries a small
 * form (the stages they may move it to, and a button) that posts to the project's move address — no script needed.
 * A column with more projects than it shows links to the list filtered by that stage.
 */
import { urls } from '../../../platform/http/urls.js';
import type { Lang } from '../../../platform/i18n/i18n.js';
import { ErrorSummary } from '../../../platform/views/forms.js';
import { listQueryOf, type ListQuery } from '../list.form.js';
import type { ListRow } from '../list.queries.js';
import { t } from '../messages.js';
import { tList, type ListNames } from '../messages.list.js';
import type { Stage } from '../stage-rules.js';
import { ListFilters, PipelineNav, type Named } from './list-filters.js';
import { investorName, NextAction } from './list-view.js';

export interface BoardCard extends ListRow {
  /** The stages this viewer may move the card to (empty: no form). */
  moves: Stage[];
}

export interface BoardColumn {
  stage: Stage;
  count: number;
  cards: BoardCard[];
}

export interface BoardViewProps {
  lang: Lang;
  scope: string;
  mayWrite: boolean;
  mayImport: boolean;
  query: ListQuery;
  /** Null when the filters have errors. */
  columns: BoardColumn[] | null;
  names: ListNames;
  industries: Named[];
  districts: Named[];
  csrf: string;
}

function MoveForm({ lang, card, csrf }: { lang: Lang; card: BoardCard; csrf: string }) {
  const id = `move-${card.reference}`;
  return (
    <form method="post" action={urls.staffProjectMove(lang, card.reference)} class="inline-form pipeline-card__move">
      <input type="hidden" name="_csrf" value={csrf} />
      {/* After a move that needs nothing more, the project page's handler brings the person back here. */}
      <input type="hidden" name="back" value="board" />
      {/* The visible words start the accessible name (WCAG 2.5.3); the reference tells one card's select from the next. */}
      <label for={id}>
        {tList(lang, 'pipeline.list.board.move')}
        <span class="visually-hidden"> ({card.reference})</span>
      </label>{' '}
      <select id={id} name="to">
        {card.moves.map((stage) => (
          <option value={stage}>{t(lang, `pipeline.stage.${stage}`)}</option>
        ))}
      </select>{' '}
      <button type="submit" class="button button--secondary button--small">
        {tList(lang, 'pipeline.list.board.moveSubmit')}
      </button>
    </form>
  );
}

function Card({ lang, card, names, csrf }: { lang: Lang; card: BoardCard; names: ListNames; csrf: string }) {
  return (
    <li class="pipeline-card">
      <p class="pipeline-card__title">
        <a href={urls.staffProject(lang, card.reference)}>{card.reference}</a> {card.name}
      </p>
      <p class="pipeline-card__facts">
        {investorName(lang, card)} · {names.district(card.district_id)} · {t(lang, `pipeline.status.${card.status}`)}
      </p>
      <p class="pipeline-card__facts">
        <NextAction lang={lang} row={card} />
      </p>
      {card.moves.length > 0 && <MoveForm lang={lang} card={card} csrf={csrf} />}
    </li>
  );
}

function Column({ lang, column, query, names, csrf }: { lang: Lang; column: BoardColumn; query: ListQuery; names: ListNames; csrf: string }) {
  const more = column.count - column.cards.length;
  const heading = `board-${column.stage}`;
  return (
    <section class="pipeline-board__column" aria-labelledby={heading}>
      <h2 id={heading}>{tList(lang, 'pipeline.list.board.column', { stage: t(lang, `pipeline.stage.${column.stage}`), count: column.count })}</h2>
      {column.cards.length === 0 ? (
        <p class="muted">{tList(lang, 'pipeline.list.board.emptyColumn')}</p>
      ) : (
        <ul class="pipeline-board__cards">
          {column.cards.map((card) => (
            <Card lang={lang} card={card} names={names} csrf={csrf} />
          ))}
        </ul>
      )}
      {more > 0 && (
        <p>
          <a href={urls.staffProjects(lang, listQueryOf(query.filters, { stages: [column.stage], page: 1 }))}>{tList(lang, 'pipeline.list.board.more', { count: more })}</a>
        </p>
      )}
    </section>
  );
}

export function BoardView(props: BoardViewProps) {
  const { lang, query, columns } = props;
  const errors = query.errors.map((e) => ({ ...e, field: `filter-${e.field}` }));
  return (
    <div class="pipeline-board-page">
      {errors.length > 0 && <ErrorSummary lang={lang} errors={errors} />}
      <h1>{tList(lang, 'pipeline.list.boardTitle')}</h1>
      <PipelineNav lang={lang} here="board" mayWrite={props.mayWrite} mayImport={props.mayImport} />
      <p class="muted">{props.scope}</p>
      <ListFilters lang={lang} action={urls.staffProjectsBoard(lang)} clear={urls.staffProjectsBoard(lang)} query={query} industries={props.industries} districts={props.districts} withSort={false} />
      {columns && columns.some((c) => c.cards.some((card) => card.moves.length > 0)) && <p class="hint">{tList(lang, 'pipeline.list.board.hint')}</p>}
      {columns && (
        <div class="pipeline-board">
          {columns.map((column) => (
            <Column lang={lang} column={column} query={query} names={props.names} csrf={props.csrf} />
          ))}
        </div>
      )}
    </div>
  );
}
