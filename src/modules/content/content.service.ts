/**
 * Keeps a process's read model in step with the database: reads the latest version at start and polls for
 * newer ones, so a load done by another process reaches this one within CONTENT_POLL_MS.
 */
import type { Db } from '../../platform/db/database.js';
import { findLatestVersion, listAllContentItems, listWithdrawnItems } from './content.repository.js';
import { ContentStore } from './content.store.js';

export class ContentNotLoadedError extends Error {
  constructor() {
    super('No content has been loaded into the database yet (run npm run content:load).');
  }
}

export class ContentService {
  private current: ContentStore | null = null;
  private timer: NodeJS.Timeout | null = null;
  private readonly listeners = new Set<(store: ContentStore) => void>();

  constructor(private readonly db: Db) {}

  get store(): ContentStore {
    if (!this.current) throw new ContentNotLoadedError();
    return this.current;
  }

  get ready(): boolean {
    return this.current !== null;
  }

  onChange(listener: (store: ContentStore) => void): void {
    this.listeners.add(listener);
  }

  /** Rebuilds the store when the database holds a newer version. Returns true when it changed. */
  async refresh(): Promise<boolean> {
    const latest = await findLatestVersion(this.db);
    if (!latest || latest.version === this.current?.version) return false;
    const [rows, withdrawn] = await Promise.all([listAllContentItems(this.db), listWithdrawnItems(this.db)]);
    this.current = ContentStore.fromRows(latest.version, rows, withdrawn);
    for (const listener of this.listeners) listener(this.current);
    return true;
  }

  startPolling(intervalMs: number, onError: (error: unknown) => void): void {
    this.stopPolling();
    this.timer = setInterval(() => this.refresh().catch(onError), intervalMs);
    this.timer.unref();
  }

  stopPolling(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }
}
