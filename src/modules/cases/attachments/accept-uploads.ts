/**
 * Reading a multipart/form-data request with files: each file is checked while it streams to storage (type declared
 * and type of the bytes, size, count), and the form's other fields are collected as Fastify's form body would give
 * them. Used by the API's upload route and by the HTML form (which files the case first, then attaches).
 *
 * Nothing is lost and nothing is left over: a file is stored in full (synced) before its row is written
 * (`attachUploads`), and files whose rows are not written are removed (`discardUploads`).
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import multipart from '@fastify/multipart';
import type { Readable } from 'node:stream';
import { finished } from 'node:stream/promises';
import { ATTACHMENT_LIMITS, attachmentType, inspect, safeFilename, UploadRefusedError, type AttachmentType, type UploadRefusal } from './attachment-checks.js';
import type { CaseDb } from '../case.tables.js';
import { insertAttachments, type Uploader } from './attachment.repository.js';
import { newStorageKey, type AttachmentStorage } from './storage.js';

/** A file that passed every check and is durable in storage; it has no row yet. */
export interface StoredUpload {
  storageKey: string;
  field: string;
  filename: string;
  contentType: AttachmentType;
  sizeBytes: number;
  sha256: string;
}

/** A file refused, with the form field it came in and the name it was sent with (already made safe to show). */
export interface RefusedUpload {
  field: string;
  filename: string;
  code: UploadRefusal;
}

export interface AcceptedUploads {
  /** The non-file fields, as @fastify/formbody gives them: a string, or every value of a repeated field. */
  fields: Record<string, string | string[]>;
  /** Fields whose value was longer than `maxFieldBytes` (cut, so refused). */
  truncatedFields: string[];
  files: StoredUpload[];
  refused: RefusedUpload[];
}

export interface UploadOptions {
  /** Files this request may add (default: the per-case maximum; the API passes what the case has room for). */
  maxFiles?: number;
  /** Longest non-file field in bytes (default 100 kB: 20,000 Chinese characters of a description fit). */
  maxFieldBytes?: number;
}

/** Registers multipart parsing in the calling plugin's context (the cases module's pages and its API each call it once). */
export async function installUploads(instance: FastifyInstance): Promise<void> {
  await instance.register(multipart, {
    // Sizes are checked by `inspect` (so a file too large is refused with the others, not by an exception at the end).
    throwFileSizeLimit: false,
    limits: { fileSize: ATTACHMENT_LIMITS.maxBytes + 1, files: ATTACHMENT_LIMITS.maxPerCase * 2, fields: 60, parts: 80, fieldSize: 100_000, headerPairs: 200 },
  });
}

/** Reads what is left of a file part without keeping it, so the parser moves on to the next part. */
async function drain(file: Readable): Promise<void> {
  if (file.readableEnded) return;
  file.resume();
  await finished(file).catch(() => undefined);
}

function refusalOf(error: unknown): UploadRefusal | null {
  if (error instanceof UploadRefusedError) return error.code;
  const code = (error as { code?: string }).code;
  if (code === 'FST_FILES_LIMIT' || code === 'FST_PARTS_LIMIT') return 'too_many';
  return null;
}

/**
 * Reads every part of a multipart request. Throws only for a request that is not multipart or a broken one (the
 * files it had stored are removed first); every refused file is listed in `refused`, never thrown.
 */
export async function acceptUploads(request: FastifyRequest, storage: AttachmentStorage, options: UploadOptions = {}): Promise<AcceptedUploads> {
  const maxFiles = options.maxFiles ?? ATTACHMENT_LIMITS.maxPerCase;
  const accepted: AcceptedUploads = { fields: {}, truncatedFields: [], files: [], refused: [] };
  try {
    for await (const part of request.parts({ limits: { fieldSize: options.maxFieldBytes ?? 100_000 } })) {
      if (part.type === 'field') {
        const value = typeof part.value === 'string' ? part.value : String(part.value);
        if (part.valueTruncated) accepted.truncatedFields.push(part.fieldname);
        const before = accepted.fields[part.fieldname];
        accepted.fields[part.fieldname] = before === undefined ? value : [...(Array.isArray(before) ? before : [before]), value];
        continue;
      }
      // A file input left empty is sent as a part with no name and no bytes: nothing was chosen.
      if (!part.filename) {
        await drain(part.file);
        continue;
      }
      const type = attachmentType(part.mimetype);
      const shownName = safeFilename(part.filename, type ?? 'application/pdf');
      const refuse = async (code: UploadRefusal) => {
        accepted.refused.push({ field: part.fieldname, filename: type ? shownName : (part.filename.split(/[\\/]/).pop() ?? '').slice(0, 120), code });
        await drain(part.file);
      };
      if (accepted.files.length + accepted.refused.length >= maxFiles) {
        await refuse('too_many');
        continue;
      }
      if (!type) {
        await refuse('type_not_allowed');
        continue;
      }
      const storageKey = newStorageKey();
      // Read without destroying the part on an early stop: a destroyed part would end the whole request's parsing.
      const inspection = inspect(part.file.iterator({ destroyOnReturn: false }), type);
      try {
        await storage.put(storageKey, inspection.bytes);
      } catch (error) {
        const code = refusalOf(error);
        if (!code) throw error;
        await refuse(code);
        continue;
      }
      const { sizeBytes, sha256 } = inspection.result();
      accepted.files.push({ storageKey, field: part.fieldname, filename: shownName, contentType: type, sizeBytes, sha256 });
    }
  } catch (error) {
    const code = refusalOf(error);
    if (code !== 'too_many') {
      await discardUploads(storage, accepted.files);
      throw error;
    }
    // More file parts than the parser reads: those past the limit were never stored.
    accepted.refused.push({ field: '', filename: '', code });
  }
  return accepted;
}

/** Removes stored files that will get no row (the form was invalid, the case could not be filed, a row failed). */
export async function discardUploads(storage: AttachmentStorage, files: readonly StoredUpload[]): Promise<void> {
  await Promise.all(files.map((file) => storage.delete(file.storageKey).catch(() => undefined)));
}

/**
 * Writes the rows of files `acceptUploads` stored, for the case `caseId`; if the rows cannot be written (the case is
 * full, the database failed) the files are removed and the error is rethrown.
 */
export async function attachUploads(db: CaseDb, storage: AttachmentStorage, caseId: string, files: readonly StoredUpload[], meta: { now: Date; uploadedBy: Uploader }) {
  try {
    return await insertAttachments(db, caseId, files, meta);
  } catch (error) {
    await discardUploads(storage, files);
    throw error;
  }
}
