/**
 * The real server as a child process (`node --import tsx src/server/start.ts` on the production build)
 * and plain HTTP requests to it, one connection each, for tests that crash or stop it.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { request as httpRequest } from 'node:http';
import { connect, createServer } from 'node:net';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
/** Every server started, so that the suite can kill what a failed test left running. */
export const running = new Set<ChildProcess>();

export const freePort = () =>
  new Promise<number>((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });

export interface Server {
  child: ChildProcess;
  base: string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  waitForLine(pattern: RegExp): Promise<void>;
  /** Everything the server has printed so far. */
  output(): string;
}

/** `env` adds to the server's environment (e.g. WEB_CONCURRENCY for the number of server processes). */
export async function startServer(databaseFile: string, env: Record<string, string> = {}): Promise<Server> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/start.ts'], {
    cwd: ROOT,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATABASE_URL: `file:${databaseFile}`, SEED_DEMO: 'true', ASTRO_TELEMETRY_DISABLED: '1', NODE_ENV: 'test', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.add(child);
  let output = '';
  const waiters: { pattern: RegExp; resolve: () => void }[] = [];
  const onData = (d: Buffer) => {
    output += d.toString();
    for (const w of waiters.filter((w) => w.pattern.test(output))) w.resolve();
  };
  child.stdout!.on('data', onData);
  child.stderr!.on('data', onData);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('exit', (code, signal) => {
      running.delete(child);
      resolve({ code, signal });
    }),
  );
  const waitForLine = (pattern: RegExp) =>
    new Promise<void>((resolve, reject) => {
      if (pattern.test(output)) return resolve();
      waiters.push({ pattern, resolve });
      void exited.then(({ code }) => reject(new Error(`server exited (${code}) before ${pattern}:\n${output.slice(-2000)}`)));
    });
  await waitForLine(/Goodwill is serving on/);
  return { child, base: `http://127.0.0.1:${port}`, exited, waitForLine, output: () => output };
}

export interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** One request on its own connection (no pooling: a crash must not be hidden by a reused socket). */
export function send(base: string, method: string, path: string, options: { cookie?: string; form?: [string, string][]; json?: unknown } = {}): Promise<Reply> {
  const body = options.form ? new URLSearchParams(options.form).toString() : options.json !== undefined ? JSON.stringify(options.json) : undefined;
  return new Promise((resolve, reject) => {
    const req = httpRequest(`${base}${path}`, {
      method,
      agent: false,
      headers: {
        origin: base,
        ...(options.cookie ? { cookie: options.cookie } : {}),
        ...(body !== undefined ? { 'content-type': options.form ? 'application/x-www-form-urlencoded' : 'application/json', 'content-length': Buffer.byteLength(body) } : {}),
      },
    });
    req.on('error', reject);
    req.on('response', (res) => {
      let text = '';
      res.on('data', (c: Buffer) => (text += c.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text }));
      res.on('error', reject);
    });
    req.end(body);
  });
}

export async function signIn(base: string, email: string): Promise<string> {
  const r = await send(base, 'POST', '/login', { form: [['email', email], ['password', 'goodwill-demo-2026']] });
  const cookie = [r.headers['set-cookie'] ?? []].flat().find((c) => c.startsWith('session='));
  if (r.status !== 303 || !cookie) throw new Error(`sign-in as ${email} failed: ${r.status}`);
  return cookie.split(';')[0]!;
}

export async function newReflection(base: string, cookie: string, title: string): Promise<string> {
  const r = await send(base, 'POST', '/learn/reflections/new', { cookie, form: [['title', title], ['claims', 'P3']] });
  const id = /\/learn\/reflections\/([^/?#]+)$/.exec(String(r.headers.location ?? ''))?.[1];
  if (r.status !== 303 || !id) throw new Error(`creating a reflection failed: ${r.status}`);
  return id;
}

export const ok = (status: number) => status >= 200 && status < 400;

/**
 * Resolves once a TCP connect to `base` is refused. The server logs its SIGTERM line just before it
 * closes the listener, so for a moment after the line a connection may still be accepted; probing
 * with bare connects (no request sent) waits out that moment without disturbing anything.
 */
export function refusedAt(base: string): Promise<number> {
  const { hostname, port } = new URL(base);
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const probe = () => {
      const socket = connect(Number(port), hostname);
      socket.on('connect', () => {
        socket.destroy();
        if (performance.now() - started > 3_000) reject(new Error('still accepting connections 3 s after SIGTERM'));
        else setTimeout(probe, 2);
      });
      socket.on('error', (e: NodeJS.ErrnoException) => (e.code === 'ECONNREFUSED' ? resolve(performance.now() - started) : setTimeout(probe, 2)));
    };
    probe();
  });
}
