/**
 * The security suites run against a server of their own (the real `src/server/start.ts` on the
 * production build, a fresh database in a temporary folder, a free port) rather than the shared e2e
 * server: they post to every state-changing route as every role, trip the sign-in throttles (which
 * count per address, and every test comes from the same address) and read the server's own output.
 * None of that may disturb the other suites, and the shared server's output is not captured.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { request as playwrightRequest, type APIRequestContext } from '@playwright/test';
import { createClient, type Client } from '@libsql/client';

export const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
export const DEMO_PASSWORD = 'goodwill-demo-2026';

export const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
    s.on('error', reject);
  });

export interface Goodwill {
  base: string;
  dir: string;
  databaseFile: string;
  child: ChildProcess;
  /** Everything the process wrote to stdout and stderr so far. */
  output(): string;
  /** A read-only look at the server's database (WAL: reads do not block the server). */
  sql(): Client;
  stop(): Promise<void>;
}

export interface StartOptions {
  /** NODE_ENV for the server; `production` never seeds, so `prepare` must create what the test needs. */
  nodeEnv?: 'test' | 'production';
  /** Runs against the fresh database file before the server starts (e.g. migrate and seed it). */
  prepare?: (databaseFile: string) => Promise<void>;
  env?: Record<string, string>;
}

export async function startGoodwill(options: StartOptions = {}): Promise<Goodwill> {
  const dir = mkdtempSync(join(tmpdir(), 'goodwill-security-'));
  const databaseFile = join(dir, 'security.db');
  if (options.prepare) await options.prepare(databaseFile);
  const port = await freePort();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    HOST: '127.0.0.1',
    DATABASE_URL: `file:${databaseFile}`,
    SEED_DEMO: 'true',
    ASTRO_TELEMETRY_DISABLED: '1',
    NODE_ENV: options.nodeEnv ?? 'test',
    ...options.env,
  };
  // The server's own origin is the only one allowed: no proxy origin from the calling shell.
  if (!options.env?.ORIGIN) delete env.ORIGIN;
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/start.ts'], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const waiters: { pattern: RegExp; resolve: () => void }[] = [];
  const onData = (d: Buffer) => {
    output += d.toString();
    for (const w of waiters.filter((x) => x.pattern.test(output))) w.resolve();
  };
  child.stdout!.on('data', onData);
  child.stderr!.on('data', onData);
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start in 90 s:\n${output.slice(-2000)}`)), 90_000);
    waiters.push({ pattern: /Goodwill is serving on/, resolve: () => (clearTimeout(timer), resolve()) });
    void exited.then(() => (clearTimeout(timer), reject(new Error(`server exited before serving:\n${output.slice(-2000)}`))));
  });
  let client: Client | null = null;
  return {
    base: `http://127.0.0.1:${port}`,
    dir,
    databaseFile,
    child,
    output: () => output,
    sql: () => (client ??= createClient({ url: `file:${databaseFile}`, timeout: 5_000 } as Parameters<typeof createClient>[0])),
    stop: async () => {
      client?.close();
      if (child.exitCode === null) {
        child.kill('SIGTERM');
        await Promise.race([exited, new Promise((r) => setTimeout(r, 5_000))]);
        if (child.exitCode === null) child.kill('SIGKILL');
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** An API client for one person: cookies kept, redirects not followed, same-origin posts by default. */
export async function client(base: string): Promise<APIRequestContext> {
  return playwrightRequest.newContext({ baseURL: base, maxRedirects: 0 });
}

/** Signs `ctx` in (its cookie jar keeps the session) and returns the raw session token. */
export async function signInAs(ctx: APIRequestContext, base: string, email: string, password = DEMO_PASSWORD): Promise<string> {
  const r = await ctx.post('/login', { form: { email, password }, headers: { origin: base } });
  if (r.status() !== 303) throw new Error(`sign-in as ${email} answered ${r.status()}`);
  const cookie = r.headersArray().find((h) => h.name.toLowerCase() === 'set-cookie' && /^(__Host-)?session=[^;]+/.test(h.value));
  if (!cookie) throw new Error(`sign-in as ${email} set no session cookie`);
  return /^(?:__Host-)?session=([^;]+)/.exec(cookie.value)![1]!;
}

/** Row counts of every table of the database (drizzle's own bookkeeping excepted). */
export async function rowCounts(sql: Client): Promise<Record<string, number>> {
  const tables = await sql.execute("select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like '__drizzle%' order by name");
  const counts: Record<string, number> = {};
  for (const row of tables.rows) {
    const name = String(row.name);
    const r = await sql.execute(`select count(*) as n from "${name}"`);
    counts[name] = Number(r.rows[0]!.n);
  }
  return counts;
}
