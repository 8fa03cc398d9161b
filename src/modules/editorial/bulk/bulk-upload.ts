/**
 * The bulk import's forms are multipart/form-data (a file, or the preview carrying the file's text back). As in the
 * pipeline's import (src/modules/pipeline/import/import-upload.ts), @fastify/multipart is registered in the import
 * routes' own Fastify context, with the parts read before the staff guard runs (`attachFieldsToBody`) so the guard
 * finds `_csrf` in the body; the one file (up to the limit + 1 byte, so "too large" can be told) is kept aside with its
 * name. Nothing is written to disk.
 */
import multipart from '@fastify/multipart';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { BULK_LIMITS } from './bulk-import.js';

export interface UploadedFile {
  filename: string;
  bytes: Buffer;
  truncated: boolean;
}

const files = new WeakMap<FastifyRequest, UploadedFile>();

export async function installBulkUploads(scope: FastifyInstance): Promise<void> {
  await scope.register(multipart, {
    attachFieldsToBody: 'keyValues',
    throwFileSizeLimit: false,
    limits: { fileSize: BULK_LIMITS.maxBytes + 1, files: 1, fields: 10, parts: 12, fieldSize: BULK_LIMITS.maxBytes * 2, headerPairs: 100 },
    async onFile(part) {
      const bytes = await part.toBuffer();
      if (!part.filename && bytes.length === 0) return;
      files.set(this, { filename: part.filename, bytes, truncated: part.file.truncated });
    },
  });
}

/** The form's text fields (first value of each) and its file. */
export function bulkFormOf(request: FastifyRequest): { fields: Record<string, string>; file: UploadedFile | null } {
  const body = (request.body ?? {}) as Record<string, unknown>;
  const fields: Record<string, string> = {};
  for (const [key, value] of Object.entries(body)) {
    const first = Array.isArray(value) ? value[0] : value;
    if (typeof first === 'string') fields[key] = first;
  }
  return { fields, file: files.get(request) ?? null };
}
