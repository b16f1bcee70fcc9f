import type { OutgoingHttpHeaders, ServerResponse } from 'node:http';

const production = process.env.NODE_ENV === 'production';

/**
 * Headers every response carries, static files included (Astro's middleware never sees those).
 * Astro emits the script/style policy itself; replacing it would silently turn script protection off,
 * so frame-ancestors is appended to Astro's header rather than set over it.
 */
export function withSecurityHeaders(headers: OutgoingHttpHeaders): OutgoingHttpHeaders {
  const out: OutgoingHttpHeaders = { ...headers };
  const key = Object.keys(out).find((k) => k.toLowerCase() === 'content-security-policy');
  if (key) out[key] = `${String(out[key]).replace(/[;\s]+$/, '')}; frame-ancestors 'none'`;
  else out['content-security-policy'] = "frame-ancestors 'none'";
  // Text without a declared charset leaves the browser to guess it, and a guessed encoding (UTF-7 in old
  // browsers, or a charset-sniffing quirk) can turn escaped text back into markup (ASVS V4.1.1).
  const typeKey = Object.keys(out).find((k) => k.toLowerCase() === 'content-type');
  const type = typeKey ? String(out[typeKey]) : '';
  if (typeKey && /^text\//i.test(type) && !/;\s*charset=/i.test(type)) out[typeKey] = `${type}; charset=utf-8`;
  out['x-content-type-options'] = 'nosniff';
  out['referrer-policy'] = 'same-origin';
  out['x-frame-options'] = 'DENY';
  if (production) out['strict-transport-security'] = 'max-age=63072000; includeSubDomains';
  return out;
}

/** Routes every writeHead of this response through withSecurityHeaders. */
export function applySecurityHeaders(res: ServerResponse): void {
  const original = res.writeHead.bind(res) as (status: number, ...rest: unknown[]) => ServerResponse;
  res.writeHead = ((status: number, ...rest: unknown[]) => {
    const headerArg = rest.find((a) => typeof a === 'object' && a !== null) as OutgoingHttpHeaders | undefined;
    const message = rest.find((a) => typeof a === 'string') as string | undefined;
    // Headers set earlier with setHeader count too: merge them in so nothing is lost.
    const merged = withSecurityHeaders({ ...res.getHeaders(), ...(headerArg ?? {}) });
    for (const name of res.getHeaderNames()) res.removeHeader(name);
    return message ? original(status, message, merged) : original(status, merged);
  }) as typeof res.writeHead;
}
