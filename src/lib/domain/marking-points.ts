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

/** The titles alone, for islands that name the points (the feedback panel, the debrief). */
const TITLES: Readonly<Record<MarkingPointId, string>> = {
  listening: 'Listening and questioning',
  'policy-conflict': 'Customer wants versus policy',
  personalisation: 'Personalised service',
  'business-link': 'Link to business results',
  'feedback-loop': 'Using feedback to improve',
};

// `@__PURE__`: a bundle that only needs the titles leaves the credit sentences out.
export const MARKING_POINTS: readonly MarkingPoint[] = /* @__PURE__ */ Object.freeze([
  {
    id: 'listening',
    title: TITLES.listening,
    credit: 'Open and follow-up questions you put to a real customer, and how you summarised or checked what you heard.',
  },
  {
    id: 'policy-conflict',
    title: TITLES['policy-conflict'],
    credit: 'A case where the request clashed with a rule or your authority, what you did, and why that choice kept the customer as satisfied as possible.',
  },
  {
    id: 'personalisation',
    title: TITLES.personalisation,
    credit: 'Something you did for this one customer because of what they told you or what you remembered about them.',
  },
  {
    id: 'business-link',
    title: TITLES['business-link'],
    credit: 'What the customer’s satisfaction led to in numbers: repeat visits, spend, referrals, review scores or NPS.',
  },
  {
    id: 'feedback-loop',
    title: TITLES['feedback-loop'],
    credit: 'Feedback you gathered (cards, surveys, reviews, complaints), the change it led to, and the measured result.',
  },
] as const);

/** The title shown for a marking point id. */
export function markingPointTitle(id: string): string {
  return Object.hasOwn(TITLES, id) ? TITLES[id as MarkingPointId] : id;
}
