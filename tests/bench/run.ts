/**
 * `npm run bench [-- --quick] [-- --reuse-db]`: the performance benchmark (CONTRACTS §1 and §8).
 *
 * 1. Builds when the build is missing or stale (src/server/build-if-stale.ts).
 * 2. Seeds its own database file under data/bench/ at the chosen scale (tests/bench/scale.ts); with
 *    --reuse-db an earlier file of the same scale and migrations is used as it is.
 * 3. Times the per-person service functions and the effect analysis at that scale, in this process.
 * 4. Starts the real server on that file and measures: JavaScript per page, queries per request (in a
 *    second process with GOODWILL_QUERY_COUNT=1), then autocannon load on a static file and the three
 *    signed-in homes.
 * 5. Prints the tables, writes them as JSON to tests/bench/results/, and ends with the §8 JSON line.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { join } from 'node:path';
import { openDatabase } from '../../db/client';
import { MIGRATIONS_FOLDER } from '../../db/migrate';
import { closeDatabase, useDatabase } from '../../src/lib/server/db';
import { buildWithRetries } from './build';
import { effectsAtScale } from './effects';
import { pageWeight, type PageWeight } from './js-weight';
import { serviceLatency } from './latency';
import { runLoad, type Target } from './load';
import type { PageCount } from './query-count';
import { contractLine, loadNow, machine, render, type BenchResults } from './report';
import { scales } from './scale';
import { createBenchDatabase, type SeedReport } from './seed-large';
import { postForm, ROOT, signIn, startBenchServer, startScenario } from './server';

const started = performance.now();
const loadAtStart = loadNow();
const args = new Set(process.argv.slice(2));
const scale = scales[args.has('--quick') ? 'quick' : 'full'];
const now = new Date();
const dbFile = join(ROOT, 'data/bench', `goodwill-bench-${scale.name}.db`);
const stampFile = `${dbFile}.json`;
const elapsed = () => `${((performance.now() - started) / 1000).toFixed(0)} s`;
const step = (text: string) => console.log(`[bench ${elapsed()}] ${text}`);

async function seed(): Promise<SeedReport & { reused: boolean }> {
  const migrations = readdirSync(MIGRATIONS_FOLDER).filter((f) => f.endsWith('.sql')).sort().join(',');
  if (args.has('--reuse-db') && existsSync(dbFile) && existsSync(stampFile)) {
    const stamp = JSON.parse(readFileSync(stampFile, 'utf8')) as { scale: string; migrations: string; report: SeedReport };
    if (stamp.scale === scale.name && stamp.migrations === migrations) return { ...stamp.report, reused: true };
    step('the saved database is of another scale or older migrations: seeding again');
  }
  mkdirSync(join(ROOT, 'data/bench'), { recursive: true });
  const report = await createBenchDatabase(dbFile, scale, now);
  writeFileSync(stampFile, JSON.stringify({ scale: scale.name, migrations, report }));
  return { ...report, reused: false };
}

/** Reads a file start to end and throws the bytes away. */
async function readWhole(file: string): Promise<void> {
  const handle = await open(file, 'r');
  const buffer = Buffer.allocUnsafe(16 * 1024 * 1024);
  try {
    while ((await handle.read(buffer, 0, buffer.length, null)).bytesRead > 0);
  } finally {
    await handle.close();
  }
}

/** Runs tests/bench/query-count.ts in its own process, with statement counting on. */
function countQueries(pages: { name: string; path: string; cookie?: string }[]): Promise<PageCount[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'tests/bench/query-count.ts'], {
      cwd: ROOT,
      env: { ...process.env, GOODWILL_QUERY_COUNT: '1', DATABASE_URL: `file:${dbFile}`, NODE_ENV: 'production', BENCH_PAGES: JSON.stringify(pages), BENCH_RUNS: String(Math.min(30, scale.runs)) },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out = (out + d.toString()).slice(-1_000_000)));
    child.on('exit', (code) => {
      const line = out.split('\n').find((l) => l.startsWith('BENCH_RESULT '));
      if (code === 0 && line) resolve(JSON.parse(line.slice('BENCH_RESULT '.length)) as PageCount[]);
      else reject(new Error(`query counting exited with ${code}`));
    });
  });
}

