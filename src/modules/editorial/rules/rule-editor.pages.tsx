/**
 * The rule editor at the rules' own addresses (routes.staffRuleNew, routes.staffRuleEdit; static paths win over the
 * generic editor's :kind). GET shows the rule — its open draft when it has one, else the live rule — as a form; a
 * post either changes the condition tree (add, remove, wrap in "not", take the "not" away, update the form) and shows
 * it again unsaved, or saves: every problem comes back at its field in the page's language with what was typed kept
 * (400); a valid rule goes to saveDraft (kind rules) and 303 to the revision page.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { todayInBeijing } from '../../../platform/clock.js';
import { NotFoundError } from '../../../platform/http/errors.js';
import { routes, urls } from '../../../platform/http/urls.js';
import type { Lang } from '../../../platform/i18n/i18n.js';
import type { FieldError } from '../../../platform/views/forms.js';
import { validateItem, type Rule } from '../../content/index.js';
import { langOf, sendStaffPage, StaffNotice } from '../../staff/index.js';
import { CONTENT_EDITORS } from '../editorial-access.js';
import type { EditorialServices } from '../editorial-services.js';
import { refusalText } from '../messages.js';
import { tRules } from '../messages.rules.js';
import { liveSetOf, openRevisionOf, saveDraft, WorkflowRefusal, type Actor } from '../revision-workflow.js';
import { RuleEditorView } from './rule-editor-view.js';
import { applyTreeAction, fieldOfPath, formOfRule, newRuleForm, readRuleForm, ruleOfForm, treeActionOf, type FormProblem, type RuleForm } from './rule-form.js';

const editors = { config: { staffGuard: { roles: CONTENT_EDITORS } } };

const TOP_FIELDS = ['id', 'policy', 'benefit_type', 'valid_from', 'valid_to', 'relevance', 'en_benefit', 'zh_benefit', 'zh_translation', 'last_verified', 'note'] as const;
const LEAF_FIELDS = ['fact', 'op', 'value', 'values', 'param', 'label_en', 'label_zh', 'question_en', 'question_zh', 'quote'] as const;

/** "c.0.2" → "1.3": where a condition is in the tree, counted from 1. */
const placeOf = (path: string) => path.split('.').slice(1).map((i) => Number(i) + 1).join('.') || tRules('en', 'editorial.rules.node.root');

/** The words naming a form field, for the error summary and "Enter or choose …". */
export function fieldWords(lang: Lang, field: string): string {
  if ((TOP_FIELDS as readonly string[]).includes(field)) return tRules(lang, `editorial.rules.field.${field as (typeof TOP_FIELDS)[number]}`);
  const source = /^sources\.(\d+)\.(document|section|url)$/.exec(field);
  if (source) return `${tRules(lang, 'editorial.rules.field.sourceN', { n: Number(source[1]) + 1 })} — ${tRules(lang, `editorial.rules.field.${source[2] as 'document'}`)}`;
  const node = /^(c(?:\.\d+)*)\.(.+)$/.exec(field);
  if (node) {
    const [, path, rest] = node;
    const place = path === 'c' ? tRules(lang, 'editorial.rules.node.root') : tRules(lang, 'editorial.rules.node.place', { place: placeOf(path) });
    const leafSource = /^source_(document|section|url)$/.exec(rest);
    const what = leafSource
      ? `${tRules(lang, 'editorial.rules.leaf.source')} — ${tRules(lang, `editorial.rules.field.${leafSource[1] as 'document'}`)}`
      : (LEAF_FIELDS as readonly string[]).includes(rest)
        ? tRules(lang, `editorial.rules.leaf.${rest as (typeof LEAF_FIELDS)[number]}`)
        : null;
    return what ? `${place} — ${what}` : place;
  }
  return field;
}

function problemMessage(lang: Lang, problem: FormProblem): string {
  const message = tRules(lang, `editorial.rules.problem.${problem.code}`, { field: fieldWords(lang, problem.field), value: '', param: '', ...problem.params });
  return problem.code === 'required' ? message : tRules(lang, 'editorial.rules.problem.at', { where: fieldWords(lang, problem.field), message });
}

/** The form's problems and the schema's (mapped to their fields), one per field, in the page's language. */
function errorsOf(lang: Lang, problems: FormProblem[], schemaProblems: { path: (string | number)[] }[]): FieldError[] {
  const errors = new Map<string, string>();
  for (const p of problems) if (!errors.has(p.field)) errors.set(p.field, problemMessage(lang, p));
  for (const p of schemaProblems) {
    const field = fieldOfPath(p.path);
    if (!errors.has(field)) errors.set(field, problemMessage(lang, { field, code: 'invalid' }));
  }
  return [...errors].map(([field, message]) => ({ field, message }));
}

