import { randomInt } from 'node:crypto';
import { and, desc, eq, isNull } from 'drizzle-orm';
import { checkAttempt, moduleRead, type CheckAttempt } from '../../../../db/schema';
import type { Question } from '../../domain/content/module-schema';
import type { CriterionId } from '../../domain/criteria';
import { drawQuestions, markAttempt, submissionProblems, type Answers, type CheckResult, type SubmissionProblem } from '../../domain/knowledge-check';
import { db } from '../db';
import { newId } from '../ids';

export async function markModuleRead(userId: string, criterion: CriterionId, now: Date): Promise<void> {
  await (await db()).insert(moduleRead).values({ userId, criterion, readAt: now }).onConflictDoNothing();
}

export async function isModuleRead(userId: string, criterion: CriterionId): Promise<boolean> {
  const rows = await (await db()).select({ c: moduleRead.criterion }).from(moduleRead).where(and(eq(moduleRead.userId, userId), eq(moduleRead.criterion, criterion)));
  return rows.length > 0;
}

/** An unsubmitted attempt is resumed rather than replaced, so reloading never reshuffles a check. */
export async function startAttempt(userId: string, criterion: CriterionId, bank: readonly Question[], now: Date): Promise<string> {
  const d = await db();
  const [open] = await d
    .select({ id: checkAttempt.id })
    .from(checkAttempt)
    .where(and(eq(checkAttempt.userId, userId), eq(checkAttempt.criterion, criterion), isNull(checkAttempt.submittedAt)));
  if (open) return open.id;
  const id = newId();
  await d.insert(checkAttempt).values({ id, userId, criterion, questionIds: drawQuestions(bank, randomInt(2 ** 31)), startedAt: now });
  return id;
}

/** The attempt if it is this person's own; anyone else's is as good as missing. */
export async function ownAttempt(userId: string, attemptId: string): Promise<CheckAttempt | undefined> {
  const [row] = await (await db()).select().from(checkAttempt).where(and(eq(checkAttempt.id, attemptId), eq(checkAttempt.userId, userId)));
  return row;
}

export async function attemptsFor(userId: string, criterion: CriterionId): Promise<CheckAttempt[]> {
  return (await db())
    .select()
    .from(checkAttempt)
    .where(and(eq(checkAttempt.userId, userId), eq(checkAttempt.criterion, criterion)))
    .orderBy(desc(checkAttempt.startedAt));
}

export type SubmitResult =
  | { type: 'marked'; result: CheckResult }
  | { type: 'invalid'; problems: SubmissionProblem[] }
  | { type: 'already-submitted' }
  | { type: 'not-found' };

/**
 * Marks and stores a submission. A tampered or incomplete submission stores nothing; the
 * `submitted_at IS NULL` guard makes a second submission of the same attempt change nothing.
 */
export async function submitAttempt(userId: string, attemptId: string, bank: readonly Question[], answers: Answers, now: Date): Promise<SubmitResult> {
  const attempt = await ownAttempt(userId, attemptId);
  if (!attempt) return { type: 'not-found' };
  if (attempt.submittedAt) return { type: 'already-submitted' };
  const problems = submissionProblems(bank, attempt.questionIds, answers);
  if (problems.length) return { type: 'invalid', problems };
  const result = markAttempt(bank, attempt.questionIds, answers);
  const updated = await (await db())
    .update(checkAttempt)
    .set({ answers, score: result.percent, passed: result.passed, submittedAt: now })
    .where(and(eq(checkAttempt.id, attemptId), isNull(checkAttempt.submittedAt)))
    .returning({ id: checkAttempt.id });
  return updated.length ? { type: 'marked', result } : { type: 'already-submitted' };
}
