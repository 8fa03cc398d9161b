/**
 * Protection of uncached pages: each page declares the query parameters it reads (every other one is dropped from
 * the handler's query, the cache key and the canonical link), free text is bounded in length and number of terms,
 * and renders that miss the cache with a query cost a token from the client's budget (429 once it is spent), so a
 * flood of distinct searches cannot starve cached pages.
 */
import type { FastifyRequest } from 'fastify';
import type { Lang } from '../i18n/i18n.js';
import { AppError } from './errors.js';

/** A page's query string as Fastify parses it: a repeated parameter gives its values in order (read by form.ts). */
export type Query = Record<string, string | string[] | undefined>;

/** Longest value of any declared parameter, and of a free-text one (q), in characters; most terms in free text. */
export const MAX_VALUE_CHARS = 500;
export const MAX_TEXT_CHARS = 300;
export const MAX_TEXT_TERMS = 24;
/** Most values of one repeated parameter (?compare=a&compare=b…). */
export const MAX_VALUES = 50;
/** Parameters read as free text: their length and number of terms are bounded. */
const TEXT_PARAMS = new Set(['q']);

const messages = {
  tooLong: {
    en: (name: string, max: number) => `“${name}” is too long: enter at most ${max} characters.`,
    zh: (name: string, max: number) => `“${name}”太长：最多输入 ${max} 个字符。`,
  },
  tooManyTerms: {
    en: (name: string, max: number) => `“${name}” has too many words: enter at most ${max}.`,
    zh: (name: string, max: number) => `“${name}”的词语太多：最多输入 ${max} 个。`,
  },
  tooManyValues: {
    en: (name: string, max: number) => `“${name}” is repeated too often: give at most ${max} values.`,
    zh: (name: string, max: number) => `“${name}”重复次数太多：最多 ${max} 个值。`,
  },
  tooManyRequests: {
    en: (seconds: number) => `You have made many searches in a short time. Please wait ${seconds} seconds and try again. Pages you have already visited stay available.`,
    zh: (seconds: number) => `您在短时间内发出了过多查询。请等待 ${seconds} 秒后再试。已访问过的页面仍可正常打开。`,
  },
};

/** An error whose detail is written in the visitor's language (the HTML error page shows it as is). */
export class LocalizedError extends AppError {
  constructor(status: number, type: string, title: string, detail: string, readonly headers: Record<string, string> = {}) {
    super(status, type, title, detail);
  }
}

/**
 * The query a page may read: declared parameters only, in the order given, each value bounded.
 * Returns the filtered query and its canonical search string ('' or '?a=1&b=2').
 */
export function pageQuery(request: FastifyRequest, declared: readonly string[], lang: Lang): { query: Query; search: string } {
  const raw = request.url.indexOf('?');
  if (raw < 0 || declared.length === 0) return { query: {}, search: '' };
  const allowed = new Set(declared);
  const kept: string[] = [];
  const query: Query = {};
  for (const segment of request.url.slice(raw + 1).split('&')) {
    if (!segment) continue;
    const eq = segment.indexOf('=');
    const name = decode(eq < 0 ? segment : segment.slice(0, eq));
    if (name === null || !allowed.has(name)) continue;
    const value = decode(eq < 0 ? '' : segment.slice(eq + 1)) ?? '';
    const max = TEXT_PARAMS.has(name) ? MAX_TEXT_CHARS : MAX_VALUE_CHARS;
    if (value.length > max) throw invalid(lang, name, messages.tooLong[lang](name, max));
    if (TEXT_PARAMS.has(name) && value.trim().split(/\s+/).length > MAX_TEXT_TERMS) throw invalid(lang, name, messages.tooManyTerms[lang](name, MAX_TEXT_TERMS));
    const previous = query[name];
    if (previous === undefined) query[name] = value;
    else if (Array.isArray(previous)) {
      if (previous.length >= MAX_VALUES) throw invalid(lang, name, messages.tooManyValues[lang](name, MAX_VALUES));
      previous.push(value);
    } else query[name] = [previous, value];
    // The pair is kept as it was written, so links and canonical addresses keep their encoding.
    kept.push(segment);
  }
  return { query, search: kept.length ? `?${kept.join('&')}` : '' };
}

