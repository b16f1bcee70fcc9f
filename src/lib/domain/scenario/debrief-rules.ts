/**
 * How a finished attempt is judged: the marking-point verdicts, the criteria an attempt evidences, and the
 * score, each as an ordered table over plain facts about the attempt (worked out in debrief.ts). The first
 * row whose test holds gives the verdict; the sentence explains it in the learner's terms.
 */
import type { CriterionId } from '../criteria';
import { formatPercent, formatPounds } from '../special-terms';
import type { MarkingPointId, Outcome, TacticId } from './ids';

export type Verdict = 'evidenced' | 'partial' | 'missing';
export type AuthorityStatus = 'kept' | 'breached' | 'referred-correctly' | 'referred-unnecessarily';

/** What the rules look at. */
export interface Facts {
  customer: string;
  finished: boolean;
  outcome: Outcome | null;
  /** A sale happened (a deal, or a referral where the manager agreed one). */
  sale: boolean;
  /** Good open or clarifying questions asked. */
  goodQuestions: number;
  poorQuestions: number;
  /** A good summarising question was asked. */
  summarised: boolean;
  needRevealed: boolean;
  needMet: boolean;
  authority: AuthorityStatus;
  bestRouteFollowed: boolean;
  goodwillStart: number;
  goodwillEnd: number;
  profit: number;
  fullProfit: number;
  /** profit ÷ full profit; null without a sale. */
  marginKeptShare: number | null;
  repeatProbability: number;
  expectedRepeatValue: number;
  record: boolean;
  followUp: boolean;
  tacticsFaced: number;
  tacticsWell: number;
  techniquesUsed: number;
  techniquesApplicable: number;
  verifiedClaims: boolean;
  traded: boolean;
}

interface Row {
  verdict: Verdict;
  test: (f: Facts) => boolean;
  say: (f: Facts) => string;
}

/** A deal keeping at least this share of the full margin counts as protecting the business. */
export const BUSINESS_RULES = { goodMarginShare: 0.8, fairMarginShare: 0.6, goodwillSlack: 5 } as const;

const poorNote = (f: Facts) => (f.poorQuestions > 0 ? ` ${f.poorQuestions} of your questions were leading or pushy and cost goodwill.` : '');
const mood = (f: Facts) => (f.goodwillEnd >= f.goodwillStart ? 'and their mood improved or held' : `though their mood fell from ${f.goodwillStart} to ${f.goodwillEnd}`);
const kept = (f: Facts) =>
  f.marginKeptShare === null ? 'no sale was made today' : `you kept ${formatPounds(f.profit)} of the ${formatPounds(f.fullProfit)} profit (${formatPercent(f.marginKeptShare)})`;
const breachedOrLost = (f: Facts) => f.authority === 'breached' || f.outcome === 'walked-away' || !f.finished;

