/**
 * The form's documents: a browser sends the form as multipart/form-data, so its fields and files are read together
 * (acceptUploads checks each file's type, content and size while it streams to storage). Files are attached only once
 * the case is filed; whenever the form is refused instead, the stored files are removed (discardUploads).
 */
import type { FastifyRequest } from 'fastify';
import type { RawForm } from '../../platform/http/form.js';
import type { Lang } from '../../platform/i18n/i18n.js';
import type { FieldError } from '../../platform/views/forms.js';
import { acceptUploads, discardUploads, type AcceptedUploads } from './attachments/accept-uploads.js';
import { ATTACHMENT_LIMITS } from './attachments/attachment-checks.js';
import type { AttachmentStorage } from './attachments/storage.js';
import { t } from './messages.js';
import { inFormOrder, submissionMessage, TEXT_MAX } from './public-form.js';

export const ATTACHMENT_MB = Math.floor(ATTACHMENT_LIMITS.maxBytes / (1024 * 1024));

export interface ReceivedForm {
  body: RawForm;
  uploads: AcceptedUploads | null;
  /** Removes the files stored for this form (when it is refused). */
  discard(): Promise<void>;
}

export async function receiveServiceForm(request: FastifyRequest, storage: AttachmentStorage): Promise<ReceivedForm> {
  if (!request.isMultipart()) return { body: (request.body ?? {}) as RawForm, uploads: null, discard: async () => undefined };
  const uploads = await acceptUploads(request, storage, { maxFiles: ATTACHMENT_LIMITS.maxPerCase });
  return { body: uploads.fields, uploads, discard: () => discardUploads(storage, uploads.files) };
}

/** Files refused and fields cut short by the multipart reader, worded for the form. */
export function uploadErrors(lang: Lang, uploads: AcceptedUploads | null): FieldError[] {
  if (!uploads) return [];
  const params = { size: ATTACHMENT_MB, count: ATTACHMENT_LIMITS.maxPerCase };
  const files = uploads.refused.map((refused) => t(lang, `service.attachments.error.${refused.code}`, { ...params, name: refused.filename }));
  const fields = uploads.truncatedFields
    .filter((field): field is keyof typeof TEXT_MAX => Object.hasOwn(TEXT_MAX, field))
    .map((field) => ({ field, message: submissionMessage(lang, field, `too_long:${TEXT_MAX[field]}`) }));
  return [...(files.length ? [{ field: 'attachments', message: [...new Set(files)].join('; ') }] : []), ...fields];
}

/** When a form with files is refused, the files are gone: the visitor is asked to choose them again. */
export function chooseAgain(lang: Lang, uploads: AcceptedUploads | null, errors: FieldError[]): FieldError[] {
  if (!uploads || uploads.files.length === 0 || errors.some((e) => e.field === 'attachments')) return errors;
  return inFormOrder([...errors, { field: 'attachments', message: t(lang, 'service.attachments.again') }]);
}
