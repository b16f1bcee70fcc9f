/**
 * The negotiation engine (DOMAIN §2): a pure function from (scenario, state, move) to the next state.
 * Deterministic given the scenario, the seed and the moves; the seed only varies the customer's wording.
 * A move the scenario does not allow throws MoveRejected and leaves the given state untouched.
 */
import { customerVerdict, lowCostHighValue, quoteOffer, tradeAskOf, valueToCustomer } from './economics';
import { CLOSE_ATTEMPT, customerLines, declineLine, endingExtras, offerLine, REFER_LINE, summaryLine, tradeLine } from './lines';
import { MoveRejected, parseMove, type Move } from './moves';
import { clamp, CONDUCT_RULES, repeatProbability, TACTIC_TECHNIQUE } from './rules';
import type { Scenario } from './schema';
import type { OfferItem } from './schema-parts';
import { addTechnique, endingOf, fireBeat, initialState, say, type AttemptState, type CurrentOffer } from './state';

export { initialState };

const PENNY = 0.005;

function reject(message: string): never {
  throw new MoveRejected(message);
}

function shiftGoodwill(state: AttemptState, delta: number): void {
  state.goodwill = clamp(state.goodwill + delta, 0, 100);
}

/** Put an offer on the table and flag it if it goes beyond the learner's authority (a manager's never does). */
function setOffer(s: Scenario, state: AttemptState, items: readonly OfferItem[], tradeAsk: string | null, by: CurrentOffer['by']): void {
  const quote = quoteOffer(s, items, tradeAsk);
  const within = by === 'manager' || quote.withinAuthority;
  state.offer = {
    items: items.map((i) => ({ ...i })),
    tradeAsk,
    by,
    seq: state.seq,
    cost: quote.cost,
    value: valueToCustomer(s, items),
    withinAuthority: within,
    authorityReasons: by === 'manager' ? [] : quote.authorityReasons,
    acceptable: customerVerdict(s, state, items, tradeAsk).acceptable,
  };
  if (!within) {
    state.authority = 'breached';
    state.authorityFlags.push(state.seq);
  }
}

/** The customer's answer to the offer on the table; the first shortfall can set off a tactic. */
function giveVerdict(s: Scenario, state: AttemptState, move: Move['type']): void {
  const offer = state.offer;
  if (!offer) return;
  if (customerVerdict(s, state, offer.items, offer.tradeAsk).acceptable) return say(state, 'customer', customerLines(s, 'accept'), move);
  state.rejectedOffers += 1;
  say(state, 'customer', customerLines(s, 'reject'), move);
  fireBeat(s, state, 'after-rejected-offer', move);
}

function goodQuestionAsked(s: Scenario, state: AttemptState): boolean {
  return state.questionsAsked.some((id) => s.questions.some((q) => q.id === id && q.quality === 'good' && q.kind !== 'summarising'));
}

/** The first decision (offer, decline or referral) after a good question is "asking before offering". */
function noteFirstDecision(s: Scenario, state: AttemptState): void {
  if (state.firstOfferSeq === null && goodQuestionAsked(s, state)) addTechnique(state, 'ask-before-offer');
}

function applyAsk(s: Scenario, state: AttemptState, questionId: string): void {
  const q = s.questions.find((x) => x.id === questionId) ?? reject(`"${questionId}" is not one of this scenario's questions`);
  if (state.questionsAsked.includes(q.id)) reject(`you have already asked “${q.text}”`);
  if (q.after !== undefined && !state.questionsAsked.includes(q.after)) reject(`that question follows up one you have not asked yet ("${q.after}")`);
  state.questionsAsked.push(q.id);
  state.transcript.push({ who: 'learner', text: q.text, seq: state.seq, move: 'ask' }, { who: 'customer', text: q.reply, seq: state.seq, move: 'ask' });
  shiftGoodwill(state, q.goodwill);
  state.walkAwayShift += q.walkAwayShift;
  if (q.revealsNeed) {
    state.needRevealed = true;
    addTechnique(state, 'find-need');
  }
  if (q.kind === 'summarising' && q.quality === 'good') addTechnique(state, 'summarise');
  for (const t of q.techniques) addTechnique(state, t);
}

