/** The import's upload form: a spreadsheet or pasted text (src/platform/http/single-file-form.ts). */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { installSingleFileForms, singleFileFormOf, type UploadedFile } from '../../../platform/http/single-file-form.js';
import { IMPORT_LIMITS } from './parse-import.js';

export type { UploadedFile };

export function installImportUploads(scope: FastifyInstance): Promise<void> {
  return installSingleFileForms(scope, { maxBytes: IMPORT_LIMITS.maxBytes, fields: 12 });
}

export function importFormOf(request: FastifyRequest): { fields: Record<string, string>; file: UploadedFile | null } {
  return singleFileFormOf(request);
}
