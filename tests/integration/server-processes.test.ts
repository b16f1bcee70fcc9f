/**
 * The server as several processes (WEB_CONCURRENCY=2; src/server/cluster.ts): a supervisor and two
 * workers sharing one port, a worker that dies replaced while the other keeps serving, everything
 * stopped by SIGTERM, and a bad setting refused before anything starts. `npm test` runs this suite
 * after the build (tests/run-all.ts), with the crash and shutdown tests.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { WORKER_V8_FLAGS } from '../../src/server/cluster';
import { running, send, signIn, startServer } from './support/server-process';

const dir = mkdtempSync(join(tmpdir(), 'goodwill-processes-'));
afterAll(() => {
  for (const child of running) child.kill('SIGKILL');
  rmSync(dir, { recursive: true, force: true });
});

const workersOf = (pid: number): number[] => {
  const file = `/proc/${pid}/task/${pid}/children`;
  return existsSync(file) ? readFileSync(file, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number) : [];
};
const alive = (pid: number) => existsSync(`/proc/${pid}`) && !/^State:\s+Z/m.test(readFileSync(`/proc/${pid}/status`, 'utf8'));
const until = async (check: () => boolean, what: string) => {
  const deadline = Date.now() + 30_000;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
};

describe('several server processes', () => {
  it('serves from two workers, replaces one that dies, and stops them all on SIGTERM', async () => {
    const server = await startServer(join(dir, 'two.db'), { WEB_CONCURRENCY: '2' });
    const supervisor = server.child.pid!;
    expect(server.output()).toContain('(2 server processes)');
    const [first, second] = workersOf(supervisor);
    expect([first, second].every((p) => p !== undefined && alive(p))).toBe(true);
    // Each worker runs with the heap setting that keeps its memory level under steady load.
    for (const p of [first, second]) expect(readFileSync(`/proc/${p}/cmdline`, 'utf8').split('\0')).toEqual(expect.arrayContaining(WORKER_V8_FLAGS));

    // A session made through one worker is good on the other: nothing is kept in a process.
    const cookie = await signIn(server.base, 'learner@demo.goodwill.test');
    for (let i = 0; i < 6; i++) expect((await send(server.base, 'GET', '/learn', { cookie })).status).toBe(200);

    process.kill(first!, 'SIGKILL');
    await server.waitForLine(/A server process stopped unexpectedly \(SIGKILL\); starting another\./);
    // Requests keep being answered while the replacement starts (each on a new connection).
    for (let i = 0; i < 6; i++) expect((await send(server.base, 'GET', '/learn', { cookie })).status).toBe(200);
    await until(() => workersOf(supervisor).length === 2 && !workersOf(supervisor).includes(first!), 'a replacement worker is running');
    expect(workersOf(supervisor)).toContain(second);
    const replacement = workersOf(supervisor).find((p) => p !== second);
    expect(replacement).toBeDefined();
    expect(replacement).not.toBe(first);
    expect(alive(replacement!)).toBe(true);

    const workers = workersOf(supervisor);
    server.child.kill('SIGTERM');
    await server.waitForLine(/SIGTERM: no longer accepting/);
    expect(await server.exited).toEqual({ code: 0, signal: null });
    await until(() => workers.every((p) => !alive(p)), 'every worker has exited');
    // Run alone, start.ts builds first when the build is missing or stale (npm test builds before this suite).
  }, 180_000);

  /** `npm start` with one setting wrong: it must stop before creating the database file. */
  const startWith = (env: Record<string, string>, database: string) =>
    spawnSync(process.execPath, ['--import', 'tsx', 'src/server/start.ts'], {
      cwd: fileURLToPath(new URL('../..', import.meta.url)),
      env: { ...process.env, ...env, DATABASE_URL: `file:${join(dir, database)}`, PORT: '1' },
      encoding: 'utf8',
      timeout: 60_000,
    });

  it('refuses a bad WEB_CONCURRENCY before building, migrating or listening', () => {
    const r = startWith({ WEB_CONCURRENCY: 'lots' }, 'never.db');
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('Goodwill cannot start: WEB_CONCURRENCY must be a whole number of server processes from 1 to 16; it is "lots".');
    expect(existsSync(join(dir, 'never.db'))).toBe(false);
  }, 60_000);

  it('refuses a BADGE_KEY_SECRET too short to be one before starting, without printing it', () => {
    const r = startWith({ BADGE_KEY_SECRET: 'hunter2' }, 'never-either.db');
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('Goodwill cannot start: BADGE_KEY_SECRET must be at least 32 characters');
    expect(r.stderr + r.stdout).not.toContain('hunter2');
    expect(existsSync(join(dir, 'never-either.db'))).toBe(false);
  }, 60_000);
});
