/** Fault 4: TRUST_PROXY names how many hops (or which proxies) may set X-Forwarded-For, so rotating it does not
 * give a client a fresh rate-limit budget. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/test-app.js';
import { ConfigError, loadConfig } from '../../src/config.js';

describe('TRUST_PROXY values', () => {
  it('accepts false, a number of hops or a list of proxy addresses, and refuses anything else clearly', () => {
    expect(loadConfig({}).TRUST_PROXY).toEqual({ setting: false });
    expect(loadConfig({ TRUST_PROXY: 'false' }).TRUST_PROXY).toEqual({ setting: false });
    expect(loadConfig({ TRUST_PROXY: '2' }).TRUST_PROXY).toEqual({ setting: 2 });
    expect(loadConfig({ TRUST_PROXY: '10.0.0.0/8, 192.168.1.7,::1,fd00::/8' }).TRUST_PROXY).toEqual({ setting: ['10.0.0.0/8', '192.168.1.7', '::1', 'fd00::/8'] });
    const legacy = loadConfig({ TRUST_PROXY: 'true' }).TRUST_PROXY;
    expect(legacy.setting).toBe(1);
    expect(legacy.warning).toMatch(/one proxy hop/);
    for (const bad of ['yes', '10.0.0.0/33', '10.0.0.300', '99', 'proxy.example.com']) {
      expect(() => loadConfig({ TRUST_PROXY: bad }), bad).toThrow(ConfigError);
      expect(() => loadConfig({ TRUST_PROXY: bad }), bad).toThrow(/TRUST_PROXY/);
    }
  });
});

describe.each([
  ['true (one hop)', 'true'],
  ['a hop count', '1'],
  ['the proxy address', '10.0.0.1'],
])('behind one proxy, TRUST_PROXY=%s', (_name, value) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp('pglite', { TRUST_PROXY: value, API_RATE_LIMIT: '3' });
  });
  afterAll(() => t.close());

  it('rate-limits the client the proxy saw, however X-Forwarded-For is rotated', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) {
      // The client sends a made-up X-Forwarded-For; the proxy (10.0.0.1) appends the address it saw.
      const response = await t.app.inject({ url: '/api/v1/districts', remoteAddress: '10.0.0.1', headers: { 'x-forwarded-for': `198.18.0.${i}, 203.0.113.9` } });
      statuses.push(response.statusCode);
    }
    expect(statuses.slice(0, 3)).toEqual([200, 200, 200]);
    expect(statuses.slice(3)).toEqual([429, 429, 429]);
    // Another client behind the same proxy keeps its own budget.
    expect((await t.app.inject({ url: '/api/v1/districts', remoteAddress: '10.0.0.1', headers: { 'x-forwarded-for': '203.0.113.10' } })).statusCode).toBe(200);
  });
});
