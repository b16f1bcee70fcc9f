/**
 * The one request log format: method, route, status, duration. The route is the pattern
 * (`/invite/[token]`), never the concrete path or query, so no token can reach the log.
 *
 * Lines are gathered and written together, at most FLUSH_MS after the first of them or once
 * FLUSH_BYTES have gathered: a write per line was a system call on every request (about 2 % of a
 * signed-in page's CPU). What is gathered is written before the process exits; a process killed
 * outright loses at most the last FLUSH_MS of lines, never a record (those are in the database).
 */
import { writeSync } from 'node:fs';

const FLUSH_MS = 50;
const FLUSH_BYTES = 16 * 1024;

let pending = '';
let timer: ReturnType<typeof setTimeout> | null = null;

function flush(): void {
  if (timer) clearTimeout(timer);
  timer = null;
  if (pending === '') return;
  const lines = pending;
  pending = '';
  process.stdout.write(lines);
}

process.on('exit', () => {
  if (pending === '') return;
  // No more turns of the event loop: write synchronously, falling back to the stream if stdout refuses.
  try {
    writeSync(1, pending);
  } catch {
    process.stdout.write(pending);
  }
  pending = '';
});

export function logRequest(method: string, route: string, status: number, ms: number): void {
  pending += `${JSON.stringify({ t: new Date().toISOString(), method, route, status, ms: Math.round(ms * 10) / 10 })}\n`;
  if (pending.length >= FLUSH_BYTES) flush();
  else if (timer === null) timer = setTimeout(flush, FLUSH_MS).unref();
}
