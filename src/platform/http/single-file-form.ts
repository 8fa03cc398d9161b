/**
 * Forms that send one file with a few text fields (the imports: a spreadsheet, a JSON or CSV file, or the preview
 * carrying the file's text back) as multipart/form-data. @fastify/multipart is registered in the calling routes' own
 * Fastify context (encapsulation), not app-wide: the cases module registers its own, with its own limits, for its
 * attachments. The parts are read before the route's guard runs (`attachFieldsToBody`), so the guard finds `_csrf` in
 * the body like any other form's; the file (one at most, up to the limit + 1 byte so "too large" can be told apart) is
 * kept aside with its name. Nothing is written to disk.
 */
import multipart from '@fastify/multipart';
import type { FastifyInstance, FastifyRequest } from 'fastify';

export interface UploadedFile {
  filename: string;
  bytes: Buffer;
  /** More bytes were sent than the limit: the file is too large. */
  truncated: boolean;
}

const files = new WeakMap<FastifyRequest, UploadedFile>();

export async function installSingleFileForms(scope: FastifyInstance, limits: { maxBytes: number; fields: number }): Promise<void> {
  await scope.register(multipart, {
    attachFieldsToBody: 'keyValues',
    throwFileSizeLimit: false,
    // Text fields may carry a whole file back (the preview's hidden copy): twice the limit, checked after reading.
    limits: { fileSize: limits.maxBytes + 1, files: 1, fields: limits.fields, parts: limits.fields + 2, fieldSize: limits.maxBytes * 2, headerPairs: 100 },
    async onFile(part) {
      const bytes = await part.toBuffer();
      // An empty file input is sent as a part with no name and no bytes: nothing was chosen.
      if (!part.filename && bytes.length === 0) return;
      files.set(this, { filename: part.filename, bytes, truncated: part.file.truncated });
    },
  });
}

/** The form's text fields (first value of each) and its file, from a multipart or URL-encoded body. */
export function singleFileFormOf(request: FastifyRequest): { fields: Record<string, string>; file: UploadedFile | null } {
  const body = (request.body ?? {}) as Record<string, unknown>;
  const fields: Record<string, string> = {};
  for (const [key, value] of Object.entries(body)) {
    const first = Array.isArray(value) ? value[0] : value;
    if (typeof first === 'string') fields[key] = first;
  }
  return { fields, file: files.get(request) ?? null };
}
