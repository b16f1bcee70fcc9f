/**
 * Runs every suite in turn and prints one closing line, `N passed, N failed`, counting individual tests
 * (the type check counts as one). Exits non-zero when anything failed.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { npmAudit } from './security-audit';

const env = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', FORCE_COLOR: '0' };
const bin = (name: string) => join('node_modules', '.bin', name);
const tally = { passed: 0, failed: 0, skipped: 0 };

function run(label: string, cmd: string, args: string[]): number {
  console.log(`\n=== ${label}: ${cmd} ${args.join(' ')}`);
  const r = spawnSync(cmd, args, { stdio: 'inherit', env });
  return r.status ?? 1;
}

const work = mkdtempSync(join(tmpdir(), 'goodwill-test-'));

/** Suites that start the real server from dist/: vitest runs before the build, so these run after it. */
const AFTER_BUILD = ['tests/integration/durability.test.ts', 'tests/integration/server-processes.test.ts'];

/** One vitest run, its tests added to the tally (a suite that fails to load counts as a failure). */
function vitest(label: string, args: string[]): void {
  const json = join(work, `vitest-${label.toLowerCase().replace(/\W+/g, '-')}.json`);
  run(label, bin('vitest'), ['run', '--config', 'tests/vitest.config.ts', '--reporter=default', '--reporter=json', `--outputFile.json=${json}`, ...args]);
  try {
    const v = JSON.parse(readFileSync(json, 'utf8')) as { numPassedTests: number; numFailedTests: number; numPendingTests: number; numTodoTests: number; testResults: { status: string; assertionResults: unknown[] }[] };
    tally.passed += v.numPassedTests;
    tally.failed += v.numFailedTests;
    tally.skipped += v.numPendingTests + v.numTodoTests;
    tally.failed += v.testResults.filter((s) => s.status === 'failed' && s.assertionResults.length === 0).length;
  } catch {
    tally.failed++;
  }
}

try {
  // 1. Type check (astro check covers .astro, .svelte and .ts).
  const typecheck = run('Type check', bin('astro'), ['check', '--minimumSeverity', 'error']);
  typecheck === 0 ? tally.passed++ : tally.failed++;

  // Known vulnerabilities in production dependencies, one counted check (see tests/security-audit.ts).
  console.log('\n=== Dependency audit: npm audit --omit=dev');
  const audit = npmAudit();
  console.log(audit.message);
  tally[audit.tally]++;

  // 2. Unit and integration tests (all but the ones that need the build; they run after it).
  vitest('Unit and integration tests', AFTER_BUILD.flatMap((file) => ['--exclude', file]));

  // 3. Tests against the production build: crash durability and graceful shutdown of the real server
  // process, then end-to-end in the browser.
  const build = run('Build', bin('astro'), ['build']);
  if (build !== 0) tally.failed++;
  else {
    vitest('Server process tests (crash, shutdown, several processes)', AFTER_BUILD);
    const pwJson = join(work, 'playwright.json');
    spawnSync(bin('playwright'), ['test', '--config', 'tests/playwright.config.ts', '--reporter=list,json'], {
      stdio: 'inherit',
      env: { ...env, PLAYWRIGHT_JSON_OUTPUT_NAME: pwJson },
    });
    try {
      const p = JSON.parse(readFileSync(pwJson, 'utf8')) as { stats: { expected: number; unexpected: number; flaky: number; skipped: number }; errors?: unknown[] };
      tally.passed += p.stats.expected + p.stats.flaky;
      tally.failed += p.stats.unexpected + (p.errors?.length ?? 0);
      tally.skipped += p.stats.skipped;
    } catch {
      tally.failed++;
    }
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}

console.log(`\n${tally.passed} passed, ${tally.failed} failed${tally.skipped ? `, ${tally.skipped} skipped` : ''}`);
process.exit(tally.failed === 0 ? 0 : 1);
