/**
 * Rendered public pages and API answers, kept compressed in memory per (URL, content version), with an ETag.
 * A cached page is answered without rendering; a matching If-None-Match gets 304.
 * Bounded: the oldest entries are dropped first, so odd query strings cannot grow memory without limit.
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

export class PageCache {
  private readonly entries = new Map<string, CachedPage>();

  constructor(private readonly maxEntries = 4000) {}

  get size(): number {
    return this.entries.size;
  }

  get(key: string): CachedPage | undefined {
    return this.entries.get(key);
  }

  set(key: string, body: string, status: number, version: number, contentType = 'text/html; charset=utf-8'): CachedPage {
    const identity = Buffer.from(body, 'utf8');
    const page: CachedPage = {
      etag: `W/"${version}-${createHash('sha1').update(identity).digest('base64url').slice(0, 16)}"`,
      status,
      contentType,
      identity,
      gzip: gzipSync(identity, { level: 6 }),
      brotli: brotliCompressSync(identity, { params: { [constants.BROTLI_PARAM_QUALITY]: 5 } }),
    };
    if (this.entries.size >= this.maxEntries) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
    this.entries.set(key, page);
    return page;
  }

  clear(): void {
    this.entries.clear();
  }
}

/** Picks the best encoding the client accepts. */
export function chooseEncoding(acceptEncoding: string | undefined): 'br' | 'gzip' | 'identity' {
  const accepted = (acceptEncoding ?? '').toLowerCase();
  if (/\bbr\b/.test(accepted)) return 'br';
  if (/\bgzip\b/.test(accepted)) return 'gzip';
  return 'identity';
}
