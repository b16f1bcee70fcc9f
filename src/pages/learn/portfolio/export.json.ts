import type { APIRoute } from 'astro';
import { portfolioExport } from '../../../lib/server/portfolio/export';

export const GET: APIRoute = async ({ locals }) => {
  const data = await portfolioExport(locals.user!.id);
  return new Response(JSON.stringify(data, null, 2), {
    headers: { 'content-type': 'application/json; charset=utf-8', 'content-disposition': 'attachment; filename="goodwill-portfolio.json"', 'cache-control': 'private, no-store' },
  });
};
