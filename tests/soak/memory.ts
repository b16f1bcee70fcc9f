/**
 * The server's memory, from outside: RSS and its high-water mark from /proc/<pid>/status, CPU time from
 * /proc/<pid>/stat, and the V8 heap (live, and after a full collection) from the memory probe the soak
 * preloads into its own server (memory-probe.mjs), asked for with SIGUSR2. The server may be several
 * processes (a supervisor and one worker per core): every figure is the sum over all of them.
 */
import { existsSync, readFileSync } from 'node:fs';
import { cpuSeconds, serverProcesses } from '../bench/processes';

export interface MemorySample {
  /** Seconds since the load started. */
  at: number;
  label: string;
  /** How many server processes the figures add up. */
  processes: number;
  rssMb: number;
  /**
   * RSS split as the kernel counts it: private memory (the V8 heap, native allocations, SQLite's page
   * cache) and pages of mapped files (the code, and the database file the read connection maps into
   * memory, which is shared page cache bounded by the file's size rather than memory the process holds).
   */
  rssAnonMb: number;
  rssFileMb: number;
  /** The sum of each process's highest RSS so far (VmHWM). */
  hwmMb: number;
  /** User + system CPU seconds the server has used so far. */
  cpuSeconds: number;
  heapUsedMb: number | null;
  heapAfterGcMb: number | null;
  externalMb: number | null;
}

const MB = 1024 * 1024;
const mb = (bytes: number) => Math.round((bytes / MB) * 10) / 10;

function status(pid: number): { rss: number; hwm: number; anon: number; file: number } {
  const text = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(text)?.[1] ?? Number.NaN) * 1024;
  return { rss: kb('VmRSS'), hwm: kb('VmHWM'), anon: kb('RssAnon'), file: kb('RssFile') };
}

interface ProbeLine {
  pid: number;
  heapUsed: number;
  heapUsedAfterGc: number | null;
  external: number;
}

const lines = (file: string) => (existsSync(file) ? readFileSync(file, 'utf8').split('\n').filter(Boolean) : []);

/** Asks each process's probe for a line and waits (up to 10 s, they may be busy) for all of them. */
async function probe(pids: readonly number[], file: string): Promise<ProbeLine[] | null> {
  const before = lines(file).length;
  for (const pid of pids) process.kill(pid, 'SIGUSR2');
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    const fresh = lines(file).slice(before).map((l) => JSON.parse(l) as ProbeLine);
    const byPid = new Map(fresh.map((l) => [l.pid, l]));
    if (pids.every((p) => byPid.has(p))) return pids.map((p) => byPid.get(p)!);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return null;
}

const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);

/** RSS first, from /proc, so the probe's garbage collection cannot lower the figure the verdict uses. */
export async function sampleMemory(pid: number, probeFile: string, at: number, label: string): Promise<MemorySample> {
  const pids = serverProcesses(pid);
  const s = pids.map(status);
  const cpu = sum(pids.map(cpuSeconds));
  const p = await probe(pids, probeFile);
  const heapAfterGc = p && p.every((l) => l.heapUsedAfterGc !== null) ? sum(p.map((l) => l.heapUsedAfterGc!)) : null;
  return {
    at: Math.round(at),
    label,
    processes: pids.length,
    rssMb: mb(sum(s.map((x) => x.rss))),
    rssAnonMb: mb(sum(s.map((x) => x.anon))),
    rssFileMb: mb(sum(s.map((x) => x.file))),
    hwmMb: mb(sum(s.map((x) => x.hwm))),
    cpuSeconds: Math.round(cpu * 10) / 10,
    heapUsedMb: p ? mb(sum(p.map((l) => l.heapUsed))) : null,
    heapAfterGcMb: heapAfterGc !== null ? mb(heapAfterGc) : null,
    externalMb: p ? mb(sum(p.map((l) => l.external))) : null,
  };
}

/** Least-squares slope of RSS over time, in MB per minute. */
export function rssSlope(samples: readonly MemorySample[]): number | null {
  if (samples.length < 3) return null;
  const n = samples.length;
  const mx = samples.reduce((s, x) => s + x.at, 0) / n;
  const my = samples.reduce((s, x) => s + x.rssMb, 0) / n;
  const sxx = samples.reduce((s, x) => s + (x.at - mx) ** 2, 0);
  const sxy = samples.reduce((s, x) => s + (x.at - mx) * (x.rssMb - my), 0);
  return sxx === 0 ? null : Math.round((sxy / sxx) * 60 * 100) / 100;
}
