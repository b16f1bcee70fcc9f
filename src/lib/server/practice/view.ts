import { availableMoves, type Palette } from '../../domain/scenario/palette';
import type { Scenario } from '../../domain/scenario/schema';
import type { OfferItem } from '../../domain/scenario/schema-parts';
import type { AttemptState, Turn } from '../../domain/scenario/state';

/**
 * What the learner's browser may see of an attempt: what was said, the palette of next moves and their
 * costs. Never the customer's hidden walk-away point, their valuations, or whether an offer would be
 * accepted; those stay on the server until the debrief.
 */
export interface PlayerView {
  seq: number;
  ended: boolean;
  transcript: Turn[];
  palette: Omit<Palette, 'currentOffer' | 'quote'> & { currentOffer: { items: OfferItem[]; cost: number; withinAuthority: boolean; authorityReasons: string[] } | null };
}

export function playerView(scenario: Scenario, state: AttemptState): PlayerView {
  const { currentOffer, quote: _unused, ...palette } = availableMoves(scenario, state);
  return {
    seq: state.seq,
    ended: state.ended,
    transcript: state.transcript,
    palette: {
      ...palette,
      currentOffer: currentOffer ? { items: currentOffer.items, cost: currentOffer.cost, withinAuthority: currentOffer.withinAuthority, authorityReasons: currentOffer.authorityReasons } : null,
    },
  };
}
