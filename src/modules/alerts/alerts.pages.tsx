/**
 * The alerts' public pages. None enters the shared page cache (each holds one visitor's form or token): rendered per
 * request, `Cache-Control: no-store`, and, holding a token in the address, sent with no Referer.
 *  - POST subscribe: the form under the results of Policies for me and the plan. Those pages are cached, so they cannot
 *    carry a per-visitor form token: a POST is accepted when its Origin (or Sec-Fetch-Site) says it came from this
 *    site, or when it carries the anonymous forms' double-submit token (the cases form's cookie), which the form
 *    shown again here holds. Limited per client (@fastify/rate-limit, 429 page) and per address (at most
 *    PENDING_PER_ADDRESS_PER_HOUR unconfirmed, silently: the answer never says whether an address is known).
 *  - confirm: GET shows the answers and a button; only the POST confirms (mail scanners follow links).
 *  - unsubscribe: GET shows one button; POST stops the e-mails at once, including the RFC 8058 one-click POST
 *    (body List-Unsubscribe=One-Click): the token in the address is the authority.
 */
import rateLimit from '@fastify/rate-limit';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { VNode } from 'preact';
import { z } from 'zod';
import { FORM_COOKIE, cookieHeader, randomToken, readCookie, sameSecret } from '../../platform/auth/index.js';
import { renderPage, type PageView } from '../../platform/http/pages.js';
import { routes, urls } from '../../platform/http/urls.js';
import { isLang, t as tPlatform, type Lang } from '../../platform/i18n/i18n.js';
import { todayInBeijing } from '../../platform/clock.js';
import { PageHeader } from '../../platform/views/components.js';
import type { FieldError } from '../../platform/views/forms.js';
import type { RawForm } from '../../platform/http/form.js';
import type { ModuleDeps } from '../module.js';
import { AlertSubscribeForm, profileFacts, profileFromQuery, tAlertForm, type AlertOrigin } from '../matching/index.js';
import { tPolicies } from '../policies/index.js';
import type { ContentStore } from '../content/index.js';
import { profileLines, savedProfileOf } from './alert-profile.js';
import { alertDb, type SavedProfile } from './alerts.tables.js';
import { t } from './messages.js';
import { confirm, subscribe, subscriptionByToken, unsubscribe, type Subscription } from './subscriptions.js';

/** Per client address: enough for a person correcting a typo, too few to flood anyone's inbox. */
export const SUBSCRIBE_RATE_LIMIT = { max: 10, timeWindow: 10 * 60_000 } as const;

class Throttled extends Error {
  readonly statusCode = 429;
  constructor(readonly retryAfterMs: number) {
    super('too many subscription requests');
  }
}

const langOf = (request: FastifyRequest): Lang | null => {
  const lang = (request.params as { lang?: string }).lang;
  return isLang(lang) ? lang : null;
};

function send(reply: FastifyReply, baseUrl: string, lang: Lang, path: string, view: PageView): FastifyReply {
  const html = renderPage(view, lang, path, baseUrl);
  reply.header('cache-control', 'no-store');
  reply.header('referrer-policy', 'no-referrer');
  return reply.code(view.status ?? 200).type('text/html; charset=utf-8').send(html);
}

function page(lang: Lang, title: string, body: VNode, status = 200, lead?: string): PageView {
  return {
    title,
    status,
    section: 'nav.tool.policiesForMe',
    crumbs: [{ label: tPlatform(lang, 'match.title'), href: urls.policiesForMe(lang) }, { label: title }],
    body: (
      <>
        <PageHeader lang={lang} title={title} lead={lead} />
        {body}
      </>
    ),
  };
}

function Answers({ lang, store, profile }: { lang: Lang; store: ContentStore; profile: SavedProfile }) {
  const lines = profileLines(store, lang, profile);
  return (
    <section class="panel" id="alert-profile" aria-labelledby="alert-profile-title">
      <h2 id="alert-profile-title">{t(lang, 'alerts.page.profile')}</h2>
      {lines.length === 0 ? (
        <p>{t(lang, 'alerts.page.noAnswers')}</p>
      ) : (
        <dl class="facts">
          {lines.map((l) => (
            <div class="facts__row">
              <dt>{l.label}</dt>
              <dd>{l.value}</dd>
            </div>
          ))}
        </dl>
      )}
    </section>
  );
}

