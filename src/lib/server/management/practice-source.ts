/**
 * Reads a learner's own finished scenario attempt as a practice term for the register. Only the
 * learner's own attempt: anyone else's is treated as missing.
 */
import { practiceTermFrom, type PracticeTerm } from '../../domain/practice-term';
import type { AttemptState } from '../../domain/scenario/state';
import { scenarioFor } from '../content';
import { ownScenarioAttempt } from '../practice/attempts';

export type PracticeSource = (PracticeTerm & { attemptId: string; endedAt: Date | null }) | null;

export async function practiceTermFor(userId: string, attemptId: string): Promise<PracticeSource> {
  const attempt = await ownScenarioAttempt(userId, attemptId);
  const entry = attempt ? await scenarioFor(attempt.scenarioId) : undefined;
  if (!attempt || !entry) return null;
  return { ...practiceTermFrom(entry.data, attempt.state as AttemptState), attemptId: attempt.id, endedAt: attempt.endedAt };
}
