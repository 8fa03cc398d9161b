/**
 * Errors in the GeoReport v2 format: a list of `{code, description}` (XML: `<errors><error>…`), with the HTTP status
 * the specification names (400 missing or invalid, 403 API key, 404 unknown service, request, token or jurisdiction).
 * A request with several invalid fields gets one entry per field, all at once.
 */
import type { Open311ErrorItem } from './open311.schemas.js';

export class Open311Error extends Error {
  readonly errors: Open311ErrorItem[];
  constructor(
    readonly status: number,
    descriptions: string[],
  ) {
    super(descriptions.join('; '));
    this.errors = descriptions.map((description) => ({ code: status, description }));
  }
}

export const badRequest = (...descriptions: string[]) => new Open311Error(400, descriptions);
export const notFound = (description: string) => new Open311Error(404, [description]);
export const forbidden = (description: string) => new Open311Error(403, [description]);
