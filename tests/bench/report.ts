/**
 * The benchmark's report: Markdown tables (readable in a terminal and pasted as they are into the
 * README's Performance section), the JSON written to tests/bench/results/, and the closing JSON line
 * of CONTRACTS §8.
 */
import { cpus, loadavg, totalmem } from 'node:os';
import { readFileSync } from 'node:fs';
import { EFFECTS_MS, type EffectsReport } from './effects';
import type { PageWeight } from './js-weight';
import { MANAGER_HOME_MS, type LatencyRow } from './latency';
import type { LoadResult } from './load';
import type { PageCount } from './query-count';
import type { Scale } from './scale';
import type { SeedReport } from './seed-large';
import { round } from './stats';

export interface BenchResults {
  scale: Scale;
  machine: { cores: number; cpu: string; memoryGiB: number; node: string; date: string; loadAverage: { atStart: number; afterLoad: number } };
  seed: SeedReport & { reused: boolean };
  load: LoadResult[];
  counts: PageCount[];
  weights: PageWeight[];
  latency: LatencyRow[];
  effects: EffectsReport;
  totalSeconds: number;
}

/** The one-minute load average: the machine may be shared, and other work takes cores from the server. */
export const loadNow = () => Math.round((loadavg()[0] ?? 0) * 100) / 100;

export function machine(now: Date, atStart: number): BenchResults['machine'] {
  let cpu = cpus()[0]?.model ?? 'unknown';
  try {
    cpu = /model name\s*:\s*(.+)/.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1]?.trim() ?? cpu;
  } catch {
    // Not Linux: the model Node reports will do.
  }
  return { cores: cpus().length, cpu, memoryGiB: round(totalmem() / 1024 ** 3, 1), node: process.version, date: now.toISOString(), loadAverage: { atStart, afterLoad: loadNow() } };
}

export function table(head: string[], rows: (string | number)[][]): string {
  const lines = [head, head.map(() => '---'), ...rows.map((r) => r.map(String))];
  return lines.map((cells) => `| ${cells.join(' | ')} |`).join('\n');
}

const ms = (n: number) => (n >= 100 ? n.toFixed(0) : n.toFixed(n >= 10 ? 1 : 2));
const ok = (met: boolean) => (met ? 'met' : '**not met**');
const kb = (bytes: number) => (bytes / 1024).toFixed(1);

