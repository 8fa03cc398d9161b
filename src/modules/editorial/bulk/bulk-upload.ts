/** The bulk import's upload form: one JSON or CSV file and a change note (src/platform/http/single-file-form.ts). */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { installSingleFileForms, singleFileFormOf, type UploadedFile } from '../../../platform/http/single-file-form.js';
import { BULK_LIMITS } from './bulk-import.js';

export type { UploadedFile };

export function installBulkUploads(scope: FastifyInstance): Promise<void> {
  return installSingleFileForms(scope, { maxBytes: BULK_LIMITS.maxBytes, fields: 10 });
}

export function bulkFormOf(request: FastifyRequest): { fields: Record<string, string>; file: UploadedFile | null } {
  return singleFileFormOf(request);
}
