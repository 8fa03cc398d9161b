/**
 * The import of district spreadsheets:
 *  - GET  /:lang/staff/projects/import                the form (file or pasted text), templates, the columns explained
 *  - GET  /:lang/staff/projects/import-template.csv   the template: headers in the page's language and an example row
 *  - POST /:lang/staff/projects/import                the PREVIEW: what each row would do and every problem; writes nothing
 *  - POST /:lang/staff/projects/import/commit         the commit: the same text again, checked again, one transaction
 *
 * Who: the municipal side (any district) and district officers (their district only). Commissioners create projects
 * one by one; they import nothing. The routes live in their own Fastify context with their own multipart parser.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { PIPELINE_IMPORTERS } from '../project-access.js';
import { routes, urls } from '../../../platform/http/urls.js';
import { t as tPlatform, type Lang } from '../../../platform/i18n/i18n.js';
import { langOf, sendStaffPage } from '../../staff/index.js';
import { fileRefusalText, tImport } from '../messages.import.js';
import type { PipelineServices } from '../pipeline-services.js';
import type { Acting } from '../project-workflow.js';
import { ImportFormView } from '../views/import-form-view.js';
import { ImportPreviewView } from '../views/import-preview-view.js';
import { commitImport, ImportNotCommittedError, previewImport } from './commit-import.js';
import { importFormOf, installImportUploads } from './import-upload.js';
import { FileRefusedError, importFileOf, importTextOf, IMPORT_LIMITS, type ImportText } from './parse-import.js';
import { importTemplate } from './template.js';

const guard = { staffGuard: { roles: PIPELINE_IMPORTERS } };
const COUNTS = ['created', 'updated', 'unchanged'] as const;

export async function registerImportPages(app: FastifyInstance, services: PipelineServices): Promise<void> {
  await app.register(async (scope) => {
    await installImportUploads(scope);
    importRoutes(scope, services);
  });
}

function importRoutes(app: FastifyInstance, { context }: PipelineServices): void {
  const acting = (request: FastifyRequest): Acting => ({ staff: request.staff!, requestId: request.id });

  function scopeText(lang: Lang, request: FastifyRequest): string {
    const staff = request.staff!;
    if (staff.role !== 'district_officer') return tImport(lang, 'pipeline.import.scope.all');
    const district = staff.districtId ? context.store().get('districts', staff.districtId) : undefined;
    return tImport(lang, 'pipeline.import.scope.district', { district: district?.[lang].name ?? staff.districtId ?? '' });
  }

  function formPage(request: FastifyRequest, reply: FastifyReply, options: { error?: string; pasted?: string; notice?: string } = {}) {
    const lang = langOf(request);
    const title = tImport(lang, 'pipeline.import.title');
    const body = <ImportFormView lang={lang} csrf={request.staff!.csrfToken} scope={scopeText(lang, request)} store={context.store()} {...options} />;
    return sendStaffPage(request, reply, lang, options.error ? `${tPlatform(lang, 'form.errorSummary')}: ${title}` : title, body, options.error ? 400 : 200);
  }

  async function previewPage(request: FastifyRequest, reply: FastifyReply, text: ImportText, options: { notice?: string; status?: number } = {}) {
    const lang = langOf(request);
    const plan = await previewImport(context.db, context, acting(request), text);
    const failed = plan.problems.length > 0;
    const title = tImport(lang, 'pipeline.import.preview.title');
    const body = <ImportPreviewView lang={lang} csrf={request.staff!.csrfToken} plan={plan} text={text} notice={options.notice} />;
    return sendStaffPage(request, reply, lang, failed ? `${tPlatform(lang, 'form.errorSummary')}: ${title}` : title, body, options.status ?? (failed ? 400 : 200));
  }

  app.get(routes.staffProjectsImport, { config: guard }, (request, reply) => {
    const lang = langOf(request);
    const query = (request.query ?? {}) as Record<string, unknown>;
    // After a commit: the counts, read back as numbers only.
    const counts = Object.fromEntries(COUNTS.map((key) => [key, /^\d{1,6}$/.test(String(query[key] ?? '')) ? Number(query[key]) : null]));
    const done = COUNTS.every((key) => counts[key] !== null);
    return formPage(request, reply, done ? { notice: tImport(lang, 'pipeline.import.done', counts as Record<string, number>) } : {});
  });

  app.get(routes.staffProjectsImportTemplate, { config: guard }, (request, reply) => {
    const lang = langOf(request);
    return reply
      .type('text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="project-import-template-${lang}.csv"`)
      .send(importTemplate(lang, context.store(), request.staff!.role === 'district_officer' ? request.staff!.districtId : null));
  });

  app.post(routes.staffProjectsImport, { config: guard }, async (request, reply) => {
    const lang = langOf(request);
    const { fields, file } = importFormOf(request);
    const pasted = (fields.csv ?? '').slice(0, 20_000);
    try {
      if (file?.truncated) throw new FileRefusedError({ code: 'too_large' });
      const text = file ? importFileOf(file.bytes, file.filename) : fields.csv?.trim() ? importTextOf(fields.csv, '') : null;
      if (!text) throw new FileRefusedError({ code: 'no_input' });
      return await previewPage(request, reply, text);
    } catch (error) {
      if (!(error instanceof FileRefusedError)) throw error;
      return formPage(request, reply, { error: fileRefusalText(lang, error.refusal), pasted });
    }
  });

  app.post(routes.staffProjectsImportCommit, { config: guard }, async (request, reply) => {
    const lang = langOf(request);
    const { fields } = importFormOf(request);
    let text: ImportText;
    try {
      text = importTextOf(fields.csv ?? '', (fields.filename ?? '').slice(0, IMPORT_LIMITS.maxFilename));
    } catch (error) {
      if (!(error instanceof FileRefusedError)) throw error;
      return formPage(request, reply, { error: fileRefusalText(lang, error.refusal) });
    }
    // What comes back must be what was checked: otherwise start again from the file.
    if (text.sha256 !== fields.sha256) return formPage(request, reply, { error: tImport(lang, 'pipeline.import.preview.tampered') });
    try {
      const counts = await commitImport(context, acting(request), {
        text, digest: fields.digest ?? '', logNote: tImport(lang, 'pipeline.import.logNote', { filename: text.filename || tImport(lang, 'pipeline.import.preview.pasted') }),
      });
      const query = new URLSearchParams(Object.fromEntries(COUNTS.map((key) => [key, String(counts[key])])));
      return reply.redirect(`${urls.staffProjectsImport(lang)}?${query}`, 303);
    } catch (error) {
      if (error instanceof FileRefusedError) return formPage(request, reply, { error: fileRefusalText(lang, error.refusal) });
      if (!(error instanceof ImportNotCommittedError)) throw error;
      // Nothing was written; show the preview as it is now (its problems, or its new plan to confirm).
      return previewPage(request, reply, text, { notice: tImport(lang, 'pipeline.import.preview.changed'), status: 409 });
    }
  });
}
