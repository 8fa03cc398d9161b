/**
 * A page's query string as Fastify parses it, and the one reader of a single text value every page uses: the first
 * value when a parameter is repeated, trimmed, cut to a length (each page declares its parameters and their bounds
 * in page-guard.ts; this only reads them).
 */
export type Query = Record<string, string | string[] | undefined>;

export function queryText(query: Query, key: string, max = 500): string {
  const raw = query[key];
  const value = typeof raw === 'string' ? raw : Array.isArray(raw) ? (raw[0] ?? '') : '';
  return value.trim().slice(0, max);
}
