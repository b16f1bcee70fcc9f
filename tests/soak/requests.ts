/**
 * The soak's HTTP client: every request is timed, its status counted under a kind, and judged against
 * the one status it should answer. State-changing requests carry the Origin header a browser sends, so
 * they pass Astro's origin check and our same-origin middleware exactly as a real form or fetch does.
 */
import { percentile } from '../bench/stats';

export interface KindStats {
  requests: number;
  /** Network errors, timeouts and unexpected statuses. */
  failures: number;
  /** Status code (or "error") → count. */
  statuses: Record<string, number>;
  /** Latencies in ms of the requests made after the warm-up. */
  ms: number[];
}

export interface Failure {
  kind: string;
  path: string;
  status: number | 'error';
  detail: string;
}

export interface Reply {
  status: number;
  body: string;
  location: string | null;
  cookie: string | null;
}

export class Recorder {
  readonly kinds = new Map<string, KindStats>();
  readonly failures: Failure[] = [];
  failureCount = 0;
  /** Set once the warm-up is over: only later latencies go into the percentiles. */
  measuring = false;

  record(kind: string, status: number | 'error', ms: number, ok: boolean): void {
    let s = this.kinds.get(kind);
    if (!s) this.kinds.set(kind, (s = { requests: 0, failures: 0, statuses: {}, ms: [] }));
    s.requests++;
    s.statuses[status] = (s.statuses[status] ?? 0) + 1;
    if (this.measuring) s.ms.push(ms);
    if (!ok) {
      s.failures++;
      this.failureCount++;
    }
  }

  fail(failure: Failure): void {
    // The first few are enough to see what went wrong; the counts hold the rest.
    if (this.failures.length < 20) this.failures.push(failure);
  }

  summary() {
    return [...this.kinds.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([kind, s]) => ({ kind, requests: s.requests, failures: s.failures, statuses: s.statuses, measured: s.ms.length, p50: percentile(s.ms, 0.5), p99: percentile(s.ms, 0.99) }));
  }
}

export interface RequestOptions {
  method?: 'GET' | 'POST';
  cookie?: string | undefined;
  form?: Record<string, string> | URLSearchParams;
  json?: unknown;
}

const TIMEOUT_MS = 30_000;

/**
 * One request of a kind. Resolves to the reply when it answered `expect`, otherwise to null (and the
 * failure is recorded), so a virtual user can give up on what it was doing and carry on.
 */
export async function send(rec: Recorder, base: string, kind: string, path: string, expect: number, o: RequestOptions = {}): Promise<Reply | null> {
  const method = o.method ?? (o.form || o.json !== undefined ? 'POST' : 'GET');
  const headers: Record<string, string> = {};
  if (o.cookie) headers.cookie = o.cookie;
  if (method === 'POST') headers.origin = base;
  let body: string | undefined;
  if (o.form) {
    headers['content-type'] = 'application/x-www-form-urlencoded';
    body = new URLSearchParams(o.form).toString();
  } else if (o.json !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(o.json);
  }
  const start = performance.now();
  try {
    const res = await fetch(`${base}${path}`, { method, headers, body, redirect: 'manual', signal: AbortSignal.timeout(TIMEOUT_MS) });
    const text = await res.text();
    const ms = performance.now() - start;
    const ok = res.status === expect;
    rec.record(kind, res.status, ms, ok);
    if (!ok) {
      rec.fail({ kind, path, status: res.status, detail: text.replace(/\s+/g, ' ').slice(0, 200) });
      return null;
    }
    const cookie = res.headers.getSetCookie().find((c) => /^(__Host-)?session=[^;]+/.test(c));
    return { status: res.status, body: text, location: res.headers.get('location'), cookie: cookie ? cookie.split(';')[0]! : null };
  } catch (error) {
    rec.record(kind, 'error', performance.now() - start, false);
    rec.fail({ kind, path, status: 'error', detail: (error as Error).message });
    return null;
  }
}
