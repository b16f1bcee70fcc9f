import type { APIRoute } from 'astro';
import { z } from 'zod';
import { scenarioFor } from '../../../lib/server/content';
import { ownScenarioAttempt, playMove } from '../../../lib/server/practice/attempts';
import { playerView } from '../../../lib/server/practice/view';

const bodySchema = z.object({ seq: z.number().int().min(0), move: z.unknown() });

/**
 * One move of a negotiation. 400 for a forged or impossible move (nothing changes), 409 when the screen
 * was behind (another tab moved first): both answer with the current view so the screen can catch up.
 */
export const POST: APIRoute = async ({ locals, params, request }) => {
  const user = locals.user!;
  const attempt = await ownScenarioAttempt(user.id, params.id ?? '');
  const entry = attempt ? await scenarioFor(attempt.scenarioId) : undefined;
  if (!attempt || !entry) return Response.json({ error: 'No such attempt.' }, { status: 404 });
  const body = bodySchema.safeParse(await request.json().catch(() => null));
  if (!body.success) return Response.json({ error: 'That move could not be read; nothing changed.' }, { status: 400 });
  const result = await playMove(user.id, attempt.id, entry.data, body.data.seq, body.data.move, new Date());
  switch (result.type) {
    case 'applied':
      return Response.json({ view: playerView(entry.data, result.state), debrief: result.debrief });
    case 'stale':
      return Response.json({ error: 'This negotiation moved on in another tab; here is where it stands now.', view: playerView(entry.data, result.state) }, { status: 409 });
    case 'rejected':
      return Response.json({ error: `That move is not possible here: ${result.message}. Nothing changed.` }, { status: 400 });
    case 'not-found':
      return Response.json({ error: 'No such attempt.' }, { status: 404 });
  }
};
