/**
 * How many server processes `npm start` runs. Node runs JavaScript on one core; a signed-in page is
 * CPU-bound (rendering, reading rows), so one process per core serves about as many more requests as
 * there are cores. Every process is the same: no state lives in a process (sessions, throttling and
 * uploads are in the database), and SQLite's WAL lets several processes read one file while one writes.
 */
import { availableParallelism } from 'node:os';

/** Beyond this, more processes on one embedded file mostly add waiting for its single writer. */
export const MAX_PROCESSES = 16;

export type ProcessCount = { ok: true; count: number } | { ok: false; message: string };

/** `WEB_CONCURRENCY` (the name hosting platforms set), else one per core the machine offers, at most MAX_PROCESSES. */
export function processCount(setting: string | undefined, cores: number = availableParallelism()): ProcessCount {
  if (setting === undefined || setting.trim() === '') return { ok: true, count: Math.max(1, Math.min(cores, MAX_PROCESSES)) };
  const count = Number(setting);
  if (!Number.isInteger(count) || count < 1 || count > MAX_PROCESSES) {
    return { ok: false, message: `WEB_CONCURRENCY must be a whole number of server processes from 1 to ${MAX_PROCESSES}; it is "${setting}".` };
  }
  return { ok: true, count };
}
