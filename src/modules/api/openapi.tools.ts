/**
 * OpenAPI paths of the search and investor-tool endpoints. Requests are documented from the zod schemas that
 * validate them; answers from the shapes the endpoints write (their tests check the same fields).
 */
import { estimateRequestSchema } from '../estimator/index.js';
import { accessQuerySchema } from '../market-access/index.js';
import { matchQuerySchema, matchResponseJsonSchema } from '../matching/index.js';
import { profileSchema } from '../matching/index.js';
import { answerQuerySchema, searchQuerySchema, suggestQuerySchema } from '../search/index.js';
import { siteRequestSchema } from '../sites/index.js';
import { addAnswerSchema, countAnswerSchema, workingDaysQuerySchema } from '../calendar/index.js';
import { json, jsonSchemaOf, problemResponse, queryParameters } from '../../platform/http/openapi-schema.js';

const str = { type: 'string' };
const source = { type: 'object', properties: { document: str, section: str, url: str, title: str } };
const lang = { name: 'lang', in: 'query', required: false, schema: { type: 'string', enum: ['en', 'zh'], default: 'en' } };
const invalid = problemResponse('Invalid input: every invalid field is named');
const limited = problemResponse('Rate limit exceeded');

const location = {
  type: 'object',
  properties: {
    kind: { type: 'string', enum: ['district', 'park', 'ftz_cluster', 'project'] },
    id: str,
    name: str,
    url: str,
    districts: { type: 'array', items: str },
    score: { type: 'number', description: 'the sum of the factors’ points' },
    factors: { type: 'array', items: { type: 'object', properties: { factor: str, points: { type: 'number' }, explanation: { type: 'string', description: 'the factor in a sentence, naming the place and quoting the guide' }, evidence: str, source } } },
    rent_estimate: { type: ['object', 'null'], properties: { area_m2: { type: 'number' }, business_area: str, effective_rent: { type: 'number' }, unit: str, monthly_cny: { type: 'integer' }, yearly_cny: { type: 'integer' }, source } },
  },
};

const accessItem = {
  type: 'object',
  properties: {
    code: str, list: str, edition: str, item_number: { type: 'integer' }, measure: { type: 'string', enum: ['prohibited', 'restricted', 'opened'] },
    restriction: {}, exceeds_cap: { type: ['boolean', 'null'] }, sector: str, text: str, conditions: { type: ['string', 'null'] },
    document_number: { type: ['string', 'null'] }, matched_keywords: { type: 'array', items: str }, verified: { type: 'boolean' },
    notice: { type: ['string', 'null'] }, sources: { type: 'array', items: source }, official_link: { type: ['string', 'null'] },
  },
};

const bi = { type: 'object', properties: { en: str, zh: str }, required: ['en', 'zh'] };
const costEstimate = {
  type: 'object',
  properties: {
    location: {
      type: 'object',
      properties: {
        district: str, rate_zone: str, rate_zone_label: bi, business_district: str,
        rent_row: { type: 'object', description: 'the rent row used and why (the business district’s own row, or “Others”)', properties: { area: bi, effective_rent: { type: 'number' }, why: str } },
      },
    },
    months: { type: 'integer' },
    period_label: bi,
    components: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          key: str, name: bi, amount_cny: { type: 'number' }, per_month_cny: { type: 'number' }, period: { type: 'object', properties: { unit: str, count: { type: 'number' } } },
          formula: str, formula_text: bi, rate: str, unit: str, source: { type: 'object', properties: { document: str, section: str, table: str, row: str } }, source_text: bi,
        },
      },
    },
    total: { type: 'number', description: 'the employer’s costs for the period, without ranges' },
    total_range: { type: 'object', properties: { min: { type: 'number' }, max: { type: 'number' } } },
    total_includes: { type: 'array', items: bi },
    total_excludes: { type: 'array', items: bi },
    social_insurance: { type: ['object', 'null'], description: 'both shares per insurance: employer and employee rates and amounts, and the total remitted' },
    notes: { type: 'array', items: bi },
  },
};

