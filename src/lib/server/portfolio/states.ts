import { and, eq, inArray } from 'drizzle-orm';
import { decision, evidenceItem, evidenceVersion, qualitySample } from '../../../../db/schema';
import { criterionStates, type ClaimFact } from '../../domain/criterion-state';
import type { CriterionId } from '../../domain/criteria';
import { awaitingAssessment } from '../../domain/evidence-workflow';
import type { EvidenceState } from '../../domain/progress';
import { db } from '../db';

/**
 * Each criterion's evidence state for each of these learners, in three queries whatever the number
 * of learners (the competence matrix and cohort matrix show many at once).
 */
export async function evidenceStates(learnerIds: readonly string[]): Promise<Map<string, Record<CriterionId, EvidenceState>>> {
  const result = new Map<string, Record<CriterionId, EvidenceState>>();
  if (learnerIds.length === 0) return result;
  const d = await db();
  const ids = [...learnerIds];
  const [claims, decisions, samples] = await Promise.all([
    d
      .select({ learnerId: evidenceItem.learnerId, evidenceId: evidenceVersion.evidenceId, version: evidenceVersion.version, claims: evidenceVersion.claims, status: evidenceItem.status, current: evidenceItem.currentVersion })
      .from(evidenceItem)
      .innerJoin(evidenceVersion, and(eq(evidenceVersion.evidenceId, evidenceItem.id), eq(evidenceVersion.version, evidenceItem.currentVersion)))
      .where(and(inArray(evidenceItem.learnerId, ids), inArray(evidenceItem.status, [...awaitingAssessment]))),
    d
      .select({ id: decision.id, learnerId: decision.learnerId, evidenceId: decision.evidenceId, version: decision.version, criterion: decision.criterion, outcome: decision.outcome, decidedAt: decision.decidedAt })
      .from(decision)
      .where(inArray(decision.learnerId, ids)),
    d
      .select({ decisionId: qualitySample.decisionId })
      .from(qualitySample)
      .innerJoin(decision, eq(qualitySample.decisionId, decision.id))
      .where(and(inArray(decision.learnerId, ids), eq(qualitySample.agrees, false))),
  ]);
  const disagreed = new Set(samples.map((s) => s.decisionId));
  for (const learnerId of ids) {
    const mine: ClaimFact[] = claims
      .filter((c) => c.learnerId === learnerId)
      .flatMap((c) => c.claims.map((criterion) => ({ evidenceId: c.evidenceId, version: c.version, criterion, awaiting: true })));
    result.set(learnerId, criterionStates(mine, decisions.filter((x) => x.learnerId === learnerId), disagreed));
  }
  return result;
}
