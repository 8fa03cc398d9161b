/**
 * What an attachment must be: a PDF, PNG or JPEG (the declared type one of those AND the first bytes those of that
 * format), at most 10 MB, at most 5 per case, with a name that is safe to show and to save. The checks run while the
 * bytes stream to storage (`inspect`), so a large upload is refused as soon as it is known to be wrong and never
 * held whole in memory.
 */
import { createHash } from 'node:crypto';
import path from 'node:path';

export const ATTACHMENT_TYPES = ['application/pdf', 'image/png', 'image/jpeg'] as const;
export type AttachmentType = (typeof ATTACHMENT_TYPES)[number];

export const ATTACHMENT_LIMITS = {
  /** Largest file, in bytes. */
  maxBytes: 10 * 1024 * 1024,
  /** Most attachments one case holds, whoever uploaded them. */
  maxPerCase: 5,
} as const;

/** Why a file was refused (the form words each in the visitor's language; the API names it in its problem). */
export type UploadRefusal = 'type_not_allowed' | 'content_mismatch' | 'too_large' | 'empty' | 'too_many';

export class UploadRefusedError extends Error {
  constructor(readonly code: UploadRefusal) {
    super(code);
  }
}

/** Each type's signature at offset 0: "%PDF-", the PNG signature, a JPEG start-of-image followed by a marker. */
const SIGNATURES: Record<AttachmentType, readonly number[]> = {
  'application/pdf': [0x25, 0x50, 0x44, 0x46, 0x2d],
  'image/png': [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a],
  'image/jpeg': [0xff, 0xd8, 0xff],
};

const EXTENSIONS: Record<AttachmentType, readonly string[]> = {
  'application/pdf': ['.pdf'],
  'image/png': ['.png'],
  'image/jpeg': ['.jpg', '.jpeg'],
};

/** The declared type, if it is one we take (`image/jpeg; charset=x` and upper case read as `image/jpeg`). */
export function attachmentType(declared: string | undefined): AttachmentType | null {
  const bare = (declared ?? '').split(';')[0].trim().toLowerCase();
  return (ATTACHMENT_TYPES as readonly string[]).includes(bare) ? (bare as AttachmentType) : null;
}

export function startsLike(type: AttachmentType, head: Uint8Array): boolean {
  const signature = SIGNATURES[type];
  return head.length >= signature.length && signature.every((byte, i) => head[i] === byte);
}

/**
 * The name shown and offered on download: the last path segment only, without control or reserved characters,
 * at most 120 characters, ending with an extension of its type (so a "report.html" that is a PDF is saved as
 * "report.html.pdf" and never opened as a web page).
 */
export function safeFilename(given: string | undefined, type: AttachmentType): string {
  const last = (given ?? '').split(/[\\/]/).pop() ?? '';
  let name = last
    .normalize('NFC')
    .replace(/[\u0000-\u001f\u007f-\u009f<>:"|?*\u200b-\u200f\u202a-\u202e\u2066-\u2069]/g, '')
    .replace(/\s+/g, ' ')
    .replace(/^[\s.]+|[\s.]+$/g, '');
  const extensions = EXTENSIONS[type];
  const extension = path.extname(name).toLowerCase();
  if (!extensions.includes(extension)) name = `${name || 'attachment'}${extensions[0]}`;
  const ending = path.extname(name);
  const stem = Array.from(name.slice(0, name.length - ending.length));
  // Cut by code points, never in the middle of a character.
  return stem.length + ending.length > 120 ? `${stem.slice(0, 120 - ending.length).join('').trimEnd()}${ending}` : name;
}

export interface Inspection {
  sizeBytes: number;
  sha256: string;
}

/**
 * Passes the bytes of `source` through while counting, hashing and checking them: throws UploadRefusedError
 * ('content_mismatch' once the first bytes are known, 'too_large' past the limit, 'empty' at the end). `result()`
 * gives the size and SHA-256 once the stream has been read to the end.
 */
export function inspect(source: AsyncIterable<Uint8Array>, type: AttachmentType, maxBytes: number = ATTACHMENT_LIMITS.maxBytes) {
  const hash = createHash('sha256');
  let size = 0;
  let head = Buffer.alloc(0);
  let checked = false;
  let done = false;
  const signatureLength = SIGNATURES[type].length;

  async function* bytes(): AsyncGenerator<Uint8Array> {
    for await (const chunk of source) {
      size += chunk.length;
      if (size > maxBytes) throw new UploadRefusedError('too_large');
      if (!checked) {
        head = Buffer.concat([head, chunk]).subarray(0, signatureLength);
        if (head.length >= signatureLength) {
          if (!startsLike(type, head)) throw new UploadRefusedError('content_mismatch');
          checked = true;
        }
      }
      hash.update(chunk);
      yield chunk;
    }
    if (size === 0) throw new UploadRefusedError('empty');
    if (!checked) throw new UploadRefusedError('content_mismatch');
    done = true;
  }

  return {
    bytes: bytes(),
    result(): Inspection {
      if (!done) throw new Error('The upload has not been read to the end');
      return { sizeBytes: size, sha256: hash.digest('hex') };
    },
  };
}
