/**
 * The process's working calendar: built from the package and the overrides in the database, held in memory so every
 * question is answered synchronously, and rebuilt when the overrides change.
 *
 * The process where an administrator changes an override reloads at once (the admin page awaits `reload()`). Others
 * notice within `checkEveryMs`: requests that read the calendar call `refreshSoon()`, which at most once per interval
 * compares the tables' fingerprint in the background while the request answers from the calendar it has — no timer,
 * and no query per request. Code that writes a deadline can `await refresh()` to be exact.
 */
import { AppError } from '../../platform/http/errors.js';
import type { Db } from '../../platform/db/database.js';
import { calendarFingerprint, listEnteredYears, listOverrides } from './calendar.repository.js';
import { calendarDb, type CalendarDb } from './calendar.tables.js';
import { buildWorkingCalendar, type WorkingCalendar } from './working-calendar.js';

/**
 * The calendar could not be read yet (the database was unreachable when the process started): a request that needs it
 * gets 503 and asks again later; `refreshSoon()` keeps trying, so the service recovers without a restart.
 */
export class CalendarNotLoadedError extends AppError {
  constructor() {
    super(503, 'calendar-unavailable', 'Working calendar unavailable', 'The working calendar could not be read from the database yet. Please try again in a moment.');
  }
}

export interface CalendarServiceOptions {
  /** How often refreshSoon() looks for changes made by other processes. Default 2000 ms. */
  checkEveryMs?: number;
  /** Where a failed background check is reported (the calendar in memory stays in use). */
  onError?: (error: unknown) => void;
}

export class WorkingCalendarService {
  private readonly db: CalendarDb;
  private calendar: WorkingCalendar | null = null;
  private fingerprint: string | null = null;
  private lastCheck = 0;
  private checking: Promise<WorkingCalendar> | null = null;
  checkEveryMs: number;
  onError: (error: unknown) => void;

  constructor(db: Db, options: CalendarServiceOptions = {}) {
    this.db = calendarDb(db);
    this.checkEveryMs = options.checkEveryMs ?? 2000;
    this.onError = options.onError ?? ((error) => console.error(`working calendar refresh failed: ${String(error)}`));
  }

  get loaded(): boolean {
    return this.calendar !== null;
  }

  get current(): WorkingCalendar {
    if (!this.calendar) {
      // Not read yet (the database was down at start): ask for a load in the background and refuse this request.
      this.refreshSoon();
      throw new CalendarNotLoadedError();
    }
    return this.calendar;
  }

  /** A number that changes with the overrides, the same in every process (part of cache keys and ETags). */
  get revision(): number {
    return Number.parseInt((this.fingerprint ?? '0').slice(0, 8), 16);
  }

  /** Reads the overrides and rebuilds the calendar. */
  async reload(): Promise<WorkingCalendar> {
    // The fingerprint first: a change between the two reads leaves an older fingerprint, so the next check reloads.
    const fingerprint = await calendarFingerprint(this.db);
    const [overrides, years] = await Promise.all([listOverrides(this.db), listEnteredYears(this.db)]);
    this.calendar = buildWorkingCalendar({ overrides, enteredYears: years.map((y) => y.year) });
    this.fingerprint = fingerprint;
    this.lastCheck = Date.now();
    return this.calendar;
  }

  /** Rebuilds when the overrides differ from those loaded (or nothing is loaded yet). */
  async refresh(): Promise<WorkingCalendar> {
    const fingerprint = await calendarFingerprint(this.db);
    this.lastCheck = Date.now();
    if (this.calendar && fingerprint === this.fingerprint) return this.calendar;
    return this.reload();
  }

  /** Starts a background refresh when the last check is older than checkEveryMs; never waits for it. */
  refreshSoon(now = Date.now()): void {
    if (this.checking || now - this.lastCheck < this.checkEveryMs) return;
    this.lastCheck = now;
    this.checking = this.refresh().finally(() => {
      this.checking = null;
    });
    this.checking.catch(this.onError);
  }
}

const services = new WeakMap<Db, WorkingCalendarService>();

/** The one calendar service of a database handle, shared by every module of the app that uses it. */
export function workingCalendarService(db: Db): WorkingCalendarService {
  let service = services.get(db);
  if (!service) {
    service = new WorkingCalendarService(db);
    services.set(db, service);
  }
  return service;
}

/** The database's calendar service, loaded (the overrides read once; later calls check for changes). */
export async function loadWorkingCalendar(db: Db): Promise<WorkingCalendarService> {
  const service = workingCalendarService(db);
  await service.refresh();
  return service;
}
