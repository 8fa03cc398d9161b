/**
 * The editors' content pages (issue #12, forms part): the content home, a kind's items, an item's overview with its
 * history, and the forms generated from each kind's schema — new item, edit (a draft from the live item), and an
 * existing draft's edit. Saving always keeps what was typed: a draft with problems is saved with them and the form
 * comes back with each problem at its field. "Add another"/"Remove" re-render the posted state without saving.
 * Policy rules have their own editor (routes.staffRuleEdit/staffRuleNew); for them these pages link there.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { itemNoticeText } from './item-actions.pages.js';
import { facetLabel } from '../policies/index.js';
import { documentTitle } from '../../platform/views/sources.js';
import { staffDb } from '../../platform/auth/index.js';
import { NotFoundError } from '../../platform/http/errors.js';
import { routes, urls } from '../../platform/http/urls.js';
import type { Lang } from '../../platform/i18n/i18n.js';
import { ErrorSummary } from '../../platform/views/forms.js';
import { OFFICIAL_LINK, findRevision, revisionsOfItem, validateItem, type ContentKind, type ContentStore, type Revision, type StoredProblem } from '../content/index.js';
import { langOf, sendStaffPage } from '../staff/index.js';
import { CONTENT_EDITORS, CONTENT_READERS, canEdit, isContentKind } from './editorial-access.js';
import type { EditorialServices } from './editorial-services.js';
import { tForms } from './messages.fields.js';
import { kindLabel, refusalText, t } from './messages.js';
import { liveSetOf, openRevisionOf, saveDraft, WorkflowRefusal } from './revision-workflow.js';
import { kindSlot } from './schema-form/model.js';
import { fieldId, fieldProblems, type FieldProblem } from './schema-form/problems.js';
import { SchemaFields, type FormContext } from './schema-form/render.js';
import { addEntry, flatten, parseValues, removeEntry, valuesOfBody, type FormValues } from './schema-form/values.js';
import { ContentHomeView, ItemView, KindListView, LockedView, RulesElsewhereView, loadHome, loadItem, loadKindList, titleOf } from './views/item-views.js';

type Params = { lang: string; kind: string; id?: string; revision?: string };

function kindOf(request: FastifyRequest): ContentKind {
  const { kind } = request.params as Params;
  if (!isContentKind(kind)) throw new NotFoundError(`No content kind ${kind}.`);
  return kind;
}

/** Words for a choice's value where the platform has them (district names, translation statuses). */
export function choiceWords(lang: Lang, store: ContentStore): FormContext['choiceWord'] {
  return (key, value) => {
    if (key === 'district' || key === 'districts') {
      const district = store.get('districts', value) as { en: { name: string }; zh: { name: string } } | undefined;
      return district ? `${district[lang].name} (${value})` : undefined;
    }
    if (key === 'zh_translation' && (value === 'official' || value === 'unofficial')) return t(lang, `editorial.translation.${value}`);
    // The words the public policy library uses for the same codes (contacts' levels are the same four words).
    const facet = ({ category: 'category', level: 'level', audiences: 'audience', topics: 'topic' } as const)[key as 'category'];
    if (facet) {
      const words = facetLabel(store, facet, value, lang);
      return words === value ? undefined : `${words} (${value})`;
    }
    if (key === 'document') return value === OFFICIAL_LINK ? t(lang, 'editorial.officialLink') : `${documentTitle(value, lang)} (${value})`;
    return undefined;
  };
}

interface FormModel {
  kind: ContentKind;
  itemId: string | null;
  revisionId: string | null;
  values: FormValues;
  problems: StoredProblem[];
  note: string;
  notice?: string;
  refusal?: { text: string; revisionId?: string };
}

