/**
 * Sends an attachment's bytes as a download no browser renders in the site's origin (the API with the case's token,
 * and the staff case page, both send it this way).
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../../../platform/http/errors.js';
import type { AttachmentRow } from './attachment.repository.js';
import type { AttachmentStorage } from './storage.js';

/** RFC 6266: an ASCII fallback name, and the real one in UTF-8 (RFC 8187) for clients that read it. */
export function contentDisposition(filename: string): string {
  const ascii = filename.replace(/[^\x20-\x7e]|["\\%;]/g, '_');
  const encoded = encodeURIComponent(filename).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

export async function sendAttachment(request: FastifyRequest, reply: FastifyReply, storage: AttachmentStorage, attachment: AttachmentRow & { storage_key: string }, reference: string) {
  const bytes = await storage.get(attachment.storage_key);
  if (!bytes) {
    request.log.error({ attachment: attachment.id, case: reference }, 'attachment row without its file in storage');
    throw new AppError(500, 'internal', 'Internal Server Error', 'The file could not be read.');
  }
  return reply
    .type(attachment.content_type)
    .header('content-length', attachment.size_bytes)
    .header('content-disposition', contentDisposition(attachment.filename))
    .header('x-content-type-options', 'nosniff')
    .header('content-security-policy', "default-src 'none'; sandbox")
    .send(bytes);
}
