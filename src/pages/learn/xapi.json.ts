import type { APIRoute } from 'astro';
import { platformOrigin, statementsFor } from '../../lib/server/xapi';

/** The signed-in learner's own xAPI statements: an array that can be POSTed to any LRS as it is. */
export const GET: APIRoute = async ({ locals, url }) => {
  const statements = await statementsFor(locals.user!.id, platformOrigin(url.origin));
  return new Response(JSON.stringify(statements, null, 2), {
    headers: { 'content-type': 'application/json; charset=utf-8', 'content-disposition': 'attachment; filename="goodwill-xapi.json"', 'cache-control': 'private, no-store' },
  });
};