function decode(text: string): string | null {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    return null;
  }
}

function invalid(lang: Lang, name: string, detail: string): AppError {
  return new AppError(400, 'invalid-request', lang === 'zh' ? '请求有误' : 'Invalid request', detail, [{ name, reason: detail }]);
}

/**
 * Token buckets per client address (request.ip, so behind a proxy it is only as good as TRUST_PROXY): `perMinute`
 * tokens refilled evenly, at most `perMinute` saved up. Bounded in clients: full buckets are forgotten first.
 */
export class ClientBudget {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  constructor(
    private readonly perMinute: number,
    private readonly now: () => number = Date.now,
    private readonly maxClients = 50_000,
  ) {}

  /** Takes one token; returns 0 when granted, else the seconds until the next token. */
  take(client: string): number {
    const now = this.now();
    const rate = this.perMinute / 60_000;
    const bucket = this.buckets.get(client) ?? { tokens: this.perMinute, at: now };
    bucket.tokens = Math.min(this.perMinute, bucket.tokens + (now - bucket.at) * rate);
    bucket.at = now;
    this.buckets.delete(client);
    this.buckets.set(client, bucket);
    if (this.buckets.size > this.maxClients) this.buckets.delete(this.buckets.keys().next().value as string);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return 0;
    }
    return Math.max(1, Math.ceil((1 - bucket.tokens) / rate / 1000));
  }
}

/**
 * The budget key of a client address: an IPv4 address as is, an IPv6 address by its /64 (one subscriber's prefix,
 * inside which an attacker can pick a fresh address per request).
 */
export function clientKey(ip: string): string {
  if (!ip.includes(':') || /^::ffff:\d+\.\d+\.\d+\.\d+$/i.test(ip)) return ip.replace(/^::ffff:/i, '');
  const [head, tail = ''] = ip.toLowerCase().split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const groups = ip.includes('::') ? [...left, ...Array<string>(Math.max(0, 8 - left.length - right.length)).fill('0'), ...right] : left;
  return `${groups.slice(0, 4).map((g) => g.replace(/^0+(?=.)/, '')).join(':')}::/64`;
}

/**
 * All clients together: uncached query renders may take at most `share` of each second of the event loop. Past it
 * they are refused (503, retry in a second) until the next second, so cached pages keep the rest of the time even
 * when a flood comes from more addresses than the per-client budget can see.
 */
export class RenderShare {
  private windowStart = 0;
  private spent = 0;

  constructor(
    private readonly share: number,
    private readonly now: () => number = () => performance.now(),
    private readonly windowMs = 1000,
  ) {}

  allows(): boolean {
    const now = this.now();
    if (now - this.windowStart >= this.windowMs) {
      this.windowStart = now;
      this.spent = 0;
    }
    return this.share >= 1 || this.spent < this.share * this.windowMs;
  }

  record(ms: number): void {
    this.spent += ms;
  }
}

export function serviceBusy(lang: Lang): LocalizedError {
  return new LocalizedError(
    503,
    'busy',
    lang === 'zh' ? '服务繁忙' : 'Service busy',
    lang === 'zh' ? '查询服务此刻繁忙。请稍后再试；其他页面仍可正常访问。' : 'Searches and tools are busy right now. Please try again in a moment; the rest of the site is available.',
    { 'retry-after': '1' },
  );
}

export function tooManyRequests(lang: Lang, retryAfter: number): LocalizedError {
  return new LocalizedError(429, 'too-many-requests', lang === 'zh' ? '请求过多' : 'Too many requests', messages.tooManyRequests[lang](retryAfter), { 'retry-after': String(retryAfter) });
}
