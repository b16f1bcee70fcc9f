/**
 * The real server for the load runs: `node --import tsx src/server/start.ts` on the production build and
 * the benchmark's database, as `npm start` runs it, with NODE_ENV=production (its cookies and headers).
 * Its request log goes to /dev/null: writing it still costs the server what it costs in production,
 * but reading it back here would take CPU from the two cores the load shares.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { freePort } from '../integration/support/server-process';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const DEMO_PASSWORD = 'goodwill-demo-2026';

export interface BenchServer {
  base: string;
  child: ChildProcess;
  stop(): Promise<void>;
}

/** Ports other people's servers use on this machine; a free port from the OS is never one of them, but check. */
const TAKEN = new Set([4321, 4555, 4561]);

/** `nodeArgs` go before the script (e.g. the soak's `--expose-gc` and its memory probe). */
export async function startBenchServer(databaseFile: string, env: Record<string, string> = {}, nodeArgs: readonly string[] = []): Promise<BenchServer> {
  let port = await freePort();
  while (TAKEN.has(port)) port = await freePort();
  const child = spawn(process.execPath, [...nodeArgs, '--import', 'tsx', 'src/server/start.ts'], {
    cwd: ROOT,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATABASE_URL: `file:${databaseFile}`, SEED_DEMO: 'false', NODE_ENV: 'production', ASTRO_TELEMETRY_DISABLED: '1', ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (d: Buffer) => (stderr = (stderr + d.toString()).slice(-4000)));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the server exited (${child.exitCode}) before answering:\n${stderr}`);
    const ok = await fetch(`${base}/api/health`).then((r) => r.ok, () => false);
    if (ok) break;
    if (Date.now() > deadline) throw new Error(`the server did not answer within 120 s:\n${stderr}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  const stop = async () => {
    if (child.exitCode !== null) return;
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
    await exited;
    clearTimeout(timer);
  };
  return { base, child, stop };
}

/** Signs in through the real form (with the Origin header a browser sends) and returns the cookie pair. */
export async function signIn(base: string, email: string): Promise<string> {
  const res = await fetch(`${base}/login`, {
    method: 'POST',
    redirect: 'manual',
    headers: { origin: base, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ email, password: DEMO_PASSWORD }).toString(),
  });
  const cookie = res.headers.getSetCookie().find((c) => /^(__Host-)?session=[^;]+/.test(c));
  if (res.status !== 303 || !cookie) throw new Error(`sign-in as ${email} failed: ${res.status}`);
  return cookie.split(';')[0]!;
}

export async function get(base: string, path: string, cookie?: string): Promise<{ status: number; body: string; location: string | null }> {
  const res = await fetch(`${base}${path}`, { redirect: 'manual', headers: cookie ? { cookie } : {} });
  return { status: res.status, body: await res.text(), location: res.headers.get('location') };
}

/** Posts an empty form as the signed-in person (as a browser's button does) and returns where it redirects. */
export async function postForm(base: string, path: string, cookie: string): Promise<string> {
  const res = await fetch(`${base}${path}`, { method: 'POST', redirect: 'manual', headers: { cookie, origin: base, 'content-type': 'application/x-www-form-urlencoded' }, body: '' });
  const location = res.headers.get('location');
  if (res.status !== 303 || !location) throw new Error(`POST ${path} answered ${res.status}`);
  return new URL(location, base).pathname;
}

/** Starts a negotiation as the learner, for the player page's URL. */
export async function startScenario(base: string, cookie: string): Promise<string> {
  const list = await get(base, '/learn/scenarios', cookie);
  const id = /href="\/learn\/scenarios\/([a-z0-9-]+)"/.exec(list.body)?.[1];
  if (!id) throw new Error('no scenario listed on /learn/scenarios');
  return postForm(base, `/learn/scenarios/${id}`, cookie);
}
