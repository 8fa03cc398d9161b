/**
 * Configuration: one schema, read once from the environment, frozen. Every bad variable is reported at once.
 */
import { isIP } from 'node:net';
import { z } from 'zod';

/** An IP address, an address/prefix (CIDR), or one of proxy-addr's named ranges. */
function isProxyAddress(entry: string): boolean {
  if (['loopback', 'linklocal', 'uniquelocal'].includes(entry)) return true;
  const [address, prefix, ...rest] = entry.split('/');
  const family = isIP(address);
  if (!family || rest.length) return false;
  if (prefix === undefined) return true;
  return /^\d{1,3}$/.test(prefix) && Number(prefix) <= (family === 4 ? 32 : 128);
}

const configSchema = z.object({
  /** TCP port of the web process. */
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  /** Interface to bind; 127.0.0.1 by default so a fresh install is not exposed by accident. */
  HOST: z.string().min(1).default('127.0.0.1'),
  /** postgres://… switches from the embedded PGlite database to PostgreSQL. */
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
    .optional(),
  /**
   * postgres://… of the schema's owner, used only to run migrations (at start and by `npm run migrate`), so that
   * DATABASE_URL can be a role that owns nothing and may not change the audit log (README "Production"). Unset:
   * migrations run over DATABASE_URL. Needs DATABASE_URL (the embedded database has one user).
   */
  MIGRATION_DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
    .optional(),
  /** Milliseconds to open a PostgreSQL connection (TCP, TLS, authentication) before giving up. */
  DATABASE_CONNECT_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(5000),
  /** Milliseconds one SQL statement may run on PostgreSQL before the server cancels it. */
  DATABASE_STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(100).max(3_600_000).default(30_000),
  /** Milliseconds /readyz waits for the database to answer before it reports not ready. */
  READINESS_TIMEOUT_MS: z.coerce.number().int().min(50).max(60_000).default(2000),
  /** Milliseconds a SIGTERM/SIGINT shutdown may take (requests in flight, closing the database) before the process exits anyway. */
  SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(10_000),
  /** Folder for the embedded database (PGlite keeps its files in DATA_DIR/pglite). */
  DATA_DIR: z.string().min(1).default('./data'),
  /**
   * Folder of the service line's attachments (outside the web root; files named by random keys). Unset:
   * DATA_DIR/attachments. Several web processes need it on a shared volume.
   */
  ATTACHMENTS_DIR: z.string().min(1).optional(),
  /** Folder of the content data files. */
  CONTENT_DIR: z.string().min(1).default('./content'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Absolute base URL used in canonical links, hreflang and feeds. */
  PUBLIC_BASE_URL: z
    .string()
    .url()
    .refine((u) => !u.endsWith('/'), 'must not end with /')
    .default('http://127.0.0.1:3000'),
  /** How often (ms) a web process checks whether another process loaded new content. */
  CONTENT_POLL_MS: z.coerce.number().int().min(200).max(600_000).default(2000),
  /** Requests per minute per client on /api/v1. */
  API_RATE_LIMIT: z.coerce.number().int().min(1).default(600),
  /** Service requests per minute one Open311 client (API key) may file; POSTs without a valid key count per address. */
  OPEN311_RATE_LIMIT: z.coerce.number().int().min(1).default(60),
  /** Cases one client address may file per hour, the form and POST /api/v1/cases together (counted in the database). */
  CASE_SUBMIT_PER_ADDRESS_PER_HOUR: z.coerce.number().int().min(1).default(20),
  /** Cases one contact e-mail may file per hour, whatever the address or channel (counted in the database). */
  CASE_SUBMIT_PER_EMAIL_PER_HOUR: z.coerce.number().int().min(1).default(5),
  /** Renders per minute per client of pages with a query that miss the page cache (search, ask, tools); cached pages are free. */
  PAGE_RATE_LIMIT: z.coerce.number().int().min(1).default(60),
  /** Bytes the in-memory page cache may hold (all encodings counted); least recently used pages are dropped first. */
  PAGE_CACHE_MAX_BYTES: z.coerce.number().int().min(1024 * 1024).default(64 * 1024 * 1024),
  /** Most of each second (0–1) the process spends rendering uncached pages with a query, all clients together; beyond it they get 503 for the rest of the second, so cached pages stay fast under a flood from many addresses. */
  PAGE_RENDER_SHARE: z.coerce.number().min(0.01).max(1).default(0.5),
  /** Milliseconds a client has to send a whole request, headers and body (408 and closed after). */
  HTTP_REQUEST_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(30_000),
  /** Milliseconds a client has to send the request headers (at most HTTP_REQUEST_TIMEOUT_MS). */
  HTTP_HEADERS_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(10_000),
  /** Milliseconds a connection may stay idle (no byte in or out) before it is closed. */
  HTTP_CONNECTION_TIMEOUT_MS: z.coerce.number().int().min(100).max(3_600_000).default(60_000),
  /** Milliseconds an idle keep-alive connection is kept open between requests (above the load balancer's). */
  HTTP_KEEP_ALIVE_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(72_000),
  /** Largest request body in bytes (413 above). */
  HTTP_BODY_LIMIT: z.coerce.number().int().min(1024).max(100 * 1024 * 1024).default(1024 * 1024),
  /**
   * Which hops may set X-Forwarded-For/-Proto (the client address used by rate limits): `false`, a number of proxy
   * hops in front of the app, or a comma-separated list of proxy addresses/CIDRs (or loopback, linklocal,
   * uniquelocal). Any value but `false` also means the app runs behind TLS (HSTS). `true` means one hop, with a warning.
   */
  TRUST_PROXY: z
    .string()
    .default('false')
    .transform((raw, ctx): { setting: false | number | string[]; warning?: string } => {
      const value = raw.trim();
      if (value === 'false' || value === '' || value === '0') return { setting: false };
      if (value === 'true') {
        return { setting: 1, warning: 'TRUST_PROXY=true is read as 1 (one proxy hop); set the number of hops or the proxy addresses explicitly.' };
      }
      if (/^\d+$/.test(value)) {
        const hops = Number(value);
        if (hops > 10) ctx.addIssue({ code: z.ZodIssueCode.custom, message: 'at most 10 proxy hops' });
        return { setting: hops };
      }
      const list = value.split(',').map((v) => v.trim()).filter(Boolean);
      const bad = list.filter((entry) => !isProxyAddress(entry));
      if (bad.length || list.length === 0) {
        ctx.addIssue({ code: z.ZodIssueCode.custom, message: `must be false, a number of hops (1-10) or a comma-separated list of IP addresses or CIDRs; not valid: ${bad.join(', ') || value}` });
        return { setting: false };
      }
      return { setting: list };
    }),
  /** Minutes without a request after which a staff session ends (OWASP: 15–30 for sensitive work). */
  STAFF_SESSION_IDLE_MINUTES: z.coerce.number().int().min(1).max(24 * 60).default(30),
  /** Hours after sign-in after which a staff session ends, however active. */
  STAFF_SESSION_ABSOLUTE_HOURS: z.coerce.number().int().min(1).max(7 * 24).default(12),
  /** What this process runs: `web` (HTTP only), `worker` (the job loop only) or `all` (both; the embedded default). */
  ROLE: z.enum(['web', 'worker', 'all']).default('all'),
  /** Milliseconds the worker waits before looking again when no job is due. */
  JOB_POLL_MS: z.coerce.number().int().min(10).max(600_000).default(1000),
  /** Milliseconds after which a job left 'running' (its worker crashed) is taken again; must exceed the longest job. */
  JOB_LEASE_MS: z.coerce.number().int().min(1000).max(86_400_000).default(300_000),
  /** smtp://user:pass@host:587 or smtps://…: the worker delivers e-mail over SMTP; unset: to MAIL_SINK. */
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'must start with smtp:// or smtps://')
    .optional(),
  /** Without SMTP_URL: `console` logs each message, `file` writes one .eml per message under DATA_DIR/outbox. */
  MAIL_SINK: z.enum(['console', 'file']).default('console'),
  /** The From: of every e-mail. */
  MAIL_FROM: z.string().min(3).max(320).refine((s) => s.includes('@') && !/[\r\n]/.test(s), 'must be an address such as "Invest Beijing <no-reply@example.cn>"').default('Invest Beijing <no-reply@localhost>'),
}).superRefine((config, ctx) => {
  if (config.MIGRATION_DATABASE_URL && !config.DATABASE_URL) {
    ctx.addIssue({ code: 'custom', path: ['MIGRATION_DATABASE_URL'], message: 'needs DATABASE_URL: the embedded database (PGlite) has a single user, so migrations run with it' });
  }
});

export type Config = Readonly<z.infer<typeof configSchema>>;

export class ConfigError extends Error {}

export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const result = configSchema.safeParse(env);
  if (!result.success) {
    const lines = result.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  return Object.freeze(result.data);
}
