/**
 * `npm run soak [-- --minutes N]`: a mixed-load soak of the real server that reports its memory before
 * and after (issue 9: ten minutes, growth under 10 %). Not part of `npm test`.
 *
 * 1. Builds when the build is missing or stale (as the benchmark does).
 * 2. Makes a fresh database file, data/soak/goodwill-soak.db, migrated and seeded with the demo
 *    organisation by the app's own db/migrate.ts and db/seed.ts (start.ts never seeds under
 *    NODE_ENV=production, which the soak runs with), then starts src/server/start.ts on it with the
 *    memory probe preloaded (memory-probe.mjs; --expose-gc so the probe can collect before it measures).
 * 3. Signs in as the demo learner, assessor and manager and runs the mix (mix.ts) with --connections
 *    virtual users until the time is up, sampling memory at the start, every --sample-seconds, at the
 *    end of the warm-up (the "before" figure; JIT and caches have settled by then) and at the end.
 * 4. Prints the tables, writes JSON to tests/soak/results/ (git-ignored) and ends with a JSON line.
 *    Exits 1 when RSS grew by 10 % or more after the warm-up, or when any request failed.
 */
import { existsSync, mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { openDatabase } from '../../db/client';
import { migrateDatabase } from '../../db/migrate';
import { seedDemo } from '../../db/seed';
import { buildWithRetries } from '../bench/build';
import { loadNow, machine } from '../bench/report';
import { get, ROOT, signIn, startBenchServer } from '../bench/server';
import { rssSlope, sampleMemory, type MemorySample } from './memory';
import { Mix } from './mix';
import { GROWTH_LIMIT_PERCENT, render, verdictLine, WRITE_KINDS, type SoakResults, type SoakSettings } from './report';
import { Recorder } from './requests';

const started = performance.now();
const loadAtStart = loadNow();
const now = new Date();
const { values: flags } = parseArgs({
  options: {
    minutes: { type: 'string', default: '10' },
    'warmup-minutes': { type: 'string' },
    connections: { type: 'string', default: '12' },
    'think-ms': { type: 'string', default: '100' },
    'sample-seconds': { type: 'string', default: '30' },
  },
});
const minutes = Number(flags.minutes);
const settings: SoakSettings = {
  minutes,
  // A minute, as the issue suggests, but never more than a quarter of a short run.
  warmupMinutes: flags['warmup-minutes'] !== undefined ? Number(flags['warmup-minutes']) : Math.min(1, minutes / 4),
  connections: Number(flags.connections),
  thinkMs: Number(flags['think-ms']),
  sampleSeconds: Number(flags['sample-seconds']),
};
if (![settings.minutes, settings.connections, settings.sampleSeconds].every((n) => Number.isFinite(n) && n > 0) || !(settings.warmupMinutes >= 0 && settings.warmupMinutes < minutes) || !(settings.thinkMs >= 0)) {
  console.error('usage: npm run soak -- [--minutes N] [--warmup-minutes M < N] [--connections C] [--think-ms T] [--sample-seconds S]');
  process.exit(2);
}

const elapsed = () => `${((performance.now() - started) / 1000).toFixed(0)} s`;
const step = (text: string) => console.log(`[soak ${elapsed()}] ${text}`);
const dir = join(ROOT, 'data/soak');
const dbFile = join(dir, 'goodwill-soak.db');
const probeFile = join(dir, 'memory-probe.jsonl');
const megabytes = () => ['', '-wal'].reduce((sum, suffix) => sum + (existsSync(dbFile + suffix) ? statSync(dbFile + suffix).size : 0), 0) / 1_048_576;
const sleepUntil = (at: number) => new Promise((resolve) => setTimeout(resolve, Math.max(0, at - Date.now())));

step(`${settings.minutes} min with ${settings.connections} virtual users (warm-up ${settings.warmupMinutes} min)`);
await buildWithRetries(step);

step('making a fresh database with the demo organisation');
mkdirSync(dir, { recursive: true });
for (const f of [dbFile, `${dbFile}-wal`, `${dbFile}-shm`, probeFile]) rmSync(f, { force: true });
const open = openDatabase(`file:${dbFile}`);
await open.ready;
await migrateDatabase(open.db);
await seedDemo(open.db, now);
open.client.close();
const megabytesBefore = megabytes();

step('starting the server');
const server = await startBenchServer(dbFile, { GOODWILL_SOAK_MEMORY_FILE: probeFile }, ['--expose-gc', '--import', pathToFileURL(join(ROOT, 'tests/soak/memory-probe.mjs')).href]);
const pid = server.child.pid!;
const rec = new Recorder();
const samples: MemorySample[] = [];
let results: SoakResults;
try {
  const [learner, assessor, manager] = await Promise.all(['learner', 'assessor', 'manager'].map((who) => signIn(server.base, `${who}@demo.goodwill.test`)));
  for (const [path, cookie, expect] of [['/learn', learner, 'Your learning'], ['/assess', assessor, 'Waiting for you'], ['/manage', manager, 'Managing your shop']] as const) {
    const page = await get(server.base, path, cookie);
    if (page.status !== 200 || !page.body.includes(expect)) throw new Error(`${path} answered ${page.status} without "${expect}": the sign-in did not take`);
  }
  const mix = new Mix(rec, server.base, { learner: learner!, assessor: assessor!, manager: manager! });
  await mix.setUp(settings.connections);

  const duration = settings.minutes * 60_000;
  const warmup = settings.warmupMinutes * 60_000;
  const t0 = Date.now();
  const deadline = t0 + duration;
  step(`load running until ${new Date(deadline).toISOString().slice(11, 19)} UTC; memory every ${settings.sampleSeconds} s`);
  const load = Promise.all(mix.users.map((u) => mix.run(u, deadline, settings.thinkMs)));
  const times = [...new Set([...Array.from({ length: Math.ceil(duration / (settings.sampleSeconds * 1000)) }, (_, i) => i * settings.sampleSeconds * 1000), warmup])].sort((a, b) => a - b);
  let before: MemorySample | undefined;
  for (const t of times) {
    await sleepUntil(t0 + t);
    const isBefore = !before && t >= warmup;
    if (isBefore) rec.measuring = true;
    const s = await sampleMemory(pid, probeFile, (Date.now() - t0) / 1000, t === 0 ? 'start' : isBefore ? 'after warm-up' : '');
    samples.push(s);
    if (isBefore) before = s;
    step(`${s.at} s: RSS ${s.rssMb} MB (private ${s.rssAnonMb}, mapped files ${s.rssFileMb}), heap after GC ${s.heapAfterGcMb ?? '—'} MB; ${rec.kinds.size ? [...rec.kinds.values()].reduce((n, k) => n + k.requests, 0) : 0} requests, ${rec.failureCount} failed`);
  }
  await load;
  const after = await sampleMemory(pid, probeFile, (Date.now() - t0) / 1000, 'end');
  samples.push(after);
  before ??= samples[0]!;

  const summary = rec.summary();
  const requests = summary.reduce((n, k) => n + k.requests, 0);
  const growthPercent = ((after.rssMb - before.rssMb) / before.rssMb) * 100;
  const anonGrowthPercent = ((after.rssAnonMb - before.rssAnonMb) / before.rssAnonMb) * 100;
  results = {
    settings,
    machine: machine(now, loadAtStart),
    memory: { samples, before, after, peakRssMb: Math.max(after.hwmMb, ...samples.map((s) => s.rssMb)), growthPercent, anonGrowthPercent, slopeMbPerMinute: rssSlope(samples.filter((s) => s.at >= before!.at)) },
    requests: summary,
    totals: { requests, failures: rec.failureCount, rps: requests / ((Date.now() - t0) / 1000), writes: summary.filter((k) => WRITE_KINDS.has(k.kind)).reduce((n, k) => n + k.requests, 0) },
    failures: rec.failures,
    database: { megabytesBefore, megabytesAfter: megabytes() },
    // The verdict is on private memory: a leak grows it. Mapped database pages are shared page cache,
    // bounded by the file, and grow as the soak's own writes grow the file; both figures are printed.
    pass: anonGrowthPercent < GROWTH_LIMIT_PERCENT && rec.failureCount === 0,
    seconds: 0,
  };
} finally {
  await server.stop();
}

results.seconds = Math.round((performance.now() - started) / 1000);
console.log(`\n${render(results)}\n`);
const resultsDir = join(ROOT, 'tests/soak/results');
mkdirSync(resultsDir, { recursive: true });
const resultsFile = join(resultsDir, `${now.toISOString().replace(/[:.]/g, '-')}-${settings.minutes}min.json`);
writeFileSync(resultsFile, `${JSON.stringify(results, null, 2)}\n`);
console.log(`Results written to ${resultsFile.slice(ROOT.length)}; total time ${results.seconds} s.`);
console.log(verdictLine(results));
process.exitCode = results.pass ? 0 : 1;