export function registerRuleEditorPages(app: FastifyInstance, services: EditorialServices): void {
  const { context } = services;
  const actorOf = (request: FastifyRequest): Actor => ({ userId: request.staff!.userId, role: request.staff!.role, requestId: request.id });

  function render(request: FastifyRequest, reply: FastifyReply, model: { isNew: boolean; form: RuleForm; errors?: FieldError[]; draftId: string | null; unsaved?: boolean }, status = 200) {
    const lang = langOf(request);
    const action = model.isNew ? urls.staffContentNew(lang, 'rules') : urls.staffContentEdit(lang, 'rules', model.form.id);
    const errors = model.errors ?? [];
    const title = model.isNew ? tRules(lang, 'editorial.rules.new.title') : tRules(lang, 'editorial.rules.edit.title', { id: model.form.id });
    const view = <RuleEditorView model={{ lang, csrf: request.staff!.csrfToken, action, isNew: model.isNew, form: model.form, errors, draftId: model.draftId, unsaved: model.unsaved ?? false }} store={context.content.store} />;
    return sendStaffPage(request, reply, lang, errors.length ? `${tRules(lang, 'editorial.rules.problem.invalid')} — ${title}` : title, view, status);
  }

  /** A revision in review or scheduled holds the rule: it is not edited here until it comes back or goes live. */
  function held(request: FastifyRequest, reply: FastifyReply, id: string, revisionId: string) {
    const lang = langOf(request);
    const title = tRules(lang, 'editorial.rules.edit.title', { id });
    return sendStaffPage(
      request, reply, lang, title,
      <>
        <h1>{title}</h1>
        <StaffNotice text={tRules(lang, 'editorial.rules.edit.inReview', { revision: revisionId })} />
        <p>
          <a href={urls.staffContentRevision(lang, revisionId)}>{tRules(lang, 'editorial.rules.edit.openRevision', { revision: revisionId })}</a>
        </p>
      </>,
      409,
    );
  }

  /** Posted: change the tree and show it again, or save. */
  async function post(request: FastifyRequest, reply: FastifyReply, isNew: boolean, itemId: string | null) {
    const lang = langOf(request);
    const body = (request.body ?? {}) as Record<string, unknown>;
    const form = readRuleForm(body);
    if (itemId !== null) form.id = itemId;
    const open = itemId ? await openRevisionOf(context.db, 'rules', itemId) : null;
    if (open && (open.state !== 'draft' || open.data === null)) return held(request, reply, itemId!, open.id);
    if (!isNew && !open && !context.content.store.get('rules', itemId!)) throw new NotFoundError(`No rule ${itemId}.`);
    const draftId = open?.id ?? null;
    const action = typeof body._action === 'string' ? body._action : 'save';
    const treeAction = treeActionOf(action);
    if (treeAction) return render(request, reply, { isNew, form: { ...form, condition: applyTreeAction(form.condition, treeAction) }, draftId, unsaved: true });
    if (action !== 'save') return render(request, reply, { isNew, form, draftId, unsaved: true });

    const store = context.content.store;
    const { data, problems } = ruleOfForm(form, store, isNew);
    const schema = problems.length ? [] : validateItem('rules', form.id, data, liveSetOf(context)).problems;
    if (isNew && !problems.some((p) => p.field === 'id') && store.get('rules', form.id)) problems.push({ field: 'id', code: 'exists' });
    const errors = errorsOf(lang, problems, schema);
    if (errors.length) return render(request, reply, { isNew, form, errors, draftId }, 400);
    try {
      const saved = await saveDraft(context, actorOf(request), { kind: 'rules', itemId: form.id, data, note: form.note || null, revisionId: draftId ?? undefined, isNew });
      return reply.redirect(urls.staffContentRevision(lang, saved.revisionId, { notice: 'saved' }), 303);
    } catch (error) {
      if (!(error instanceof WorkflowRefusal)) throw error;
      if (error.reason === 'exists' || error.reason === 'open_revision') {
        return render(request, reply, { isNew, form, draftId, errors: [{ field: 'id', message: `${fieldWords(lang, 'id')}: ${refusalText(lang, error.reason)}` }] }, 409);
      }
      return render(request, reply, { isNew, form, draftId, errors: [{ field: 'id', message: refusalText(lang, error.reason) }] }, error.reason === 'not_allowed' ? 403 : 409);
    }
  }

  app.get(routes.staffRuleNew, editors, async (request, reply) => {
    return render(request, reply, { isNew: true, form: newRuleForm(todayInBeijing(context.now())), draftId: null });
  });

  app.post(routes.staffRuleNew, editors, async (request, reply) => post(request, reply, true, null));

  app.get(routes.staffRuleEdit, editors, async (request, reply) => {
    const { id } = request.params as { id: string };
    const open = await openRevisionOf(context.db, 'rules', id);
    if (open && (open.state !== 'draft' || open.data === null)) return held(request, reply, id, open.id);
    if (open) return render(request, reply, { isNew: false, form: { ...formOfRule(open.data as Partial<Rule> & Record<string, unknown>, open.note ?? ''), id }, draftId: open.id });
    const live = context.content.store.get('rules', id);
    if (!live) throw new NotFoundError(`No rule ${id}.`);
    return render(request, reply, { isNew: false, form: formOfRule(live as Rule & Record<string, unknown>), draftId: null });
  });

  app.post(routes.staffRuleEdit, editors, async (request, reply) => post(request, reply, false, (request.params as { id: string }).id));
}

