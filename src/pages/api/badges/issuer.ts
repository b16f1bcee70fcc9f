import type { APIRoute } from 'astro';
import { issuerDocument, activeIssuerKeys, publishedIssuerKeys } from '../../../lib/server/badges';
import { platformOrigin } from '../../../lib/server/xapi';

/** Public: the issuer Profile with every key its badges are signed with, for anyone verifying one. */
export const GET: APIRoute = async ({ url }) => {
  await activeIssuerKeys(new Date());
  const keys = await publishedIssuerKeys();
  return Response.json(issuerDocument(platformOrigin(url.origin), keys), { headers: { 'cache-control': 'public, max-age=300' } });
};
