import type { APIRoute } from 'astro';
import { visibleLearner } from '../../../../lib/server/permissions';
import { platformOrigin, statementsFor } from '../../../../lib/server/xapi';

/** A learner's xAPI statements, for those who may see the learner; 404 for anyone else. */
export const GET: APIRoute = async ({ locals, params, url }) => {
  const learner = await visibleLearner(locals.user!, params.id ?? '');
  if (!learner) return new Response('Not found', { status: 404 });
  const statements = await statementsFor(learner.id, platformOrigin(url.origin));
  return new Response(JSON.stringify(statements, null, 2), {
    headers: { 'content-type': 'application/json; charset=utf-8', 'content-disposition': `attachment; filename="xapi-${learner.id}.json"`, 'cache-control': 'private, no-store' },
  });
};
