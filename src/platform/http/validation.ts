/** Parses request input with a zod schema; every problem is reported at once, by parameter name. */
import type { z } from 'zod';
import { InvalidRequestError } from './errors.js';

export function parseInput<S extends z.ZodType>(schema: S, input: unknown, what = 'query'): z.infer<S> {
  // No body at all reads as an empty object; an explicit JSON `null` (or any non-object) is invalid, not empty.
  const result = schema.safeParse(input === undefined ? {} : input);
  if (result.success) return result.data;
  const invalidParams = result.error.issues.flatMap((issue) =>
    issue.code === 'unrecognized_keys'
      ? issue.keys.map((key) => ({ name: key, reason: 'unknown parameter' }))
      : [{ name: issue.path.join('.') || what, reason: issue.message }],
  );
  const detail = `The ${what} has ${invalidParams.length} invalid parameter${invalidParams.length === 1 ? '' : 's'}: ${invalidParams
    .map((p) => `${p.name} (${p.reason})`)
    .join('; ')}.`;
  throw new InvalidRequestError(detail, invalidParams);
}
