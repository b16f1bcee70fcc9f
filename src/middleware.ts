import { defineMiddleware, sequence } from 'astro:middleware';
import { deleteSessionCookie, SESSION_COOKIE, validateSessionToken } from './lib/server/auth/session';
import { decide, routePolicy } from './lib/server/permissions';
import { logRequest } from './lib/server/request-log';

const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** One log line per request, by route pattern (never the path, which may hold an invitation token). */
const requestLog = defineMiddleware(async (context, next) => {
  const start = performance.now();
  try {
    const response = await next();
    logRequest(context.request.method, context.routePattern || 'unknown', response.status, performance.now() - start);
    return response;
  } catch (error) {
    logRequest(context.request.method, context.routePattern || 'unknown', 500, performance.now() - start);
    throw error;
  }
});

/**
 * Redirects stay on this site (ASVS V3.7.2). Pages build redirects from a `next` parameter and from ids;
 * whatever a page wrote, the Location is read the way a browser reads it (the URL parser drops tabs and
 * newlines, so "/\t/evil.example" is "//evil.example", another site) and anything that would leave
 * this origin becomes a redirect home.
 */
const sameSiteRedirects = defineMiddleware(async (context, next) => {
  const response = await next();
  const location = response.status >= 300 && response.status < 400 ? response.headers.get('location') : null;
  if (location === null) return response;
  let target: URL | null;
  try {
    target = new URL(location, context.url);
  } catch {
    target = null;
  }
  const allowed = [context.url.origin, process.env.ORIGIN].filter(Boolean);
  if (target && allowed.includes(target.origin)) return response;
  return withHeader(response, 'location', '/');
});

/**
 * Sets a header on a response whose headers may be immutable (`Response.redirect()`), copying it when
 * they are. The copy keeps the response's own symbol-keyed properties: Astro attaches the cookies a
 * page set (the session cookie after sign-in) to the response object that way.
 */
function withHeader(response: Response, name: string, value: string): Response {
  try {
    response.headers.set(name, value);
    return response;
  } catch {
    const copy = new Response(response.body, response);
    for (const key of Object.getOwnPropertySymbols(response)) Reflect.set(copy, key, Reflect.get(response, key));
    copy.headers.set(name, value);
    return copy;
  }
}

/**
 * Astro checks the Origin of form posts; JSON requests (autosave, scenario moves) are not covered by it,
 * so every state-changing request must come from this origin. Browsers always send Origin on POST.
 */
const sameOrigin = defineMiddleware((context, next) => {
  if (!UNSAFE_METHODS.has(context.request.method)) return next();
  const origin = context.request.headers.get('origin');
  const allowed = [context.url.origin, process.env.ORIGIN].filter(Boolean);
  if (!origin || !allowed.includes(origin)) {
    return new Response('Cross-site request refused.', { status: 403, headers: { 'content-type': 'text/plain' } });
  }
  return next();
});

const sessionHandler = defineMiddleware(async (context, next) => {
  context.locals.user = null;
  context.locals.session = null;
  context.locals.clientAddress = safeClientAddress(context);
  const token = context.cookies.get(SESSION_COOKIE)?.value;
  if (token) {
    const { session, user } = await validateSessionToken(token, new Date());
    if (session) {
      // The cookie set at sign-in already carries the session's fixed expiry (the idle limit is kept
      // on the server), so it is not sent again with every page.
      context.locals.user = user;
      context.locals.session = session;
    } else {
      deleteSessionCookie(context.cookies);
    }
  }
  return next();
});

/**
 * What a signed-in person sees must not be kept by the browser (the back button on a shared till
 * computer after sign-out) or by a shared cache (ASVS V14.3.2). Routes that choose their own
 * Cache-Control (downloads, the public badge issuer) keep it.
 */
const privateResponses = defineMiddleware(async (context, next) => {
  const response = await next();
  if (!context.locals.user || response.headers.has('cache-control')) return response;
  return withHeader(response, 'cache-control', 'private, no-store');
});

function safeClientAddress(context: { clientAddress: string }): string {
  try {
    return context.clientAddress;
  } catch {
    return 'unknown';
  }
}

/** Applies the permission module's route policy to every request before any page code runs. */
const routeGuard = defineMiddleware((context, next) => {
  const decision = decide(routePolicy(context.url.pathname), context.locals.user);
  switch (decision) {
    case 'allow':
      return next();
    case 'sign-in': {
      if (context.url.pathname.startsWith('/api/')) return Response.json({ error: 'Sign in first.' }, { status: 401 });
      const nextPath = context.url.pathname + context.url.search;
      return context.redirect(`/login?next=${encodeURIComponent(nextPath)}`, 303);
    }
    case 'forbidden':
      if (context.url.pathname.startsWith('/api/')) return Response.json({ error: 'Not allowed.' }, { status: 403 });
      return context.rewrite(new Request(new URL('/forbidden', context.url), { headers: context.request.headers }));
    default: {
      const unreachable: never = decision;
      return unreachable;
    }
  }
});

export const onRequest = sequence(requestLog, sameSiteRedirects, sameOrigin, sessionHandler, privateResponses, routeGuard);
