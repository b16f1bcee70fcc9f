/**
 * Page-level checks for the managing pages. The middleware has already required the area's capability;
 * each page asks for the specific one its actions need, and a manager acts only within their own shop.
 */
import type { AstroGlobal } from 'astro';
import type { Capability } from '../../domain/capabilities';
import type { SessionUser } from '../auth/session';
import { can } from '../permissions';

/** Renders the 403 or 404 page in place, as a GET, whatever the request was. */
export function refuse(astro: AstroGlobal, status: 403 | 404): Promise<Response> {
  return astro.rewrite(new Request(new URL(status === 403 ? '/forbidden' : '/404', astro.url), { headers: astro.request.headers }));
}

/**
 * The signed-in person as an actor in their shop, or null when they lack the capability or belong to no
 * shop (an account not linked to a shop has no records to manage).
 */
export function shopActor(user: SessionUser | null, capability: Capability): (SessionUser & { organisationId: string }) | null {
  if (!user || !can(user, capability) || !user.organisationId) return null;
  return { ...user, organisationId: user.organisationId };
}
