/** Helpers the OpenAPI document is built with: zod → JSON Schema, query parameters, problem responses. */
import { z } from 'zod';

export function jsonSchemaOf(schema: z.ZodType, io: 'input' | 'output' = 'output'): Record<string, unknown> {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as Record<string, unknown>;
  return rest;
}

/**
 * zod writes a recursive schema (the rules' condition tree) with local `$defs` and `#/$defs/…` pointers, which an
 * OpenAPI document cannot resolve from inside `components`: each definition becomes a component of its own, named
 * after its owner, and every pointer is rewritten to it.
 */
export function hoistDefinitions(owner: string, schema: Record<string, unknown>, components: Record<string, unknown>): Record<string, unknown> {
  const { $defs, ...rest } = schema as { $defs?: Record<string, unknown> };
  if (!$defs) return schema;
  const pointer = (name: string) => `#/components/schemas/${owner}_${name.replace(/[^A-Za-z0-9_.-]/g, '_')}`;
  const rewrite = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(rewrite);
    if (!node || typeof node !== 'object') return node;
    return Object.fromEntries(
      Object.entries(node).map(([key, value]) => [key, key === '$ref' && typeof value === 'string' && value.startsWith('#/$defs/') ? pointer(value.slice(8)) : rewrite(value)]),
    );
  };
  for (const [name, definition] of Object.entries($defs)) components[pointer(name).slice('#/components/schemas/'.length)] = rewrite(definition);
  return rewrite(rest) as Record<string, unknown>;
}

/** One query parameter per property of a zod object schema (as a client sends it: the input side). */
export function queryParameters(schema: z.ZodObject): Record<string, unknown>[] {
  const json = jsonSchemaOf(schema, 'input') as { properties?: Record<string, Record<string, unknown>>; required?: string[] };
  return Object.entries(json.properties ?? {}).map(([name, property]) => ({
    name,
    in: 'query',
    required: json.required?.includes(name) ?? false,
    ...(typeof property.description === 'string' ? { description: property.description } : {}),
    schema: property,
  }));
}

export const problemSchema = {
  type: 'object',
  description: 'RFC 9457 problem details',
  properties: {
    type: { type: 'string' },
    title: { type: 'string' },
    status: { type: 'integer' },
    detail: { type: 'string' },
    instance: { type: 'string' },
    'invalid-params': { type: 'array', items: { type: 'object', properties: { name: { type: 'string' }, reason: { type: 'string' } } } },
  },
  required: ['type', 'title', 'status', 'detail'],
};

export const problemResponse = (description: string) => ({ description, content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } } });

export const json = (schema: Record<string, unknown>, description: string) => ({ description, content: { 'application/json': { schema } } });
