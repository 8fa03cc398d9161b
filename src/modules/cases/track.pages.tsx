/**
 * /:lang/service/track: the enterprise follows its request with the reference and the tracking token — from the
 * look-up form (POST) or the e-mailed link (?ref=&token=, the only time the token is in an address) — and acts on it
 * (POST …/track/materials | rating | reopen, the token posted again in a hidden field). An unknown reference and a
 * wrong token get the same "not found". Every answer is no-store and sends no Referer.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { NotFoundError } from '../../platform/http/errors.js';
import type { RawForm } from '../../platform/http/form.js';
import { routes, urls } from '../../platform/http/urls.js';
import type { Lang } from '../../platform/i18n/i18n.js';
import type { FieldError } from '../../platform/views/forms.js';
import type { CaseContext } from './case-context.js';
import { findCaseWithToken, type CaseRow } from './case.repository.js';
import { applyAction, CaseActionError } from './case-workflow.js';
import { t } from './messages.js';
import { publicView } from './public-view.js';
import { formToken, hasFormToken, langOf, sendServicePage, SERVICE_FORM_BODY_LIMIT } from './service-page.js';
import { actionErrorMessage, isActionField, isTrackAction, lookupErrors, readLookup, readTrackAction, type TrackAction } from './track-forms.js';
import type { FailedAction } from './views/track-action-forms.js';
import { CaseStatusView } from './views/track-case.js';
import { TrackLookupView } from './views/track-lookup.js';

const LOOKUP_BODY_LIMIT = 16 * 1024;

const DONE = { materials: 'service.materials.done', rating: 'service.rate.done', reopen: 'service.reopen.done' } as const;
/** The field of each action's form an input error belongs to. */
const FIELDS: Record<TrackAction, 'body' | 'satisfaction' | 'reason'> = { materials: 'body', rating: 'satisfaction', reopen: 'reason' };

interface LookupState {
  reference?: string;
  errors?: FieldError[];
  problem?: string;
  status?: number;
}

interface CaseState {
  notice?: string;
  problem?: string;
  failed?: FailedAction;
  status?: number;
}