step(`scale ${scale.name}: ${scale.learners} learners in ${scale.shops} shops, ${scale.evidence} evidence items, ${scale.sales} sales rows`);
await buildWithRetries(step);
step('seeding the benchmark database');
const seedReport = await seed();
step(`database ready (${seedReport.megabytes.toFixed(0)} MB${seedReport.reused ? ', reused' : `, seeded in ${seedReport.seconds.toFixed(0)} s`})`);

// A database server keeps a file this size in its page cache; this machine reclaims idle cache within
// minutes, so a reused file would be timed from disk. Reading it once puts every run on the same footing.
step('reading the database file once, into the OS cache');
await readWhole(dbFile);

// Service functions in this process, on the file opened exactly as the app opens it.
useDatabase(openDatabase(`file:${dbFile}`));
step('timing the service functions');
const latency = await serviceLatency(scale, now);
step('timing the effect analysis');
const effects = await effectsAtScale(now);
closeDatabase();

step('starting the server');
const server = await startBenchServer(dbFile);
let results: BenchResults;
try {
  const [learner, assessor, manager] = await Promise.all(['learner', 'assessor', 'manager'].map((who) => signIn(server.base, `${who}@demo.goodwill.test`)));
  const player = await startScenario(server.base, learner!);
  const check = await postForm(server.base, '/learn/modules/K1/check', learner!);
  step('weighing the JavaScript of each page');
  const pages: { path: string; cookie?: string }[] = [
    { path: '/login' },
    ...['/learn', '/learn/modules', '/learn/portfolio', '/learn/scenarios', '/learn/modules/P1', '/learn/modules/P2', check, '/learn/calculator', '/learn/reflections/demo-reflection-bench', player].map((path) => ({ path, cookie: learner })),
    ...['/assess', '/assess/cohort'].map((path) => ({ path, cookie: assessor })),
    ...['/manage', '/manage/competence', '/manage/register', '/manage/effects'].map((path) => ({ path, cookie: manager })),
  ];
  const weights: PageWeight[] = [];
  for (const p of pages) weights.push(await pageWeight(server.base, p.path, p.cookie));

  const targets: Target[] = [
    { name: 'static file', path: '/favicon.svg' },
    { name: 'learner home', path: '/learn', cookie: learner, expect: 'Your learning' },
    { name: 'assessor queue', path: '/assess', cookie: assessor, expect: 'Waiting for you' },
    { name: 'manager home', path: '/manage', cookie: manager, expect: 'Managing your shop' },
  ];
  step('counting queries per request');
  const counts = await countQueries(targets);
  step(`load: ${targets.length} targets × (${scale.load.warmupSeconds} s warm-up + ${scale.load.seconds} s)`);
  const load = await runLoad(server.base, server.child.pid!, targets, scale);
  results = { scale, machine: machine(now, loadAtStart), seed: seedReport, load, counts, weights, latency, effects, totalSeconds: 0 };
} finally {
  await server.stop();
}

results.totalSeconds = (performance.now() - started) / 1000;
console.log(`\n${render(results)}\n`);
const resultsDir = join(ROOT, 'tests/bench/results');
mkdirSync(resultsDir, { recursive: true });
const resultsFile = join(resultsDir, `${now.toISOString().replace(/[:.]/g, '-')}-${scale.name}.json`);
writeFileSync(resultsFile, `${JSON.stringify(results, null, 2)}\n`);
console.log(`Results written to ${resultsFile.slice(ROOT.length)}; total time ${results.totalSeconds.toFixed(0)} s.`);
console.log(contractLine(results));
