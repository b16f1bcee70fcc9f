import type { EvidenceStatus } from '../../../db/schema/portfolio';

/**
 * The one transition table for evidence. Every status change in the portfolio goes through
 * `transition`; anything not listed here is refused.
 *
 *   draft ──submit──▶ submitted ──assess──▶ assessed ──resubmit──▶ resubmitted ──assess──▶ assessed …
 *                         ▲                    │
 *                         └──────reopen────────┘   (a lead assessor's sample disagreed)
 */
export type EvidenceEvent = 'submit' | 'assess' | 'resubmit' | 'reopen';

/** Who may cause each event. */
export const eventActors: Readonly<Record<EvidenceEvent, 'owner' | 'assessor' | 'lead-assessor'>> = {
  submit: 'owner',
  resubmit: 'owner',
  assess: 'assessor',
  reopen: 'lead-assessor',
};

export const evidenceTransitions: Readonly<Record<EvidenceStatus, Partial<Record<EvidenceEvent, EvidenceStatus>>>> = {
  draft: { submit: 'submitted' },
  submitted: { assess: 'assessed' },
  assessed: { resubmit: 'resubmitted', reopen: 'submitted' },
  resubmitted: { assess: 'assessed' },
};

export type TransitionResult = { ok: true; to: EvidenceStatus } | { ok: false; reason: string };

export function transition(from: EvidenceStatus, event: EvidenceEvent, context: { locked: boolean }): TransitionResult {
  if (context.locked) return { ok: false, reason: 'The unit has been signed off, so this portfolio is locked.' };
  const to = evidenceTransitions[from][event];
  return to ? { ok: true, to } : { ok: false, reason: `Evidence that is ${from} cannot be ${pastTense[event]}.` };
}

const pastTense: Readonly<Record<EvidenceEvent, string>> = {
  submit: 'submitted',
  assess: 'assessed',
  resubmit: 'resubmitted',
  reopen: 'reopened',
};

/** Statuses that wait in an assessor's queue. */
export const awaitingAssessment: readonly EvidenceStatus[] = ['submitted', 'resubmitted'];
