import type { APIRoute } from 'astro';
import { visibleLearner } from '../../../../lib/server/permissions';
import { portfolioExport } from '../../../../lib/server/portfolio/export';

export const GET: APIRoute = async ({ locals, params }) => {
  const learner = await visibleLearner(locals.user!, params.id ?? '');
  if (!learner) return new Response('Not found', { status: 404 });
  return new Response(JSON.stringify(await portfolioExport(learner.id), null, 2), {
    headers: { 'content-type': 'application/json; charset=utf-8', 'content-disposition': `attachment; filename="portfolio-${learner.id}.json"`, 'cache-control': 'private, no-store' },
  });
};