function applyRespond(s: Scenario, state: AttemptState, beatId: string, optionId: string): void {
  const beat = s.beats.find((b) => b.id === beatId) ?? reject(`"${beatId}" is not one of this scenario's tactic beats`);
  if (state.pendingBeat !== beat.id) reject(`the customer is not waiting for an answer to "${beat.id}" now`);
  const option = beat.options.find((o) => o.id === optionId) ?? reject(`"${optionId}" is not an answer to "${beat.id}"`);
  state.pendingBeat = null;
  state.transcript.push({ who: 'learner', text: option.text, seq: state.seq, move: 'respond' }, { who: 'customer', text: option.reply, seq: state.seq, move: 'respond' });
  shiftGoodwill(state, option.goodwill);
  state.walkAwayShift += option.walkAwayShift;
  state.responses.push({ beatId: beat.id, tactic: beat.tactic, optionId: option.id, recognised: option.recognises, seq: state.seq });
  if (option.recognises === 'well') {
    if (!state.tacticsRecognised.includes(beat.tactic)) state.tacticsRecognised.push(beat.tactic);
    const t = TACTIC_TECHNIQUE[beat.tactic];
    if (t) addTechnique(state, t);
  }
  for (const t of option.techniques) addTechnique(state, t);
  if (option.adds.length > 0) {
    // Giving something away in answer to a tactic changes the offer on the table, and can take it over the limit.
    const kept = (state.offer?.items ?? []).filter((i) => !option.adds.some((a) => a.id === i.id));
    setOffer(s, state, [...kept, ...option.adds], state.offer?.tradeAsk ?? null, 'learner');
  }
  if (state.verdictPending) {
    state.verdictPending = false;
    giveVerdict(s, state, 'respond');
  } else if (beat.when === 'start') {
    fireBeat(s, state, 'start', 'respond');
  }
}

function applyOffer(s: Scenario, state: AttemptState, items: readonly OfferItem[], askId: string | null): void {
  quoteOffer(s, items, askId); // rejects forged items and asks before anything changes
  const ask = tradeAskOf(s, askId);
  const before = state.offer;
  noteFirstDecision(s, state);
  state.transcript.push({ who: 'learner', text: ask ? tradeLine(s, ask, items) : offerLine(s, items), seq: state.seq, move: ask ? 'trade' : 'offer' });
  if (ask) {
    state.tradesProposed += 1;
    addTechnique(state, 'trade');
    state.transcript.push({ who: 'customer', text: ask.reply, seq: state.seq, move: 'trade' });
    shiftGoodwill(state, ask.goodwill);
  }
  if (before && before.by === 'learner' && valueToCustomer(s, items) < before.value - PENNY) shiftGoodwill(state, CONDUCT_RULES.renege);
  setOffer(s, state, items, askId, 'learner');
  state.offersMade += 1;
  state.firstOfferSeq ??= state.seq;
  if (items.some((i) => lowCostHighValue(s, i, state.needRevealed))) addTechnique(state, 'low-cost-high-value');
  const move = ask ? 'trade' : 'offer';
  if (state.offersMade === 1 && fireBeat(s, state, 'after-first-offer', move)) state.verdictPending = true;
  else giveVerdict(s, state, move);
}

function finish(state: AttemptState, outcome: NonNullable<AttemptState['outcome']>, ending: { record?: boolean | undefined; followUp?: boolean | undefined }): void {
  state.ended = true;
  state.outcome = outcome;
  state.record = ending.record ?? false;
  state.followUp = ending.followUp ?? false;
  if (state.record) addTechnique(state, 'record');
}

function applyDecline(s: Scenario, state: AttemptState, move: Extract<Move, { type: 'decline' }>): void {
  const alts = move.alternativeIds.map((id, i) => {
    if (move.alternativeIds.indexOf(id) !== i) reject(`"${id}" is offered twice`);
    return s.alternatives.find((a) => a.id === id) ?? reject(`"${id}" is not one of this scenario's alternatives`);
  });
  noteFirstDecision(s, state);
  state.transcript.push({ who: 'learner', text: declineLine(alts.map((a) => a.text)) + endingExtras('decline', move.record ?? false, move.followUp ?? false), seq: state.seq, move: 'decline' });
  for (const a of alts) {
    state.transcript.push({ who: 'customer', text: a.reply, seq: state.seq, move: 'decline' });
    shiftGoodwill(state, a.goodwill);
  }
  addTechnique(state, 'honest-limits');
  state.declinedWith = alts.map((a) => a.id);
  if (alts.some((a) => a.workable)) return finish(state, 'declined-positively', move);
  shiftGoodwill(state, CONDUCT_RULES.declineWithoutAlternative);
  say(state, 'customer', customerLines(s, alts.length ? 'leave' : 'declinedBadly'), 'decline');
  finish(state, 'walked-away', move);
}

