/**
 * /:lang/staff/admin/api-clients, administrators only: the staff API's clients, a form that adds one (its token is
 * shown once, on the page that answers the POST — never stored, logged or redirected with) and a revoke button per
 * client (303 back to the list). Every change is audited (api-clients.ts).
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { StaffGuard } from '../../../platform/auth/index.js';
import { NotFoundError } from '../../../platform/http/errors.js';
import { routes, urls } from '../../../platform/http/urls.js';
import { t as tPlatform, type Lang } from '../../../platform/i18n/i18n.js';
import type { FieldError } from '../../../platform/views/forms.js';
import { langOf, sendStaffPage } from '../../staff/index.js';
import { tApi } from '../messages.api.js';
import type { PipelineServices } from '../pipeline-services.js';
import { ApiClientsView, ApiClientTokenView, type ApiClientForm } from '../views/api-clients-view.js';
import { apiClientAccounts, createApiClient, listApiClients, revokeApiClient } from './api-clients.js';

const ADMIN: StaffGuard = { roles: ['admin'] };
const formSchema = z.object({ name: z.string().max(400).catch('').default(''), staff_user_id: z.string().max(100).catch('').default('') });
const noticeSchema = z.object({ notice: z.enum(['revoked']).optional().catch(undefined) });

export function registerApiClientPages(app: FastifyInstance, { context }: PipelineServices): void {
  const { db } = context;

  async function listPage(request: FastifyRequest, reply: FastifyReply, lang: Lang, options: { form?: ApiClientForm; errors?: FieldError[]; notice?: 'revoked'; status?: number } = {}) {
    const [clients, accounts] = await Promise.all([listApiClients(db), apiClientAccounts(db)]);
    const errors = options.errors ?? [];
    const title = tApi(lang, 'pipeline.api.clients.title');
    const body = <ApiClientsView lang={lang} csrf={request.staff!.csrfToken} clients={clients} accounts={accounts} form={options.form ?? { name: '', staff_user_id: '' }} errors={errors} notice={options.notice} />;
    return sendStaffPage(request, reply, lang, errors.length ? `${tPlatform(lang, 'form.errorSummary')}: ${title}` : title, body, options.status ?? 200);
  }

  app.get(routes.staffAdminApiClients, { config: { staffGuard: ADMIN } }, async (request, reply) => {
    const { notice } = noticeSchema.parse(request.query ?? {});
    return listPage(request, reply, langOf(request), { notice });
  });

  app.post(routes.staffAdminApiClients, { config: { staffGuard: ADMIN } }, async (request, reply) => {
    const lang = langOf(request);
    const form = formSchema.parse(request.body ?? {});
    const result = await createApiClient(db, { name: form.name, staffUserId: form.staff_user_id, actor: request.staff!.userId, now: context.now(), requestId: request.id });
    if (!result.ok) {
      const message = (field: string) => tApi(lang, field === 'name' ? 'pipeline.api.clients.error.name' : 'pipeline.api.clients.error.account');
      return listPage(request, reply, lang, { form, errors: result.problems.map((p) => ({ field: p.field, message: message(p.field) })), status: 400 });
    }
    const name = form.name.trim();
    return sendStaffPage(request, reply, lang, tApi(lang, 'pipeline.api.clients.token.title', { name }), <ApiClientTokenView lang={lang} name={name} token={result.token} />, 201);
  });

  app.post(routes.staffAdminApiClientRevoke, { config: { staffGuard: ADMIN } }, async (request, reply) => {
    const lang = langOf(request);
    const { id } = request.params as { id: string };
    if (!(await revokeApiClient(db, { id, actor: request.staff!.userId, now: context.now(), requestId: request.id }))) throw new NotFoundError(tApi(lang, 'pipeline.api.clients.error.gone'));
    return reply.redirect(urls.staffAdminApiClients(lang, { notice: 'revoked' }), 303);
  });

  // The revoke address opened directly (a reload, the language switch): back to the list, never a repeat.
  app.get(routes.staffAdminApiClientRevoke, { config: { staffGuard: ADMIN } }, async (request, reply) => reply.redirect(urls.staffAdminApiClients(langOf(request)), 303));
}
