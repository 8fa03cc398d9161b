/**
 * Open311 GeoReport v2 under /open311/v2: discovery, services, service definitions, POST requests (API key), tokens,
 * requests and one request, each as .json and .xml. Routes are thin: parse, authorise, call the domain, answer in the
 * format the address ends in. Errors of every kind (ours, the framework's, the rate limit's) leave as GeoReport v2
 * errors in the same format, never as problem+json.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type {} from '@fastify/rate-limit';
import type { z } from 'zod';
import { CaseInputError, caseServices, emailSubmissionWait, formatInstant, submitCase } from '../cases/index.js';
import type { ModuleDeps } from '../module.js';
import { jsonSchemaOf } from '../../platform/http/openapi-schema.js';
import { routes } from '../../platform/http/urls.js';
import type { Lang } from '../../platform/i18n/i18n.js';
import { t } from './messages.js';
import { findOpen311Client, type Open311Client } from './open311-clients.repository.js';
import { badRequest, forbidden, notFound, Open311Error } from './open311-errors.js';
import { open311Db } from './open311.tables.js';
import {
  commonQuerySchema, discoverySchema, errorListSchema, postAnswerSchema, requestsQuerySchema, serviceDefinitionSchema,
  serviceListSchema, serviceRequestListSchema, tokenAnswerSchema, type Open311ErrorItem, type PostAnswer,
} from './open311.schemas.js';
import { discovery, discoveryXml, errorsXml, postAnswerXml, requestsXml, serviceDefinitionXml, servicesXml, tokenAnswerXml } from './open311.xml.js';
import { latestPublicSteps, leadUnits, referenceForToken, findRequestRows } from './requests.repository.js';
import { requestView } from './request-view.js';
import { requestFilter } from './request-filter.js';
import { submissionFromOpen311 } from './service-request.js';
import { parseServiceCode, serviceDefinition, serviceList } from './services.js';

type Format = 'json' | 'xml';
const FORMATS: readonly Format[] = ['json', 'xml'];

/** The format an address asks for: `.xml` gives XML, anything else (errors included) JSON. */
export function formatOf(url: string): Format {
  return url.split('?')[0].endsWith('.xml') ? 'xml' : 'json';
}

/** `IB-2026-000001.json` → the id and the format; an address in no format of ours is not found. */
function splitFile(file: string, what: string): { id: string; format: Format } {
  const match = /^(.+)\.(json|xml)$/.exec(file);
  if (!match) throw notFound(`${what} ${file} was not found: add .json or .xml to the address`);
  return { id: match[1], format: match[2] as Format };
}

const jsonResponses = (ok: z.ZodType) => ({ 200: jsonSchemaOf(ok), 201: jsonSchemaOf(ok), '4xx': jsonSchemaOf(errorListSchema), '5xx': jsonSchemaOf(errorListSchema) });

function send<T>(reply: FastifyReply, format: Format, status: number, value: T, xml: (value: T) => string): FastifyReply {
  reply.code(status);
  return format === 'xml' ? reply.type('text/xml; charset=utf-8').send(xml(value)) : reply.type('application/json; charset=utf-8').send(value);
}

function sendErrors(reply: FastifyReply, format: Format, status: number, errors: Open311ErrorItem[]): FastifyReply {
  return send(reply, format, status, errors, errorsXml);
}

/** Every problem of a query at once, as `name: reason`. */
function parseQuery<S extends z.ZodType>(schema: S, query: unknown): z.output<S> {
  // GeoReport v2 "Optional": an empty parameter is the same as one not sent.
  const present = Object.fromEntries(Object.entries((query ?? {}) as Record<string, unknown>).filter(([, v]) => v !== ''));
  const parsed = schema.safeParse(present);
  if (parsed.success) return parsed.data;
  throw badRequest(...parsed.error.issues.map((issue) => `${issue.path.join('.') || 'query'}: ${issue.message}`));
}

