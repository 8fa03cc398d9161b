/**
 * The staff case page, /:lang/staff/cases/:reference, and what it posts to: one address per action
 * (…/actions/:action, through applyAction) and the confidential flag (…/confidential), plus the staff download of an
 * attachment. A case outside the reader's scope is "not found" (404) whatever the address; an action the person may
 * never take on it is refused (403); one the case has moved past is shown again with why (409); a form with missing
 * or invalid answers comes back with each error at its field (400). Success: 303 to the case page with a notice.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { staffScopeOf, type StaffGuard } from '../../platform/auth/index.js';
import { AppError, NotFoundError } from '../../platform/http/errors.js';
import { routes, urls } from '../../platform/http/urls.js';
import { t as tPlatform, type Lang } from '../../platform/i18n/i18n.js';
import { langOf, sendStaffPage } from '../staff/index.js';
import { findAttachment } from './attachments/attachment.repository.js';
import { sendAttachment } from './attachments/send-attachment.js';
import { CASE_HANDLING_ROLES, CASE_READERS, CONFIDENTIAL_SETTERS, seesCaseContent } from './case.access.js';
import { readActionForm, refusalMessage, STAFF_ACTIONS, type StaffAction } from './case-action-forms.js';
import { loadCasePage, type PageRequest } from './case-page.load.js';
import type { CaseServices } from './case-services.js';
import { transitionFor } from './case-states.js';
import { applyAction, actorsOn, CaseActionError } from './case-workflow.js';
import { findCaseForStaff, type CaseRow } from './case.repository.js';
import { t } from './messages.js';
import { setConfidential } from './set-confidential.js';
import { actionName } from './views/case-labels.js';
import { CaseView } from './views/case-view.js';
import { ForbiddenActionView } from './views/case-forbidden-view.js';
import { REFERENCE } from './workbench.form.js';

const READERS: StaffGuard = { roles: CASE_READERS };
const HANDLERS: StaffGuard = { roles: CASE_HANDLING_ROLES };
const NOTICES = [...STAFF_ACTIONS, 'confidential_set', 'confidential_cleared'] as const;
type Notice = (typeof NOTICES)[number];

const isStaffAction = (value: unknown): value is StaffAction => typeof value === 'string' && (STAFF_ACTIONS as readonly string[]).includes(value);

export function registerCasePages(app: FastifyInstance, { context, attachments: storage }: CaseServices): void {
  const db = context.db;

  async function caseOr404(request: FastifyRequest): Promise<CaseRow> {
    const { reference } = request.params as { reference: string };
    const row = REFERENCE.test(reference) ? await findCaseForStaff(db, staffScopeOf(request.staff!), reference) : undefined;
    if (!row) throw new NotFoundError(`No case ${reference} in your scope.`);
    return row;
  }

  function noticeText(lang: Lang, notice: Notice): string {
    if (notice === 'confidential_set') return t(lang, 'casePage.notice.confidentialSet');
    if (notice === 'confidential_cleared') return t(lang, 'casePage.notice.confidentialCleared');
    return t(lang, 'casePage.notice.done', { action: actionName(lang, notice) });
  }

  async function casePage(request: FastifyRequest, reply: FastifyReply, row: CaseRow, options: Omit<PageRequest, 'lang' | 'staff' | 'row'> = {}, status = 200) {
    const lang = langOf(request);
    const staff = request.staff!;
    const model = await loadCasePage(context, { lang, staff, row, ...options }, staff.csrfToken, (id) => urls.staffCaseAttachment(lang, row.reference, id));
    const title = t(lang, 'casePage.title', { reference: row.reference });
    const body = <CaseView model={model} store={context.store()} readOnly={!CASE_HANDLING_ROLES.includes(staff.role)} />;
    return sendStaffPage(request, reply, lang, model.errors.length ? `${tPlatform(lang, 'form.errorSummary')}: ${title}` : title, body, status);
  }

  app.get(routes.staffCase, { config: { staffGuard: READERS } }, async (request, reply) => {
    const row = await caseOr404(request);
    const query = (request.query ?? {}) as Record<string, unknown>;
    const notice = (NOTICES as readonly unknown[]).includes(query.notice) ? noticeText(langOf(request), query.notice as Notice) : undefined;
    const template = typeof query.template === 'string' && isStaffAction(query.for) ? { id: query.template, action: query.for } : undefined;
    return casePage(request, reply, row, { notice, template });
  });

  app.post(routes.staffCaseAction, { config: { staffGuard: HANDLERS } }, async (request, reply) => {
    const lang = langOf(request);
    const staff = request.staff!;
    const { action } = request.params as { action: string };
    if (!isStaffAction(action)) throw new NotFoundError(`No action ${action}.`);
    const row = await caseOr404(request);
    // Refused before the form is read: a person who may never take this action learns nothing from its errors.
    const held = await actorsOn(context.workflow(request.id), row, { type: 'staff', staff });
    if (!transitionFor(action).actors.some((a) => held.includes(a))) {
      return sendStaffPage(request, reply, lang, t(lang, 'casePage.forbidden.title'), <ForbiddenActionView lang={lang} reference={row.reference} action={action} />, 403);
    }
    const form = readActionForm(action, (request.body ?? {}) as Record<string, unknown>, lang);
    if (!form.input) return casePage(request, reply, row, { failed: { action, values: form.values, errors: form.errors } }, 400);
    try {
      await context.ready();
      await applyAction(context.workflow(request.id), row.reference, { type: 'staff', staff }, action, form.input);
    } catch (error) {
      if (!(error instanceof CaseActionError)) throw error;
      if (error.reason === 'not_found') throw new NotFoundError(`No case ${row.reference} in your scope.`);
      if (error.reason === 'not_allowed') {
        return sendStaffPage(request, reply, lang, t(lang, 'casePage.forbidden.title'), <ForbiddenActionView lang={lang} reference={row.reference} action={action} />, 403);
      }
      const fresh = (await findCaseForStaff(db, staffScopeOf(staff), row.reference)) ?? row;
      const status = error.reason === 'invalid' ? 400 : 409;
      return casePage(request, reply, fresh, { failed: { action, values: form.values, errors: [refusalMessage(lang, action, error)] } }, status);
    }
    // A unit that returns a case leaves its scope: back to the workbench rather than to a page it may no longer open.
    const stillVisible = await findCaseForStaff(db, staffScopeOf(staff), row.reference);
    if (!stillVisible) return reply.redirect(urls.staffCases(lang), 303);
    return reply.redirect(`${urls.staffCase(lang, row.reference, { notice: action })}#main`, 303);
  });

  app.post(routes.staffCaseConfidential, { config: { staffGuard: { roles: CONFIDENTIAL_SETTERS } } }, async (request, reply) => {
    const lang = langOf(request);
    const row = await caseOr404(request);
    const wanted = (request.body as Record<string, unknown> | undefined)?.confidential;
    if (wanted !== 'yes' && wanted !== 'no') throw new AppError(400, 'invalid-request', 'Bad Request', 'confidential must be yes or no.');
    await setConfidential(db, { reference: row.reference, staff: request.staff!, confidential: wanted === 'yes', now: context.now(), requestId: request.id });
    return reply.redirect(urls.staffCase(lang, row.reference, { notice: wanted === 'yes' ? 'confidential_set' : 'confidential_cleared' }), 303);
  });

  // The addresses the forms post to, opened directly (a reload, the language switch of a page that answered a POST).
  for (const url of [routes.staffCaseAction, routes.staffCaseConfidential]) {
    app.get(url, { config: { staffGuard: READERS } }, async (request, reply) => {
      const row = await caseOr404(request);
      return reply.redirect(urls.staffCase(langOf(request), row.reference), 303);
    });
  }

  app.get(routes.staffCaseAttachment, { config: { staffGuard: READERS } }, async (request, reply) => {
    const row = await caseOr404(request);
    if (!seesCaseContent(request.staff!.role, row)) throw new NotFoundError('This attachment is not shown to your role.');
    const { id } = request.params as { id: string };
    const attachment = await findAttachment(db, row.id, id);
    if (!attachment) throw new NotFoundError('This case has no attachment with this id.');
    return sendAttachment(request, reply, storage, attachment, row.reference);
  });
}
