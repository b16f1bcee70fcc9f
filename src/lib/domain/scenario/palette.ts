/**
 * What the learner can do next, for the move palette: the questions still open to them, the answers to a
 * tactic they face, the concessions with what each costs the shop, and — for an offer they are composing —
 * its live cost, margin and authority check.
 */
import { basketSale, quoteOffer, type OfferQuote } from './economics';
import type { QuestionKind } from './ids';
import { moodOf, type Mood } from './rules';
import type { Scenario } from './schema';
import type { OfferItem, ScenarioConcession } from './schema-parts';
import type { AttemptState, CurrentOffer } from './state';

export interface PaletteConcession {
  id: string;
  type: ScenarioConcession['type'];
  label: string;
  /** Cost to the shop in pounds; for a discount, the cost of one step (e.g. 1 %). */
  costToShop: number;
  /** For a discount: the range the learner chooses from. */
  discount: { step: number; max: number } | null;
  /** Shelf price of a free item, shown beside its cost. */
  retailPrice: number | null;
  /** Whether the learner's authority covers this kind of concession at all. */
  allowedByAuthority: boolean;
}

export interface Palette {
  ended: boolean;
  goodwill: number;
  mood: Mood;
  /** The tactic the customer is using, which must be answered before anything else (its name is kept for the debrief). */
  pendingBeat: { id: string; cue: string; options: { id: string; text: string }[] } | null;
  questions: { id: string; kind: QuestionKind; text: string }[];
  concessions: PaletteConcession[];
  tradeAsks: { id: string; text: string }[];
  alternatives: { id: string; text: string }[];
  can: { ask: boolean; respond: boolean; offer: boolean; trade: boolean; decline: boolean; refer: boolean; close: boolean };
  authority: Scenario['authority'];
  listValue: number;
  /** The offer on the table as the learner knows it: not whether the customer would accept, nor what it is worth to them. */
  currentOffer: Omit<CurrentOffer, 'acceptable' | 'value'> | null;
  /** The live quote for the proposal passed in, if any. */
  quote: OfferQuote | null;
}

function paletteConcession(s: Scenario, c: ScenarioConcession): PaletteConcession {
  const item: OfferItem = c.type === 'discount' ? { id: c.id, fraction: c.step } : { id: c.id };
  return {
    id: c.id,
    type: c.type,
    label: c.label,
    costToShop: quoteOffer(s, [item]).cost,
    discount: c.type === 'discount' ? { step: c.step, max: c.maxFraction } : null,
    retailPrice: c.type === 'bundle-item' ? (c.retailPrice ?? null) : null,
    allowedByAuthority: s.authority.allowedConcessions.includes(c.type),
  };
}

/** The palette for the learner's next move; `proposal` (an offer being composed) is quoted live and throws MoveRejected if forged. */
export function availableMoves(s: Scenario, state: AttemptState, proposal?: { concessions: readonly OfferItem[]; tradeAsk?: string | null }): Palette {
  const open = !state.ended;
  const beat = open && state.pendingBeat !== null ? s.beats.find((b) => b.id === state.pendingBeat) : undefined;
  const free = open && !beat;
  const questions = free ? s.questions.filter((q) => !state.questionsAsked.includes(q.id) && (q.after === undefined || state.questionsAsked.includes(q.after))) : [];
  return {
    ended: state.ended,
    goodwill: state.goodwill,
    mood: moodOf(state.goodwill),
    pendingBeat: beat ? { id: beat.id, cue: beat.cue, options: beat.options.map((o) => ({ id: o.id, text: o.text })) } : null,
    questions: questions.map((q) => ({ id: q.id, kind: q.kind, text: q.text })),
    concessions: free ? s.concessions.map((c) => paletteConcession(s, c)) : [],
    tradeAsks: free ? s.tradeAsks.map((t) => ({ id: t.id, text: t.text })) : [],
    alternatives: free ? s.alternatives.map((a) => ({ id: a.id, text: a.text })) : [],
    can: { ask: questions.length > 0, respond: beat !== undefined, offer: free, trade: free && s.tradeAsks.length > 0, decline: free, refer: free, close: free },
    authority: s.authority,
    listValue: basketSale(s).price,
    currentOffer: state.offer && { items: state.offer.items, tradeAsk: state.offer.tradeAsk, by: state.offer.by, seq: state.offer.seq, cost: state.offer.cost, withinAuthority: state.offer.withinAuthority, authorityReasons: state.offer.authorityReasons },
    quote: proposal ? quoteOffer(s, proposal.concessions, proposal.tradeAsk ?? null) : null,
  };
}
