import { asc, eq } from 'drizzle-orm';
import { decision, qualitySample, user as userTable } from '../../../../db/schema';
import { criteria, type CriterionId } from '../../domain/criteria';
import type { EvidenceState } from '../../domain/progress';
import { db } from '../db';
import { signOffFor } from './locks';
import { learnerEvidence } from './queue';
import { evidenceStates } from './states';

export interface CriterionEntry {
  id: CriterionId;
  title: string;
  state: EvidenceState;
  items: { id: string; title: string; kind: string; status: string }[];
  decisions: { criterion: string; outcome: 'met' | 'not-yet'; feedback: string; assessorName: string; decidedAt: Date; evidenceId: string; version: number; disagreed: boolean }[];
}

/** A learner's portfolio by criterion: the gap analysis, the evidence claiming each, every decision. */
export async function portfolioByCriterion(learnerId: string) {
  const d = await db();
  const [items, states, lock] = await Promise.all([learnerEvidence(learnerId), evidenceStates([learnerId]), signOffFor(learnerId)]);
  const decisions = await d
    .select({ decision, assessorName: userTable.name, sampleAgrees: qualitySample.agrees })
    .from(decision)
    .innerJoin(userTable, eq(userTable.id, decision.assessorId))
    .leftJoin(qualitySample, eq(qualitySample.decisionId, decision.id))
    .where(eq(decision.learnerId, learnerId))
    .orderBy(asc(decision.decidedAt));
  const state = states.get(learnerId);
  const entries: CriterionEntry[] = criteria.map((c) => ({
    id: c.id,
    title: c.title,
    state: state?.[c.id] ?? 'none',
    items: items.filter((i) => i.claims.includes(c.id)).map((i) => ({ id: i.item.id, title: i.item.title, kind: i.item.kind, status: i.item.status })),
    decisions: decisions
      .filter((x) => x.decision.criterion === c.id)
      .map((x) => ({ ...x.decision, assessorName: x.assessorName, disagreed: x.sampleAgrees === false })),
  }));
  return { entries, items, signOff: lock };
}

export const stateLabels: Readonly<Record<EvidenceState, string>> = { met: 'Met', pending: 'Awaiting assessment', 'not-yet': 'Not yet met', none: 'No evidence yet' };
export const stateBadge: Readonly<Record<EvidenceState, string>> = { met: 'met', pending: 'pending', 'not-yet': 'not-yet', none: 'none' };

export const kindLabels: Readonly<Record<string, string>> = {
  reflection: 'STAR reflection',
  'scenario-attempt': 'Negotiation scenario',
  'check-attempt': 'Knowledge check',
  file: 'Uploaded file',
  observation: 'Assessor observation',
  'witness-testimony': 'Witness testimony',
};
