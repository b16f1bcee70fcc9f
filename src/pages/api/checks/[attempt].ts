import type { APIRoute } from 'astro';
import { markedView } from '../../../components/learn/check-view';
import { can } from '../../../lib/server/permissions';
import { answersSchema, problemMessages } from '../../../lib/server/learning/check-input';
import { ownAttempt, submitAttempt } from '../../../lib/server/learning/checks';
import { moduleFor } from '../../../lib/server/content';
import { isCriterionId } from '../../../lib/domain/criteria';

/** The enhanced check form posts here; the same rules as the plain form, answered in JSON. */
export const POST: APIRoute = async ({ locals, params, request }) => {
  const user = locals.user;
  if (!user || !can(user, 'learn:study')) return Response.json({ error: 'Not allowed.' }, { status: 403 });
  const attempt = await ownAttempt(user.id, params.attempt ?? '');
  if (!attempt || !isCriterionId(attempt.criterion)) return Response.json({ error: 'No such attempt.' }, { status: 404 });
  const entry = await moduleFor(attempt.criterion);
  if (!entry) return Response.json({ error: 'No such module.' }, { status: 404 });
  const parsed = answersSchema.safeParse(await request.json().catch(() => null));
  if (!parsed.success) return Response.json({ error: 'The answers could not be read; nothing was saved.' }, { status: 400 });
  const outcome = await submitAttempt(user.id, attempt.id, entry.data.check, parsed.data.answers, new Date());
  switch (outcome.type) {
    case 'marked':
      return Response.json(markedView(outcome.result));
    case 'invalid': {
      const { errors, tampered } = problemMessages(outcome.problems);
      return Response.json({ error: tampered ? 'Those answers do not belong to this check, so nothing was saved.' : 'Some questions are not answered yet.', errors }, { status: 400 });
    }
    case 'already-submitted':
      return Response.json({ error: 'This attempt was already submitted; nothing was changed.' }, { status: 400 });
    case 'not-found':
      return Response.json({ error: 'No such attempt.' }, { status: 404 });
  }
};
