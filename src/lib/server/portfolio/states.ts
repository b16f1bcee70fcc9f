import { and, eq, inArray } from 'drizzle-orm';
import { decision, evidenceItem, learnerEvidenceState, qualitySample } from '../../../../db/schema';
import type { Database } from '../../../../db/client';
import { metMask, statesFromRecords } from '../../domain/criterion-state';
import type { CriterionId } from '../../domain/criteria';
import { awaitingAssessment } from '../../domain/evidence-workflow';
import type { EvidenceState } from '../../domain/progress';
import { db } from '../db';

/** The database or an open transaction: a refresh must read inside the write's transaction. */
type Executor = Pick<Database, 'select' | 'insert'>;
type States = Record<CriterionId, EvidenceState>;

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
 * Each criterion's evidence state for each of these learners, worked out from the formal records: the
 * claims of items awaiting assessment, and every decision with its quality sample. Two queries whatever
 * the number of learners.
 */
export async function computeEvidenceStates(x: Executor, learnerIds: readonly string[]): Promise<Map<string, States>> {
  const result = new Map<string, States>();
  if (learnerIds.length === 0) return result;
  const ids = [...learnerIds];
  const [items, decisions] = await Promise.all([
    x
      .select({ learnerId: evidenceItem.learnerId, id: evidenceItem.id, status: evidenceItem.status, currentVersion: evidenceItem.currentVersion, claims: evidenceItem.claims })
      .from(evidenceItem)
      .where(and(inArray(evidenceItem.learnerId, ids), inArray(evidenceItem.status, [...awaitingAssessment]))),
    // A decision a lead assessor disagreed with is marked here, in the same query.
    x
      .select({ id: decision.id, learnerId: decision.learnerId, evidenceId: decision.evidenceId, version: decision.version, criterion: decision.criterion, outcome: decision.outcome, decidedAt: decision.decidedAt, sampleAgrees: qualitySample.agrees })
      .from(decision)
      .leftJoin(qualitySample, eq(qualitySample.decisionId, decision.id))
      .where(inArray(decision.learnerId, ids)),
  ]);
  const itemsBy = groupBy(items, (i) => i.learnerId);
  const decisionsBy = groupBy(decisions, (d) => d.learnerId);
  for (const learnerId of ids) result.set(learnerId, statesFromRecords(itemsBy.get(learnerId) ?? [], decisionsBy.get(learnerId) ?? []));
  return result;
}

/**
 * Rewrites a learner's stored states from their records. Every write that can change a state (a
 * submission, a resubmission, a decision, a quality sample) calls this inside its own transaction, so
 * the stored row and the records commit together or not at all.
 */
export async function refreshEvidenceStates(tx: Executor, learnerId: string, now: Date): Promise<void> {
  const states = (await computeEvidenceStates(tx, [learnerId])).get(learnerId)!;
  const stored = { states, metMask: metMask(states), refreshedAt: now };
  await tx
    .insert(learnerEvidenceState)
    .values({ learnerId, ...stored })
    .onConflictDoUpdate({ target: learnerEvidenceState.learnerId, set: stored });
}

/**
 * Each criterion's evidence state for each of these learners: one small row per learner from the stored
 * states (so a 200-person shop is 200 rows, not every decision in it); for anyone without a row (no
 * evidence yet, or evidence written before the stored states existed) the same answer from the records.
 */
export async function evidenceStates(learnerIds: readonly string[]): Promise<Map<string, States>> {
  if (learnerIds.length === 0) return new Map();
  const d = await db();
  const stored = await d.select({ learnerId: learnerEvidenceState.learnerId, states: learnerEvidenceState.states }).from(learnerEvidenceState).where(inArray(learnerEvidenceState.learnerId, [...learnerIds]));
  return withStoredStates(new Map(stored.map((row) => [row.learnerId, row.states])), learnerIds);
}

/**
 * The states for these learners given the stored rows a caller has already read (the competence matrix
 * reads them joined to the staff list): anyone missing is worked out from the records.
 */
export async function withStoredStates(stored: ReadonlyMap<string, Record<string, string>>, learnerIds: readonly string[]): Promise<Map<string, States>> {
  const missing = learnerIds.filter((id) => !stored.has(id));
  const computed = missing.length > 0 ? await computeEvidenceStates(await db(), missing) : new Map<string, States>();
  return new Map(learnerIds.map((id) => [id, (stored.get(id) as States | undefined) ?? computed.get(id)!]));
}
