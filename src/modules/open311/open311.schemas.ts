/**
 * The GeoReport v2 shapes as zod schemas. The answers' schemas give Fastify the JSON Schema it serialises JSON with,
 * and the OpenAPI document is built from the same ones; the XML answers carry the same fields under the element names
 * of the specification (http://wiki.open311.org/GeoReport_v2).
 */
import { z } from 'zod';

const instant = z.string().describe('W3C date-time in UTC, such as 2026-12-01T02:00:00Z');

export const discoverySchema = z.object({
  changeset: z.string().describe('changes when the list of services or their definitions change (the content version)'),
  contact: z.string(),
  key_service: z.string().describe('how a client obtains an API key'),
  endpoints: z.array(
    z.object({
      specification: z.string(),
      url: z.string(),
      changeset: z.string(),
      type: z.enum(['production', 'test']),
      formats: z.array(z.string()),
    }),
  ),
});
export type Discovery = z.output<typeof discoverySchema>;

export const serviceSchema = z.object({
  service_code: z.string().describe('<topic>.<kind>: a topic of the service catalogue and a kind of request it takes'),
  service_name: z.string(),
  description: z.string(),
  metadata: z.boolean().describe('always true: every service has a definition, with the required consent attribute'),
  type: z.literal('realtime').describe('the service_request_id (the case reference) is returned at once'),
  keywords: z.string(),
  group: z.string().describe('the topic'),
});
export type Open311Service = z.output<typeof serviceSchema>;
export const serviceListSchema = z.array(serviceSchema);

export const ATTRIBUTE_TYPES = ['string', 'number', 'datetime', 'text', 'singlevaluelist', 'multivaluelist'] as const;
export const attributeSchema = z.object({
  variable: z.boolean(),
  code: z.string(),
  datatype: z.enum(ATTRIBUTE_TYPES),
  required: z.boolean(),
  datatype_description: z.string().nullable(),
  order: z.number().int().positive(),
  description: z.string(),
  values: z.array(z.object({ key: z.string(), name: z.string() })).optional().describe('the choices of a singlevaluelist'),
});
export type Open311Attribute = z.output<typeof attributeSchema>;
export const serviceDefinitionSchema = z.object({ service_code: z.string(), attributes: z.array(attributeSchema) });
export type ServiceDefinition = z.output<typeof serviceDefinitionSchema>;

export const postAnswerSchema = z.array(
  z.object({
    service_request_id: z.string().describe('the case reference, IB-YYYY-NNNNNN'),
    service_notice: z.string().describe('the time limit the request runs under, and when the answer is due'),
    account_id: z.null(),
    tracking_token: z
      .string()
      .describe('extension: the case’s tracking token, returned once and kept only as a hash. Pass it to the enterprise; it reads and acts on the case with it (tracking page, GET /api/v1/cases/{reference})'),
    tracking_url: z.string().describe('extension: the tracking page with reference and token, in the language of the case'),
  }),
);
export type PostAnswer = z.output<typeof postAnswerSchema>;

export const tokenAnswerSchema = z.array(z.object({ service_request_id: z.string(), token: z.string() }));

export const serviceRequestSchema = z.object({
  service_request_id: z.string(),
  status: z.enum(['open', 'closed']).describe('closed once the request is answered, rejected or closed'),
  status_notes: z.string().nullable().describe('the latest public step that changed the status; with the key of the client that filed it, also the step’s public text (a reply, a reason)'),
  service_name: z.string(),
  service_code: z.string(),
  description: z.string().nullable().describe('only for the client that filed the request (its api_key), and never for a confidential case'),
  agency_responsible: z.string().nullable().describe('the lead unit once the request is dispatched'),
  service_notice: z.string().nullable().describe('the time limit the request runs under'),
  requested_datetime: instant,
  updated_datetime: instant,
  expected_datetime: instant.nullable().describe('the due date while the request is open and not waiting for the enterprise'),
  address: z.string().nullable().describe('the district the request concerns'),
});
export type ServiceRequest = z.output<typeof serviceRequestSchema>;
export const serviceRequestListSchema = z.array(serviceRequestSchema);

export const errorListSchema = z.array(z.object({ code: z.number().int(), description: z.string() }));
export type Open311ErrorItem = z.output<typeof errorListSchema>[number];

const W3C_DATETIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;
const w3cDatetime = z
  .string()
  .trim()
  .regex(W3C_DATETIME, { message: 'must be a W3C date-time with a time zone, such as 2026-12-01T00:00:00Z' })
  .transform((v, ctx) => {
    const at = new Date(v);
    if (Number.isNaN(at.getTime())) {
      ctx.addIssue({ code: 'custom', message: 'is not a real date and time' });
      return z.NEVER;
    }
    return at;
  });

/** A comma-delimited list (Open311 repeats a parameter by commas; a repeated query parameter is accepted too). */
const commaList = (max: number) =>
  z
    .union([z.string(), z.array(z.string())])
    .transform((v) => (Array.isArray(v) ? v.join(',') : v).split(',').map((s) => s.trim()).filter(Boolean))
    .refine((list) => list.length <= max, { message: `at most ${max} values` });

export const MAX_REQUESTS = 1000;
export const MAX_SPAN_DAYS = 90;

export const requestsQuerySchema = z.object({
  service_request_id: commaList(MAX_REQUESTS).optional().describe('comma-delimited references; overrides every other filter'),
  service_code: commaList(200).optional().describe('comma-delimited service codes'),
  start_date: w3cDatetime.optional().describe('earliest requested_datetime (W3C date-time with time zone)'),
  end_date: w3cDatetime.optional().describe('latest requested_datetime; the span is at most 90 days (default: the 90 days before end_date or now)'),
  status: commaList(2)
    .pipe(z.array(z.enum(['open', 'closed'], { message: 'must be open, closed or both (comma-delimited)' })))
    .optional()
    .describe('open, closed or both (comma-delimited)'),
});
export type RequestsQuery = z.output<typeof requestsQuerySchema>;

/** Parameters every method takes: the jurisdiction (optional, one is served), the language, the client's key. */
export const commonQuerySchema = z.object({
  jurisdiction_id: z.string().trim().max(200).optional(),
  lang: z.enum(['en', 'zh'], { message: 'must be en or zh' }).optional().describe('extension: language of names and notes (default en)'),
  api_key: z.string().trim().max(200).optional(),
});