export function toolPaths(): Record<string, unknown> {
  return {
    '/api/v1/search': {
      get: {
        tags: ['search'], operationId: 'search', summary: 'Full-text search over every passage (both languages), with counts per type',
        parameters: queryParameters(searchQuerySchema),
        responses: { 200: json({ type: 'object', properties: { query: str, total: { type: 'integer' }, results: { type: 'array', items: { type: 'object' } }, counts_by_type: { type: 'object' }, did_you_mean: { type: ['string', 'null'] } } }, 'Ranked passages with snippet and source'), 400: invalid, 429: limited },
      },
    },
    '/api/v1/search/suggest': {
      get: { tags: ['search'], operationId: 'suggest', summary: 'Suggestions while typing', parameters: queryParameters(suggestQuerySchema), responses: { 200: json({ type: 'object' }, 'Suggestions'), 400: invalid, 429: limited } },
    },
    '/api/v1/answers': {
      get: { tags: ['search'], operationId: 'answer', summary: 'A direct answer (phone, address, price, time limit…) with its source, or the contacts to ask', parameters: queryParameters(answerQuerySchema), responses: { 200: json({ type: 'object' }, 'Answer cards'), 400: invalid, 429: limited } },
    },
    '/api/v1/policy-match': {
      post: {
        tags: ['investor tools'], operationId: 'policy_match', summary: 'Which policies apply to this investor profile, and why (applies / may apply / does not apply)',
        parameters: queryParameters(matchQuerySchema),
        requestBody: { required: true, content: { 'application/json': { schema: jsonSchemaOf(profileSchema, 'input') } } },
        responses: {
          200: json(matchResponseJsonSchema, 'Every rule’s result with its reasons (each condition with its quote) and sources; how each answer was understood'),
          400: invalid, 429: limited,
        },
      },
    },
    '/api/v1/market-access': {
      get: {
        tags: ['investor tools'], operationId: 'market_access', summary: 'Prohibited, restricted, opened by a Beijing pilot, or no item found in the list editions held',
        parameters: queryParameters(accessQuerySchema),
        responses: {
          200: json({ type: 'object', properties: { activity: str, in_ftz: { type: 'boolean' }, verdict: { type: 'string', enum: ['prohibited', 'restricted', 'opened_by_beijing_pilot', 'no_item_found'] }, conclusive: { type: 'boolean' }, lists_checked: { type: 'array', items: { type: 'object' } }, items: { type: 'array', items: accessItem }, beijing_openings: { type: 'array', items: accessItem }, note: { type: ['string', 'null'] } } }, 'The verdict with every item found'),
          400: invalid, 429: limited,
        },
      },
    },
    '/api/v1/site-recommendations': {
      post: {
        tags: ['investor tools'], operationId: 'site_recommendations', summary: 'Districts, parks and zones, Pilot FTZ clusters and 2025 projects ranked, each score broken into named factors',
        parameters: [lang],
        requestBody: { required: true, content: { 'application/json': { schema: jsonSchemaOf(siteRequestSchema, 'input') } } },
        responses: { 200: json({ type: 'object', properties: { understood: { type: 'object', description: 'how a free-text industry was read (value null: no industry fitted, ranked without one)' }, districts: { type: 'array', items: location }, parks: { type: 'array', items: location }, ftz_clusters: { type: 'array', items: location }, projects: { type: 'array', items: location }, notes: { type: 'array', items: str } } }, 'Rankings per kind of location'), 400: invalid, 429: limited },
      },
    },
    '/api/v1/calendar/working-days': {
      get: {
        tags: ['investor tools'], operationId: 'working_days',
        summary: 'The date n working days after a date (add), or the working days between two dates (to), on the PRC working calendar',
        description:
          'Working days are Monday to Friday except public holidays, plus the weekends worked in exchange for them (调休上班), as arranged each year by the ' +
          'General Office of the State Council (data: the chinese-days package, 2004 to the latest year it holds, with corrections by the platform’s ' +
          'administrators). The start date is not counted (Civil Code Art. 201); a limit in working days ends at 24:00 Beijing time of the last day (Art. 203). ' +
          'A count that reaches a year whose arrangement is not held yet answers 422, never a guessed date.',
        parameters: queryParameters(workingDaysQuerySchema),
        responses: {
          200: json({ oneOf: [jsonSchemaOf(addAnswerSchema), jsonSchemaOf(countAnswerSchema)] }, 'With add: the date and every day skipped with its reason and source; with to: the count'),
          400: invalid,
          422: problemResponse('The count reaches a year whose holiday arrangement the calendar does not hold (the parameter responsible is named)'),
          429: limited,
        },
      },
    },
    '/api/v1/cost-estimate': {
      post: {
        tags: ['investor tools'], operationId: 'cost_estimate', summary: 'Rent, utilities and employer social insurance for a location, each with formula, rate and source',
        parameters: [lang],
        requestBody: { required: true, content: { 'application/json': { schema: jsonSchemaOf(estimateRequestSchema, 'input') } } },
        responses: { 200: json(costEstimate, 'The estimate'), 400: invalid, 429: limited },
      },
    },
  };
}
