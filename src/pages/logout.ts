import type { APIRoute } from 'astro';
import { audit } from '../lib/server/audit';
import { deleteSessionCookie, invalidateSession, invalidateUserSessions } from '../lib/server/auth/session';

/**
 * POST only: a GET that signed people out could be triggered by any image tag on another site.
 * `scope=everywhere` ends every session of the person, on every device.
 */
export const POST: APIRoute = async ({ locals, cookies, redirect, request }) => {
  const form = await request.formData().catch(() => null);
  const everywhere = form?.get('scope') === 'everywhere';
  if (locals.session && locals.user) {
    if (everywhere) await invalidateUserSessions(locals.user.id);
    else await invalidateSession(locals.session.id);
    await audit({ actorId: locals.user.id, action: everywhere ? 'signed-out-everywhere' : 'signed-out' }, new Date());
  }
  deleteSessionCookie(cookies);
  return redirect('/login', 303);
};
