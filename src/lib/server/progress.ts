import { and, eq, sql } from 'drizzle-orm';
import { checkAttempt, moduleRead } from '../../../db/schema';
import { criterionIds, isCriterionId, type CriterionId } from '../domain/criteria';
import type { CriterionFacts, EvidenceState } from '../domain/progress';
import { prepared } from './db';
import { evidenceStates } from './portfolio/states';

/** Reads and passes in one statement, built once: the learner's home must stay within a handful of queries. */
const progressQueries = prepared((d) => ({
  steps: d
    .select({ criterion: moduleRead.criterion, step: sql<'read' | 'passed'>`'read'` })
    .from(moduleRead)
    .where(eq(moduleRead.userId, sql.placeholder('learnerId')))
    .unionAll(
      d
        .select({ criterion: checkAttempt.criterion, step: sql<'read' | 'passed'>`'passed'` })
        .from(checkAttempt)
        .where(and(eq(checkAttempt.userId, sql.placeholder('learnerId')), eq(checkAttempt.passed, true))),
    )
    .prepare(),
}));

export async function learnerFacts(learnerId: string): Promise<Record<CriterionId, CriterionFacts>> {
  const { steps } = await progressQueries();
  const [done, evidence] = await Promise.all([steps.all({ learnerId }), evidenceStates([learnerId]).then((m) => m.get(learnerId))]);
  const facts = Object.fromEntries(criterionIds.map((id) => [id, { read: false, checkPassed: false, evidence: evidence?.[id] ?? ('none' as EvidenceState) }])) as Record<CriterionId, CriterionFacts>;
  for (const r of done) {
    if (!isCriterionId(r.criterion)) continue;
    if (r.step === 'read') facts[r.criterion].read = true;
    else facts[r.criterion].checkPassed = true;
  }
  return facts;
}
