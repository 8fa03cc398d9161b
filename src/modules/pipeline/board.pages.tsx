/**
 * The board, GET /:lang/staff/projects/board: the list's filters, one column per stage (those the stage filter keeps)
 * with its count and its first BOARD_CARDS cards. A card carries a move form when the viewer may make a move from its
 * stage (STAGE_MOVES and what they are to the project: actorsOf, from the teams of the cards shown, loaded in one
 * query); the move itself, and the evidence it asks for, are the project page's (POST …/:reference/move).
 */
import type { FastifyInstance } from 'fastify';
import type { RawForm } from '../../platform/http/form.js';
import { routes } from '../../platform/http/urls.js';
import { t as tPlatform } from '../../platform/i18n/i18n.js';
import { langOf, sendStaffPage } from '../staff/index.js';
import { readListQuery } from './list.form.js';
import { boardCards, stageCounts, teamsOf, type ListRow } from './list.queries.js';
import { filterChoices, listNames, scopeText, tList } from './messages.list.js';
import type { PipelineServices } from './pipeline-services.js';
import { actorsOf, PIPELINE_READERS, PIPELINE_IMPORTERS, PIPELINE_WRITERS, projectScopeOf, type PipelineStaff } from './project-access.js';
import { beijingToday } from './project-workflow.js';
import { CLOSED_STATUSES, movesFrom, STAGES, type Stage } from './stage-rules.js';
import { BoardView, type BoardColumn } from './views/board-view.js';

/** Cards shown per column; the rest are a link to the list filtered by the stage. */
export const BOARD_CARDS = 50;

type Team = Awaited<ReturnType<typeof teamsOf>> extends Map<string, infer T> ? T : never;

/** The stages `staff` may move this card to: moves from its stage whose actors include what they are to it. */
function allowedMoves(staff: PipelineStaff, card: ListRow, team: Team): Stage[] {
  // A lost or abandoned project moves only once reopened (project-workflow refuses it).
  if (CLOSED_STATUSES.includes(card.status)) return [];
  const actors = actorsOf(staff, card, team);
  return movesFrom(card.stage).filter((move) => move.actors.some((actor) => actors.includes(actor))).map((move) => move.to);
}

export function registerBoardPages(app: FastifyInstance, { context }: PipelineServices): void {
  const db = context.db;

  app.get(routes.staffProjectsBoard, { config: { staffGuard: { roles: PIPELINE_READERS } } }, async (request, reply) => {
    const lang = langOf(request);
    const staff = request.staff!;
    const store = context.store();
    const scope = projectScopeOf(staff);
    const query = readListQuery((request.query ?? {}) as RawForm, lang, staff.userId);
    let columns: BoardColumn[] | null = null;
    if (query.errors.length === 0) {
      const today = beijingToday(context.now());
      const stages = STAGES.filter((stage) => !query.filters.stages || query.filters.stages.includes(stage));
      const [counts, cards] = await Promise.all([stageCounts(db, scope, query.filters, today), boardCards(db, scope, query.filters, today, stages, BOARD_CARDS)]);
      const mayMove = PIPELINE_WRITERS.includes(staff.role);
      const teams = mayMove ? await teamsOf(db, stages.flatMap((stage) => cards[stage].map((card) => card.id))) : new Map<string, Team>();
      columns = stages.map((stage) => ({
        stage,
        count: counts[stage],
        cards: cards[stage].map((card) => ({ ...card, moves: mayMove ? allowedMoves(staff, card, teams.get(card.id) ?? []) : [] })),
      }));
    }
    const body = (
      <BoardView
        lang={lang}
        scope={scopeText(lang, scope, store)}
        mayWrite={PIPELINE_WRITERS.includes(staff.role)}
        mayImport={PIPELINE_IMPORTERS.includes(staff.role)}
        query={query}
        columns={columns}
        names={listNames(lang, store)}
        {...filterChoices(lang, scope, store)}
        csrf={staff.csrfToken}
      />
    );
    const title = tList(lang, 'pipeline.list.boardTitle');
    return sendStaffPage(request, reply, lang, query.errors.length ? `${tPlatform(lang, 'form.errorSummary')}: ${title}` : title, body, query.errors.length ? 400 : 200);
  });
}
