/**
 * An exclusive lock on the embedded database's folder. PGlite is one process's database: a second process that opens
 * the same folder (a second server, or `content:load` while a server runs) works on its own copy in memory and the
 * two overwrite each other's files — a load reported as done is lost, or the site ends up empty. So whoever opens
 * DATA_DIR/pglite first creates DATA_DIR/pglite.lock atomically (O_EXCL) with its pid, and every later opener stops
 * with an error naming that process. A lock left by a process that no longer runs is taken over. The lock is
 * released when the database is closed, and on process exit.
 */
import { closeSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';

export interface LockHolder {
  pid: number;
  hostname: string;
  /** The holder's command line, to tell a server from a script. */
  command: string;
  startedAt: string;
  /** Linux: the process's start time in clock ticks since boot (/proc/<pid>/stat), to see through reused pids. */
  startTicks: number | null;
  /** Distinguishes two locks taken by the same process. */
  token: string;
}

export class DataDirLockedError extends Error {
  constructor(
    readonly lockFile: string,
    readonly holder: LockHolder | null,
  ) {
    const same = holder?.pid === process.pid && holder.hostname === hostname();
    const who = holder
      ? `process ${holder.pid}${holder.hostname !== hostname() ? ` on host ${holder.hostname}` : ''}${same ? ' (this process, which has it open already)' : ''} ` +
        `(${holder.command || 'unknown command'}, since ${holder.startedAt})`
      : 'another process (its lock file is unreadable)';
    super(
      `The embedded database ${lockFile.replace(/\.lock$/, '')} is in use by ${who}.\n` +
        'PGlite allows one process per data folder: a second one would overwrite the first one’s changes.\n' +
        'Stop that process first (SIGTERM shuts a server down cleanly), use another DATA_DIR, or set DATABASE_URL to ' +
        'share one PostgreSQL database between processes.\n' +
        `If that process is certainly not running, delete ${lockFile} and try again.`,
    );
    this.name = 'DataDirLockedError';
  }
}

export interface DataDirLock {
  readonly file: string;
  /** Removes the lock file if it is still this lock's; idempotent. */
  release(): void;
}

/**
 * Locks held by this process, so a second open in the same process is refused rather than taken over. Kept on
 * globalThis so that two copies of this module in one process (a bundle and the sources) share it.
 */
const heldHere: Set<string> = ((globalThis as Record<symbol, unknown>)[Symbol.for('ib.dataDirLocks')] ??= new Set<string>()) as Set<string>;

function startTicksOf(pid: number): number | null {
  try {
    // Field 22 of /proc/<pid>/stat; the command (field 2) is in parentheses and may contain spaces.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticks = Number(fields[19]);
    return Number.isFinite(ticks) ? ticks : null;
  } catch {
    return null;
  }
}

function isRunning(holder: LockHolder): boolean {
  if (holder.hostname !== hostname()) return true; // cannot tell: assume it runs (the message says how to clear it)
  if (holder.pid === process.pid) return heldHere.has(holder.token);
  try {
    process.kill(holder.pid, 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ESRCH') return false;
    // EPERM: the process exists under another user.
  }
  const ticks = startTicksOf(holder.pid);
  // A different start time: the pid was reused by an unrelated process after the holder ended.
  return !(ticks !== null && holder.startTicks !== null && ticks !== holder.startTicks);
}

function readHolder(file: string): LockHolder | null | 'missing' {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 'missing';
    throw error;
  }
  try {
    const holder = JSON.parse(text) as LockHolder;
    return Number.isInteger(holder.pid) ? holder : null;
  } catch {
    return null; // empty or half-written
  }
}

function tryCreate(file: string, holder: LockHolder): boolean {
  let fd: number;
  try {
    fd = openSync(file, 'wx', 0o644);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
  try {
    writeSync(fd, JSON.stringify(holder, null, 2) + '\n');
  } finally {
    closeSync(fd);
  }
  return true;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Takes the lock `file` or throws DataDirLockedError naming its holder. A lock whose holder no longer runs (or an
 * unreadable one that stays unreadable) is taken over; a takeover is itself guarded by `file.takeover`, so two
 * processes that find the same stale lock cannot both win.
 */
export async function acquireDataDirLock(file: string): Promise<DataDirLock> {
  const me: LockHolder = {
    pid: process.pid,
    hostname: hostname(),
    command: process.argv.slice(1).join(' ').slice(0, 300),
    startedAt: new Date().toISOString(),
    startTicks: startTicksOf(process.pid),
    token: `${process.pid}-${Date.now()}-${Math.random().toString(36).slice(2)}`,
  };
  for (let attempt = 0; ; attempt++) {
    if (tryCreate(file, me)) break;
    const holder = readHolder(file);
    if (holder === 'missing') continue; // released meanwhile
    if (holder === null && attempt < 5) {
      await sleep(50); // its owner may be writing it right now
      continue;
    }
    if (holder !== null && isRunning(holder)) throw new DataDirLockedError(file, holder);
    if (attempt > 20) throw new DataDirLockedError(file, holder);
    await takeOver(file, holder);
  }
  heldHere.add(me.token);
  let released = false;
  const release = () => {
    if (released) return;
    released = true;
    heldHere.delete(me.token);
    process.off('exit', release);
    const current = readHolder(file);
    if (current !== 'missing' && current?.token === me.token) {
      try {
        unlinkSync(file);
      } catch {
        // already gone
      }
    }
  };
  process.on('exit', release);
  return { file, release };
}

/** Removes a stale lock, provided it is still the same stale lock once the takeover guard is held. */
async function takeOver(file: string, stale: LockHolder | null): Promise<void> {
  const guard = `${file}.takeover`;
  const guardHolder: LockHolder = { pid: process.pid, hostname: hostname(), command: 'takeover', startedAt: new Date().toISOString(), startTicks: startTicksOf(process.pid), token: `takeover-${Math.random()}` };
  if (!tryCreate(guard, guardHolder)) {
    const other = readHolder(guard);
    // A takeover that died half-way leaves its guard behind: clear it; a live one finishes within milliseconds.
    if (other === null || (other !== 'missing' && other.pid !== process.pid && !isRunning(other))) {
      try {
        unlinkSync(guard);
      } catch {
        // someone else cleared it
      }
    }
    await sleep(20);
    return;
  }
  try {
    const current = readHolder(file);
    if (current !== 'missing' && (current === null ? stale === null : current.token === stale?.token)) unlinkSync(file);
  } finally {
    unlinkSync(guard);
  }
}

/**
 * Runs `cleanup` (close PGlite, release the lock) after `db.destroy()`. Kysely's own destroy does nothing when no
 * query ran yet, so the cleanup cannot rely on the driver being destroyed.
 */
export function releaseOnDestroy<T extends { destroy(): Promise<void> }>(db: T, cleanup: () => Promise<void>): T {
  const destroy = db.destroy.bind(db);
  db.destroy = async () => {
    try {
      await destroy();
    } finally {
      await cleanup();
    }
  };
  return db;
}