export function render(r: BenchResults): string {
  const counts = new Map(r.counts.map((c) => [c.path, c]));
  const manage = r.counts.find((c) => c.path === '/manage');
  const home = r.latency.find((l) => l.name.startsWith('managerHome'));
  const rows = Object.entries(r.seed.rows).sort(([a], [b]) => a.localeCompare(b));
  return [
    `## Goodwill benchmark, ${r.scale.name} scale`,
    `${r.machine.date.slice(0, 10)}; ${r.machine.cores} cores (${r.machine.cpu}), ${r.machine.memoryGiB} GiB memory, Node ${r.machine.node}. ` +
      `Load average (1 min) ${r.machine.loadAverage.atStart} at the start, ${r.machine.loadAverage.afterLoad} after the load runs. ` +
      `Database: ${r.seed.megabytes.toFixed(0)} MB, ${r.seed.reused ? 'reused from an earlier run' : `seeded in ${r.seed.seconds.toFixed(0)} s`}. Total run: ${r.totalSeconds.toFixed(0)} s.`,
    `Synthetic rows loaded: ${rows.map(([t, n]) => `${t} ${n.toLocaleString('en-GB')}`).join(', ')}.`,
    '',
    `### HTTP: autocannon, ${r.scale.load.connections} connections, ${r.scale.load.seconds} s per target after a ${r.scale.load.warmupSeconds} s warm-up`,
    table(
      ['target', 'req/s', 'p50 ms', 'p97.5 ms', 'p99 ms', 'errors', 'non-2xx', '× static', 'server CPU ms/request', 'queries/request', 'alone, p50 ms', 'load avg after'],
      r.load.map((l) => {
        const c = counts.get(l.path);
        const q = c ? (c.minQueries === c.maxQueries ? String(c.queries) : `${c.queries} (${c.minQueries}–${c.maxQueries})`) : '—';
        // No response inside the run: every latency was longer than the run itself.
        const none = `> ${r.scale.load.seconds * 1000}`;
        const lat = l.requests > 0 ? [l.p50, l.p97_5, l.p99] : [none, none, none];
        return [`${l.name} \`${l.path}\``, l.requests > 0 ? l.rps.toFixed(l.rps < 10 ? 1 : 0) : '0 (no response completed)', ...lat, l.errors, l.non2xx, l.ratio.toFixed(3), Number.isFinite(l.serverCpuMsPerRequest) ? l.serverCpuMsPerRequest.toFixed(3) : '—', q, c ? ms(c.aloneP50Ms) : '—', l.loadAverage];
      }),
    ),
    '',
    '### JavaScript per page (gzipped, each file on its own, static imports followed)',
    table(
      ['page', 'kind', 'files', 'raw KB', 'gzip KB', 'limit KB', 'target'],
      r.weights.map((w) => [`\`${w.path}\``, w.kind, w.files, kb(w.rawBytes), kb(w.gzipBytes), kb(w.limitBytes), ok(w.gzipBytes <= w.limitBytes)]),
    ),
    '',
    `### Service functions at scale (${r.scale.runs} calls each across different people, after a warm-up; the manager's home ${r.scale.homeRuns} calls)`,
    table(
      ['function', 'p50 ms', 'p95 ms', 'max ms', 'target p95', 'target', 'one call returns'],
      r.latency.map((l) => [l.name, ms(l.timing.p50), ms(l.timing.p95), ms(l.timing.max), `≤ ${l.target} ms`, ok(l.timing.p95 <= l.target), l.size]),
    ),
    '',
    '### Effect analysis (discount, 28 days before and after)',
    table(
      ['what', 'sales rows', 'time', 'target', 'outcome'],
      [
        [`demo shop, \`shopEffect\` (p50 of ${r.effects.shop.timing.runs})`, r.effects.shop.salesRows.toLocaleString('en-GB'), `${ms(r.effects.shop.timing.p50)} ms`, `≤ ${EFFECTS_MS} ms: ${ok(r.effects.shop.timing.p50 <= EFFECTS_MS)}`, r.effects.shop.outcome],
        [
          `every shop pooled as one (${r.effects.everything.shops} shops), \`pooledEffect\` (p50 of ${r.effects.everything.timing.runs})`,
          r.effects.everything.salesRows.toLocaleString('en-GB'),
          `${ms(r.effects.everything.timing.p50)} ms (max ${ms(r.effects.everything.timing.max)})`,
          `≤ ${EFFECTS_MS} ms: ${ok(r.effects.everything.timing.p50 <= EFFECTS_MS)}`,
          r.effects.everything.outcome,
        ],
      ],
    ),
    '',
    `Manager's home for a ${r.scale.demoShopLearners}-person shop: ${home ? `service p95 ${ms(home.timing.p95)} ms` : '—'}, one request alone ${manage ? `${ms(manage.aloneP50Ms)} ms` : '—'} ` +
      `(target ≤ ${MANAGER_HOME_MS} ms: ${ok((home?.timing.p95 ?? Infinity) <= MANAGER_HOME_MS && (manage?.aloneP50Ms ?? Infinity) <= MANAGER_HOME_MS)}).`,
  ].join('\n');
}

/** CONTRACTS §8: the last line of the run. The dashboard is the signed-in learner's home. */
export function contractLine(r: BenchResults): string {
  const by = (path: string) => r.load.find((l) => l.path === path);
  // A target with no response inside the run has no p99 to give: null, not a misleading 0.
  const p99 = (path: string) => ((by(path)?.requests ?? 0) > 0 ? by(path)!.p99 : null);
  const stat = by('/favicon.svg');
  const dash = by('/learn');
  const errors = r.load.reduce((sum, l) => sum + l.errors + l.non2xx, 0);
  return JSON.stringify({
    dashboard_rps: round(dash?.rps ?? 0),
    dashboard_p99_ms: p99('/learn'),
    static_rps: round(stat?.rps ?? 0),
    ratio: round((dash?.rps ?? 0) / (stat?.rps ?? 1), 4),
    errors,
    mode: r.scale.name,
    assess_rps: round(by('/assess')?.rps ?? 0),
    assess_p99_ms: p99('/assess'),
    manage_rps: round(by('/manage')?.rps ?? 0),
    manage_p99_ms: p99('/manage'),
    connections: r.scale.load.connections,
    seconds: round(r.totalSeconds),
  });
}
