/**
 * What to say to the learner for each marking point and verdict. The reason a point was not credited
 * (the step was negated, told as a habit, or there was no account) changes the opening of the tip.
 */
import type { PointId } from './cues';
import type { Reason, Verdict } from './points';

export { MARKING_POINTS, type MarkingPoint } from '../marking-points';

const TIPS: Readonly<Record<PointId, Readonly<Record<Verdict, string>>>> = {
  listening: {
    evidenced: 'Good: your questions and check-back are visible. To go further, quote one question word for word and say what the answer changed.',
    partial: 'You show one question or a claim of listening. Add a follow-up question and the moment you summarised back ("So you need…?") to check you had understood.',
    missing: 'Show the conversation: write the open question you asked (what, how, why), what the customer answered, and how you checked you had understood.',
  },
  'policy-conflict': {
    evidenced: 'Good: the clash, your choice and your reasons are clear. To go further, say what else you considered and why you turned it down.',
    partial: 'You describe the clash with policy but not why your response was the right one. Say what you offered instead and why it kept the customer on side (cost, loyalty, goodwill).',
    missing: 'Choose a time a customer wanted something the rules or your authority did not allow. Say what you did, the alternative you offered and why.',
  },
  personalisation: {
    evidenced: 'Good: what you did fits this customer. To go further, say how you will remember the preference next time (notes, loyalty record).',
    partial: 'What you offered could have gone to anyone. Tie it to this customer: what they told you, or what you remembered about them, that made you choose it.',
    missing: 'Give one concrete example of tailoring: a recommendation based on what the customer said, or a preference you remembered and acted on.',
  },
  'business-link': {
    evidenced: 'Good: you show what the customer’s satisfaction led to. To go further, compare it with a typical customer or explain what else might have caused it.',
    partial: 'You state the link but do not show it. Add something measured: a return visit with its date or spend, a referral, a review score or an NPS figure.',
    missing: 'Explain what the customer’s satisfaction meant for the business, with a number: repeat visits, money spent since, referrals, review score or NPS.',
  },
  'feedback-loop': {
    evidenced: 'Good: feedback, change and measured result are all there. To go further, say how long you waited and what else could explain the change.',
    partial: 'Complete the loop: say what you changed because of the feedback, and give a before-and-after number that shows the effect.',
    missing: 'Describe feedback you or your shop collected (cards, surveys, reviews, complaints), the change it led to, and a number showing the result.',
  },
};

const LEADS: Readonly<Record<Exclude<Reason, 'credited' | 'none'>, string>> = {
  negated: 'Your account says this step did not happen (or only should have), so it cannot earn credit.',
  general: 'This is written as what you usually do or believe; only what you did in the event counts.',
  'no-account': 'There is no specific event here (who, when, what you said and did), so no marking point can be credited yet.',
  'off-topic': 'This account is not about serving a customer in your own retail work, so it cannot evidence this point.',
};

export function tipFor(point: PointId, verdict: Verdict, reason: Reason): string {
  const base = TIPS[point][verdict];
  switch (reason) {
    case 'credited':
    case 'none':
      return base;
    case 'negated':
    case 'general':
    case 'no-account':
    case 'off-topic':
      return `${LEADS[reason]} ${base}`;
    default: {
      const unreachable: never = reason;
      return unreachable;
    }
  }
}
