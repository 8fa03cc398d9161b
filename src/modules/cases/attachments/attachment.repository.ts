/** The case_attachments rows: written only for files already durable in storage, at most ATTACHMENT_LIMITS.maxPerCase per case. */
import type { CaseDb } from '../case.tables.js';
import { ATTACHMENT_LIMITS, UploadRefusedError } from './attachment-checks.js';
import type { StoredUpload } from './accept-uploads.js';

export type Uploader = 'enterprise' | 'staff';

const COLUMNS = ['id', 'filename', 'content_type', 'size_bytes', 'sha256', 'uploaded_at', 'uploaded_by'] as const;

/**
 * Writes one row per stored file in one transaction. The case row is locked first, so two uploads at once cannot
 * both find room for the last file: the second is refused ('too_many') and writes nothing.
 */
export async function insertAttachments(db: CaseDb, caseId: string, files: readonly StoredUpload[], meta: { now: Date; uploadedBy: Uploader }) {
  if (files.length === 0) return [];
  return db.transaction().execute(async (trx) => {
    await trx.selectFrom('cases').select('id').where('id', '=', caseId).forUpdate().executeTakeFirstOrThrow();
    const { held } = await trx.selectFrom('case_attachments').select((eb) => eb.fn.countAll<string>().as('held')).where('case_id', '=', caseId).executeTakeFirstOrThrow();
    if (Number(held) + files.length > ATTACHMENT_LIMITS.maxPerCase) throw new UploadRefusedError('too_many');
    return trx
      .insertInto('case_attachments')
      .values(files.map((file) => ({ case_id: caseId, storage_key: file.storageKey, filename: file.filename, content_type: file.contentType, size_bytes: file.sizeBytes, sha256: file.sha256, uploaded_at: meta.now, uploaded_by: meta.uploadedBy })))
      .returning(COLUMNS)
      .execute();
  });
}

export async function countAttachments(db: CaseDb, caseId: string): Promise<number> {
  const { held } = await db.selectFrom('case_attachments').select((eb) => eb.fn.countAll<string>().as('held')).where('case_id', '=', caseId).executeTakeFirstOrThrow();
  return Number(held);
}

/** A case's attachments, oldest first (by name within one upload); `uploadedBy` narrows to one side (the enterprise sees its own uploads). */
export async function caseAttachments(db: CaseDb, caseId: string, uploadedBy?: Uploader) {
  let query = db.selectFrom('case_attachments').select(COLUMNS).where('case_id', '=', caseId);
  if (uploadedBy) query = query.where('uploaded_by', '=', uploadedBy);
  return query.orderBy('uploaded_at').orderBy('filename').orderBy('id').execute();
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** One attachment of one case (an id of another case's attachment finds nothing). */
export async function findAttachment(db: CaseDb, caseId: string, id: string, uploadedBy?: Uploader) {
  if (!UUID.test(id)) return undefined;
  let query = db.selectFrom('case_attachments').select([...COLUMNS, 'storage_key']).where('case_id', '=', caseId).where('id', '=', id);
  if (uploadedBy) query = query.where('uploaded_by', '=', uploadedBy);
  return query.executeTakeFirst();
}

export type AttachmentRow = Awaited<ReturnType<typeof caseAttachments>>[number];
