/**
 * The OpenAPI 3.1 document, built from the same zod schemas that validate requests and content,
 * so documentation cannot drift from behaviour.
 */
import { z } from 'zod';
import { CONTENT_KINDS, type ContentKind } from '../content/index.js';
import { CONTENT_FILTERS } from './content-filters.js';
import { hoistDefinitions, jsonSchemaOf, problemResponse, problemSchema } from '../../platform/http/openapi-schema.js';
import { toolPaths } from './openapi.tools.js';
import { caseApiPaths } from '../cases/index.js';
import { open311Paths } from '../open311/index.js';
import { pipelineApiPaths, PIPELINE_SECURITY_SCHEMES } from '../pipeline/index.js';

function listParameters(kind: ContentKind) {
  return [
    { name: 'q', in: 'query', description: 'words that must all appear in the item (English or Chinese)', schema: { type: 'string', maxLength: 200 } },
    { name: 'limit', in: 'query', description: 'page size (1–200, default 20)', schema: { type: 'integer', minimum: 1, maximum: 200, default: 20 } },
    { name: 'offset', in: 'query', description: 'items to skip (default 0)', schema: { type: 'integer', minimum: 0, default: 0 } },
    ...Object.entries(CONTENT_FILTERS[kind]).map(([name, def]) => ({
      name,
      in: 'query',
      description: def.description,
      schema: jsonSchemaOf(def.schema as z.ZodType),
    })),
  ];
}

let cached: Record<string, unknown> | null = null;

export function openApiDocument(baseUrl: string): Record<string, unknown> {
  if (cached) return cached;
  const kinds = Object.keys(CONTENT_KINDS) as ContentKind[];
  const schemas: Record<string, unknown> = { Problem: problemSchema };
  const paths: Record<string, unknown> = {};
  for (const kind of kinds) {
    const itemRef = { $ref: `#/components/schemas/${kind}` };
    schemas[kind] = hoistDefinitions(kind, jsonSchemaOf(CONTENT_KINDS[kind] as z.ZodType), schemas);
    paths[`/api/v1/${kind}`] = {
      get: {
        tags: ['content'],
        summary: `List ${kind}`,
        operationId: `list_${kind}`,
        parameters: listParameters(kind),
        responses: {
          200: {
            description: `A page of ${kind}`,
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  properties: {
                    kind: { type: 'string' },
                    total: { type: 'integer' },
                    limit: { type: 'integer' },
                    offset: { type: 'integer' },
                    content_version: { type: 'integer' },
                    items: { type: 'array', items: itemRef },
                  },
                  required: ['kind', 'total', 'limit', 'offset', 'items'],
                },
              },
            },
          },
          400: problemResponse('Invalid query parameters (every invalid parameter is listed)'),
          429: problemResponse('Rate limit exceeded'),
        },
      },
    };
    paths[`/api/v1/${kind}/{id}`] = {
      get: {
        tags: ['content'],
        summary: `One ${kind} item by id`,
        operationId: `get_${kind}`,
        parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
        responses: {
          200: { description: 'The item', content: { 'application/json': { schema: itemRef } } },
          404: problemResponse('No item with this id'),
        },
      },
    };
  }
  cached = {
    openapi: '3.1.0',
    info: {
      title: 'Invest Beijing One-Stop API',
      version: '1.0.0',
      description: 'Bilingual (en/zh) content of the Invest Beijing Foreign Investment Guide 2024–2025 and related measures. Every item carries its sources.',
    },
    servers: [{ url: baseUrl }],
    paths: { ...paths, ...toolPaths(), ...open311Paths(), ...caseApiPaths(), ...pipelineApiPaths() },
    components: { schemas, securitySchemes: PIPELINE_SECURITY_SCHEMES },
  };
  return cached;
}
