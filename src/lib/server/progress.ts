import { and, eq, sql } from 'drizzle-orm';
import { checkAttempt, learnerEvidenceState, moduleRead } from '../../../db/schema';
import { criterionIds, isCriterionId, type CriterionId } from '../domain/criteria';
import type { CriterionFacts, EvidenceState } from '../domain/progress';
import { prepared } from './db';
import { withStoredStates } from './portfolio/states';

/**
 * The learner's progress facts in one statement, built once: their module reads, their passed checks, and
 * their stored evidence states (as a row of its own, the JSON in the criterion column). The learner's home
 * is the page every learner opens first, and each statement costs a round through the driver.
 */
const progressQueries = prepared((d) => ({
  facts: d
    .select({ criterion: moduleRead.criterion, step: sql<Step>`'read'` })
    .from(moduleRead)
    .where(eq(moduleRead.userId, sql.placeholder('learnerId')))
    .unionAll(
      d
        .select({ criterion: checkAttempt.criterion, step: sql<Step>`'passed'` })
        .from(checkAttempt)
        .where(and(eq(checkAttempt.userId, sql.placeholder('learnerId')), eq(checkAttempt.passed, true))),
    )
    .unionAll(
      d
        .select({ criterion: sql<string>`${learnerEvidenceState.states}`, step: sql<Step>`'states'` })
        .from(learnerEvidenceState)
        .where(eq(learnerEvidenceState.learnerId, sql.placeholder('learnerId'))),
    )
    .prepare(),
}));

type Step = 'read' | 'passed' | 'states';

export async function learnerFacts(learnerId: string): Promise<Record<CriterionId, CriterionFacts>> {
  const { facts: query } = await progressQueries();
  const rows = await query.all({ learnerId });
  const stored = rows.find((r) => r.step === 'states');
  // Without a stored row (no evidence yet, or evidence older than the stored states) the records decide.
  const states = await withStoredStates(new Map(stored ? [[learnerId, JSON.parse(stored.criterion) as Record<string, string>]] : []), [learnerId]);
  const evidence = states.get(learnerId);
  const facts = Object.fromEntries(criterionIds.map((id) => [id, { read: false, checkPassed: false, evidence: evidence?.[id] ?? ('none' as EvidenceState) }])) as Record<CriterionId, CriterionFacts>;
  for (const r of rows) {
    if (r.step === 'states' || !isCriterionId(r.criterion)) continue;
    if (r.step === 'read') facts[r.criterion].read = true;
    else facts[r.criterion].checkPassed = true;
  }
  return facts;
}
