/**
 * The state of one attempt. Plain JSON (no classes, no Dates) so it can be stored, sent to the browser and
 * compared; it is always rebuilt the same way from the scenario, the seed and the moves.
 */
import type { Outcome, TacticId, TechniqueId } from './ids';
import type { MoveType } from './moves';
import { moodOf, repeatProbability, type Ending } from './rules';
import type { Scenario } from './schema';
import type { OfferItem } from './schema-parts';
import { pick } from './prng';

export interface Turn {
  who: 'customer' | 'learner' | 'manager';
  text: string;
  /** The move that caused it: its number (0 for the opening) and type. */
  seq: number;
  move: MoveType | 'opening';
}

export interface CurrentOffer {
  items: OfferItem[];
  /** The trade ask it was conditional on, if any. */
  tradeAsk: string | null;
  /** Who put it on the table. */
  by: 'learner' | 'manager';
  seq: number;
  /** Cost to the shop, in pounds. */
  cost: number;
  /** Worth to the customer of the items, in pounds (before mood, need and trade). */
  value: number;
  withinAuthority: boolean;
  authorityReasons: string[];
  /** Whether the customer would say yes to it now. */
  acceptable: boolean;
}

export interface BeatResponse {
  beatId: string;
  tactic: TacticId;
  optionId: string;
  recognised: 'well' | 'poorly';
  seq: number;
}

export interface AttemptState {
  scenarioId: string;
  seed: number;
  /** The seeded generator's state (varies wording only). */
  rng: number;
  /** Number of moves applied. */
  seq: number;
  ended: boolean;
  outcome: Outcome | null;
  /** 0–100. */
  goodwill: number;
  repeatProbability: number;
  /** Pounds added to the walk-away point by what was said (an anchor given in to, a claim disproved). */
  walkAwayShift: number;
  transcript: Turn[];
  needRevealed: boolean;
  questionsAsked: string[];
  firedBeats: string[];
  /** The beat the learner must answer before anything else. */
  pendingBeat: string | null;
  /** A beat interrupted the customer's answer to an offer; they give it once the beat is answered. */
  verdictPending: boolean;
  responses: BeatResponse[];
  tacticsFaced: TacticId[];
  tacticsRecognised: TacticId[];
  /** K3 techniques shown, in the order first shown. */
  techniques: TechniqueId[];
  offer: CurrentOffer | null;
  offersMade: number;
  rejectedOffers: number;
  tradesProposed: number;
  firstOfferSeq: number | null;
  /** kept, breached (an offer went over the limit), or referred (a manager took it, which clears an earlier breach). */
  authority: 'kept' | 'breached' | 'referred';
  /** The moves at which an offer went over the limit. */
  authorityFlags: number[];
  declinedWith: string[] | null;
  record: boolean;
  followUp: boolean;
}

export function endingOf(s: Scenario, outcome: Outcome | null): Ending {
  switch (outcome) {
    case null:
      return 'open';
    case 'deal':
      return 'sale';
    case 'declined-positively':
      return 'kind-no';
    case 'referred':
      return s.referral.managerOffer ? 'sale' : 'kind-no';
    case 'walked-away':
      return 'lost';
    default: {
      const unknown: never = outcome;
      throw new Error(`unknown outcome ${String(unknown)}`);
    }
  }
}

/** The attempt before any move: the customer's opening line, and the first start-of-conversation tactic if any. */
export function initialState(s: Scenario, seed: number): AttemptState {
  if (!Number.isSafeInteger(seed)) throw new Error(`seed must be a whole number (got ${String(seed)})`);
  const state: AttemptState = {
    scenarioId: s.id,
    seed,
    rng: seed >>> 0,
    seq: 0,
    ended: false,
    outcome: null,
    goodwill: s.customer.goodwill,
    repeatProbability: repeatProbability(s.customer.repeatBaseline, s.customer.goodwill, s.customer.goodwill, 'open'),
    walkAwayShift: 0,
    transcript: [{ who: 'customer', text: s.customer.openingLine, seq: 0, move: 'opening' }],
    needRevealed: false,
    questionsAsked: [],
    firedBeats: [],
    pendingBeat: null,
    verdictPending: false,
    responses: [],
    tacticsFaced: [],
    tacticsRecognised: [],
    techniques: [],
    offer: null,
    offersMade: 0,
    rejectedOffers: 0,
    tradesProposed: 0,
    firstOfferSeq: null,
    authority: 'kept',
    authorityFlags: [],
    declinedWith: null,
    record: false,
    followUp: false,
  };
  fireBeat(s, state, 'start', 'opening');
  return state;
}

/** Fire the first unfired beat with this timing, if there is one; returns whether one fired. */
export function fireBeat(s: Scenario, state: AttemptState, when: Scenario['beats'][number]['when'], move: Turn['move']): boolean {
  const beat = s.beats.find((b) => b.when === when && !state.firedBeats.includes(b.id));
  if (!beat) return false;
  state.firedBeats.push(beat.id);
  state.pendingBeat = beat.id;
  if (!state.tacticsFaced.includes(beat.tactic)) state.tacticsFaced.push(beat.tactic);
  state.transcript.push({ who: 'customer', text: beat.cue, seq: state.seq, move });
  return true;
}

/** Say one line from a pool, advancing the seeded generator; lines not yet said come first, so a person does not repeat themselves. */
export function say(state: AttemptState, who: Turn['who'], pool: readonly string[], move: Turn['move']): void {
  const fresh = pool.filter((line) => !state.transcript.some((t) => t.text === line));
  const r = pick(state.rng, fresh.length > 0 ? fresh : pool);
  state.rng = r.state;
  state.transcript.push({ who, text: r.item, seq: state.seq, move });
}

export function addTechnique(state: AttemptState, t: TechniqueId): void {
  if (!state.techniques.includes(t)) state.techniques.push(t);
}

export { moodOf };
