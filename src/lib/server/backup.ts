/**
 * A consistent copy of the embedded database while the server keeps running.
 *
 * `VACUUM INTO` reads the whole database inside one read transaction, so the copy is exactly the
 * database as it stood at one instant (every transaction committed before that instant, none after),
 * and under WAL it does not stop the server's writers. SQLite does not fsync the file it writes and a
 * crash mid-copy leaves a torn file, so the copy is written under a `.partial` name, fsynced, checked,
 * and only then linked to its final name: a file with the final name is always a complete backup.
 */
import { createClient } from '@libsql/client';
import { closeSync, existsSync, fsyncSync, linkSync, mkdirSync, openSync, renameSync, statSync, unlinkSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { describeDatabaseUrl, openDatabase } from '../../../db/client';

export interface BackupResult {
  /** Absolute path of the copy. */
  path: string;
  bytes: number;
  ms: number;
}

export class BackupRefused extends Error {}

/** `data/backups/goodwill-20260901T090000Z.db`: sorts by time and never holds a colon (Windows, scp). */
export function defaultBackupPath(now: Date): string {
  const stamp = now.toISOString().replace(/\.\d{3}Z$/, 'Z').replace(/[-:]/g, '');
  return `data/backups/goodwill-${stamp}.db`;
}

function fsyncPath(path: string): void {
  const fd = openSync(path, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** The copy must open as a database and pass SQLite's own structural check before it is named. */
async function check(path: string): Promise<void> {
  const copy = createClient({ url: `file:${path}` });
  try {
    const result = await copy.execute('PRAGMA quick_check');
    const verdict = String(result.rows[0]?.[0] ?? '');
    if (verdict !== 'ok') throw new Error(`the copy failed its integrity check: ${verdict}`);
  } finally {
    copy.close();
  }
}

/**
 * Copies the database at `url` to `target` (default: `defaultBackupPath(now)`, relative to the working
 * directory). Refuses a target that exists. Only the embedded file database can be copied this way: a
 * libSQL server writes `VACUUM INTO` files on its own disk, so it is backed up with its own tools.
 */
export async function backupDatabase(options: { url: string; authToken?: string; target?: string; now: Date }): Promise<BackupResult> {
  if (!options.url.startsWith('file:') || options.url.includes(':memory:')) {
    throw new BackupRefused(`Only an embedded file database can be backed up this way; ${describeDatabaseUrl(options.url)} is a libSQL server: use its own snapshot tools.`);
  }
  // openDatabase would create an empty database where none is: a backup of that would be worthless.
  const source = options.url.slice('file:'.length).split('?')[0] ?? '';
  if (!existsSync(source)) throw new BackupRefused(`There is no database at ${source}; check DATABASE_URL.`);
  const path = resolve(options.target ?? defaultBackupPath(options.now));
  if (existsSync(path)) throw new BackupRefused(`${path} already exists; choose another name (backups are never overwritten).`);
  mkdirSync(dirname(path), { recursive: true });
  const partial = `${path}.partial`;
  if (existsSync(partial)) unlinkSync(partial); // left by a backup that crashed: never complete, safe to discard

  const start = performance.now();
  const open = openDatabase(options.url, options.authToken);
  try {
    await open.ready;
    await open.client.execute({ sql: 'VACUUM INTO ?', args: [partial] });
  } finally {
    open.client.close();
  }
  try {
    fsyncPath(partial);
    await check(partial);
    // link() fails when the name exists, so a backup started meanwhile under the same name is never
    // overwritten; rename() is the fallback on file systems without hard links.
    try {
      linkSync(partial, path);
      unlinkSync(partial);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EEXIST') throw new BackupRefused(`${path} already exists; choose another name (backups are never overwritten).`);
      if (existsSync(path)) throw error;
      renameSync(partial, path);
    }
    fsyncPath(dirname(path));
  } finally {
    if (existsSync(partial)) unlinkSync(partial);
  }
  return { path, bytes: statSync(path).size, ms: performance.now() - start };
}
