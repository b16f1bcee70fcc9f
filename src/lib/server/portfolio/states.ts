import { and, eq, inArray } from 'drizzle-orm';
import { decision, evidenceItem, evidenceVersion, qualitySample } from '../../../../db/schema';
import { criterionStates, type ClaimFact, type DecisionFact } from '../../domain/criterion-state';
import type { CriterionId } from '../../domain/criteria';
import { awaitingAssessment } from '../../domain/evidence-workflow';
import type { EvidenceState } from '../../domain/progress';
import { db } from '../db';

function groupBy<T>(rows: readonly T[], key: (row: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const k = key(row);
    const list = groups.get(k);
    if (list) list.push(row);
    else groups.set(k, [row]);
  }
  return groups;
}

/**
 * Each criterion's evidence state for each of these learners, in two queries whatever the number of
 * learners (the competence and cohort matrices show a whole shop at once), grouped in one pass so a
 * 200-person shop costs no more per person than one learner.
 */
export async function evidenceStates(learnerIds: readonly string[]): Promise<Map<string, Record<CriterionId, EvidenceState>>> {
  const result = new Map<string, Record<CriterionId, EvidenceState>>();
  if (learnerIds.length === 0) return result;
  const d = await db();
  const ids = [...learnerIds];
  const [claims, decisions] = await Promise.all([
    d
      .select({ learnerId: evidenceItem.learnerId, evidenceId: evidenceVersion.evidenceId, version: evidenceVersion.version, claims: evidenceVersion.claims })
      .from(evidenceItem)
      .innerJoin(evidenceVersion, and(eq(evidenceVersion.evidenceId, evidenceItem.id), eq(evidenceVersion.version, evidenceItem.currentVersion)))
      .where(and(inArray(evidenceItem.learnerId, ids), inArray(evidenceItem.status, [...awaitingAssessment]))),
    // A decision a lead assessor disagreed with is marked here, in the same query.
    d
      .select({ id: decision.id, learnerId: decision.learnerId, evidenceId: decision.evidenceId, version: decision.version, criterion: decision.criterion, outcome: decision.outcome, decidedAt: decision.decidedAt, sampleAgrees: qualitySample.agrees })
      .from(decision)
      .leftJoin(qualitySample, eq(qualitySample.decisionId, decision.id))
      .where(inArray(decision.learnerId, ids)),
  ]);
  const disagreed = new Set(decisions.filter((x) => x.sampleAgrees === false).map((x) => x.id));
  const claimsBy = groupBy(claims, (c) => c.learnerId);
  const decisionsBy = groupBy<DecisionFact & { learnerId: string }>(decisions, (x) => x.learnerId);
  for (const learnerId of ids) {
    const mine: ClaimFact[] = (claimsBy.get(learnerId) ?? []).flatMap((c) => c.claims.map((criterion) => ({ evidenceId: c.evidenceId, version: c.version, criterion, awaiting: true })));
    result.set(learnerId, criterionStates(mine, decisionsBy.get(learnerId) ?? [], disagreed));
  }
  return result;
}