export function registerTrackPages(app: FastifyInstance, ctx: CaseContext): void {
  const sendLookup = (request: FastifyRequest, reply: FastifyReply, lang: Lang, state: LookupState = {}) => {
    const title = t(lang, 'service.track.title');
    return sendServicePage(reply, {
      lang,
      baseUrl: ctx.baseUrl,
      path: urls.serviceTrack(lang),
      noReferrer: true,
      view: {
        title: state.problem || state.errors?.length ? t(lang, 'service.titleError', { title }) : title,
        crumbs: [{ label: t(lang, 'service.title'), href: urls.service(lang) }, { label: title }],
        status: state.status ?? 200,
        body: <TrackLookupView lang={lang} reference={state.reference} errors={state.errors ?? []} problem={state.problem} formToken={formToken(request, reply)} />,
      },
    });
  };

  const notFound = (request: FastifyRequest, reply: FastifyReply, lang: Lang, reference?: string) =>
    sendLookup(request, reply, lang, { reference, problem: t(lang, 'service.track.notFound'), status: 404 });

  const sendCase = async (request: FastifyRequest, reply: FastifyReply, lang: Lang, row: CaseRow, token: string, state: CaseState = {}) => {
    const store = ctx.store();
    const view = await publicView(ctx.db, store, row, ctx.now());
    const limits = store.all('service-limits');
    const limit = limits.find((l) => l.id === view.time_limit.id);
    const title = t(lang, 'service.case.title', { reference: row.reference });
    return sendServicePage(reply, {
      lang,
      baseUrl: ctx.baseUrl,
      // The address shown to the language switch and the canonical link: the reference, never the token.
      path: urls.serviceTrack(lang, row.reference),
      noReferrer: true,
      view: {
        title: state.problem || state.failed?.errors.length ? t(lang, 'service.titleError', { title }) : title,
        crumbs: [{ label: t(lang, 'service.track.title'), href: urls.serviceTrack(lang) }, { label: row.reference }],
        sources: limit?.sources,
        status: state.status ?? 200,
        body: (
          <CaseStatusView
            lang={lang}
            view={view}
            limit={limit}
            materialsLimit={limits.find((l) => l.stage === 'materials')}
            credentials={{ reference: row.reference, token, formToken: formToken(request, reply) }}
            notice={state.notice}
            problem={state.problem}
            failed={state.failed}
          />
        ),
      },
    });
  };

  app.get(routes.serviceTrack, async (request, reply) => {
    const lang = langOf(request);
    const given = readLookup((request.query ?? {}) as RawForm);
    if (!given.ref || !given.token) return sendLookup(request, reply, lang, { reference: given.ref });
    const row = await findCaseWithToken(ctx.db, given.ref, given.token);
    return row ? sendCase(request, reply, lang, row, given.token) : notFound(request, reply, lang, given.ref);
  });

  app.post(routes.serviceTrack, { bodyLimit: LOOKUP_BODY_LIMIT }, async (request, reply) => {
    const lang = langOf(request);
    const body = (request.body ?? {}) as RawForm;
    const given = readLookup(body);
    if (!hasFormToken(request, body)) return sendLookup(request, reply, lang, { reference: given.ref, problem: t(lang, 'service.error.csrf'), status: 403 });
    const errors = lookupErrors(lang, given);
    if (errors.length) return sendLookup(request, reply, lang, { reference: given.ref, errors, status: 400 });
    const row = await findCaseWithToken(ctx.db, given.ref!, given.token!);
    return row ? sendCase(request, reply, lang, row, given.token!) : notFound(request, reply, lang, given.ref);
  });

  app.post(routes.serviceTrackAction, { bodyLimit: SERVICE_FORM_BODY_LIMIT }, async (request, reply) => {
    const lang = langOf(request);
    const which = (request.params as { action: string }).action;
    if (!isTrackAction(which)) throw new NotFoundError(t(lang, 'service.track.notFound'));
    const body = (request.body ?? {}) as RawForm;
    const given = readLookup(body);
    const row = given.ref && given.token ? await findCaseWithToken(ctx.db, given.ref, given.token) : undefined;
    if (!row) return notFound(request, reply, lang, given.ref);
    const token = given.token!;
    const parsed = readTrackAction(which, body, lang);
    // Showing the case again costs nothing here: whoever posted holds its token. Nothing is done without the form cookie.
    if (!hasFormToken(request, body)) return sendCase(request, reply, lang, row, token, { problem: t(lang, 'service.error.csrf'), failed: { action: which, errors: [], values: parsed.values }, status: 403 });
    if (!parsed.ok) return sendCase(request, reply, lang, row, token, { failed: { action: which, errors: parsed.errors, values: parsed.values }, status: 400 });
    // A request is rated once (the state machine allows 'rate' in replied and closed alike).
    if (parsed.action === 'rate' && row.satisfaction !== null) return sendCase(request, reply, lang, row, token, { problem: t(lang, 'service.action.unavailable'), status: 409 });
    try {
      await ctx.ready();
      await applyAction(ctx.workflow(request.id), row.reference, { type: 'enterprise' }, parsed.action, parsed.input);
    } catch (error) {
      if (!(error instanceof CaseActionError)) throw error;
      if (error.reason === 'not_found') return notFound(request, reply, lang, given.ref);
      const failed = (errors: FieldError[]): FailedAction => ({ action: which, errors, values: parsed.values });
      if (error.reason === 'invalid') {
        const field = isActionField(error.field) ? error.field : FIELDS[which];
        return sendCase(request, reply, lang, row, token, { failed: failed([{ field, message: actionErrorMessage(lang, field, error.code ?? '') }]), status: 400 });
      }
      const problem = t(lang, error.reason === 'window_closed' ? 'service.reopen.closed' : 'service.action.unavailable');
      return sendCase(request, reply, lang, row, token, { problem, failed: failed([]), status: 409 });
    }
    const fresh = (await findCaseWithToken(ctx.db, row.reference, token))!;
    return sendCase(request, reply, lang, fresh, token, { notice: t(lang, DONE[which]) });
  });
}
