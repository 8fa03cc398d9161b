/**
 * The Open311 endpoint in the OpenAPI document: each GeoReport v2 method once, with its format as a path parameter
 * (`services.{format}`), the JSON answers from the same zod schemas Fastify serialises them with, and the XML form
 * described as the same fields in elements.
 */
import { z } from 'zod';
import { jsonSchemaOf, queryParameters } from '../../platform/http/openapi-schema.js';
import { routes } from '../../platform/http/urls.js';
import {
  discoverySchema, errorListSchema, postAnswerSchema, requestsQuerySchema, serviceDefinitionSchema, serviceListSchema,
  serviceRequestListSchema, tokenAnswerSchema,
} from './open311.schemas.js';
import { DESCRIPTION_MAX } from './service-request.js';

const tags = ['Open311 GeoReport v2'];
const base = routes.open311;

const format = { name: 'format', in: 'path', required: true, description: 'json or xml (text/xml)', schema: { type: 'string', enum: ['json', 'xml'] } };
const jurisdiction = { name: 'jurisdiction_id', in: 'query', required: false, description: 'optional: one jurisdiction is served (the site’s host name); another one answers 404', schema: { type: 'string' } };
const lang = { name: 'lang', in: 'query', required: false, description: 'extension: language of names and notes, en (default) or zh', schema: { type: 'string', enum: ['en', 'zh'] } };
const readKey = {
  name: 'api_key', in: 'query', required: false,
  description: 'optional: the key of the client that filed a request shows it the description it sent (unless confidential) and the public text of the latest step; an unknown key answers 403',
  schema: { type: 'string' },
};

const xmlOf = (what: string) => ({ schema: { type: 'string', description: `${what} as XML: the same fields as elements, lists as a wrapper element holding one element per item (no namespace, UTF-8)` } });

function answer(description: string, schema: z.ZodType, status = 200) {
  return { [status]: { description, content: { 'application/json': { schema: jsonSchemaOf(schema) }, 'text/xml': xmlOf(description) } } };
}

function errors(...cases: [number, string][]) {
  return Object.fromEntries(
    cases.map(([status, description]) => [
      status,
      { description: `${description} (GeoReport v2 errors: a list of {code, description}; XML <errors><error>…)`, content: { 'application/json': { schema: jsonSchemaOf(errorListSchema) }, 'text/xml': xmlOf('The errors') } },
    ]),
  );
}

const limited: [number, string] = [429, 'Rate limit exceeded'];

const formBody = z.object({
  api_key: z.string().describe('the client’s API key (required)'),
  jurisdiction_id: z.string().optional().describe('optional: one jurisdiction is served (the site’s host name); another one answers 404'),
  service_code: z.string().describe('required: a service_code of services.json, <topic>.<kind>'),
  description: z.string().max(DESCRIPTION_MAX).describe('required by this service line: what happened and what the enterprise asks for (10 to 4,000 characters)'),
  email: z.string().optional().describe('the enterprise contact’s e-mail: acknowledgement and updates go there'),
  phone: z.string().optional().describe('the contact’s telephone; an e-mail or a telephone is required unless attribute[anonymous]=true'),
  first_name: z.string().optional().describe('the contact’s given name'),
  last_name: z.string().optional().describe('the contact’s family name (written first when both are in Chinese characters)'),
  lat: z.string().optional().describe('optional here (the district attribute routes a request): WGS84 latitude, with long; kept under the description'),
  long: z.string().optional().describe('WGS84 longitude, with lat'),
  address_string: z.string().optional().describe('optional; kept under the description'),
  address_id: z.string().optional().describe('optional; kept under the description'),
  media_url: z.string().optional().describe('an http(s) link kept under the description; the platform never fetches it'),
  device_id: z.string().optional().describe('accepted and not kept'),
  account_id: z.string().optional().describe('accepted and not kept'),
});

const postBody = {
  ...jsonSchemaOf(formBody, 'input'),
  patternProperties: { '^attribute\\[[a-z_]+\\](\\[\\])?$': { type: 'string', description: 'attribute[code]=value for each attribute of the service definition (consent is required)' } },
};
const jsonBody = {
  ...jsonSchemaOf(formBody, 'input'),
  properties: {
    ...(jsonSchemaOf(formBody, 'input').properties as Record<string, unknown>),
    attribute: { type: 'object', additionalProperties: { type: 'string' }, description: 'the attributes as an object: {"consent": "true", "district": "haidian"}' },
  },
};

