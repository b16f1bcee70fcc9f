import { randomInt } from 'node:crypto';
import { and, desc, eq, isNull } from 'drizzle-orm';
import { scenarioAttempt, type ScenarioAttempt } from '../../../../db/schema';
import { debrief, type Debrief } from '../../domain/scenario/debrief';
import { applyMove, initialState } from '../../domain/scenario/engine';
import { MoveRejected, parseMove, type Move } from '../../domain/scenario/moves';
import type { Scenario } from '../../domain/scenario/schema';
import type { AttemptState } from '../../domain/scenario/state';
import { db } from '../db';
import { newId } from '../ids';

export async function startScenarioAttempt(userId: string, scenario: Scenario, now: Date): Promise<string> {
  const id = newId();
  const seed = randomInt(2 ** 31);
  await (await db()).insert(scenarioAttempt).values({ id, userId, scenarioId: scenario.id, seed, moves: [], seq: 0, state: initialState(scenario, seed), startedAt: now, updatedAt: now });
  return id;
}

/** The person's own attempt; anyone else's is as good as missing. */
export async function ownScenarioAttempt(userId: string, id: string): Promise<ScenarioAttempt | null> {
  const [row] = await (await db()).select().from(scenarioAttempt).where(and(eq(scenarioAttempt.id, id), eq(scenarioAttempt.userId, userId)));
  return row ?? null;
}

export async function attemptsOf(userId: string) {
  return (await db())
    .select({ id: scenarioAttempt.id, scenarioId: scenarioAttempt.scenarioId, outcome: scenarioAttempt.outcome, seq: scenarioAttempt.seq, startedAt: scenarioAttempt.startedAt, endedAt: scenarioAttempt.endedAt })
    .from(scenarioAttempt)
    .where(eq(scenarioAttempt.userId, userId))
    .orderBy(desc(scenarioAttempt.startedAt));
}

export type PlayResult =
  | { type: 'applied'; state: AttemptState; debrief: Debrief | null }
  | { type: 'stale'; state: AttemptState; seq: number }
  | { type: 'rejected'; message: string }
  | { type: 'not-found' };

/**
 * Applies one move and stores it with the new state in one conditional update. `expectedSeq` is the
 * number of moves the learner's screen knew of: a second tab (or a retried request) that is behind gets
 * the current state instead, so moves can never interleave or be applied twice.
 */
export async function playMove(userId: string, attemptId: string, scenario: Scenario, expectedSeq: number, raw: unknown, now: Date): Promise<PlayResult> {
  const attempt = await ownScenarioAttempt(userId, attemptId);
  if (!attempt || attempt.scenarioId !== scenario.id) return { type: 'not-found' };
  const current = attempt.state as AttemptState;
  if (attempt.seq !== expectedSeq) return { type: 'stale', state: current, seq: attempt.seq };
  let move: Move;
  let next: AttemptState;
  try {
    move = parseMove(raw);
    next = applyMove(scenario, current, move);
  } catch (error) {
    if (error instanceof MoveRejected) return { type: 'rejected', message: error.message };
    throw error;
  }
  const report = next.ended ? debrief(scenario, next) : null;
  const updated = await (await db())
    .update(scenarioAttempt)
    .set({ moves: [...(attempt.moves as Move[]), move], seq: next.seq, state: next, outcome: next.outcome, debrief: report, updatedAt: now, endedAt: next.ended ? now : null })
    .where(and(eq(scenarioAttempt.id, attemptId), eq(scenarioAttempt.seq, expectedSeq), isNull(scenarioAttempt.endedAt)))
    .returning({ id: scenarioAttempt.id });
  if (updated.length === 0) {
    const latest = await ownScenarioAttempt(userId, attemptId);
    return { type: 'stale', state: latest!.state as AttemptState, seq: latest!.seq };
  }
  return { type: 'applied', state: next, debrief: report };
}
