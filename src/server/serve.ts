/**
 * Goodwill's HTTP server: @astrojs/node in middleware mode behind a small server of our own that serves
 * the built static files, adds security headers to every response and shuts down gracefully on SIGTERM
 * (the adapter's standalone server just dies, dropping in-flight requests).
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { readdir } from 'node:fs/promises';
import type { Dirent } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join, relative, sep } from 'node:path';
import send from 'send';
import { applySecurityHeaders } from './security-headers';
import { logRequest } from '../lib/server/request-log';

const CLIENT_DIR = fileURLToPath(new URL('../../dist/client/', import.meta.url));
const SHUTDOWN_DEADLINE_MS = 10_000;

type Handler = (req: IncomingMessage, res: ServerResponse, next?: () => void) => Promise<void>;

/**
 * Every file under dist/client, by URL path, listed once at startup: the build does not change under a
 * running server (a new build needs a restart anyway, for the server bundle), and a lookup in this map
 * costs no system call, where a stat() per request cost every page request a failed syscall. Only
 * files in this list are served, so nothing outside the client directory can be reached.
 */
async function listStaticFiles(): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  let entries: Dirent[];
  try {
    entries = await readdir(CLIENT_DIR, { recursive: true, withFileTypes: true });
  } catch {
    return files;
  }
  for (const entry of entries) {
    if (!entry.isFile()) continue;
    const file = join(entry.parentPath, entry.name);
    const path = `/${relative(CLIENT_DIR, file).split(sep).join('/')}`;
    // Dotfiles are never served.
    if (path.split('/').some((part) => part.startsWith('.'))) continue;
    files.set(path, file);
  }
  return files;
}

function staticFile(files: Map<string, string>, pathname: string): string | null {
  try {
    return files.get(decodeURIComponent(pathname)) ?? null;
  } catch {
    return null;
  }
}

export interface RunningServer {
  url: string;
  close(): Promise<void>;
}

export async function serve(options: { port: number; host: string; onClose?: () => void }): Promise<RunningServer> {
  const entry = (await import(new URL('../../dist/server/entry.mjs', import.meta.url).href)) as { handler: Handler };
  const files = await listStaticFiles();
  let shuttingDown = false;

  const server = createServer(async (req, res) => {
    applySecurityHeaders(res);
    if (shuttingDown) res.setHeader('connection', 'close');
    res.on('finish', () => {
      if (shuttingDown) server.closeIdleConnections();
    });
    const pathname = new URL(req.url ?? '/', 'http://x').pathname;
    const file = req.method === 'GET' || req.method === 'HEAD' ? staticFile(files, pathname) : null;
    if (file) {
      const start = performance.now();
      res.on('finish', () => logRequest(req.method ?? 'GET', 'static', res.statusCode, performance.now() - start));
      const immutable = pathname.startsWith('/_astro/');
      send(req, file, { index: false, dotfiles: 'deny', immutable, maxAge: immutable ? '365d' : 0 }).pipe(res);
      return;
    }
    await entry.handler(req, res);
  });

  await new Promise<void>((resolve) => server.listen(options.port, options.host, resolve));

  const close = () =>
    new Promise<void>((resolve) => {
      if (shuttingDown) return resolve();
      shuttingDown = true;
      server.close(() => {
        options.onClose?.();
        resolve();
      });
      server.closeIdleConnections();
      // In-flight requests get a deadline; after it the remaining connections are cut.
      setTimeout(() => server.closeAllConnections(), SHUTDOWN_DEADLINE_MS).unref();
    });

  return { url: `http://${options.host}:${options.port}`, close };
}
