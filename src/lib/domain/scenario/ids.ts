/**
 * The fixed vocabularies a scenario is written in. Tactic ids are promised by CONTRACTS §5; technique ids
 * are the K3 techniques the debrief names (DOMAIN §2).
 */
export { concessionTypes, type ConcessionType } from '../special-terms';

/** Customer negotiating tactics (K4), exactly as CONTRACTS §5 spells them. */
export const tacticIds = [
  'anchoring',
  'flinch',
  'competitor-quote',
  'nibble',
  'higher-authority',
  'deadline',
  'walk-away',
  'good-guy-bad-guy',
  'loyalty-appeal',
  'review-threat',
  'split-difference',
] as const;
export type TacticId = (typeof tacticIds)[number];

/** Plain names for the tactics, for the debrief. */
export const tacticLabels: Readonly<Record<TacticId, string>> = {
  anchoring: 'anchoring with an extreme opening ask',
  flinch: 'the flinch',
  'competitor-quote': 'a competitor’s quote',
  nibble: 'the nibble',
  'higher-authority': 'the absent higher authority',
  deadline: 'deadline pressure',
  'walk-away': 'the walk-away threat',
  'good-guy-bad-guy': 'good guy, bad guy',
  'loyalty-appeal': 'the loyalty appeal',
  'review-threat': 'the review or public-complaint threat',
  'split-difference': 'splitting the difference',
};

/** Negotiating techniques (K3) the scoring rewards. */
export const techniqueIds = [
  'ask-before-offer',
  'find-need',
  'trade',
  'low-cost-high-value',
  'verify-claims',
  'stay-calm',
  'honest-limits',
  'summarise',
  'record',
] as const;
export type TechniqueId = (typeof techniqueIds)[number];

export const techniqueLabels: Readonly<Record<TechniqueId, string>> = {
  'ask-before-offer': 'asking before offering',
  'find-need': 'finding the need behind the request',
  trade: 'trading a concession for something in return',
  'low-cost-high-value': 'offering something cheap to give but valuable to them',
  'verify-claims': 'checking a claim before acting on it',
  'stay-calm': 'staying calm under pressure',
  'honest-limits': 'being honest about your limits',
  summarise: 'summarising what was agreed',
  record: 'recording the term agreed',
};

/** The examiner's marking points (CONTRACTS §5). */
export const markingPointIds = ['listening', 'policy-conflict', 'personalisation', 'business-link', 'feedback-loop'] as const;
export type MarkingPointId = (typeof markingPointIds)[number];

export const profiles = ['new', 'regular', 'trade', 'high-value', 'unhappy'] as const;
export type Profile = (typeof profiles)[number];

export const brandImages = ['value', 'mid-market', 'premium'] as const;
export type BrandImage = (typeof brandImages)[number];

export const questionKinds = ['open', 'clarifying', 'summarising'] as const;
export type QuestionKind = (typeof questionKinds)[number];

/** When a tactic beat fires; see the beat schema for what each means. */
export const beatTimings = ['start', 'after-first-offer', 'after-rejected-offer', 'before-close'] as const;
export type BeatTiming = (typeof beatTimings)[number];

export const outcomes = ['deal', 'declined-positively', 'referred', 'walked-away'] as const;
export type Outcome = (typeof outcomes)[number];

export const bestRoutes = ['deal', 'decline', 'refer'] as const;
export type BestRoute = (typeof bestRoutes)[number];
