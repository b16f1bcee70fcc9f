import { and, desc, eq, isNotNull } from 'drizzle-orm';
import { checkAttempt, reflection, scenarioAttempt } from '../../../../db/schema';
import { db } from '../db';

/** What a learner could submit: their reflections, finished negotiations and passed checks. */
export async function submittableSources(learnerId: string) {
  const d = await db();
  const [reflections, attempts, checks] = await Promise.all([
    d.select({ id: reflection.id, title: reflection.title, criteria: reflection.criteria }).from(reflection).where(eq(reflection.userId, learnerId)).orderBy(desc(reflection.updatedAt)),
    d
      .select({ id: scenarioAttempt.id, scenarioId: scenarioAttempt.scenarioId, outcome: scenarioAttempt.outcome, endedAt: scenarioAttempt.endedAt })
      .from(scenarioAttempt)
      .where(and(eq(scenarioAttempt.userId, learnerId), isNotNull(scenarioAttempt.endedAt)))
      .orderBy(desc(scenarioAttempt.endedAt)),
    d
      .select({ id: checkAttempt.id, criterion: checkAttempt.criterion, score: checkAttempt.score, submittedAt: checkAttempt.submittedAt })
      .from(checkAttempt)
      .where(and(eq(checkAttempt.userId, learnerId), eq(checkAttempt.passed, true)))
      .orderBy(desc(checkAttempt.submittedAt)),
  ]);
  return { reflections, attempts, checks };
}
