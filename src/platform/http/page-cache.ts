/**
 * Rendered public pages and API answers, kept compressed in memory per (URL, content version), with an ETag.
 * A cached page is answered without rendering; a matching If-None-Match gets 304.
 * Bounded in bytes (the three encodings of every entry are counted) and in entries: the least recently used entries
 * are dropped first, so odd query strings cannot grow memory without limit.
 */
import { createHash } from 'node:crypto';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

export interface CachedPage {
  etag: string;
  status: number;
  contentType: string;
  identity: Buffer;
  gzip: Buffer;
  brotli: Buffer;
}

/** Default byte budget of one process's page cache (PAGE_CACHE_MAX_BYTES). */
export const DEFAULT_PAGE_CACHE_MAX_BYTES = 64 * 1024 * 1024;

/** Bytes an entry holds: its three bodies plus the key and a fixed overhead for the object and map slot. */
function sizeOf(key: string, page: CachedPage): number {
  return page.identity.length + page.gzip.length + page.brotli.length + key.length * 2 + page.etag.length * 2 + 256;
}

/** A page answered from memory: its ETag and its bodies, identity, gzip and brotli. */
export function compressPage(body: string | Buffer, status: number, version: number | string, contentType = 'text/html; charset=utf-8'): CachedPage {
  const identity = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
  return {
    etag: `W/"${version}-${createHash('sha1').update(identity).digest('base64url').slice(0, 16)}"`,
    status,
    contentType,
    identity,
    gzip: gzipSync(identity, { level: 6 }),
    brotli: brotliCompressSync(identity, { params: { [constants.BROTLI_PARAM_QUALITY]: 5 } }),
  };
}

export class PageCache {
  private readonly entries = new Map<string, { page: CachedPage; bytes: number }>();
  private totalBytes = 0;

  constructor(
    private readonly maxBytes = DEFAULT_PAGE_CACHE_MAX_BYTES,
    private readonly maxEntries = 20_000,
  ) {}

  get size(): number {
    return this.entries.size;
  }

  /** Bytes held by all entries (bodies in three encodings, keys and overhead). */
  get bytes(): number {
    return this.totalBytes;
  }

  get(key: string): CachedPage | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    // Least recently used first out: a hit moves the entry to the end.
    this.entries.delete(key);
    this.entries.set(key, entry);
    return entry.page;
  }

  set(key: string, body: string, status: number, version: number, contentType = 'text/html; charset=utf-8'): CachedPage {
    const page = compressPage(body, status, version, contentType);
    const bytes = sizeOf(key, page);
    const previous = this.entries.get(key);
    if (previous) {
      this.entries.delete(key);
      this.totalBytes -= previous.bytes;
    }
    // A page larger than a quarter of the budget is answered but not kept.
    if (bytes > this.maxBytes / 4) return page;
    while (this.entries.size > 0 && (this.totalBytes + bytes > this.maxBytes || this.entries.size >= this.maxEntries)) {
      const [oldestKey, oldest] = this.entries.entries().next().value as [string, { bytes: number }];
      this.entries.delete(oldestKey);
      this.totalBytes -= oldest.bytes;
    }
    this.entries.set(key, { page, bytes });
    this.totalBytes += bytes;
    return page;
  }

  clear(): void {
    this.entries.clear();
    this.totalBytes = 0;
  }
}

/** Picks the best encoding the client accepts. */
export function chooseEncoding(acceptEncoding: string | undefined): 'br' | 'gzip' | 'identity' {
  const accepted = (acceptEncoding ?? '').toLowerCase();
  if (/\bbr\b/.test(accepted)) return 'br';
  if (/\bgzip\b/.test(accepted)) return 'gzip';
  return 'identity';
}
