/**
 * Configuration: one schema, read once from the environment, frozen. Every bad variable is reported at once.
 */
import { z } from 'zod';

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
  /** Folder for the embedded database (PGlite keeps its files in DATA_DIR/pglite). */
  DATA_DIR: z.string().min(1).default('./data'),
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
  /** Set when the app runs behind TLS (enables HSTS) and a proxy (trusts X-Forwarded-*). */
  TRUST_PROXY: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
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