export async function registerOpen311Api(api: FastifyInstance, deps: ModuleDeps): Promise<void> {
  // The service line's one context per app (shared with its pages and API: one working-calendar loader).
  const cases = caseServices(deps).context;
  const db = open311Db(deps.db);
  const store = () => deps.content.store;
  const baseUrl = deps.config.PUBLIC_BASE_URL.replace(/\/$/, '');
  // One jurisdiction is served: the site's host name without "www." (the specification's suggestion).
  const jurisdiction = new URL(baseUrl).hostname.replace(/^www\./, '');
  const clients = new WeakMap<FastifyRequest, Open311Client | null>();
  // One count per client for both formats (a route's own rateLimit config would count requests.json and .xml apart).
  // Each process counts its own, like the API's limit per address.
  const filingLimit = api.createRateLimit({
    max: deps.config.OPEN311_RATE_LIMIT,
    timeWindow: 60_000,
    keyGenerator: (request) => {
      const client = clients.get(request);
      return client ? `open311-client:${client.id}` : `open311-address:${request.ip}`;
    },
  });

  /** The jurisdiction (checked when sent), the language and the client whose key came along, if any. */
  async function common(request: FastifyRequest): Promise<{ lang: Lang; client: Open311Client | null; keySent: boolean }> {
    const body = (request.body && typeof request.body === 'object' ? request.body : {}) as Record<string, unknown>;
    const query = (request.query ?? {}) as Record<string, unknown>;
    const fields = parseQuery(commonQuerySchema, {
      jurisdiction_id: query.jurisdiction_id ?? body.jurisdiction_id,
      lang: query.lang,
      api_key: query.api_key ?? body.api_key,
    });
    if (fields.jurisdiction_id !== undefined && fields.jurisdiction_id !== jurisdiction) {
      throw notFound(`jurisdiction_id ${fields.jurisdiction_id} was not found: this endpoint serves ${jurisdiction} only`);
    }
    let client = clients.get(request);
    if (client === undefined) client = fields.api_key ? ((await findOpen311Client(db, fields.api_key)) ?? null) : null;
    return { lang: fields.lang ?? 'en', client, keySent: fields.api_key !== undefined };
  }

  /** The client of a request that sent a key: an unknown or disabled key is refused, never read as no key. */
  async function viewer(request: FastifyRequest): Promise<{ lang: Lang; clientId: string | null }> {
    const { lang, client, keySent } = await common(request);
    if (keySent && !client) throw forbidden('api_key is not valid: it is unknown or its client was disabled');
    return { lang, clientId: client?.id ?? null };
  }

  await api.register(
    async (o311) => {
      o311.setErrorHandler((error: Error & { statusCode?: number }, request, reply) => {
        const format = formatOf(request.url);
        if (error instanceof Open311Error) return sendErrors(reply, format, error.status, error.errors);
        const status = error.statusCode ?? 500;
        if (status === 429) return sendErrors(reply, format, 429, [{ code: 429, description: `Too many requests: try again in ${reply.getHeader('retry-after') ?? 60} seconds` }]);
        if (status >= 400 && status < 500) return sendErrors(reply, format, status, [{ code: status, description: error.message }]);
        request.log.error({ err: error }, 'open311 request failed');
        return sendErrors(reply, format, 500, [{ code: 500, description: 'Something went wrong on our side. The error has been logged.' }]);
      });
      o311.setNotFoundHandler((request, reply) =>
        sendErrors(reply, formatOf(request.url), 404, [{ code: 404, description: `There is no GeoReport v2 method at ${request.method} ${request.url.split('?')[0]}` }]),
      );

      for (const format of FORMATS) {
        o311.get(`/discovery.${format}`, { schema: { response: jsonResponses(discoverySchema) } }, async (request, reply) => {
          await common(request);
          return send(reply, format, 200, discovery(baseUrl, store().version), discoveryXml);
        });

        o311.get(`/services.${format}`, { schema: { response: jsonResponses(serviceListSchema) } }, async (request, reply) => {
          const { lang } = await common(request);
          return send(reply, format, 200, serviceList(store(), lang), servicesXml);
        });

        o311.get(`/requests.${format}`, { schema: { response: jsonResponses(serviceRequestListSchema) } }, async (request, reply) => {
          const who = await viewer(request);
          const filter = requestFilter(store(), parseQuery(requestsQuerySchema.passthrough(), request.query), cases.now());
          const rows = await findRequestRows(db, filter);
          const ids = rows.map((r) => r.id);
          const [leads, steps] = await Promise.all([leadUnits(db, ids), latestPublicSteps(db, ids)]);
          const views = rows.map((row) => requestView(row, { store: store(), lang: who.lang, leads, steps, viewerClientId: who.clientId }));
          if (who.clientId) reply.header('cache-control', 'no-store');
          return send(reply, format, 200, views, requestsXml);
        });

        o311.post(
          `/requests.${format}`,
          {
            schema: { response: jsonResponses(postAnswerSchema) },
            // After the body is parsed (the key may be in it): counted per client, or per address without a valid key.
            preHandler: async (request, reply) => {
              const { client } = await common(request);
              clients.set(request, client);
              const limit = await filingLimit(request);
              if (!limit.isAllowed && limit.isExceeded) {
                reply.header('retry-after', limit.ttlInSeconds);
                throw new Open311Error(429, [`Too many requests: try again in ${limit.ttlInSeconds} seconds`]);
              }
            },
          },
          async (request, reply) => {
            const { client, keySent } = await common(request);
            if (!client) throw forbidden(keySent ? 'api_key is not valid: it is unknown or its client was disabled' : 'api_key was not provided: filing a request needs the key of a registered client');
            const body = (request.body && typeof request.body === 'object' ? request.body : {}) as Record<string, unknown>;
            const submission = submissionFromOpen311(store(), body, client.name);
            // The limit per contact e-mail holds whatever the channel (counted from the cases themselves).
            if (submission.contact_email) {
              const wait = await emailSubmissionWait(cases.db, submission.contact_email, cases.now(), deps.config.CASE_SUBMIT_PER_EMAIL_PER_HOUR);
              if (wait > 0) {
                reply.header('retry-after', wait);
                throw new Open311Error(429, [`Too many requests with this email in the last hour: try again in ${wait} seconds`]);
              }
            }
            await cases.ready();
            const filed = await submitCase(cases.db, store(), cases.deadlines, submission, {
              channel: 'open311', clientId: client.id, now: cases.now(), requestId: request.id, baseUrl: cases.baseUrl,
            }).catch((error: unknown) => {
              if (error instanceof CaseInputError) throw badRequest(`service_code: ${error.code}`);
              throw error;
            });
            const lang = submission.lang;
            const answer: PostAnswer = [{
              service_request_id: filed.reference,
              service_notice: t(lang, 'open311.notice.due', { rule: filed.limit.rule[lang], due: formatInstant(filed.dueAt, lang) }),
              account_id: null,
              tracking_token: filed.token,
              tracking_url: filed.trackingUrl,
            }];
            // The answer carries the tracking token: no cache may keep it.
            reply.header('cache-control', 'no-store');
            return send(reply, format, 201, answer, postAnswerXml);
          },
        );
      }

      o311.get<{ Params: { file: string } }>('/services/:file', { schema: { response: jsonResponses(serviceDefinitionSchema) } }, async (request, reply) => {
        const { id, format } = splitFile(request.params.file, 'service_code');
        const { lang } = await common(request);
        const code = parseServiceCode(store(), id);
        if (!code) throw notFound(`service_code ${id} was not found: services.${format} lists the services`);
        return send(reply, format, 200, serviceDefinition(store(), code, lang), serviceDefinitionXml);
      });

      o311.get<{ Params: { file: string } }>('/requests/:file', { schema: { response: jsonResponses(serviceRequestListSchema) } }, async (request, reply) => {
        const { id, format } = splitFile(request.params.file, 'service_request_id');
        const who = await viewer(request);
        const rows = await findRequestRows(db, { references: [id], limit: 1 });
        if (rows.length === 0) throw notFound(`service_request_id ${id} was not found`);
        const ids = rows.map((r) => r.id);
        const [leads, steps] = await Promise.all([leadUnits(db, ids), latestPublicSteps(db, ids)]);
        if (who.clientId) reply.header('cache-control', 'no-store');
        return send(reply, format, 200, rows.map((row) => requestView(row, { store: store(), lang: who.lang, leads, steps, viewerClientId: who.clientId })), requestsXml);
      });

      o311.get<{ Params: { file: string } }>('/tokens/:file', { schema: { response: jsonResponses(tokenAnswerSchema) } }, async (request, reply) => {
        const { id: token, format } = splitFile(request.params.file, 'token');
        await common(request);
        const reference = await referenceForToken(db, token);
        if (!reference) throw notFound('token was not found');
        reply.header('cache-control', 'no-store');
        return send(reply, format, 200, [{ service_request_id: reference, token }], tokenAnswerXml);
      });
    },
    { prefix: routes.open311 },
  );
}
