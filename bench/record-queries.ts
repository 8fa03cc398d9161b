/**
 * Every statement the pg driver sends between start() and stop() (this process only), for the benches' EXPLAIN of
 * what a page ran. The driver's query method is wrapped once, when this module is first imported — before any
 * connection opens: the app's connections wrap their own query function when they connect (platform/db/database.ts),
 * keeping a reference to the one they found.
 */
import pg from 'pg';

export interface Statement {
  text: string;
  values: unknown[];
}

let recording: Statement[] | null = null;
{
  const proto = pg.Client.prototype as unknown as { query: (...args: unknown[]) => unknown };
  const original = proto.query;
  proto.query = function (this: unknown, ...args: unknown[]) {
    const [first, second] = args;
    if (recording && typeof first === 'string') recording.push({ text: first, values: Array.isArray(second) ? second : [] });
    else if (recording && first && typeof first === 'object' && 'text' in first) recording.push({ text: String((first as { text: string }).text), values: ((first as { values?: unknown[] }).values ?? []) as unknown[] });
    return original.apply(this, args);
  };
}

export const queryRecorder = {
  start(): void {
    recording = [];
  },
  /** The statements since start(), and recording off. */
  stop(): Statement[] {
    const recorded = recording ?? [];
    recording = null;
    return recorded;
  },
};
