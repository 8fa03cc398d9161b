/**
 * Bulk import and export of one content kind:
 *  - GET  routes.staffContentExport (readers)        export.json — the kind's published items as the files hold them
 *                                                     (schema key order); export.csv — one row per item (csv-items.ts)
 *  - GET  routes.staffContentImport (editors)        the form: a .json or .csv file and a change note
 *  - POST routes.staffContentImport (editors)        the PREVIEW: every problem by row and field, what each row does;
 *                                                     writes nothing
 *  - POST routes.staffContentImportCommit (editors)  the same text again (SHA-256 checked), planned again in one
 *                                                     transaction: revisions in review + the audit row, then 303 to the
 *                                                     review queue; nothing when anything fails
 * The import routes live in their own Fastify context with their own multipart parser (bulk/bulk-upload.ts).
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { NotFoundError } from '../../platform/http/errors.js';
import { routes, urls } from '../../platform/http/urls.js';
import { t as tPlatform, type Lang } from '../../platform/i18n/i18n.js';
import { fileFormOf, fileText, type ContentKind } from '../content/index.js';
import { langOf, sendStaffPage } from '../staff/index.js';
import { BulkFileRefused, BulkNotCommitted, BULK_LIMITS, bulkFileOf, bulkTextOf, commitBulkImport, planBulkImport, type BulkText } from './bulk/bulk-import.js';
import { bulkFormOf, installBulkUploads } from './bulk/bulk-upload.js';
import { itemsCsv } from './bulk/csv-items.js';
import { CONTENT_EDITORS, CONTENT_READERS, isContentKind } from './editorial-access.js';
import type { EditorialServices } from './editorial-services.js';
import { kindLabel } from './messages.js';
import { IMPORT_NOTICE, tBulk } from './messages.bulk.js';
import { BulkFormView, BulkPreviewView } from './views/bulk-import-view.js';

const editors = { staffGuard: { roles: CONTENT_EDITORS } };
const readers = { staffGuard: { roles: CONTENT_READERS } };

function kindOf(request: FastifyRequest): ContentKind {
  const kind = (request.params as { kind?: string }).kind ?? '';
  if (!isContentKind(kind)) throw new NotFoundError(`No content kind ${kind}.`);
  return kind;
}

function refusalText(lang: Lang, error: BulkFileRefused): string {
  return tBulk(lang, `editorial.bulk.refusal.${error.refusal}`, { detail: error.detail === null ? '' : String(error.detail) });
}

function noteError(lang: Lang, note: string): string | undefined {
  if (note.trim() === '') return tBulk(lang, 'editorial.bulk.error.note');
  if (note.length > BULK_LIMITS.maxNote) return tBulk(lang, 'editorial.bulk.error.noteLong');
  return undefined;
}

export async function registerBulkPages(app: FastifyInstance, services: EditorialServices): Promise<void> {
  const { context } = services;

  app.get(routes.staffContentExport, { config: readers }, (request, reply) => {
    const kind = kindOf(request);
    const format = (request.params as { format?: string }).format;
    if (format !== 'json' && format !== 'csv') throw new NotFoundError(`No export format ${String(format)}.`);
    const items = context.content.store.all(kind).map((item) => fileFormOf(kind, item));
    const stamp = context.now().toISOString().slice(0, 10);
    reply.header('content-disposition', `attachment; filename="${kind}-${stamp}.${format}"`).header('cache-control', 'no-store');
    if (format === 'json') return reply.type('application/json; charset=utf-8').send(fileText(items));
    return reply.type('text/csv; charset=utf-8').send(itemsCsv(items));
  });

  await app.register(async (scope) => {
    await installBulkUploads(scope);

    function formPage(request: FastifyRequest, reply: FastifyReply, kind: ContentKind, options: { note?: string; errors?: { file?: string; note?: string }; notice?: string } = {}) {
      const lang = langOf(request);
      const title = tBulk(lang, 'editorial.bulk.title', { kind: kindLabel(lang, kind) });
      const failed = Boolean(options.errors?.file || options.errors?.note);
      const body = <BulkFormView lang={lang} csrf={request.staff!.csrfToken} kind={kind} {...options} />;
      return sendStaffPage(request, reply, lang, failed ? `${tPlatform(lang, 'form.errorSummary')}: ${title}` : title, body, failed ? 400 : 200);
    }

    async function previewPage(request: FastifyRequest, reply: FastifyReply, kind: ContentKind, text: BulkText, note: string, options: { notice?: string; status?: number } = {}) {
      const plan = await planBulkImport(context.db, kind, text);
      return sendPreview(request, reply, plan, text, note, options);
    }

    function sendPreview(request: FastifyRequest, reply: FastifyReply, plan: Awaited<ReturnType<typeof planBulkImport>>, text: BulkText, note: string, options: { notice?: string; status?: number } = {}) {
      const lang = langOf(request);
      const failed = plan.problems.length > 0;
      const title = tBulk(lang, 'editorial.bulk.preview.title', { kind: kindLabel(lang, plan.kind) });
      const body = <BulkPreviewView lang={lang} csrf={request.staff!.csrfToken} plan={plan} text={text} note={note} notice={options.notice} />;
      return sendStaffPage(request, reply, lang, failed ? `${tPlatform(lang, 'form.errorSummary')}: ${title}` : title, body, options.status ?? (failed ? 400 : 200));
    }

    scope.get(routes.staffContentImport, { config: editors }, (request, reply) => formPage(request, reply, kindOf(request)));

    scope.post(routes.staffContentImport, { config: editors }, async (request, reply) => {
      const lang = langOf(request);
      const kind = kindOf(request);
      const { fields, file } = bulkFormOf(request);
      const note = (fields.note ?? '').slice(0, BULK_LIMITS.maxNote * 2);
      let text: BulkText | null = null;
      let fileError: string | undefined;
      try {
        if (!file) throw new BulkFileRefused('no_input');
        if (file.truncated) throw new BulkFileRefused('too_large');
        text = bulkFileOf(file.bytes, file.filename);
      } catch (error) {
        if (!(error instanceof BulkFileRefused)) throw error;
        fileError = refusalText(lang, error);
      }
      const errors = { file: fileError, note: noteError(lang, note) };
      if (!text || errors.note) return formPage(request, reply, kind, { note, errors });
      try {
        return await previewPage(request, reply, kind, text, note.trim());
      } catch (error) {
        if (!(error instanceof BulkFileRefused)) throw error;
        return formPage(request, reply, kind, { note, errors: { file: refusalText(lang, error) } });
      }
    });

    scope.post(routes.staffContentImportCommit, { config: editors }, async (request, reply) => {
      const lang = langOf(request);
      const kind = kindOf(request);
      const { fields } = bulkFormOf(request);
      const note = (fields.note ?? '').trim();
      let text: BulkText;
      try {
        text = bulkTextOf(fields.text ?? '', fields.filename ?? '', fields.format);
      } catch (error) {
        if (!(error instanceof BulkFileRefused)) throw error;
        return formPage(request, reply, kind, { note, errors: { file: refusalText(lang, error) } });
      }
      // What comes back must be what was checked: otherwise start again from the file.
      if (text.sha256 !== fields.sha256) return formPage(request, reply, kind, { note, errors: { file: tBulk(lang, 'editorial.bulk.refusal.tampered') } });
      const invalidNote = noteError(lang, note);
      if (invalidNote) return formPage(request, reply, kind, { note, errors: { note: invalidNote } });
      try {
        await commitBulkImport(context.db, { userId: request.staff!.userId, requestId: request.id }, kind, text, { digest: fields.digest ?? '', note, now: context.now() });
      } catch (error) {
        if (error instanceof BulkFileRefused) return formPage(request, reply, kind, { note, errors: { file: refusalText(lang, error) } });
        if (!(error instanceof BulkNotCommitted)) throw error;
        // Nothing was written: the preview as it is now (its problems, or its new plan to confirm).
        return sendPreview(request, reply, error.plan, text, note, { notice: tBulk(lang, 'editorial.bulk.preview.changedSince'), status: 409 });
      }
      return reply.redirect(urls.staffContentReview(lang, { notice: IMPORT_NOTICE }), 303);
    });
  });
}