type PolicyTopicKey = Parameters<typeof tPolicies>[1];
const isTopic = (topic: string): boolean => `policies.topic.${topic}` in tPolicies.catalogues.en;

/** The no-e-mail alternative: the Atom feeds per topic the policies module publishes. */
function Feeds({ lang, store }: { lang: Lang; store: ContentStore }) {
  const topics = [...new Set(store.all('policies').flatMap((p) => p.topics))].filter(isTopic).sort();
  return (
    <section class="panel" aria-labelledby="alert-feeds-title">
      <h2 id="alert-feeds-title">{t(lang, 'alerts.page.feeds.title')}</h2>
      <p>{t(lang, 'alerts.page.feeds.lead')}</p>
      <ul class="link-list">
        <li>
          <a href={urls.policyFeed(lang)} type="application/atom+xml">{t(lang, 'alerts.page.feeds.all')}</a>
        </li>
        {topics.map((topic) => (
          <li>
            <a href={urls.policyFeed(lang, topic)} type="application/atom+xml">{tPolicies(lang, `policies.topic.${topic}` as PolicyTopicKey)}</a>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** Whether a browser says the POST came from one of this site's pages (Fetch Metadata, else the Origin header). */
function fromThisSite(request: FastifyRequest, baseUrl: string): boolean {
  const site = request.headers['sec-fetch-site'];
  if (site === 'same-origin') return true;
  if (typeof site === 'string' && site !== '') return false;
  const origin = request.headers.origin;
  if (typeof origin !== 'string') return false;
  const own = new URL(baseUrl).origin;
  const here = `${request.protocol}://${request.host}`;
  return origin === own || origin === here;
}

function hasFormToken(request: FastifyRequest, body: RawForm): boolean {
  const expected = readCookie(request.headers.cookie, FORM_COOKIE);
  const sent = typeof body._csrf === 'string' ? body._csrf : '';
  return expected !== undefined && sent !== '' && sameSecret(sent, expected);
}

function formToken(request: FastifyRequest, reply: FastifyReply): string {
  const token = readCookie(request.headers.cookie, FORM_COOKIE) ?? randomToken();
  reply.header('set-cookie', cookieHeader(FORM_COOKIE, token, { secure: request.protocol === 'https', maxAgeSeconds: 12 * 3600 }));
  return token;
}

const emailSchema = z.string().trim().toLowerCase().max(320).pipe(z.email());
const first = (value: unknown): string => (typeof value === 'string' ? value : Array.isArray(value) && typeof value[0] === 'string' ? value[0] : '');

export function registerAlertPages(app: FastifyInstance, deps: ModuleDeps): void {
  const db = alertDb(deps.db);
  const baseUrl = deps.config.PUBLIC_BASE_URL;
  const notFound = (reply: FastifyReply, lang: Lang, path: string) =>
    send(
      reply,
      baseUrl,
      lang,
      path,
      page(
        lang,
        t(lang, 'alerts.page.notFound.title'),
        <p>
          {t(lang, 'alerts.page.notFound.body')} <a href={urls.policiesForMe(lang)}>{tPlatform(lang, 'match.title')}</a>
        </p>,
        404,
      ),
    );

  app.setErrorHandler((error: FastifyError | Throttled, request, reply) => {
    if (!(error instanceof Throttled)) throw error;
    const lang = langOf(request) ?? 'en';
    reply.header('retry-after', String(Math.max(1, Math.ceil(error.retryAfterMs / 1000))));
    return send(reply, baseUrl, lang, urls.alertsSubscribe(lang), page(lang, t(lang, 'alerts.page.throttled.title'), <p>{t(lang, 'alerts.page.throttled.body')}</p>, 429));
  });

  const subscribeLimit = {
    ...SUBSCRIBE_RATE_LIMIT,
    errorResponseBuilder: (_request: FastifyRequest, context: { ttl: number }) => new Throttled(context.ttl),
  };

  app.post(routes.alertsSubscribe, { config: { rateLimit: subscribeLimit } }, async (request, reply) => {
    const lang = langOf(request);
    if (!lang) return notFound(reply, 'en', request.url);
    const body = (request.body ?? {}) as RawForm;
    const store = deps.content.store;
    const originValue = first(body.origin);
    const origin: AlertOrigin = originValue === 'plan' ? 'plan' : 'policies-for-me';
    const answers = profileFromQuery(body);
    const values = { email: first(body.email).slice(0, 320), lang: first(body.alert_lang), consent: first(body.consent) === 'yes' };
    const parsed = profileFacts(body, store, deps.search, lang);
    const backQuery = new URLSearchParams(Object.entries(answers).flatMap(([k, v]) => (Array.isArray(v) ? v.map((x) => [k, x]) : [[k, v]]))).toString();
    const back = `${origin === 'plan' ? urls.plan(lang) : urls.policiesForMe(lang)}${backQuery ? `?${backQuery}` : ''}`;

    const again = (status: number, errors: FieldError[], problem?: string) =>
      send(
        reply,
        baseUrl,
        lang,
        urls.alertsSubscribe(lang),
        page(
          lang,
          t(lang, 'alerts.page.title'),
          <>
            {problem && (
              <div class="error-summary" role="alert">
                <p>{problem}</p>
              </div>
            )}
            <Answers lang={lang} store={store} profile={savedProfileOf(parsed.facts ?? parsed.known)} />
            <AlertSubscribeForm lang={lang} origin={origin} profile={answers} values={values} errors={errors} formToken={formToken(request, reply)} />
            <p>
              <a href={back}>{t(lang, 'alerts.page.back')}</a>
            </p>
          </>,
          status,
        ),
      );

    if (!hasFormToken(request, body) && !fromThisSite(request, baseUrl)) return again(403, [], t(lang, 'alerts.page.csrf'));
    if (originValue !== 'plan' && originValue !== 'policies-for-me') return again(400, [], t(lang, 'alerts.page.csrf'));
    const errors: FieldError[] = [];
    const email = emailSchema.safeParse(values.email);
    if (!email.success) errors.push({ field: 'alert-email', message: tAlertForm(lang, 'alerts.form.error.email') });
    if (values.lang !== 'en' && values.lang !== 'zh') errors.push({ field: 'alert-lang', message: tAlertForm(lang, 'alerts.form.error.lang') });
    if (!values.consent) errors.push({ field: 'alert-consent', message: tAlertForm(lang, 'alerts.form.error.consent') });
    if (!parsed.facts || !parsed.answered) {
      const profileErrors = parsed.errors.length ? parsed.errors.map((e) => ({ field: 'alert-profile', message: e.message })) : [{ field: 'alert-profile', message: tAlertForm(lang, 'alerts.form.error.profile') }];
      errors.unshift(...profileErrors);
    }
    if (errors.length || !email.success || !parsed.facts) return again(400, errors);

    await subscribe(db, { email: email.data, lang: values.lang as Lang, facts: parsed.facts, origin, store, baseUrl, now: deps.clock() });
    return send(
      reply,
      baseUrl,
      lang,
      urls.alertsSubscribe(lang),
      page(
        lang,
        t(lang, 'alerts.page.inbox.title'),
        <>
          <p role="status">{t(lang, 'alerts.page.inbox.body')}</p>
          <p>
            <a href={back}>{t(lang, 'alerts.page.back')}</a>
          </p>
          <Feeds lang={lang} store={store} />
        </>,
      ),
    );
  });

  const tokenOf = (request: FastifyRequest): unknown => {
    const body = (request.body ?? {}) as RawForm;
    const query = (request.query ?? {}) as RawForm;
    return first(body.token) || first(query.token);
  };

  const showConfirm = async (request: FastifyRequest, reply: FastifyReply, confirming: boolean) => {
    const lang = langOf(request);
    if (!lang) return notFound(reply, 'en', request.url);
    const token = tokenOf(request);
    const subscription = await subscriptionByToken(db, token, { confirmOnly: true });
    const path = urls.alertsConfirm(lang, typeof token === 'string' ? token : '');
    if (!subscription) return notFound(reply, lang, path);
    const store = deps.content.store;
    let started = subscription.confirmed_at !== null && subscription.unsubscribed_at === null;
    if (confirming) {
      const now = deps.clock();
      started = await confirm(db, subscription, { store, today: todayInBeijing(now), now });
    }
    const answers = <Answers lang={lang} store={store} profile={subscription.profile} />;
    if (subscription.unsubscribed_at !== null || (confirming && !started)) {
      return send(reply, baseUrl, lang, path, page(lang, t(lang, 'alerts.page.unsubscribed.title'), <p>{t(lang, 'alerts.page.confirm.stopped')}</p>));
    }
    if (started) {
      return send(reply, baseUrl, lang, path, page(lang, t(lang, 'alerts.page.confirmed.title'), <>
        <p role="status">{t(lang, 'alerts.page.confirmed.body', { email: subscription.email })}</p>
        {answers}
        <p>
          <a href={urls.alertsUnsubscribe(lang, token as string)}>{t(lang, 'alerts.page.unsubscribe.title')}</a>
        </p>
      </>));
    }
    return send(reply, baseUrl, lang, path, page(lang, t(lang, 'alerts.page.confirm.title'), <>
      <p>{t(lang, 'alerts.page.confirm.lead', { email: subscription.email })}</p>
      {answers}
      <form method="post" action={urls.alertsConfirm(lang, token as string)}>
        <input type="hidden" name="token" value={token as string} />
        <button type="submit" class="button">{t(lang, 'alerts.page.confirm.button')}</button>
      </form>
    </>));
  };

  app.get(routes.alertsConfirm, (request, reply) => showConfirm(request, reply, false));
  app.post(routes.alertsConfirm, (request, reply) => showConfirm(request, reply, true));

  const showUnsubscribe = async (request: FastifyRequest, reply: FastifyReply, stopping: boolean) => {
    const lang = langOf(request);
    if (!lang) return notFound(reply, 'en', request.url);
    const token = tokenOf(request);
    const subscription: Subscription | null = await subscriptionByToken(db, token);
    const path = urls.alertsUnsubscribe(lang, typeof token === 'string' ? token : '');
    if (!subscription) return notFound(reply, lang, path);
    const store = deps.content.store;
    const answers = <Answers lang={lang} store={store} profile={subscription.profile} />;
    if (stopping) await unsubscribe(db, subscription, deps.clock());
    if (stopping || subscription.unsubscribed_at !== null) {
      return send(reply, baseUrl, lang, path, page(lang, t(lang, 'alerts.page.unsubscribed.title'), <>
        <p role="status">{t(lang, 'alerts.page.unsubscribed.body', { email: subscription.email })}</p>
        {answers}
      </>));
    }
    return send(reply, baseUrl, lang, path, page(lang, t(lang, 'alerts.page.unsubscribe.title'), <>
      <p>{t(lang, 'alerts.page.unsubscribe.lead', { email: subscription.email })}</p>
      {answers}
      <form method="post" action={urls.alertsUnsubscribe(lang, token as string)}>
        <input type="hidden" name="token" value={token as string} />
        <button type="submit" class="button">{t(lang, 'alerts.page.unsubscribe.button')}</button>
      </form>
    </>));
  };

  app.get(routes.alertsUnsubscribe, (request, reply) => showUnsubscribe(request, reply, false));
  app.post(routes.alertsUnsubscribe, (request, reply) => showUnsubscribe(request, reply, true));
}

/** The pages with their own per-route limiter (the API's limiter lives in the API's context only). */
export async function registerAlerts(app: FastifyInstance, deps: ModuleDeps): Promise<void> {
  await app.register(rateLimit, { global: false });
  registerAlertPages(app, deps);
}
