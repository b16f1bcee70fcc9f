/**
 * The soak's report: Markdown tables (memory over time, requests per kind), the JSON written to
 * tests/soak/results/, and a closing JSON line with the verdict.
 */
import { machine, table } from '../bench/report';
import { round } from '../bench/stats';
import type { MemorySample } from './memory';
import type { Failure, Recorder } from './requests';

/** The limit: RSS may grow by less than this between the end of the warm-up and the end. */
export const GROWTH_LIMIT_PERCENT = 10;

export interface SoakSettings {
  minutes: number;
  warmupMinutes: number;
  connections: number;
  thinkMs: number;
  sampleSeconds: number;
}

export interface SoakResults {
  settings: SoakSettings;
  machine: ReturnType<typeof machine>;
  memory: {
    samples: MemorySample[];
    before: MemorySample;
    after: MemorySample;
    peakRssMb: number;
    growthPercent: number;
    /** Growth of private memory (RssAnon), on which the verdict rests. */
    anonGrowthPercent: number;
    /** RSS trend after the warm-up, MB per minute (least squares). */
    slopeMbPerMinute: number | null;
  };
  requests: ReturnType<Recorder['summary']>;
  totals: { requests: number; failures: number; rps: number; writes: number };
  failures: Failure[];
  database: { megabytesBefore: number; megabytesAfter: number };
  pass: boolean;
  seconds: number;
}

/** Kinds that change something on the server. */
export const WRITE_KINDS = new Set(['reflection-new', 'reflection-save', 'scenario-start', 'scenario-move', 'check-start', 'check-submit', 'register-log', 'sign-in', 'sign-out']);

const fixed = (n: number | null, digits = 1) => (n === null || Number.isNaN(n) ? '—' : n.toFixed(digits));

export function render(r: SoakResults): string {
  const m = r.memory;
  const measuredSeconds = (r.settings.minutes - r.settings.warmupMinutes) * 60;
  let previous: MemorySample | undefined;
  const memoryRows = m.samples.map((s) => {
    const cpu = previous && s.at > previous.at ? `${Math.round(((s.cpuSeconds - previous.cpuSeconds) / (s.at - previous.at)) * 100)} %` : '—';
    previous = s;
    return [s.at, s.label, fixed(s.rssMb), fixed(s.rssAnonMb), fixed(s.rssFileMb), fixed(s.heapUsedMb), fixed(s.heapAfterGcMb), fixed(s.externalMb), cpu];
  });
  return [
    `## Goodwill soak: ${r.settings.minutes} min mixed load`,
    `${r.machine.date.slice(0, 10)}; ${r.machine.cores} cores (${r.machine.cpu}), ${r.machine.memoryGiB} GiB memory, Node ${r.machine.node}. ` +
      `Load average (1 min) ${r.machine.loadAverage.atStart} at the start, ${r.machine.loadAverage.afterLoad} at the end. ` +
      `${r.settings.connections} virtual users, each pausing 0–${2 * r.settings.thinkMs} ms between actions; warm-up ${r.settings.warmupMinutes} min; memory every ${r.settings.sampleSeconds} s. ` +
      `Database ${r.database.megabytesBefore.toFixed(1)} MB at the start, ${r.database.megabytesAfter.toFixed(1)} MB at the end.`,
    '',
    `### Server memory, summed over its ${m.after.processes} process${m.after.processes === 1 ? '' : 'es'} (RSS from /proc; heap from the probe, "after GC" once a full collection has run)`,
    table(['s', 'sample', 'RSS MB', 'private MB', 'mapped files MB', 'heap used MB', 'heap after GC MB', 'external MB', 'server CPU since last'], memoryRows),
    '',
    table(
      ['RSS after warm-up', 'RSS at end', 'peak (VmHWM)', 'RSS growth', 'private memory', 'private growth', 'trend after warm-up', 'heap after GC: warm-up → end', 'verdict (private memory)'],
      [[`${fixed(m.before.rssMb)} MB`, `${fixed(m.after.rssMb)} MB`, `${fixed(m.peakRssMb)} MB`, `${m.growthPercent.toFixed(1)} %`, `${fixed(m.before.rssAnonMb)} → ${fixed(m.after.rssAnonMb)} MB`, `${m.anonGrowthPercent.toFixed(1)} %`, m.slopeMbPerMinute === null ? '—' : `${m.slopeMbPerMinute.toFixed(2)} MB/min`, `${fixed(m.before.heapAfterGcMb)} → ${fixed(m.after.heapAfterGcMb)} MB`, m.anonGrowthPercent < GROWTH_LIMIT_PERCENT ? `under ${GROWTH_LIMIT_PERCENT} %: met` : `**not met** (limit ${GROWTH_LIMIT_PERCENT} %)`]],
    ),
    '',
    `### Requests (latencies of the ${Math.round(measuredSeconds)} s after the warm-up; counts over the whole run)`,
    table(
      ['kind', 'write', 'requests', 'failures', 'statuses', 'p50 ms', 'p99 ms'],
      [
        ...r.requests.map((k) => [k.kind, WRITE_KINDS.has(k.kind) ? 'yes' : '', k.requests, k.failures, Object.entries(k.statuses).map(([s, n]) => `${s}×${n}`).join(', '), fixed(k.p50, 0), fixed(k.p99, 0)]),
        ['**all**', `${r.totals.writes}`, r.totals.requests, r.totals.failures, '', '', ''],
      ],
    ),
    '',
    `${r.totals.requests.toLocaleString('en-GB')} requests in ${r.settings.minutes} min (${r.totals.rps.toFixed(1)} req/s, ${r.totals.writes.toLocaleString('en-GB')} of them writes), ${r.totals.failures} failed.`,
    ...(r.failures.length ? ['', 'First failures:', ...r.failures.map((f) => `- ${f.kind} ${f.path}: ${f.status} ${f.detail}`)] : []),
  ].join('\n');
}

/** The closing line: one JSON object with the figures a script needs and the verdict. */
export function verdictLine(r: SoakResults): string {
  const status: Record<string, number> = {};
  for (const k of r.requests) for (const [s, n] of Object.entries(k.statuses)) status[s] = (status[s] ?? 0) + n;
  return JSON.stringify({
    minutes: r.settings.minutes,
    rss_before_mb: r.memory.before.rssMb,
    rss_after_mb: r.memory.after.rssMb,
    rss_peak_mb: r.memory.peakRssMb,
    growth_pct: round(r.memory.growthPercent, 2),
    private_before_mb: r.memory.before.rssAnonMb,
    private_after_mb: r.memory.after.rssAnonMb,
    private_growth_pct: round(r.memory.anonGrowthPercent, 2),
    heap_after_gc_before_mb: r.memory.before.heapAfterGcMb,
    heap_after_gc_after_mb: r.memory.after.heapAfterGcMb,
    requests: r.totals.requests,
    writes: r.totals.writes,
    rps: round(r.totals.rps),
    errors: r.totals.failures,
    status,
    connections: r.settings.connections,
    pass: r.pass,
  });
}
