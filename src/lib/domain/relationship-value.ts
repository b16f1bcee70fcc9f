/**
 * Whether a term pays over the relationship, not the one sale (P2, DOMAIN §1): expected value with and
 * without it, the risk of losing the sale, precedent, and a plain-words verdict with its assumptions.
 */
import { formatPercent, formatPounds } from './money';
import { checkSale, num, offerCost, type Concession, type Sale } from './special-terms';

export interface RelationshipInput {
  sale: Sale;
  /** The term being considered; its cost comes off the profit now. */
  concessions: readonly Concession[];
  /** Chance the customer buys with the term, and without it (1 − acceptWithout is the risk of losing the sale). */
  acceptWith: number;
  acceptWithout: number;
  /** Chance they come back after buying, with the term given and without. */
  repeatWith: number;
  repeatWithout: number;
  /** Profit expected from their future business if they come back, in pounds. */
  futureProfit: number;
  /**
   * Precedent: a term given once raises what the customer expects next time. Modelled as pounds taken off the
   * future profit on the "with" side only (e.g. the discount they will ask for again). Authored, not derived.
   */
  precedentCost: number;
}

export interface Side {
  accept: number;
  repeat: number;
  profitNow: number;
  futureProfit: number;
  /** accept × (profitNow + repeat × futureProfit) */
  expectedValue: number;
}

export type VerdictType = 'offer' | 'do-not-offer' | 'marginal';
export interface Verdict {
  type: VerdictType;
  sentence: string;
  assumptions: string[];
}

export interface RelationshipValue {
  withTerm: Side;
  withoutTerm: Side;
  termCost: number;
  lostSaleRisk: number;
  /** withTerm.expectedValue − withoutTerm.expectedValue */
  difference: number;
  verdict: Verdict;
}

/**
 * A difference smaller than this is a close call, not a verdict: the probabilities behind it are guesses, so a
 * few pounds either way should not decide. The band is the larger of a floor and a share of the bigger side.
 */
export const VERDICT_RULES = { marginalFloor: 1, marginalShare: 0.05 } as const;

function side(accept: number, repeat: number, profitNow: number, futureProfit: number): Side {
  return { accept, repeat, profitNow, futureProfit, expectedValue: accept * (profitNow + repeat * futureProfit) };
}

/** Expected value over the relationship with and without a term, and a plain-words verdict (P2). */
export function relationshipValue(input: RelationshipInput): RelationshipValue {
  const sale = checkSale(input.sale);
  const termCost = offerCost(input.concessions, sale);
  const future = num('futureProfit', input.futureProfit, 'nonNegative');
  const precedent = num('precedentCost', input.precedentCost, 'nonNegative');
  const baseProfit = (sale.price - sale.unitCost) * sale.quantity;
  const withTerm = side(num('acceptWith', input.acceptWith, 'fraction'), num('repeatWith', input.repeatWith, 'fraction'), baseProfit - termCost, future - precedent);
  const withoutTerm = side(num('acceptWithout', input.acceptWithout, 'fraction'), num('repeatWithout', input.repeatWithout, 'fraction'), baseProfit, future);
  const difference = withTerm.expectedValue - withoutTerm.expectedValue;
  const band = Math.max(VERDICT_RULES.marginalFloor, VERDICT_RULES.marginalShare * Math.max(Math.abs(withTerm.expectedValue), Math.abs(withoutTerm.expectedValue)));
  const type: VerdictType = difference > band ? 'offer' : difference < -band ? 'do-not-offer' : 'marginal';
  const sides = `(${formatPounds(withTerm.expectedValue)} with it, ${formatPounds(withoutTerm.expectedValue)} without)`;
  const assumptions = [
    `The customer buys ${formatPercent(withTerm.accept)} of the time with the term and ${formatPercent(withoutTerm.accept)} without it, so holding firm risks losing the sale ${formatPercent(1 - withoutTerm.accept)} of the time.`,
    `Profit on this sale is ${formatPounds(baseProfit)} without the term and ${formatPounds(withTerm.profitNow)} with it: the term costs the shop ${formatPounds(termCost)}.`,
    `They come back ${formatPercent(withTerm.repeat)} of the time with the term and ${formatPercent(withoutTerm.repeat)} without, bringing ${formatPounds(future)} of future profit.`,
    `Precedent: once given, the term is expected again, which takes ${formatPounds(precedent)} off that future profit.`,
  ];
  return { withTerm, withoutTerm, termCost, lostSaleRisk: 1 - withoutTerm.accept, difference, verdict: { type, sentence: verdictSentence(type, difference, sides), assumptions } };
}

function verdictSentence(type: VerdictType, difference: number, sides: string): string {
  switch (type) {
    case 'offer':
      return `Offer it: over the relationship the term is expected to be worth ${formatPounds(difference)} more than holding firm ${sides}.`;
    case 'do-not-offer':
      return `Do not offer it: over the relationship the term is expected to cost ${formatPounds(-difference)} ${sides}; hold firm kindly or suggest a cheaper alternative.`;
    case 'marginal':
      return `A close call: the term changes the expected value by only ${formatPounds(difference)} ${sides}, so let the customer's real need and your cheaper alternatives decide.`;
    default: {
      const unknown: never = type;
      throw new Error(`unknown verdict ${String(unknown)}`);
    }
  }
}
