import { eq, sql } from 'drizzle-orm';
import { decision, qualitySample, user as userTable } from '../../../../db/schema';
import { criteria, type CriterionId } from '../../domain/criteria';
import { statesFromRecords } from '../../domain/criterion-state';
import type { EvidenceState } from '../../domain/progress';
import { bool, date, nullable, number, selectJsonRows, text } from '../json-rows';
import { signOffFor } from './locks';
import { learnerEvidence } from './queue';

export interface CriterionEntry {
  id: CriterionId;
  title: string;
  state: EvidenceState;
  items: { id: string; title: string; kind: string; status: string }[];
  decisions: { criterion: string; outcome: 'met' | 'not-yet'; feedback: string; assessorName: string; decidedAt: Date; evidenceId: string; version: number; disagreed: boolean }[];
}

/** Every decision on a learner's evidence with its assessor and any quality sample, oldest first. */
async function learnerDecisions(learnerId: string) {
  const rows = await selectJsonRows(
    {
      id: [decision.id, text],
      evidenceId: [decision.evidenceId, text],
      version: [decision.version, number],
      criterion: [decision.criterion, text],
      outcome: [decision.outcome, (v: unknown) => text(v) as 'met' | 'not-yet'],
      feedback: [decision.feedback, text],
      decidedAt: [decision.decidedAt, date],
      assessorName: [userTable.name, text],
      sampleAgrees: [qualitySample.agrees, nullable(bool)],
    },
    sql`FROM ${decision}
      JOIN ${userTable} ON ${eq(userTable.id, decision.assessorId)}
      LEFT JOIN ${qualitySample} ON ${eq(qualitySample.decisionId, decision.id)}
      WHERE ${eq(decision.learnerId, learnerId)}`,
  );
  return rows.sort((a, b) => a.decidedAt.getTime() - b.decidedAt.getTime() || a.id.localeCompare(b.id));
}

/**
 * A learner's portfolio by criterion: the gap analysis, the evidence claiming each, every decision. The
 * states come from the same two reads as the page's lists (the items with their current claims, every
 * decision with its sample), so the page never reads a decision twice.
 */
export async function portfolioByCriterion(learnerId: string) {
  const [items, decisions, lock] = await Promise.all([learnerEvidence(learnerId), learnerDecisions(learnerId), signOffFor(learnerId)]);
  const state = statesFromRecords(items.map((i) => i.item), decisions);
  const disagreed = new Set(decisions.filter((x) => x.sampleAgrees === false).map((x) => x.id));
  const entries: CriterionEntry[] = criteria.map((c) => ({
    id: c.id,
    title: c.title,
    state: state[c.id],
    items: items.filter((i) => i.claims.includes(c.id)).map((i) => ({ id: i.item.id, title: i.item.title, kind: i.item.kind, status: i.item.status })),
    decisions: decisions.filter((x) => x.criterion === c.id).map(({ sampleAgrees: _, ...x }) => ({ ...x, disagreed: disagreed.has(x.id) })),
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
