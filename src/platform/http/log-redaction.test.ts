import Fastify from 'fastify';
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { requestLogFields, withoutSecrets } from './log-redaction.js';

describe('the request log', () => {
  it('replaces the value of a token in the query, and nothing else', () => {
    expect(withoutSecrets('/en/service/track?ref=IB-2026-000001&token=abc_DEF-123')).toBe('/en/service/track?ref=IB-2026-000001&token=[redacted]');
    expect(withoutSecrets('/zh/staff/set-password?token=xyz#top')).toBe('/zh/staff/set-password?token=[redacted]#top');
    expect(withoutSecrets('/en/search?q=token%3Dabc&tokens=1')).toBe('/en/search?q=token%3Dabc&tokens=1');
  });

  it('writes the cleaned address when a Fastify logger uses the serializer', async () => {
    const lines: string[] = [];
    const stream = new Writable({ write: (chunk, _encoding, done) => { lines.push(String(chunk)); done(); } });
    const app = Fastify({ logger: { level: 'info', stream, serializers: { req: requestLogFields } } });
    app.get('/en/service/track', async () => 'ok');
    await app.inject({ url: '/en/service/track?ref=IB-2026-000001&token=SECRET-VALUE' });
    await app.close();
    const logged = lines.join('');
    expect(logged).toContain('token=[redacted]');
    expect(logged).not.toContain('SECRET-VALUE');
  });
});
