/**
 * Attachments over the API, with the case's token: POST /api/v1/cases/{reference}/attachments (multipart/form-data,
 * one or more files; all are taken or none) and GET …/attachments/{id} (the file, as a download that no browser
 * renders in the site's origin).
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError, NotFoundError } from '../../../platform/http/errors.js';
import { jsonSchemaOf } from '../../../platform/http/openapi-schema.js';
import { routes, urls } from '../../../platform/http/urls.js';
import type { CaseContext } from '../case-context.js';
import { FINISHED } from '../case-states.js';
import type { CaseRow } from '../case.repository.js';
import { invalidProblem, sendCaseNotFound, uploadProblems, fieldProblem } from '../cases.api.problems.js';
import { attachmentListSchema, type AttachmentView } from '../cases.api.schemas.js';
import { acceptUploads, attachUploads, discardUploads } from './accept-uploads.js';
import { ATTACHMENT_LIMITS, UploadRefusedError } from './attachment-checks.js';
import { countAttachments, findAttachment, type AttachmentRow } from './attachment.repository.js';
import { sendAttachment } from './send-attachment.js';
import type { AttachmentStorage } from './storage.js';

export function attachmentView(reference: string, row: AttachmentRow): AttachmentView {
  return {
    id: row.id,
    filename: row.filename,
    content_type: row.content_type,
    size_bytes: row.size_bytes,
    sha256: row.sha256,
    uploaded_at: row.uploaded_at.toISOString(),
    url: urls.apiCaseAttachment(reference, row.id),
  };
}

export interface AttachmentApiDeps {
  context: CaseContext;
  storage: AttachmentStorage;
  /** Finds the case of the request's path with its token (cases.api.ts), or nothing. */
  caseOf: (request: FastifyRequest) => Promise<CaseRow | undefined>;
  writeLimit: { max: number; timeWindow: number };
}

export function registerAttachmentsApi(api: FastifyInstance, { context, storage, caseOf, writeLimit }: AttachmentApiDeps): void {
  api.post(routes.apiCaseAttachments, { config: { rateLimit: writeLimit }, schema: { response: { 201: jsonSchemaOf(attachmentListSchema) } } }, async (request, reply) => {
    reply.header('cache-control', 'no-store');
    const row = await caseOf(request);
    if (!row) return sendCaseNotFound(reply);
    if (!request.isMultipart()) throw new AppError(415, 'unsupported-media-type', 'Unsupported Media Type', 'Send the files as multipart/form-data.');
    if (FINISHED.includes(row.status)) throw new AppError(409, 'wrong-state', 'Conflict', 'Files can be attached while the case is open, not once it is answered, rejected or closed.');
    const room = ATTACHMENT_LIMITS.maxPerCase - (await countAttachments(context.db, row.id));
    const uploads = await acceptUploads(request, storage, { maxFiles: Math.max(room, 0) });
    const problems = [...uploadProblems(uploads.refused), ...Object.keys(uploads.fields).map((field) => fieldProblem(field, 'unknown_field'))];
    if (uploads.files.length === 0 && uploads.refused.length === 0) problems.push(fieldProblem('file', 'file_required'));
    if (problems.length) {
      await discardUploads(storage, uploads.files);
      throw invalidProblem(problems, 'upload');
    }
    try {
      const rows = await attachUploads(context.db, storage, row.id, uploads.files, { now: context.now(), uploadedBy: 'enterprise' });
      reply.code(201);
      return { attachments: rows.map((a) => attachmentView(row.reference, a)) };
    } catch (error) {
      if (error instanceof UploadRefusedError) throw invalidProblem(uploadProblems([{ field: 'file', filename: '', code: error.code }]), 'upload');
      throw error;
    }
  });

  api.get(routes.apiCaseAttachment, async (request, reply) => {
    reply.header('cache-control', 'no-store');
    const row = await caseOf(request);
    if (!row) return sendCaseNotFound(reply);
    const { id } = request.params as { id: string };
    const attachment = await findAttachment(context.db, row.id, id, 'enterprise');
    if (!attachment) throw new NotFoundError('This case has no attachment with this id.');
    return sendAttachment(request, reply, storage, attachment, row.reference);
  });
}
