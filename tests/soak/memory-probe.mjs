/**
 * Preloaded into the soak's own server only (`node --expose-gc --import ./tests/soak/memory-probe.mjs …`):
 * on SIGUSR2 it appends one JSON line of the process's memory to GOODWILL_SOAK_MEMORY_FILE, before and
 * after a full garbage collection. Every server process loads it (workers inherit the flags), and each
 * line names its process. Nothing is exposed over HTTP; the production server never loads it.
 * Heap after a collection separates a leak (live objects that keep growing) from garbage not yet
 * collected and from the allocator holding on to freed pages, which RSS alone cannot tell apart.
 */
import { appendFileSync } from 'node:fs';

const file = process.env.GOODWILL_SOAK_MEMORY_FILE;
if (file) {
  process.on('SIGUSR2', () => {
    const live = process.memoryUsage();
    const gc = /** @type {{ gc?: () => void }} */ (globalThis).gc;
    gc?.();
    const collected = process.memoryUsage();
    const line = { pid: process.pid, at: Date.now(), rss: live.rss, heapUsed: live.heapUsed, heapTotal: live.heapTotal, heapUsedAfterGc: gc ? collected.heapUsed : null, external: collected.external, arrayBuffers: collected.arrayBuffers };
    appendFileSync(file, `${JSON.stringify(line)}\n`);
  });
}
