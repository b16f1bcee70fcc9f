/**
 * The special term a finished practice negotiation agreed, restated for the register (P7): the habit of
 * logging every term is practised on the scenario's own deal. The engine's quote already says whether the
 * offer was inside the scenario's authority, so that verdict is kept rather than re-checked against the
 * learner's real grant: the practice was played under the scenario's limits. Pure.
 */
import { basketSale, toConcession } from './scenario/economics';
import type { Scenario } from './scenario/schema';
import type { AttemptState } from './scenario/state';
import type { Concession, Sale } from './special-terms';

export type PracticeTerm =
  | { type: 'term'; concessions: Concession[]; sale: Sale; referred: boolean; within: boolean; reasons: string[]; customer: string; title: string }
  | { type: 'no-term'; reason: string };

export function practiceTermFrom(s: Scenario, state: AttemptState): PracticeTerm {
  if (!state.ended) return { type: 'no-term', reason: 'This negotiation is still going on: finish it first.' };
  const offer = state.offer;
  const agreed = state.outcome === 'deal' || state.outcome === 'referred';
  if (!agreed || !offer || offer.items.length === 0) {
    return { type: 'no-term', reason: 'This negotiation did not end with a special term agreed, so there is nothing to log from it.' };
  }
  const byManager = offer.by === 'manager';
  return {
    type: 'term',
    concessions: offer.items.map((item) => toConcession(s, item)),
    sale: basketSale(s),
    referred: byManager || state.authority === 'referred',
    within: byManager || offer.withinAuthority,
    reasons: byManager ? [] : [...offer.authorityReasons],
    customer: s.customer.name,
    title: s.title,
  };
}
