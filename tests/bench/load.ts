/**
 * Load on the running server with autocannon: each target gets an untimed warm-up (JIT, page cache,
 * connection set-up) and then a measured run of fixed length, one target at a time. Every page is
 * checked once before its run, so a redirect to the sign-in page cannot pass for a fast dashboard.
 * autocannon stops by closing its connections, but the server still finishes the requests it had
 * accepted; before each run the server is given time to work those off, so no run pays for the last.
 */
import autocannon from 'autocannon';
import { loadavg } from 'node:os';
import type { Scale } from './scale';
import { serverCpuSeconds } from './processes';
import { get } from './server';

export interface Target {
  name: string;
  path: string;
  cookie?: string;
  /** Text the page must contain when it is rendered for the right person. */
  expect?: string;
}

export interface LoadResult {
  name: string;
  path: string;
  rps: number;
  p50: number;
  p97_5: number;
  p99: number;
  requests: number;
  errors: number;
  non2xx: number;
  /** This target's requests per second over the static file's, from the same run. */
  ratio: number;
  /**
   * The machine's one-minute load average right after the run. The server and autocannon account for
   * about 2 of it; more means other work was sharing the two cores.
   */
  loadAverage: number;
  /**
   * CPU milliseconds the server's processes used per request answered in the measured run. Other work on
   * the machine changes this far less than it changes throughput, so it is the figure to compare runs by.
   */
  serverCpuMsPerRequest: number;
}

export async function runLoad(base: string, serverPid: number, targets: readonly Target[], scale: Scale): Promise<LoadResult[]> {
  const results: LoadResult[] = [];
  for (const t of targets) {
    const check = await get(base, t.path, t.cookie);
    if (check.status !== 200 || (t.expect && !check.body.includes(t.expect))) throw new Error(`${t.path} answered ${check.status} without "${t.expect ?? ''}" before its load run`);
    const headers: Record<string, string> = t.cookie ? { cookie: t.cookie } : {};
    const options = { url: `${base}${t.path}`, connections: scale.load.connections, headers, timeout: 30 };
    await autocannon({ ...options, duration: scale.load.warmupSeconds });
    await drain(base);
    const cpuBefore = serverCpuSeconds(serverPid);
    const r = await autocannon({ ...options, duration: scale.load.seconds });
    await drain(base);
    // Requests autocannon gave up on were still served: the drain above waited for them.
    const cpuMs = (serverCpuSeconds(serverPid) - cpuBefore) * 1000;
    results.push({
      name: t.name,
      path: t.path,
      rps: r.requests.average,
      p50: r.latency.p50,
      p97_5: r.latency.p97_5,
      p99: r.latency.p99,
      requests: r.requests.total,
      errors: r.errors, // connection errors, timeouts included
      non2xx: r.non2xx,
      ratio: 0,
      loadAverage: Math.round((loadavg()[0] ?? 0) * 100) / 100,
      serverCpuMsPerRequest: r.requests.total > 0 ? Math.round((cpuMs / r.requests.total) * 1000) / 1000 : Number.NaN,
    });
    const p99 = r.requests.total > 0 ? `p99 ${r.latency.p99} ms` : `no response within the ${scale.load.seconds} s run`;
    process.stdout.write(`  ${t.name.padEnd(22)} ${r.requests.average.toFixed(r.requests.average < 10 ? 1 : 0).padStart(6)} req/s  ${p99}\n`);
  }
  const staticRps = results[0]?.rps ?? Number.NaN;
  return results.map((r) => ({ ...r, ratio: r.rps / staticRps }));
}

/** Waits until the health check answers quickly twice in a row: the server has caught up. */
async function drain(base: string): Promise<void> {
  const deadline = Date.now() + 120_000;
  let quick = 0;
  while (quick < 2 && Date.now() < deadline) {
    const start = performance.now();
    await fetch(`${base}/api/health`).then((r) => r.arrayBuffer());
    quick = performance.now() - start < 20 ? quick + 1 : 0;
  }
}
