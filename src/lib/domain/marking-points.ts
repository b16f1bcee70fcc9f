/**
 * The examiner's five marking points (CONTRACTS §5), with the titles the product shows everywhere: in
 * reflection feedback, scenario debriefs and the assessor's view. Kept apart from the feedback engine so a
 * page can name the points without loading the rules.
 */
export type MarkingPointId = 'listening' | 'policy-conflict' | 'personalisation' | 'business-link' | 'feedback-loop';

export interface MarkingPoint {
  id: MarkingPointId;
  title: string;
  /** What earns credit, in a sentence the learner can act on. */
  credit: string;
}

export const MARKING_POINTS: readonly MarkingPoint[] = Object.freeze([
  {
    id: 'listening',
    title: 'Listening and questioning',
    credit: 'Open and follow-up questions you put to a real customer, and how you summarised or checked what you heard.',
  },
  {
    id: 'policy-conflict',
    title: 'Customer wants versus policy',
    credit: 'A case where the request clashed with a rule or your authority, what you did, and why that choice kept the customer as satisfied as possible.',
  },
  {
    id: 'personalisation',
    title: 'Personalised service',
    credit: 'Something you did for this one customer because of what they told you or what you remembered about them.',
  },
  {
    id: 'business-link',
    title: 'Link to business results',
    credit: 'What the customer’s satisfaction led to in numbers: repeat visits, spend, referrals, review scores or NPS.',
  },
  {
    id: 'feedback-loop',
    title: 'Using feedback to improve',
    credit: 'Feedback you gathered (cards, surveys, reviews, complaints), the change it led to, and the measured result.',
  },
] as const);

/** The title shown for a marking point id. */
export function markingPointTitle(id: string): string {
  return MARKING_POINTS.find((p) => p.id === id)?.title ?? id;
}
