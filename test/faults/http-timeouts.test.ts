/** Fault 3: a client that sends its request slowly, or nothing at all, cannot hold a connection for ever. */
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/test-app.js';
import { loadConfig } from '../../src/config.js';

let t: TestApp;
let port: number;
beforeAll(async () => {
  t = await startTestApp('pglite', { HTTP_REQUEST_TIMEOUT_MS: '600', HTTP_HEADERS_TIMEOUT_MS: '400', HTTP_CONNECTION_TIMEOUT_MS: '1500' });
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  port = (t.app.server.address() as net.AddressInfo).port;
});
afterAll(() => t.close());

/** Opens a socket, writes `chunks` (a string, or a function called every 100 ms until it returns null), and
 * resolves with what the server answered and how long the connection lived. */
function talk(write: (socket: net.Socket) => void): Promise<{ text: string; ms: number }> {
  return new Promise((resolve) => {
    const began = Date.now();
    const socket = net.connect(port, '127.0.0.1');
    let text = '';
    socket.on('data', (d) => (text += d.toString()));
    socket.on('error', () => undefined);
    socket.on('close', () => resolve({ text, ms: Date.now() - began }));
    socket.on('connect', () => write(socket));
    setTimeout(() => socket.destroy(), 10_000);
  });
}

describe('request and connection timeouts', () => {
  it('closes a request whose body trickles in, with a 408 problem', async () => {
    const { text, ms } = await talk((socket) => {
      socket.write('POST /api/v1/cost-estimate HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{');
      const drip = setInterval(() => (socket.writable ? socket.write(' ') : clearInterval(drip)), 100);
      socket.on('close', () => clearInterval(drip));
    });
    expect(ms).toBeLessThan(5_000);
    expect(text).toMatch(/^HTTP\/1\.1 408/);
    expect(text).toContain('application/problem+json');
  });

  it('closes a connection that never sends its headers', async () => {
    const { ms } = await talk((socket) => socket.write('GET /en HTTP/1.1\r\nHost: x\r\n'));
    expect(ms).toBeLessThan(5_000);
  });

  it('closes an idle connection', async () => {
    const { ms } = await talk(() => undefined);
    expect(ms).toBeLessThan(5_000);
  });

  it('reads the timeouts from the configuration, with safe defaults', () => {
    const config = loadConfig({});
    expect(config.HTTP_REQUEST_TIMEOUT_MS).toBe(30_000);
    expect(config.HTTP_HEADERS_TIMEOUT_MS).toBe(10_000);
    expect(config.HTTP_CONNECTION_TIMEOUT_MS).toBe(60_000);
    expect(() => loadConfig({ HTTP_REQUEST_TIMEOUT_MS: '0' })).toThrow(/HTTP_REQUEST_TIMEOUT_MS/);
  });
});