export function registerFormPages(app: FastifyInstance, services: EditorialServices): void {
  const { context } = services;
  const db = () => context.db;

  function actionOf(lang: Lang, model: FormModel): string {
    if (model.revisionId) return urls.staffContentRevisionEdit(lang, model.revisionId);
    if (model.itemId) return urls.staffContentEdit(lang, model.kind, model.itemId);
    return urls.staffContentNew(lang, model.kind);
  }

  function renderForm(request: FastifyRequest, reply: FastifyReply, model: FormModel, status = 200) {
    const lang = langOf(request);
    const slot = kindSlot(model.kind);
    const problems: FieldProblem[] = fieldProblems(lang, model.kind, slot, model.values, model.problems);
    const ctx: FormContext = { lang, kind: model.kind, values: model.values, problems, idLocked: model.itemId !== null, choiceWord: choiceWords(lang, context.content.store) };
    const kind = kindLabel(lang, model.kind);
    // The item by its title where it has one (the id stays in the form's first field).
    const live = model.itemId ? (context.content.store.get(model.kind, model.itemId) as Record<string, unknown> | undefined) : undefined;
    const name = live ? titleOf(live, lang) : (model.itemId ?? '');
    const title = model.revisionId
      ? tForms(lang, 'editorial.forms.draftTitle', { kind, id: name })
      : model.itemId
        ? tForms(lang, 'editorial.forms.editTitle', { kind, id: name })
        : tForms(lang, 'editorial.forms.newTitle', { kind });
    const summary = problems.map((p) => ({ field: p.name === '' ? 'f-item' : fieldId(p.name), message: p.message }));
    const body = (
      <div class="sf-page">
        {model.refusal && (
          <div class="error-summary" role="alert" tabindex={-1}>
            <p>{model.refusal.text}</p>
            {model.refusal.revisionId && <p><a href={urls.staffContentRevision(lang, model.refusal.revisionId)}>{tForms(lang, 'editorial.forms.openRevision')}</a></p>}
          </div>
        )}
        {summary.length > 0 && <ErrorSummary lang={lang} errors={summary} />}
        <p class="case-back">
          {model.itemId ? <a href={urls.staffContentItem(lang, model.kind, model.itemId)}>{tForms(lang, 'editorial.forms.back')}</a> : <a href={urls.staffContentKind(lang, model.kind)}>{tForms(lang, 'editorial.forms.backKind', { kind })}</a>}
        </p>
        <h1>{title}</h1>
        {model.notice && <p class="notice" role="status">{model.notice}</p>}
        <form method="post" action={actionOf(lang, model)} class="staff-form sf-form" id="f-item" novalidate>
          <input type="hidden" name="_csrf" value={request.staff!.csrfToken} />
          <SchemaFields ctx={ctx} slot={slot} />
          <div class="field">
            <label for="f-note">{tForms(lang, 'editorial.forms.note')}</label>
            <textarea id="f-note" name="_note" rows={2}>{model.note}</textarea>
          </div>
          <button type="submit" class="button">{tForms(lang, 'editorial.forms.save')}</button>
        </form>
      </div>
    );
    return sendStaffPage(request, reply, lang, summary.length ? `${tForms(lang, 'editorial.pages.field')}: ${title}` : title, body, status);
  }

  /** A POST of the form: an "Add another"/"Remove" re-renders; a save goes to saveDraft. */
  async function handlePost(request: FastifyRequest, reply: FastifyReply, base: Omit<FormModel, 'values' | 'problems' | 'note'>) {
    const lang = langOf(request);
    const raw = (request.body ?? {}) as Record<string, unknown>;
    let values = valuesOfBody(raw);
    const note = typeof raw._note === 'string' ? raw._note.slice(0, 2000) : '';
    const op = typeof raw._op === 'string' ? raw._op : '';
    const slot = kindSlot(base.kind);
    if (op !== '') {
      if (op.startsWith('add:')) values = addEntry(values, op.slice(4));
      else if (op.startsWith('remove:')) {
        const name = op.slice(7);
        const dot = name.lastIndexOf('.');
        if (dot > 0 && /^\d+$/.test(name.slice(dot + 1))) values = removeEntry(values, name.slice(0, dot), Number(name.slice(dot + 1)));
      }
      return renderForm(request, reply, { ...base, values, problems: [], note, notice: tForms(lang, 'editorial.forms.notSaved') });
    }
    const parsed = parseValues(slot, values);
    const data = (parsed.data && typeof parsed.data === 'object' ? parsed.data : {}) as Record<string, unknown>;
    const itemId = base.itemId ?? (typeof data.id === 'string' ? data.id.trim() : '');
    if (base.itemId === null && !/^[a-z0-9]+(?:[-_][a-z0-9]+)*$/.test(itemId)) {
      // A new item without a usable id cannot be saved (its id is its address): the form says what is wrong.
      const problems = [...parsed.problems, ...validateItem(base.kind, itemId, data, liveSetOf(context)).problems];
      return renderForm(request, reply, { ...base, values, problems, note }, 400);
    }
    try {
      const saved = await saveDraft(context, { userId: request.staff!.userId, role: request.staff!.role, requestId: request.id }, {
        kind: base.kind, itemId, data, note: note.trim() === '' ? null : note.trim(), revisionId: base.revisionId ?? undefined, isNew: base.itemId === null,
      });
      const problems = [...parsed.problems, ...saved.problems];
      if (problems.length === 0) return reply.redirect(urls.staffContentRevision(lang, saved.revisionId, { notice: 'saved' }), 303);
      return renderForm(request, reply, { ...base, itemId, revisionId: saved.revisionId, values, problems, note, notice: tForms(lang, 'editorial.forms.savedWithProblems', { count: problems.length }) }, 400);
    } catch (error) {
      if (!(error instanceof WorkflowRefusal)) throw error;
      const status = error.reason === 'not_allowed' ? 403 : error.reason === 'not_found' ? 404 : 409;
      return renderForm(request, reply, { ...base, values, problems: parsed.problems, note, refusal: { text: refusalText(lang, error.reason), revisionId: error.details.revisionId } }, status);
    }
  }

  const readers = { config: { staffGuard: { roles: CONTENT_READERS } } };
  const editors = { config: { staffGuard: { roles: CONTENT_EDITORS } } };

  app.get(routes.staffContent, readers, async (request, reply) => {
    const lang = langOf(request);
    const model = await loadHome(context);
    return sendStaffPage(request, reply, lang, tForms(lang, 'editorial.pages.homeTitle'), <ContentHomeView lang={lang} model={model} />);
  });

  app.get(routes.staffContentKind, readers, async (request, reply) => {
    const lang = langOf(request);
    const kind = kindOf(request);
    const query = (request.query ?? {}) as Record<string, unknown>;
    const q = typeof query.q === 'string' ? query.q.trim().slice(0, 100) : '';
    const page = typeof query.page === 'string' && /^\d{1,4}$/.test(query.page) ? Math.max(1, Number(query.page)) : 1;
    const model = await loadKindList(context, kind, q, page);
    return sendStaffPage(request, reply, lang, kindLabel(lang, kind), <KindListView lang={lang} model={model} editor={canEdit(request.staff!.role)} />);
  });

  app.get(routes.staffContentItem, readers, async (request, reply) => {
    const lang = langOf(request);
    const kind = kindOf(request);
    const { id } = request.params as Params;
    const model = await loadItem(context, kind, id!);
    if (!model) throw new NotFoundError(`No ${kind} item ${id}.`);
    // The expiry and verification forms come back here with what they did (item-actions.pages.ts).
    const notice = itemNoticeText(lang, (request.query as { notice?: string } | undefined)?.notice);
    return sendStaffPage(request, reply, lang, `${kindLabel(lang, kind)}: ${id}`, <ItemView lang={lang} model={model} editor={canEdit(request.staff!.role)} csrf={request.staff!.csrfToken} notice={notice} />);
  });

  app.get(routes.staffContentNew, editors, async (request, reply) => {
    const kind = kindOf(request);
    const lang = langOf(request);
    if (kind === 'rules') return sendStaffPage(request, reply, lang, kindLabel(lang, kind), <RulesElsewhereView lang={lang} itemId={null} />);
    const values = flatten(kindSlot(kind), undefined);
    return renderForm(request, reply, { kind, itemId: null, revisionId: null, values, problems: [], note: '' });
  });

  app.post(routes.staffContentNew, editors, async (request, reply) => {
    const kind = kindOf(request);
    if (kind === 'rules') return sendStaffPage(request, reply, langOf(request), kindLabel(langOf(request), kind), <RulesElsewhereView lang={langOf(request)} itemId={null} />, 409);
    return handlePost(request, reply, { kind, itemId: null, revisionId: null });
  });

  /** The live item's edit: its open draft, a page saying it is locked, or the form from the live item. */
  async function editTarget(request: FastifyRequest, reply: FastifyReply): Promise<{ kind: ContentKind; id: string; open: Revision | null } | FastifyReply> {
    const lang = langOf(request);
    const kind = kindOf(request);
    const { id } = request.params as Params;
    const open = await openRevisionOf(db(), kind, id!);
    if (!open && !context.content.store.get(kind, id!)) throw new NotFoundError(`No ${kind} item ${id}.`);
    if (kind === 'rules') return sendStaffPage(request, reply, lang, kindLabel(lang, kind), <RulesElsewhereView lang={lang} itemId={id!} />);
    if (open && open.state !== 'draft') return sendStaffPage(request, reply, lang, kindLabel(lang, kind), <LockedView lang={lang} kind={kind} itemId={id!} revisionId={open.id} />, 409);
    return { kind, id: id!, open };
  }

  app.get(routes.staffContentEdit, editors, async (request, reply) => {
    const target = await editTarget(request, reply);
    if ('sent' in target) return target;
    if (target.open) return reply.redirect(urls.staffContentRevisionEdit(langOf(request), target.open.id), 303);
    const values = flatten(kindSlot(target.kind), context.content.store.get(target.kind, target.id));
    return renderForm(request, reply, { kind: target.kind, itemId: target.id, revisionId: null, values, problems: [], note: '' });
  });

  app.post(routes.staffContentEdit, editors, async (request, reply) => {
    const target = await editTarget(request, reply);
    if ('sent' in target) return target;
    return handlePost(request, reply, { kind: target.kind, itemId: target.id, revisionId: target.open?.id ?? null });
  });

  async function draftOf(request: FastifyRequest, reply: FastifyReply): Promise<Revision | FastifyReply> {
    const lang = langOf(request);
    const { revision: id } = request.params as Params;
    const revision = await findRevision(db(), id!);
    if (!revision) throw new NotFoundError(`No revision ${id}.`);
    if (revision.kind === 'rules') return sendStaffPage(request, reply, lang, kindLabel(lang, 'rules'), <RulesElsewhereView lang={lang} itemId={revision.itemId} />);
    if (revision.state !== 'draft') return sendStaffPage(request, reply, lang, kindLabel(lang, revision.kind), <LockedView lang={lang} kind={revision.kind} itemId={revision.itemId} revisionId={revision.id} />, 409);
    return revision;
  }

  app.get(routes.staffContentRevisionEdit, editors, async (request, reply) => {
    const revision = await draftOf(request, reply);
    if ('sent' in revision) return revision;
    const values = flatten(kindSlot(revision.kind), revision.data ?? undefined);
    return renderForm(request, reply, { kind: revision.kind, itemId: revision.itemId, revisionId: revision.id, values, problems: revision.problems, note: revision.note ?? '' });
  });

  app.post(routes.staffContentRevisionEdit, editors, async (request, reply) => {
    const revision = await draftOf(request, reply);
    if ('sent' in revision) return revision;
    return handlePost(request, reply, { kind: revision.kind, itemId: revision.itemId, revisionId: revision.id });
  });

  void staffDb;
}
