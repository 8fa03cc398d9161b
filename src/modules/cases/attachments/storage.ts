/**
 * Where attachment bytes live. The database keeps the row (name, type, size, sha256) and a storage key; the bytes go
 * through this interface, so a deployment with several web processes can swap the local directory for a shared
 * volume or an object store without touching the service line.
 *
 * The local implementation writes under a folder outside the web root (default DATA_DIR/attachments). File names on
 * disk are random keys, never the name the enterprise gave. `put` resolves only once the bytes are on disk (fsync of
 * the file and of its folder), so a row written after it never points at a file a crash could lose.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';

export interface AttachmentStorage {
  /** Stores every byte of `source` under `key`; resolves when they are durable. A failed put leaves nothing behind. */
  put(key: string, source: AsyncIterable<Uint8Array>): Promise<void>;
  /** The bytes under `key`, or null when there are none. */
  get(key: string): Promise<Readable | null>;
  /** Removes `key`; removing a key that is not there is not an error. */
  delete(key: string): Promise<void>;
}

/** 32 characters of base64url from 192 random bits: never guessable, never a path. */
const KEY = /^[A-Za-z0-9_-]{32}$/;

export function newStorageKey(): string {
  return randomBytes(24).toString('base64url');
}

function checkedKey(key: string): string {
  if (!KEY.test(key)) throw new Error('Not an attachment storage key');
  return key;
}

async function syncFolder(folder: string): Promise<void> {
  const handle = await fs.open(folder, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/**
 * Files under `root`, spread over 64 sub-folders by the key's first character (a folder of a million files is slow to
 * list and back up). A file is written to `root/incoming/` first and renamed into place once synced, so a reader never
 * sees half a file.
 */
export function localDirectoryStorage(root: string): AttachmentStorage {
  const base = path.resolve(root);
  const incoming = path.join(base, 'incoming');
  const finalPath = (key: string) => path.join(base, key[0], key);

  return {
    async put(key, source) {
      checkedKey(key);
      await fs.mkdir(incoming, { recursive: true, mode: 0o700 });
      await fs.mkdir(path.dirname(finalPath(key)), { recursive: true, mode: 0o700 });
      const temporary = path.join(incoming, key);
      const handle = await fs.open(temporary, 'wx', 0o600);
      let renamed = false;
      try {
        for await (const chunk of source) await handle.write(chunk);
        await handle.sync();
        await handle.close();
        await fs.rename(temporary, finalPath(key));
        renamed = true;
        await syncFolder(path.dirname(finalPath(key)));
      } catch (error) {
        await handle.close().catch(() => undefined);
        await fs.rm(renamed ? finalPath(key) : temporary, { force: true });
        throw error;
      }
    },
    async get(key) {
      if (!KEY.test(key)) return null;
      try {
        const handle = await fs.open(finalPath(key), 'r');
        return handle.createReadStream();
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
        throw error;
      }
    },
    async delete(key) {
      await fs.rm(finalPath(checkedKey(key)), { force: true });
    },
  };
}