export function open311Paths(): Record<string, unknown> {
  return {
    [`${base}/discovery.{format}`]: {
      get: {
        tags, operationId: 'open311_discovery', summary: 'Service discovery: the GeoReport v2 endpoint, its formats and changeset',
        parameters: [format],
        responses: { ...answer('The discovery document', discoverySchema), ...errors([404, 'Unknown format']) },
      },
    },
    [`${base}/services.{format}`]: {
      get: {
        tags, operationId: 'open311_services',
        summary: 'The services: one per topic of the service catalogue and kind of request it takes (code <topic>.<kind>), grouped by topic',
        parameters: [format, jurisdiction, lang],
        responses: { ...answer('The services', serviceListSchema), ...errors([404, 'Unknown jurisdiction_id'], limited) },
      },
    },
    [`${base}/services/{service_code}.{format}`]: {
      get: {
        tags, operationId: 'open311_service_definition', summary: 'A service’s definition: the attributes a request takes (enterprise, district, anonymity, language, the required consent)',
        parameters: [{ name: 'service_code', in: 'path', required: true, schema: { type: 'string' } }, format, jurisdiction, lang],
        responses: { ...answer('The service definition', serviceDefinitionSchema), ...errors([404, 'Unknown service_code or jurisdiction_id'], limited) },
      },
    },
    [`${base}/requests.{format}`]: {
      post: {
        tags, operationId: 'open311_post_request',
        summary: 'File a request on an enterprise’s behalf (API key): it becomes a case of the service line (channel open311)',
        description:
          'Form-encoded as GeoReport v2 specifies (JSON with the same fields is accepted too). Every invalid field is listed at once. The answer’s ' +
          'service_request_id is the case reference; the extension fields tracking_token and tracking_url are returned once (only the token’s hash is kept): ' +
          'pass them to the enterprise, which follows and answers its case with them. Limited per client key (OPEN311_RATE_LIMIT a minute).',
        parameters: [format],
        requestBody: { required: true, content: { 'application/x-www-form-urlencoded': { schema: postBody }, 'application/json': { schema: jsonBody } } },
        responses: {
          ...answer('The request is filed', postAnswerSchema, 201),
          ...errors([400, 'Missing service_code or invalid fields (each named)'], [403, 'api_key missing, unknown or disabled'], [404, 'Unknown service_code or jurisdiction_id'], limited),
        },
      },
      get: {
        tags, operationId: 'open311_requests',
        summary: 'Requests: public fields only (no contact details, enterprise or subject), newest first, at most 1000, over at most 90 days',
        parameters: [format, ...queryParameters(requestsQuerySchema), jurisdiction, lang, readKey],
        responses: { ...answer('The requests', serviceRequestListSchema), ...errors([400, 'Invalid parameters (each named)'], [403, 'Unknown api_key'], [404, 'Unknown jurisdiction_id'], limited) },
      },
    },
    [`${base}/requests/{service_request_id}.{format}`]: {
      get: {
        tags, operationId: 'open311_request', summary: 'One request by its id (the case reference), as a list of one',
        parameters: [{ name: 'service_request_id', in: 'path', required: true, schema: { type: 'string' } }, format, jurisdiction, lang, readKey],
        responses: { ...answer('The request', serviceRequestListSchema), ...errors([403, 'Unknown api_key'], [404, 'Unknown service_request_id or jurisdiction_id'], limited) },
      },
    },
    [`${base}/tokens/{token}.{format}`]: {
      get: {
        tags, operationId: 'open311_token', summary: 'The service_request_id of a tracking token (the one returned by POST requests)',
        parameters: [{ name: 'token', in: 'path', required: true, schema: { type: 'string' } }, format, jurisdiction],
        responses: { ...answer('The request of the token', tokenAnswerSchema), ...errors([404, 'Unknown token or jurisdiction_id'], limited) },
      },
    },
  };
}
