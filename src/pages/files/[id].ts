import type { APIRoute } from 'astro';
import { visibleLearner } from '../../lib/server/permissions';
import { readUpload } from '../../lib/server/portfolio/uploads';

/**
 * Uploaded evidence, only to those who may see the learner's records, always as a download: the
 * browser never renders it inline, and nosniff stops it guessing a more dangerous type.
 */
export const GET: APIRoute = async ({ locals, params }) => {
  const user = locals.user;
  const file = user ? await readUpload(params.id ?? '') : null;
  if (!user || !file || !(await visibleLearner(user, file.learnerId))) return new Response('Not found', { status: 404, headers: { 'content-type': 'text/plain' } });
  const asciiName = file.displayName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return new Response(new Uint8Array(file.data), {
    headers: {
      'content-type': file.mimeType,
      'content-length': String(file.size),
      'content-disposition': `attachment; filename="${asciiName}"; filename*=UTF-8''${encodeURIComponent(file.displayName)}`,
      'x-content-type-options': 'nosniff',
      'cache-control': 'private, no-store',
    },
  });
};
