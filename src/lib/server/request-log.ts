/**
 * The one request log format: method, route, status, duration. The route is the pattern
 * (`/invite/[token]`), never the concrete path or query, so no token can reach the log.
 */
export function logRequest(method: string, route: string, status: number, ms: number): void {
  process.stdout.write(`${JSON.stringify({ t: new Date().toISOString(), method, route, status, ms: Math.round(ms * 10) / 10 })}\n`);
}
