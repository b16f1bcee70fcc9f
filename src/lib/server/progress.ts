import { and, eq } from 'drizzle-orm';
import { checkAttempt, moduleRead } from '../../../db/schema';
import { criterionIds, isCriterionId, type CriterionId } from '../domain/criteria';
import type { CriterionFacts, EvidenceState } from '../domain/progress';
import { db } from './db';
import { evidenceStates } from './portfolio/states';

export async function learnerFacts(learnerId: string): Promise<Record<CriterionId, CriterionFacts>> {
  const d = await db();
  const [reads, passes, evidence] = await Promise.all([
    d.select({ criterion: moduleRead.criterion }).from(moduleRead).where(eq(moduleRead.userId, learnerId)),
    d
      .selectDistinct({ criterion: checkAttempt.criterion })
      .from(checkAttempt)
      .where(and(eq(checkAttempt.userId, learnerId), eq(checkAttempt.passed, true))),
    evidenceStates([learnerId]).then((m) => m.get(learnerId)),
  ]);
  const facts = Object.fromEntries(criterionIds.map((id) => [id, { read: false, checkPassed: false, evidence: evidence?.[id] ?? ('none' as EvidenceState) }])) as Record<CriterionId, CriterionFacts>;
  for (const r of reads) if (isCriterionId(r.criterion)) facts[r.criterion].read = true;
  for (const p of passes) if (isCriterionId(p.criterion)) facts[p.criterion].checkPassed = true;
  return facts;
}
