/**
 * Helpers for the database fault tests: the real server as a child process (`node --import tsx src/main.ts`), a TCP
 * proxy in front of PostgreSQL that can cut and black-hole connections, and a server that accepts and never answers.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';

export interface ServerProcess {
  child: ChildProcess;
  stdout(): string;
  stderr(): string;
  /** Resolves with the exit code (null when killed by a signal) and the signal. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  alive(): boolean;
  /** Resolves with the listening address once the process logged "ready in …". */
  ready(timeoutMs: number): Promise<string>;
  /** Waits until the output (stdout + stderr) matches. */
  waitForOutput(pattern: RegExp, timeoutMs: number): Promise<void>;
  kill(): void;
}

export function startServerProcess(env: Record<string, string>): ServerProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout!.on('data', (chunk: Buffer) => (out += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (err += chunk.toString()));
  let done = false;
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('exit', (code, signal) => {
      done = true;
      resolve({ code, signal });
    }),
  );
  const waitForOutput = async (pattern: RegExp, timeoutMs: number) => {
    const deadline = Date.now() + timeoutMs;
    while (!pattern.test(out + err)) {
      if (done) throw new Error(`process exited before ${pattern}:\n${out}\n${err}`);
      if (Date.now() > deadline) throw new Error(`no ${pattern} within ${timeoutMs} ms:\n${out}\n${err}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  };
  return {
    child,
    stdout: () => out,
    stderr: () => err,
    exited,
    alive: () => !done,
    waitForOutput,
    ready: async (timeoutMs) => {
      await waitForOutput(/ready in \d+ ms at (http:\/\/\S+)/, timeoutMs);
      return /ready in \d+ ms at (http:\/\/\S+)/.exec(out)![1];
    },
    kill: () => {
      if (!done) child.kill('SIGKILL');
    },
  };
}

/** A TCP server that accepts connections and never answers (a database that hangs). */
export async function startSilentServer(): Promise<{ port: number; connections(): number; close(): Promise<void> }> {
  const sockets = new Set<net.Socket>();
  let count = 0;
  const server = net.createServer((socket) => {
    count += 1;
    sockets.add(socket);
    socket.on('error', () => undefined);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as net.AddressInfo).port,
    connections: () => count,
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/**
 * A TCP proxy to target. `cut()` destroys every open connection and black-holes new ones (accepted, never
 * forwarded); `freeze()` keeps every connection open but holds back all data both ways (a dead link that sends no
 * reset); `restore()` forwards again (delivering what was held back).
 */
export async function startProxy(
  targetHost: string,
  targetPort: number,
): Promise<{ port: number; cut(): void; freeze(): void; restore(): void; close(): Promise<void> }> {
  const sockets = new Set<net.Socket>();
  let mode: 'open' | 'cut' | 'frozen' = 'open';
  let held: [net.Socket, Buffer][] = [];
  const track = (socket: net.Socket) => {
    sockets.add(socket);
    socket.on('error', () => undefined);
    socket.on('close', () => sockets.delete(socket));
  };
  const forward = (from: net.Socket, to: net.Socket) =>
    from.on('data', (chunk: Buffer) => {
      if (mode === 'frozen') held.push([to, chunk]);
      else if (!to.destroyed) to.write(chunk);
    });
  const server = net.createServer((client) => {
    track(client);
    if (mode === 'cut') return; // black hole
    const upstream = net.connect(targetPort, targetHost);
    track(upstream);
    forward(client, upstream);
    forward(upstream, client);
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as net.AddressInfo).port,
    cut: () => {
      mode = 'cut';
      for (const socket of sockets) socket.destroy();
    },
    freeze: () => {
      mode = 'frozen';
    },
    restore: () => {
      if (mode === 'cut') for (const socket of sockets) socket.destroy(); // the black-holed ones
      mode = 'open';
      for (const [to, chunk] of held) if (!to.destroyed) to.write(chunk);
      held = [];
    },
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

export async function timed<T>(work: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const start = Date.now();
  const value = await work();
  return { value, ms: Date.now() - start };
}
