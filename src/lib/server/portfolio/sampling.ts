import { and, desc, eq, ne, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import { assessorSamplingCount, decision, evidenceItem, qualitySample, user as userTable } from '../../../../db/schema';
import { transition } from '../../domain/evidence-workflow';
import { audit } from '../audit';
import type { SessionUser } from '../auth/session';
import { db } from '../db';
import { newId } from '../ids';
import { notify } from '../notifications';
import { latestDecision } from './decisions';
import { refreshEvidenceStates } from './states';

export type SampleResult = { type: 'sampled'; reopened: boolean } | { type: 'refused'; reason: string };

/**
 * A lead assessor agrees or disagrees with another assessor's decision. Disagreeing with the standing
 * decision reopens the criterion: the evidence goes back into the queue, and the decision no longer
 * counts as met.
 */
export async function sampleDecision(lead: SessionUser, input: { decisionId: string; agrees: boolean; reason: string }, now: Date): Promise<SampleResult> {
  if (lead.role !== 'assessor' || !lead.isLeadAssessor) return { type: 'refused', reason: 'Only a lead assessor can sample decisions.' };
  const d = await db();
  const [target] = await d.select().from(decision).where(eq(decision.id, input.decisionId));
  if (!target) return { type: 'refused', reason: 'No such decision.' };
  if (target.assessorId === lead.id) return { type: 'refused', reason: 'Sample another assessor’s decisions, not your own.' };
  const latest = await latestDecision(target.evidenceId, target.criterion);
  const [item] = await d.select().from(evidenceItem).where(eq(evidenceItem.id, target.evidenceId));
  let reopened = false;
  try {
    await d.transaction(async (tx) => {
      await tx.insert(qualitySample).values({ id: newId(), decisionId: target.id, leadAssessorId: lead.id, agrees: input.agrees, reason: input.reason, sampledAt: now });
      if (!input.agrees && item && latest?.id === target.id) {
        const step = transition(item.status, 'reopen', { locked: false });
        if (step.ok) {
          await tx.update(evidenceItem).set({ status: step.to, submittedAt: now, updatedAt: now }).where(eq(evidenceItem.id, item.id));
          reopened = true;
        }
      }
      await refreshEvidenceStates(tx, target.learnerId, now);
      await audit({ actorId: lead.id, action: input.agrees ? 'sample-agreed' : 'sample-disagreed', subjectId: target.id, detail: { reopened } }, now, tx);
      await notify({ userId: target.assessorId, text: `A lead assessor ${input.agrees ? 'agreed' : 'disagreed'} with your ${target.criterion} decision${reopened ? '; it is back in your queue' : ''}.`, link: `/assess/evidence/${target.evidenceId}` }, now, tx);
    });
  } catch (error) {
    if (/UNIQUE/i.test(String(error) + String((error as { cause?: Error }).cause))) return { type: 'refused', reason: 'That decision has already been sampled.' };
    throw error;
  }
  return { type: 'sampled', reopened };
}

const assessor = alias(userTable, 'assessor');

/** Decisions a lead assessor could sample: other assessors', not yet sampled, newest first. */
export async function sampleCandidates(leadId: string, limit = 30) {
  return (await db())
    .select({ decision, assessorName: assessor.name, evidenceTitle: evidenceItem.title })
    .from(decision)
    .innerJoin(assessor, eq(assessor.id, decision.assessorId))
    .innerJoin(evidenceItem, eq(evidenceItem.id, decision.evidenceId))
    .leftJoin(qualitySample, eq(qualitySample.decisionId, decision.id))
    .where(and(ne(decision.assessorId, leadId), sql`${qualitySample.id} is null`))
    .orderBy(desc(decision.decidedAt))
    .limit(limit);
}

/**
 * Per assessor: decisions made, decisions sampled, and the share sampled, by name. The counts are kept
 * by triggers as decisions and samples are recorded (assessor_sampling_count): counting them here meant
 * reading every decision on the platform, 8 s at the benchmark's 1.9 million.
 */
export async function samplingRates() {
  const c = assessorSamplingCount;
  const rows = await (await db())
    .select({ assessorId: c.assessorId, name: userTable.name, decisions: c.decisions, sampled: c.sampled, disagreed: c.disagreed })
    .from(c)
    .innerJoin(userTable, eq(userTable.id, c.assessorId))
    .orderBy(userTable.name, c.assessorId);
  return rows.map((r) => ({ ...r, rate: r.decisions ? r.sampled / r.decisions : 0 }));
}
