/**
 * What the request log keeps of an address. Links that carry a secret in their query — the service line's tracking
 * link (?token=…), a staff set-password link — are opened with a GET, so the access log would otherwise hold a
 * usable secret: its value is replaced before the line is written.
 */
import type { FastifyRequest } from 'fastify';

const SECRET_PARAMS = /([?&](?:token)=)[^&#]*/gi;

export function withoutSecrets(url: string): string {
  return url.replace(SECRET_PARAMS, '$1[redacted]');
}

/** Fastify's default request fields, with the address cleaned. */
export function requestLogFields(request: FastifyRequest) {
  return {
    method: request.method,
    url: withoutSecrets(request.url),
    host: request.host,
    remoteAddress: request.ip,
    remotePort: request.socket?.remotePort,
  };
}