export const POINT_RULES: Readonly<Record<MarkingPointId, readonly Row[]>> = {
  listening: [
    { verdict: 'evidenced', test: (f) => f.goodQuestions > 0 && f.summarised && f.needRevealed, say: (f) => `You asked ${f.goodQuestions} good question${f.goodQuestions === 1 ? '' : 's'}, found what ${f.customer} really needed and summarised it back before deciding.${poorNote(f)}` },
    { verdict: 'partial', test: (f) => f.goodQuestions > 0, say: (f) => `You asked good questions${f.needRevealed ? '' : ' but did not uncover the need behind the request'}${f.summarised ? '' : ', and never summarised back what you had heard'}.${poorNote(f)}` },
    { verdict: 'missing', test: () => true, say: (f) => `You did not ask ${f.customer} an open or clarifying question, so you were negotiating without knowing what mattered to them.${poorNote(f)}` },
  ],
  'policy-conflict': [
    { verdict: 'missing', test: (f) => f.authority === 'breached', say: () => 'You agreed more than your authority allows instead of working within the policy or fetching a manager.' },
    { verdict: 'missing', test: (f) => f.outcome === 'walked-away' || !f.finished, say: (f) => `${f.customer} left unhappy: the clash between their request and the policy was not resolved.` },
    { verdict: 'evidenced', test: (f) => f.bestRouteFollowed && f.goodwillEnd >= f.goodwillStart - BUSINESS_RULES.goodwillSlack, say: (f) => `You kept within the policy and your limits, took the right route, ${mood(f)}.` },
    { verdict: 'partial', test: () => true, say: (f) => `You stayed within your limits, but ${f.bestRouteFollowed ? `${f.customer}'s mood suffered on the way (${f.goodwillStart} to ${f.goodwillEnd})` : 'there was a better route that would have kept them happier or the business safer'}.` },
  ],
  personalisation: [
    { verdict: 'evidenced', test: (f) => f.needRevealed && f.needMet, say: (f) => `You found out what ${f.customer} really needed and shaped what you offered around it.` },
    { verdict: 'partial', test: (f) => f.needRevealed, say: (f) => `You found out what ${f.customer} really needed but what you settled on did not address it.` },
    { verdict: 'partial', test: (f) => f.needMet, say: () => 'What you offered happened to meet the real need, but you never found it out, so it was luck rather than personal service.' },
    { verdict: 'missing', test: () => true, say: () => 'The offer was the same one anybody would get: the need behind the request stayed hidden.' },
  ],
  'business-link': [
    { verdict: 'missing', test: breachedOrLost, say: (f) => (f.authority === 'breached' ? `You went beyond your authority; ${kept(f)}.` : `No sale and a lost customer: their chance of coming back is now ${formatPercent(f.repeatProbability)}.`) },
    { verdict: 'missing', test: (f) => f.sale && f.profit < 0, say: (f) => `The deal loses the shop ${formatPounds(-f.profit)}: the sale is not worth having on those terms.` },
    {
      verdict: 'evidenced',
      test: (f) => (f.marginKeptShare === null ? f.bestRouteFollowed : f.marginKeptShare >= BUSINESS_RULES.goodMarginShare) && f.goodwillEnd >= f.goodwillStart,
      say: (f) => `${kept(f)[0]?.toUpperCase() ?? ''}${kept(f).slice(1)}, and a ${formatPercent(f.repeatProbability)} chance of a return visit is worth about ${formatPounds(f.expectedRepeatValue)} in future profit.`,
    },
    { verdict: 'partial', test: () => true, say: (f) => `${kept(f)[0]?.toUpperCase() ?? ''}${kept(f).slice(1)}; with a ${formatPercent(f.repeatProbability)} chance of a return visit (about ${formatPounds(f.expectedRepeatValue)}), margin or goodwill could have been better protected.` },
  ],
  'feedback-loop': [
    { verdict: 'evidenced', test: (f) => f.record && f.followUp, say: () => 'You recorded what was agreed and invited feedback or arranged a follow-up, so the shop can learn whether it worked.' },
    { verdict: 'partial', test: (f) => f.record || f.followUp, say: (f) => (f.record ? 'You recorded the outcome, but did not invite feedback or arrange to follow up.' : 'You invited feedback, but did not record what was agreed or asked for.') },
    { verdict: 'missing', test: () => true, say: () => 'Nothing was recorded and no feedback was invited, so nobody can tell later whether this worked.' },
  ],
};

/** Finished without losing the customer: an attempt that ends in a walk-out evidences no negotiating skill, however good one answer was. */
const settled = (f: Facts) => f.finished && f.outcome !== 'walked-away';

/** Which criteria a finished attempt shows; only those the scenario claims are reported. */
export const CRITERION_RULES: Readonly<Partial<Record<CriterionId, (f: Facts) => boolean>>> = {
  P2: (f) => f.finished && f.authority !== 'breached' && (f.sale ? (f.marginKeptShare ?? 0) >= BUSINESS_RULES.fairMarginShare : f.bestRouteFollowed),
  // Goodwill kept and the business protected: a fair-margin sale, or the right no or referral, with the customer no less happy.
  P3: (f) => settled(f) && f.authority !== 'breached' && f.goodwillEnd >= f.goodwillStart && (f.sale ? (f.marginKeptShare ?? 0) >= BUSINESS_RULES.fairMarginShare : f.bestRouteFollowed),
  P4: (f) => f.outcome === 'declined-positively',
  P5: (f) => f.authority === 'referred-correctly',
  P6: (f) => f.finished && (f.authority === 'kept' || f.authority === 'referred-correctly') && f.bestRouteFollowed,
  P7: (f) => f.record,
  K1: (f) => f.verifiedClaims,
  K2: (f) => f.finished && f.authority !== 'breached' && (f.sale ? (f.marginKeptShare ?? 0) >= BUSINESS_RULES.goodMarginShare : f.bestRouteFollowed),
  K3: (f) => settled(f) && f.techniquesApplicable > 0 && f.techniquesUsed / f.techniquesApplicable >= 0.6,
  K4: (f) => settled(f) && f.tacticsFaced > 0 && f.tacticsWell === f.tacticsFaced,
};

/** Points out of 100. A trade scores above the same concessions given away: it keeps more profit and shows a technique. */
export const SCORE_WEIGHTS = { route: 20, margin: 20, goodwill: 15, techniques: 25, tactics: 10, authority: 10 } as const;
export type ScorePart = keyof typeof SCORE_WEIGHTS;

const share = (v: number) => Math.min(1, Math.max(0, v));
export const SCORE_RULES: Readonly<Record<ScorePart, { label: string; share: (f: Facts) => number }>> = {
  route: { label: 'Outcome', share: (f) => (f.bestRouteFollowed ? 1 : f.finished && f.outcome !== 'walked-away' ? 0.5 : 0) },
  margin: { label: 'Margin kept', share: (f) => (f.marginKeptShare !== null ? share(f.marginKeptShare) : f.bestRouteFollowed ? 1 : 0) },
  goodwill: { label: 'Goodwill', share: (f) => share(0.5 + (f.goodwillEnd - f.goodwillStart) / 40) },
  techniques: { label: 'Techniques', share: (f) => (f.techniquesApplicable === 0 ? 1 : f.techniquesUsed / f.techniquesApplicable) },
  tactics: { label: 'Tactics handled', share: (f) => (f.tacticsFaced === 0 ? 0 : f.tacticsWell / f.tacticsFaced) },
  authority: { label: 'Authority', share: (f) => ({ kept: 1, 'referred-correctly': 1, 'referred-unnecessarily': 0.5, breached: 0 })[f.authority] },
};

/** How to meet each tactic, in a sentence, for the debrief. */
export const TACTIC_ADVICE: Readonly<Record<TacticId, string>> = {
  anchoring: 'An extreme first ask is there to drag the middle towards it: do not answer it with a number — ask what is behind it and start from your own price.',
  flinch: 'A wince at the price tests your nerve: pause, restate what they get for the money, and do not cut the price just to fill the silence.',
  'competitor-quote': 'A rival’s price is a claim until it is checked — same model, same extras, really in stock? Offer to look it up rather than matching it blind.',
  nibble: 'The small extra asked for at the last moment adds up: trade it for something or turn it down lightly, because giving it away teaches the nibble.',
  'higher-authority': 'An absent partner or boss keeps the real decision out of reach: ask what they would need to see and give it in writing, rather than sweetening the deal now.',
  deadline: 'Time pressure can be real or made up: check it, then decide on the merits — a rushed concession is usually a bigger one.',
  'walk-away': 'A threat to leave is a bid for a concession: stay warm, make your reasonable offer clear and let them choose; chasing them to the door costs margin.',
  'good-guy-bad-guy': 'When one customer pushes and the other soothes, they are working as a team: speak to both, keep to the facts, and do not reward the pressure.',
  'loyalty-appeal': 'Loyalty deserves recognition, but with something that suits the relationship — a reward, priority, a thank-you — not an unplanned discount.',
  'review-threat': 'A threatened bad review is pressure, not a position: acknowledge what went wrong, put it right within policy, and never pay for silence.',
  'split-difference': 'Meeting in the middle rewards whoever opened furthest away: only split if the middle is somewhere you can afford, and get something back for it.',
};
