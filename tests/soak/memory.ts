/**
 * The server's memory, from outside: RSS and its high-water mark from /proc/<pid>/status, CPU time from
 * /proc/<pid>/stat, and the V8 heap (live, and after a full collection) from the memory probe the soak
 * preloads into its own server (memory-probe.mjs), asked for with SIGUSR2.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';

export interface MemorySample {
  /** Seconds since the load started. */
  at: number;
  label: string;
  rssMb: number;
  /**
   * RSS split as the kernel counts it: private memory (the V8 heap, native allocations, SQLite's page
   * cache) and pages of mapped files (the code, and the database file the read connection maps into
   * memory, which is shared page cache bounded by the file's size rather than memory the process holds).
   */
  rssAnonMb: number;
  rssFileMb: number;
  /** Highest RSS the process has had so far (VmHWM). */
  hwmMb: number;
  /** User + system CPU seconds the server has used so far. */
  cpuSeconds: number;
  heapUsedMb: number | null;
  heapAfterGcMb: number | null;
  externalMb: number | null;
}

const MB = 1024 * 1024;
const mb = (bytes: number) => Math.round((bytes / MB) * 10) / 10;
const TICKS = Number(spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).stdout?.trim()) || 100;

function status(pid: number): { rss: number; hwm: number; anon: number; file: number } {
  const text = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(text)?.[1] ?? Number.NaN) * 1024;
  return { rss: kb('VmRSS'), hwm: kb('VmHWM'), anon: kb('RssAnon'), file: kb('RssFile') };
}

function cpuSeconds(pid: number): number {
  // Fields after the command name (which is in parentheses and may hold spaces): utime is the 14th field.
  const after = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(after[11]) + Number(after[12])) / TICKS;
}

interface ProbeLine {
  heapUsed: number;
  heapUsedAfterGc: number | null;
  external: number;
}

const lines = (file: string) => (existsSync(file) ? readFileSync(file, 'utf8').split('\n').filter(Boolean) : []);

/** Asks the probe for a line and waits (up to 10 s, the server may be busy) for it to be written. */
async function probe(pid: number, file: string): Promise<ProbeLine | null> {
  const before = lines(file).length;
  process.kill(pid, 'SIGUSR2');
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    const all = lines(file);
    if (all.length > before) return JSON.parse(all[all.length - 1]!) as ProbeLine;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return null;
}

/** RSS first, from /proc, so the probe's garbage collection cannot lower the figure the verdict uses. */
export async function sampleMemory(pid: number, probeFile: string, at: number, label: string): Promise<MemorySample> {
  const s = status(pid);
  const cpu = cpuSeconds(pid);
  const p = await probe(pid, probeFile);
  return { at: Math.round(at), label, rssMb: mb(s.rss), rssAnonMb: mb(s.anon), rssFileMb: mb(s.file), hwmMb: mb(s.hwm), cpuSeconds: Math.round(cpu * 10) / 10, heapUsedMb: p ? mb(p.heapUsed) : null, heapAfterGcMb: p?.heapUsedAfterGc != null ? mb(p.heapUsedAfterGc) : null, externalMb: p ? mb(p.external) : null };
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
