/**
 * GET requests' parameters as a filter. GeoReport v2: service_request_id overrides every other parameter; dates select
 * by requested_datetime over at most 90 days (the most recent 90 when neither is given, the 90 after start_date or
 * before end_date when one is); at most the first 1000 requests, newest first.
 */
import type { ContentStore } from '../content/index.js';
import { badRequest } from './open311-errors.js';
import { MAX_REQUESTS, MAX_SPAN_DAYS, type RequestsQuery } from './open311.schemas.js';
import type { RequestFilter } from './requests.repository.js';
import { parseServiceCode, type ServiceCode } from './services.js';

const SPAN_MS = MAX_SPAN_DAYS * 86_400_000;

export function requestFilter(store: ContentStore, query: RequestsQuery, now: Date): RequestFilter {
  if (query.service_request_id) return { references: query.service_request_id, limit: MAX_REQUESTS };
  const problems: string[] = [];
  const services: ServiceCode[] = [];
  for (const code of query.service_code ?? []) {
    const service = parseServiceCode(store, code);
    if (service) services.push(service);
    else problems.push(`service_code: ${code} is not a service (services.json lists them)`);
  }
  const { start_date: start, end_date: end } = query;
  const to = end ?? (start ? new Date(start.getTime() + SPAN_MS) : now);
  const from = start ?? new Date(to.getTime() - SPAN_MS);
  if (to < from) problems.push('end_date: is before start_date');
  else if (to.getTime() - from.getTime() > SPAN_MS) problems.push(`end_date: the span from start_date may not exceed ${MAX_SPAN_DAYS} days`);
  if (problems.length) throw badRequest(...problems);
  return {
    services: query.service_code ? services : undefined,
    from,
    to,
    status: query.status,
    limit: MAX_REQUESTS,
  };
}