function applyRefer(s: Scenario, state: AttemptState, move: Extract<Move, { type: 'refer' }>): void {
  noteFirstDecision(s, state);
  state.transcript.push({ who: 'learner', text: REFER_LINE + endingExtras('refer', move.record ?? false, move.followUp ?? false), seq: state.seq, move: 'refer' });
  state.transcript.push({ who: 'manager', text: s.referral.managerSays, seq: state.seq, move: 'refer' });
  shiftGoodwill(state, s.referral.goodwill);
  addTechnique(state, 'honest-limits');
  if (s.referral.managerOffer) {
    setOffer(s, state, s.referral.managerOffer, s.referral.managerTrade ?? null, 'manager');
    say(state, 'customer', customerLines(s, 'accept'), 'refer');
  }
  // Fetching the manager is what the limit asks for, so it clears an earlier over-limit offer (DOMAIN §5).
  state.authority = 'referred';
  finish(state, 'referred', move);
}

function applyClose(s: Scenario, state: AttemptState, move: Extract<Move, { type: 'close' }>): void {
  const items = state.offer?.items ?? [];
  const tradeAsk = state.offer?.tradeAsk ?? null;
  if (!customerVerdict(s, state, items, tradeAsk).acceptable) {
    state.transcript.push({ who: 'learner', text: CLOSE_ATTEMPT, seq: state.seq, move: 'close' });
    say(state, 'customer', customerLines(s, 'notReady'), 'close');
    return shiftGoodwill(state, CONDUCT_RULES.closeTooSoon);
  }
  if (s.beats.some((b) => b.when === 'before-close' && !state.firedBeats.includes(b.id))) {
    state.transcript.push({ who: 'learner', text: CLOSE_ATTEMPT, seq: state.seq, move: 'close' });
    fireBeat(s, state, 'before-close', 'close');
    return;
  }
  if (!state.offer) setOffer(s, state, [], null, 'learner');
  const net = quoteOffer(s, items, tradeAsk).netRevenue;
  state.transcript.push({ who: 'learner', text: summaryLine(s, items, net) + endingExtras('close', move.record ?? false, move.followUp ?? false), seq: state.seq, move: 'close' });
  say(state, 'customer', customerLines(s, 'accept'), 'close');
  addTechnique(state, 'summarise');
  finish(state, 'deal', move);
}

/** After every move: re-read the customer's view of the offer, let them walk out if their mood has sunk, update repeat chance. */
function settle(s: Scenario, state: AttemptState, move: Move['type']): void {
  if (!state.ended && state.offer) state.offer.acceptable = customerVerdict(s, state, state.offer.items, state.offer.tradeAsk).acceptable;
  if (!state.ended && state.goodwill <= s.customer.leavesAt) {
    say(state, 'customer', customerLines(s, 'leave'), move);
    state.pendingBeat = null;
    state.verdictPending = false;
    finish(state, 'walked-away', {});
  }
  state.repeatProbability = repeatProbability(s.customer.repeatBaseline, s.customer.goodwill, state.goodwill, endingOf(s, state.outcome));
}

/** Apply one move. Returns a new state; throws MoveRejected (leaving `state` as it was) for a move the scenario does not allow. */
export function applyMove(s: Scenario, state: AttemptState, raw: Move): AttemptState {
  const move = parseMove(raw);
  if (state.scenarioId !== s.id) reject(`this attempt is at scenario "${state.scenarioId}", not "${s.id}"`);
  if (state.ended) reject('the conversation has ended, so no more moves can be made');
  if (state.pendingBeat !== null && move.type !== 'respond') reject(`answer what the customer just said first (beat "${state.pendingBeat}")`);
  const next = structuredClone(state);
  next.seq += 1;
  switch (move.type) {
    case 'ask':
      applyAsk(s, next, move.questionId);
      break;
    case 'respond':
      applyRespond(s, next, move.beatId, move.optionId);
      break;
    case 'offer':
      applyOffer(s, next, move.concessions, null);
      break;
    case 'trade':
      applyOffer(s, next, move.concessions, move.ask);
      break;
    case 'decline':
      applyDecline(s, next, move);
      break;
    case 'refer':
      applyRefer(s, next, move);
      break;
    case 'close':
      applyClose(s, next, move);
      break;
    default: {
      const unknown: never = move;
      reject(`unknown move ${String((unknown as { type: unknown }).type)}`);
    }
  }
  settle(s, next, move.type);
  return next;
}

/** Rebuild an attempt from its seed and moves; throws MoveRejected at the first move that is not allowed. */
export function replay(s: Scenario, seed: number, moves: readonly Move[]): AttemptState {
  return moves.reduce((state, move) => applyMove(s, state, move), initialState(s, seed));
}
