import { criteria, type CriterionId } from './criteria';

/** What the portfolio says about a criterion's evidence. */
export type EvidenceState = 'none' | 'pending' | 'not-yet' | 'met';

export interface CriterionFacts {
  read: boolean;
  checkPassed: boolean;
  evidence: EvidenceState;
}

export type ProgressStage = 'not-started' | 'read' | 'checked' | 'evidenced' | 'not-yet' | 'met';

export const stageLabels: Readonly<Record<ProgressStage, string>> = {
  'not-started': 'Not started',
  read: 'Module read',
  checked: 'Check passed',
  evidenced: 'Evidence submitted',
  'not-yet': 'Not yet met',
  met: 'Met',
};

/** The furthest stage a criterion has reached; the assessor's decision outranks the learner's own steps. */
export function stageOf(f: CriterionFacts): ProgressStage {
  switch (f.evidence) {
    case 'met':
      return 'met';
    case 'not-yet':
      return 'not-yet';
    case 'pending':
      return 'evidenced';
    case 'none':
      return f.checkPassed ? 'checked' : f.read ? 'read' : 'not-started';
    default: {
      const unreachable: never = f.evidence;
      return unreachable;
    }
  }
}

export type NextStep =
  | { type: 'read'; criterion: CriterionId }
  | { type: 'check'; criterion: CriterionId }
  | { type: 'resubmit'; criterion: CriterionId }
  | { type: 'evidence'; criterion: CriterionId }
  | { type: 'wait' }
  | { type: 'complete' };

const EMPTY: CriterionFacts = { read: false, checkPassed: false, evidence: 'none' };

/**
 * The one step most worth doing next: act on feedback first (a "not yet" is waiting on the learner),
 * then study in the unit's order, then gather evidence, then wait for the assessor.
 */
export function nextStep(facts: Partial<Record<CriterionId, CriterionFacts>>): NextStep {
  const f = (id: CriterionId) => facts[id] ?? EMPTY;
  const notYet = criteria.find((c) => f(c.id).evidence === 'not-yet');
  if (notYet) return { type: 'resubmit', criterion: notYet.id };
  const unread = criteria.find((c) => !f(c.id).read && f(c.id).evidence === 'none');
  if (unread) return { type: 'read', criterion: unread.id };
  const unchecked = criteria.find((c) => !f(c.id).checkPassed && f(c.id).evidence === 'none');
  if (unchecked) return { type: 'check', criterion: unchecked.id };
  const noEvidence = criteria.find((c) => f(c.id).evidence === 'none');
  if (noEvidence) return { type: 'evidence', criterion: noEvidence.id };
  return criteria.every((c) => f(c.id).evidence === 'met') ? { type: 'complete' } : { type: 'wait' };
}

export function describeNextStep(step: NextStep): { text: string; href: string | null } {
  switch (step.type) {
    case 'read':
      return { text: `Read the ${step.criterion} module`, href: `/learn/modules/${step.criterion}` };
    case 'check':
      return { text: `Take the ${step.criterion} knowledge check`, href: `/learn/modules/${step.criterion}/check` };
    case 'resubmit':
      return { text: `Act on your assessor's feedback for ${step.criterion}`, href: `/learn/portfolio#${step.criterion}` };
    case 'evidence':
      return { text: `Add evidence for ${step.criterion}`, href: `/learn/portfolio#${step.criterion}` };
    case 'wait':
      return { text: 'Your evidence is with your assessor; you will be told when they decide.', href: null };
    case 'complete':
      return { text: 'Every criterion is met. Well done.', href: null };
    default: {
      const unreachable: never = step;
      return unreachable;
    }
  }
}
