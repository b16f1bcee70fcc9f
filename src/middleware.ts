import { defineMiddleware, sequence } from 'astro:middleware';
import { deleteSessionCookie, SESSION_COOKIE, setSessionCookie, validateSessionToken } from './lib/server/auth/session';
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
      context.locals.user = user;
      context.locals.session = session;
      setSessionCookie(context.cookies, token, session.expiresAt);
    } else {
      deleteSessionCookie(context.cookies);
    }
  }
  return next();
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

export const onRequest = sequence(requestLog, sameOrigin, sessionHandler, routeGuard);
