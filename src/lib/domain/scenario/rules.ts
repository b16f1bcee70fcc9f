/**
 * The engine's fixed numbers, in one place so a trainer can read and tune them: how conduct moves the
 * customer's mood, how mood and outcome move the chance they come back, and what a precedent costs.
 */
import type { TacticId, TechniqueId } from './ids';

export const CONDUCT_RULES = {
  /** Pushing to close before anything is agreed. */
  closeTooSoon: -5,
  /** Offering less than you offered before: the customer feels the ground move under them. */
  renege: -8,
  /** Saying no with nothing workable to offer instead. */
  declineWithoutAlternative: -15,
} as const;

/** A concession is "low cost, high value" when it is worth at least this many times its cost to the customer. */
export const LOW_COST_HIGH_VALUE_RATIO = 2;

/**
 * Chance of a return visit: the customer's baseline, moved by how their mood changed, then scaled by how it
 * ended. A kind no keeps most of the relationship; a customer who walks out rarely comes back.
 */
export const REPEAT_RULES = {
  perGoodwillPoint: 0.005,
  ending: { sale: 1, 'kind-no': 0.85, lost: 0.3, open: 1 },
} as const;
export type Ending = keyof typeof REPEAT_RULES.ending;

/** Precedent (DOMAIN §1): a customer given cash off once expects about this share of it again next time. */
export const PRECEDENT_SHARE = 0.5;

/** Handling these tactics well is, by itself, staying calm under pressure. */
export const TACTIC_TECHNIQUE: Readonly<Partial<Record<TacticId, TechniqueId>>> = {
  flinch: 'stay-calm',
  'walk-away': 'stay-calm',
  deadline: 'stay-calm',
  'review-threat': 'stay-calm',
  'good-guy-bad-guy': 'stay-calm',
  anchoring: 'stay-calm',
  'competitor-quote': 'verify-claims',
  'higher-authority': 'honest-limits',
};

export const MOOD_BANDS = [
  { atMost: 24, mood: 'angry' },
  { atMost: 44, mood: 'wary' },
  { atMost: 69, mood: 'open' },
  { atMost: 100, mood: 'warm' },
] as const;
export type Mood = (typeof MOOD_BANDS)[number]['mood'];

export function moodOf(goodwill: number): Mood {
  return MOOD_BANDS.find((b) => goodwill <= b.atMost)?.mood ?? 'warm';
}

export const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));

export function repeatProbability(baseline: number, startGoodwill: number, goodwill: number, ending: Ending): number {
  return clamp((baseline + (goodwill - startGoodwill) * REPEAT_RULES.perGoodwillPoint) * REPEAT_RULES.ending[ending], 0, 1);
}
