import { criteriaMask, criterionIds, type CriterionId } from './criteria';
import { awaitingAssessment } from './evidence-workflow';
import type { EvidenceState } from './progress';

export interface ClaimFact {
  evidenceId: string;
  version: number;
  criterion: string;
  /** Whether this version is the evidence item's current one and awaits assessment. */
  awaiting: boolean;
}

export interface DecisionFact {
  id: string;
  evidenceId: string;
  version: number;
  criterion: string;
  outcome: 'met' | 'not-yet';
  decidedAt: Date;
}

/**
 * Each criterion's state from the portfolio's records. Within one evidence item, only its latest
 * decision per criterion counts; a decision a lead assessor disagreed with counts for nothing. Met
 * anywhere wins; evidence awaiting a decision is pending; otherwise a "not yet" stands.
 */
export function criterionStates(claims: readonly ClaimFact[], decisions: readonly DecisionFact[], disagreed: ReadonlySet<string>): Record<CriterionId, EvidenceState> {
  const latest = new Map<string, DecisionFact>();
  for (const d of decisions) {
    const key = `${d.evidenceId}|${d.criterion}`;
    const seen = latest.get(key);
    if (!seen || d.decidedAt > seen.decidedAt) latest.set(key, d);
  }
  const states = Object.fromEntries(criterionIds.map((id) => [id, 'none'])) as Record<CriterionId, EvidenceState>;
  const rank: Record<EvidenceState, number> = { none: 0, 'not-yet': 1, pending: 2, met: 3 };
  const raise = (criterion: string, state: EvidenceState) => {
    const id = criterion as CriterionId;
    if (id in states && rank[state] > rank[states[id]]) states[id] = state;
  };
  for (const d of latest.values()) {
    if (disagreed.has(d.id)) continue;
    raise(d.criterion, d.outcome);
  }
  for (const c of claims) {
    if (!c.awaiting) continue;
    const decided = latest.get(`${c.evidenceId}|${c.criterion}`);
    const decidedThisVersion = decided && decided.version === c.version && !disagreed.has(decided.id);
    if (!decidedThisVersion) raise(c.criterion, 'pending');
  }
  return states;
}

/** An evidence item as the states need it: its status and the claims of its current version. */
export interface ItemFact {
  id: string;
  status: string;
  currentVersion: number;
  claims: readonly string[];
}

/**
 * One learner's states from their records as read: their items, and every decision with the verdict of
 * its quality sample, if any (false: the lead assessor disagreed). The stored states and the portfolio
 * page both come from here.
 */
export function statesFromRecords(items: readonly ItemFact[], decisions: readonly (DecisionFact & { sampleAgrees: boolean | null })[]): Record<CriterionId, EvidenceState> {
  const awaiting = new Set<string>(awaitingAssessment);
  const claims = items.flatMap((i) => (awaiting.has(i.status) ? i.claims.map((criterion): ClaimFact => ({ evidenceId: i.id, version: i.currentVersion, criterion, awaiting: true })) : []));
  const disagreed = new Set(decisions.filter((d) => d.sampleAgrees === false).map((d) => d.id));
  return criterionStates(claims, decisions, disagreed);
}

/** The criteria these states count as met, as a mask (criteriaMask): stored beside the states. */
export function metMask(states: Readonly<Record<CriterionId, EvidenceState>>): number {
  return criteriaMask(criterionIds.filter((id) => states[id] === 'met'));
}

/** Whole days an item has waited, counted from its submission. */
export function daysWaiting(submittedAt: Date, now: Date): number {
  return Math.max(0, Math.floor((now.getTime() - submittedAt.getTime()) / 86_400_000));
}
