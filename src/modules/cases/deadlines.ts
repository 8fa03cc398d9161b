/**
 * How the service line turns a catalogue limit into a due instant. The arithmetic (working days with the PRC
 * calendar, pauses while waiting for the enterprise) belongs to the calendar module; cases see it through this port
 * so their tests can use the real calendar and nothing here depends on how it is loaded.
 */
import type { Limit, ServiceLimit } from '../content/index.js';

export interface Pause {
  from: Date;
  to: Date | null;
}

export interface Deadlines {
  /** The instant `limit` counted from `start` ends, not counting the paused spans. */
  dueAt(start: Date, limit: Limit, pauses?: readonly Pause[]): Date;
  /** The end (24:00 Beijing time) of a calendar date given as YYYY-MM-DD. */
  endOfDay(date: string): Date;
}

export function limitOf(entry: ServiceLimit): Limit {
  return { amount: entry.limit.amount, unit: entry.limit.unit };
}
