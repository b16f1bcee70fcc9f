import { and, eq } from 'drizzle-orm';
import { scenarioAttempt } from '../../../../db/schema';
import type { Debrief } from '../../domain/scenario/debrief';
import { scenarioFor } from '../content';
import { db } from '../db';

/**
 * A first draft of Situation and Task from the learner's own negotiation, for "reflect on this
 * negotiation". It is deliberately plain and in the third person where the scenario speaks: the learner
 * is asked to rewrite it in their own words and add what they did and what came of it.
 */
export async function draftFromAttempt(userId: string, attemptId: string) {
  const [attempt] = await (await db()).select().from(scenarioAttempt).where(and(eq(scenarioAttempt.id, attemptId), eq(scenarioAttempt.userId, userId)));
  if (!attempt) return null;
  const entry = await scenarioFor(attempt.scenarioId);
  if (!entry) return null;
  const s = entry.data;
  const debrief = attempt.debrief as Debrief | null;
  const body = [
    '## Situation',
    '',
    `(Drafted from a practice negotiation in Goodwill: rewrite this in your own words.) At ${s.shop.name}, a ${s.shop.brandImage} ${s.shop.kind}: ${s.customer.intro.trim()}`,
    '',
    `They opened with: “${s.customer.openingLine.trim()}”`,
    '',
    '## Task',
    '',
    `I needed to keep ${s.customer.name}'s goodwill while protecting the shop's margin, within my authority: ${s.authority.text.trim()}`,
    '',
    '## Action',
    '',
    '',
    '## Result',
    '',
    debrief ? `(From the debrief: ${debrief.headline}) ` : '',
  ].join('\n');
  return { attemptId: attempt.id, title: `Reflecting on: ${s.title}`, criteria: s.criteria.slice(), body };
}
