/**
 * /:lang/service: the service line's form (GET, optionally pre-filled by a link) and its submission (POST). A valid
 * submission is filed and answered with the confirmation in the POST's own response, so the one-time token never
 * travels in a redirect's address. Every refusal shows the form again with the visitor's answers:
 *  - no matching form cookie (CSRF) → 403 and a plain explanation;
 *  - the hidden field filled → 400 with a generic refusal and nothing filed. A fake "received" page would fool the
 *    rare person whose browser filled the field into waiting for an answer that never comes, while a bot gains
 *    nothing from either answer; a clear refusal lets that person send the form again;
 *  - invalid fields → 400, every error listed and shown next to its field;
 *  - too many filings from the client address or the e-mail address in the last hour → 429 with Retry-After.
 */
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Config } from '../../config.js';
import { readForm, type RawForm } from '../../platform/http/form.js';
import { routes, urls } from '../../platform/http/urls.js';
import type { Lang } from '../../platform/i18n/i18n.js';
import type { FieldError } from '../../platform/views/forms.js';
import type { CaseContext } from './case-context.js';
import type { CaseServices } from './case-services.js';
import { attachUploads } from './attachments/accept-uploads.js';
import { submitCase } from './submit-case.js';
import { t } from './messages.js';
import { inFormOrder, prefillFrom, readServiceForm, serviceForm, type ServiceFormInput } from './public-form.js';
import { chooseAgain, receiveServiceForm, uploadErrors } from './public-form-uploads.js';
import { limitSources, serviceCatalogue } from './service-catalogue.js';
import { formToken, hasFormToken, langOf, sendServicePage, SERVICE_FORM_BODY_LIMIT } from './service-page.js';
import { countSubmission, submissionWait } from './submission-limits.js';
import { ConfirmationView } from './views/service-confirmation.js';
import { FormProblem } from './views/service-fields.js';
import { ServiceFormView } from './views/service-form.js';

interface FormState {
  values: ServiceFormInput;
  errors?: FieldError[];
  problem?: string;
  status?: number;
  path?: string;
}

export function registerServiceFormPages(app: FastifyInstance, services: CaseServices, config: Config): void {
  const { context: ctx, attachments: storage } = services;
  const sendForm = (request: FastifyRequest, reply: FastifyReply, lang: Lang, state: FormState) => {
    const store = ctx.store();
    const catalogue = serviceCatalogue(store, lang);
    const failed = (state.errors?.length ?? 0) > 0 || state.problem !== undefined;
    const title = t(lang, 'service.title');
    const body = <ServiceFormView lang={lang} catalogue={catalogue} values={state.values} errors={state.errors ?? []} formToken={formToken(request, reply)} problem={state.problem} />;
    return sendServicePage(reply, {
      lang,
      baseUrl: ctx.baseUrl,
      path: state.path ?? urls.service(lang),
      view: {
        title: failed ? t(lang, 'service.titleError', { title }) : title,
        description: t(lang, 'service.lead'),
        crumbs: [{ label: title }],
        sources: limitSources([...catalogue.kinds.flatMap((k) => k.limits), ...catalogue.fieLimits]),
        status: state.status ?? 200,
        body,
      },
    });
  };

  app.get(routes.service, async (request, reply) => {
    const lang = langOf(request);
    const values = prefillFrom(ctx.store(), (request.query ?? {}) as RawForm);
    return sendForm(request, reply, lang, { values, path: urls.service(lang, values) });
  });

  app.post(routes.service, { bodyLimit: SERVICE_FORM_BODY_LIMIT, errorHandler: tooLargeHandler(ctx) }, async (request, reply) => {
    const lang = langOf(request);
    const received = await receiveServiceForm(request, storage);
    const { body, uploads } = received;
    const refuse = async (state: FormState) => {
      await received.discard();
      return sendForm(request, reply, lang, state);
    };
    if (!hasFormToken(request, body)) {
      return refuse({ values: readForm(serviceForm, body), errors: chooseAgain(lang, uploads, []), problem: t(lang, 'service.error.csrf'), status: 403 });
    }
    if (typeof body.website !== 'string' || body.website !== '') {
      return refuse({ values: readForm(serviceForm, body), problem: t(lang, 'service.error.honeypot'), status: 400 });
    }
    const store = ctx.store();
    const form = readServiceForm(store, body, lang);
    const errors = inFormOrder([...form.errors, ...uploadErrors(lang, uploads)]);
    if (!form.submission || errors.length) return refuse({ values: form.input, errors: chooseAgain(lang, uploads, errors), status: 400 });

    const submission = form.submission;
    const now = ctx.now();
    const wait = await submissionWait(ctx.db, config, { ip: request.ip, email: submission.contact_email, now });
    if (wait) {
      reply.header('retry-after', String(wait.seconds));
      return refuse({ values: form.input, errors: chooseAgain(lang, uploads, []), problem: t(lang, 'service.error.throttled'), status: 429 });
    }

    await ctx.ready();
    const filed = await submitCase(ctx.db, store, ctx.deadlines, submission, { channel: 'web', now, requestId: request.id, baseUrl: ctx.baseUrl }).catch(async (error: unknown) => {
      await received.discard();
      throw error;
    });
    // The case is filed and must be acknowledged whatever happens to its count or its files.
    await countSubmission(ctx.db, request.ip, now).catch((error: unknown) => request.log.error({ err: error }, 'could not count a case submission'));
    let attached: string[] = [];
    let attachmentsFailed = false;
    if (uploads && uploads.files.length) {
      try {
        attached = (await attachUploads(ctx.db, storage, filed.id, uploads.files, { now, uploadedBy: 'enterprise' })).map((row) => row.filename);
      } catch (error) {
        request.log.error({ err: error, reference: filed.reference }, 'could not attach the files of a filed case');
        attachmentsFailed = true;
      }
    }

    const link = new URL(filed.trackingUrl);
    return sendServicePage(reply, {
      lang,
      baseUrl: ctx.baseUrl,
      path: urls.service(lang),
      noReferrer: true,
      view: {
        title: t(lang, 'service.done.title', { reference: filed.reference }),
        crumbs: [{ label: t(lang, 'service.title'), href: urls.service(lang) }, { label: filed.reference }],
        sources: filed.limit.sources,
        body: (
          <ConfirmationView
            lang={lang}
            reference={filed.reference}
            token={filed.token}
            trackingUrl={filed.trackingUrl}
            trackingHref={link.pathname + link.search}
            dueAt={filed.dueAt}
            limit={filed.limit}
            email={submission.anonymous ? undefined : submission.contact_email}
            anonymous={submission.anonymous}
            attachments={attached}
            attachmentsFailed={attachmentsFailed}
          />
        ),
      },
    });
  });
}

/** A body over the limit is refused before it is read: a page in the visitor's language says so (413). */
function tooLargeHandler(ctx: CaseContext) {
  return (error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
    if (error.code !== 'FST_ERR_CTP_BODY_TOO_LARGE') throw error;
    const lang = langOf(request);
    return sendServicePage(reply, {
      lang,
      baseUrl: ctx.baseUrl,
      path: urls.service(lang),
      view: {
        title: t(lang, 'service.error.tooLargeTitle'),
        status: 413,
        body: (
          <>
            <h1>{t(lang, 'service.error.tooLargeTitle')}</h1>
            <FormProblem lang={lang} message={t(lang, 'service.error.tooLarge')} />
            <p>
              <a href={urls.service(lang)}>{t(lang, 'service.title')}</a>
            </p>
          </>
        ),
      },
    });
  };
}
