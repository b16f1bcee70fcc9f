import type { APIRoute } from 'astro';
import { activeIssuerKeys, learnerBadge } from '../../lib/server/badges';
import { platformOrigin } from '../../lib/server/xapi';

/** The learner's own Open Badges 3.0 credential for SSR.D002, once the unit is signed off. */
export const GET: APIRoute = async ({ locals, url }) => {
  const now = new Date();
  const badge = await learnerBadge(locals.user!.id, platformOrigin(url.origin), await activeIssuerKeys(now), now);
  if (!badge) return Response.json({ error: 'Your badge is issued when your assessor signs the unit off.' }, { status: 404 });
  return new Response(JSON.stringify(badge, null, 2), {
    headers: { 'content-type': 'application/json; charset=utf-8', 'content-disposition': 'attachment; filename="ssr-d002-badge.json"', 'cache-control': 'private, no-store' },
  });
};
