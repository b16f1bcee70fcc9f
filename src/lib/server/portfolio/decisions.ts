import { and, asc, desc, eq } from 'drizzle-orm';
import { decision, evidenceItem, evidenceVersion, user as userTable, type Decision } from '../../../../db/schema';
import { transition } from '../../domain/evidence-workflow';
import { audit } from '../audit';
import type { SessionUser } from '../auth/session';
import { db } from '../db';
import { newId } from '../ids';
import { notify } from '../notifications';
import { can, isAssigned } from '../permissions';
import { signOffFor } from './locks';
import { refreshEvidenceStates } from './states';

export type DecideResult =
  | { type: 'decided'; decision: Decision; allDecided: boolean }
  | { type: 'changed'; latest: Decision | null }
  | { type: 'refused'; reason: string };

/** The newest decision on this evidence item for this criterion, whatever its version. */
export async function latestDecision(evidenceId: string, criterion: string): Promise<Decision | null> {
  const [row] = await (await db()).select().from(decision).where(and(eq(decision.evidenceId, evidenceId), eq(decision.criterion, criterion))).orderBy(desc(decision.decidedAt)).limit(1);
  return row ?? null;
}

/**
 * Records the assessor's judgement of one claimed criterion. `follows` is the decision the assessor saw
 * when they opened the form ('' for none); the database's unique index on (evidence, criterion,
 * follows) makes the second of two simultaneous decisions fail, and that assessor is shown the first.
 */
export async function decide(
  assessor: SessionUser,
  input: { evidenceId: string; version: number; criterion: string; outcome: 'met' | 'not-yet'; feedback: string; follows: string },
  now: Date,
): Promise<DecideResult> {
  const d = await db();
  const [item] = await d.select().from(evidenceItem).where(eq(evidenceItem.id, input.evidenceId));
  if (!item || !can(assessor, 'assess:decide') || !(await isAssigned(assessor.id, item.learnerId))) return { type: 'refused', reason: 'This evidence is not in your queue.' };
  if (await signOffFor(item.learnerId)) return { type: 'refused', reason: 'The unit has been signed off, so this portfolio is locked.' };
  if (item.status !== 'submitted' && item.status !== 'resubmitted') return { type: 'changed', latest: await latestDecision(item.id, input.criterion) };
  if (item.currentVersion !== input.version) return { type: 'changed', latest: await latestDecision(item.id, input.criterion) };
  const [version] = await d.select().from(evidenceVersion).where(and(eq(evidenceVersion.evidenceId, item.id), eq(evidenceVersion.version, item.currentVersion)));
  if (!version?.claims.includes(input.criterion)) return { type: 'refused', reason: `${input.criterion} is not claimed by this evidence.` };
  const latest = await latestDecision(item.id, input.criterion);
  if ((latest?.id ?? '') !== input.follows) return { type: 'changed', latest };

  const row: Decision = { id: newId(), evidenceId: item.id, version: item.currentVersion, learnerId: item.learnerId, criterion: input.criterion, outcome: input.outcome, feedback: input.feedback, assessorId: assessor.id, decidedAt: now, follows: input.follows };
  try {
    const allDecided = await d.transaction(async (tx) => {
      await tx.insert(decision).values(row);
      const decided = await tx
        .select({ criterion: decision.criterion })
        .from(decision)
        .where(and(eq(decision.evidenceId, item.id), eq(decision.version, item.currentVersion)));
      const covered = new Set(decided.map((x) => x.criterion));
      const complete = version.claims.every((c) => covered.has(c));
      if (complete) {
        const step = transition(item.status, 'assess', { locked: false });
        if (step.ok) await tx.update(evidenceItem).set({ status: step.to, updatedAt: now }).where(eq(evidenceItem.id, item.id));
      }
      await refreshEvidenceStates(tx, item.learnerId, now);
      await audit({ actorId: assessor.id, action: 'criterion-decided', subjectId: item.id, detail: { criterion: input.criterion, outcome: input.outcome, version: item.currentVersion } }, now, tx);
      await notify({ userId: item.learnerId, text: `${input.criterion} on “${item.title}”: ${input.outcome === 'met' ? 'met' : 'not yet met'}. Read your assessor's feedback.`, link: `/learn/portfolio/evidence/${item.id}` }, now, tx);
      return complete;
    });
    return { type: 'decided', decision: row, allDecided };
  } catch (error) {
    if (/UNIQUE/i.test(String((error as Error).message) + String((error as { cause?: Error }).cause?.message))) return { type: 'changed', latest: await latestDecision(item.id, input.criterion) };
    throw error;
  }
}

/** Every decision on an item, oldest first, with the assessor's name: the item's history. */
export async function decisionHistory(evidenceId: string) {
  return (await db())
    .select({ decision, assessorName: userTable.name })
    .from(decision)
    .innerJoin(userTable, eq(decision.assessorId, userTable.id))
    .where(eq(decision.evidenceId, evidenceId))
    .orderBy(asc(decision.decidedAt));
}
