import type { APIRoute } from 'astro';
import { fieldErrors } from '../../../lib/server/forms';
import { saveReflectionSchema } from '../../../lib/server/reflections/input';
import { saveReflection } from '../../../lib/server/reflections/reflections';
import { reviewReflection } from '../../../lib/domain/star-feedback';

/** Autosave from the editor. 409 carries the newer text for the editor to offer as a merge. */
export const POST: APIRoute = async ({ locals, params, request }) => {
  const user = locals.user!;
  const parsed = saveReflectionSchema.safeParse(await request.json().catch(() => null));
  if (!parsed.success) {
    const errors = fieldErrors(parsed.error);
    return Response.json({ error: errors.body ?? errors.title ?? 'That could not be saved.', errors }, { status: 400 });
  }
  const result = await saveReflection(user.id, params.id ?? '', parsed.data, new Date());
  switch (result.type) {
    case 'saved':
      return Response.json({ version: result.version, savedAt: result.savedAt.toISOString(), feedback: reviewReflection(parsed.data.body) });
    case 'unchanged':
      return Response.json({ version: result.version, savedAt: null, feedback: reviewReflection(parsed.data.body) });
    case 'conflict':
      return Response.json({ error: 'This reflection was changed in another tab or device.', version: result.version, body: result.body }, { status: 409 });
    case 'not-found':
      return Response.json({ error: 'No such reflection.' }, { status: 404 });
  }
};
