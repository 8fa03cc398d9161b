import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.js';

describe('configuration', () => {
  it('uses safe defaults on an empty environment', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ PORT: 3000, HOST: '127.0.0.1', DATA_DIR: './data', LOG_LEVEL: 'info' });
    expect(config.DATABASE_URL).toBeUndefined();
    expect(Object.isFrozen(config)).toBe(true);
  });

  it('reports every bad variable at once, by name', () => {
    let error: unknown;
    try {
      loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x', LOG_LEVEL: 'loud', PUBLIC_BASE_URL: 'http://x.test/' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as Error).message;
    for (const name of ['PORT', 'DATABASE_URL', 'LOG_LEVEL', 'PUBLIC_BASE_URL']) expect(message).toContain(name);
  });

  it('accepts a PostgreSQL URL and a custom port', () => {
    const config = loadConfig({ DATABASE_URL: 'postgres://u@db:5432/app', PORT: '8080' });
    expect(config.DATABASE_URL).toBe('postgres://u@db:5432/app');
    expect(config.PORT).toBe(8080);
  });

  it('takes the owner’s MIGRATION_DATABASE_URL only beside a PostgreSQL DATABASE_URL', () => {
    const config = loadConfig({ DATABASE_URL: 'postgres://web@db/app', MIGRATION_DATABASE_URL: 'postgres://owner@db/app' });
    expect(config.MIGRATION_DATABASE_URL).toBe('postgres://owner@db/app');
    expect(() => loadConfig({ MIGRATION_DATABASE_URL: 'postgres://owner@db/app' })).toThrow(/MIGRATION_DATABASE_URL: needs DATABASE_URL/);
    expect(() => loadConfig({ DATABASE_URL: 'postgres://web@db/app', MIGRATION_DATABASE_URL: 'mysql://owner@db/app' })).toThrow(/MIGRATION_DATABASE_URL: must start with postgres/);
  });
});
