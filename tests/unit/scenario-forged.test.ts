import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { applyMove, initialState, replay } from '../../src/lib/domain/scenario/engine';
import { MoveRejected, type Move } from '../../src/lib/domain/scenario/moves';
import { parseScenario } from '../../src/lib/domain/scenario/schema';

/** Forged and impossible moves against a shipped scenario (the garden centre: discounts up to 15 % in 1 % steps). */
const FILE = 'garden-centre-patio-set.yaml';
const s = parseScenario(parse(readFileSync(join(import.meta.dirname, '../../content/scenarios', FILE), 'utf8')), FILE);
const thank: Move = { type: 'respond', beatId: 'twelve-years', optionId: 'thank-then-ask' };
const ask = (questionId: string): Move => ({ type: 'ask', questionId });
const offer = (...concessions: { id: string; fraction?: number }[]): Move => ({ type: 'offer', concessions });
const play = (moves: Move[], seed = 1) => replay(s, seed, moves);

describe('forged or impossible moves are refused and leave the state as it was', () => {
  const cases: [string, Move[], unknown, RegExp][] = [
    ['a concession not in the scenario', [thank], offer({ id: 'free-car' }), /"free-car" is not one of this scenario's concessions/],
    ['a discount beyond what the scenario allows', [thank], offer({ id: 'discount', fraction: 0.2 }), /at most 0.15/],
    ['a discount off its steps', [thank], offer({ id: 'discount', fraction: 0.055 }), /steps of 0.01/],
    ['a negative discount', [thank], offer({ id: 'discount', fraction: -0.05 }), /above 0/],
    ['a discount that is not a number', [thank], { type: 'offer', concessions: [{ id: 'discount', fraction: 'lots' }] }, /not a valid move/],
    ['a discount with no amount', [thank], offer({ id: 'discount' }), /needs a fraction/],
    ['a fraction on delivery', [thank], offer({ id: 'delivery-assembly', fraction: 0.5 }), /takes no fraction/],
    ['the same concession twice', [thank], offer({ id: 'cover' }, { id: 'cover' }), /appears twice/],
    ['an unknown trade ask', [thank], { type: 'trade', ask: 'dance', concessions: [{ id: 'cover' }] }, /"dance" is not one of the things you can ask for/],
    ['a trade that gives nothing', [thank], { type: 'trade', ask: 'thursday-van', concessions: [] }, /a trade gives at least one concession/],
    ['an unknown question', [thank], ask('meaning-of-life'), /not one of this scenario's questions/],
    ['a question asked twice', [thank, ask('plans')], ask('plans'), /already asked/],
    ['a follow-up before its question', [thank], ask('getting-it-home'), /follows up one you have not asked yet/],
    ['an unknown beat', [thank], { type: 'respond', beatId: 'nope', optionId: 'x' }, /not one of this scenario's tactic beats/],
    ['an answer to a beat that is not happening', [thank], { type: 'respond', beatId: 'the-cover', optionId: 'price-the-cover' }, /not waiting for an answer to "the-cover"/],
    ['an unknown answer', [], { type: 'respond', beatId: 'twelve-years', optionId: 'dance' }, /"dance" is not an answer to "twelve-years"/],
    ['any other move while a tactic waits for an answer', [], offer({ id: 'cover' }), /answer what the customer just said first/],
    ['an unknown alternative', [thank], { type: 'decline', alternativeIds: ['magic'] }, /not one of this scenario's alternatives/],
    ['an alternative offered twice', [thank], { type: 'decline', alternativeIds: ['smaller-set', 'smaller-set'] }, /offered twice/],
    ['a move after the end', [thank, { type: 'refer' }], ask('plans'), /has ended/],
    ['an unknown kind of move', [thank], { type: 'bribe' }, /a move type is ask, respond/],
    ['a move with an extra field', [thank], { type: 'close', discount: 0.5 }, /not a valid move/],
    ['an offer item with an extra field', [thank], { type: 'offer', concessions: [{ id: 'cover', cost: 0 }] }, /not a valid move/],
    ['something that is not a move at all', [thank], 'close', /not a valid move/],
  ];
  it.each(cases)('%s', (_name, before, forged, message) => {
    const state = play(before);
    const snapshot = structuredClone(state);
    let error: unknown;
    try {
      applyMove(s, state, forged as Move);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(MoveRejected);
    expect((error as Error).message).toMatch(message);
    expect(state).toEqual(snapshot);
  });

  it('refuses a state that belongs to another scenario', () => {
    const other = { ...play([thank]), scenarioId: 'somewhere-else' };
    expect(() => applyMove(s, other, ask('plans'))).toThrow(MoveRejected);
  });

  it('stops a replay at the first refused move', () => {
    expect(() => play([thank, ask('plans'), ask('plans')])).toThrow(/already asked/);
  });
});

describe('determinism', () => {
  const moves: Move[] = [thank, ask('plans'), offer({ id: 'cover' }), ask('getting-it-home'), offer({ id: 'delivery-assembly' }), { type: 'close' }, { type: 'respond', beatId: 'the-cover', optionId: 'price-the-cover' }, { type: 'close' }];

  it('replays identically, and move by move gives the same state as replay', () => {
    const stepwise = moves.reduce((state, m) => applyMove(s, state, m), initialState(s, 9));
    expect(play(moves, 9)).toEqual(play(moves, 9));
    expect(stepwise).toEqual(play(moves, 9));
    expect(stepwise).toMatchObject({ seq: moves.length, outcome: 'deal' });
  });

  it('keeps a state that survives JSON unchanged', () => {
    const state = play(moves, 9);
    expect(JSON.parse(JSON.stringify(state))).toEqual(state);
  });

  it('lets the seed change the wording only, never the outcome', () => {
    const a = play(moves, 1);
    const b = play(moves, 2);
    const numbers = (x: typeof a) => ({ outcome: x.outcome, goodwill: x.goodwill, offer: x.offer, repeat: x.repeatProbability, techniques: x.techniques });
    expect(numbers(a)).toEqual(numbers(b));
    expect(a.transcript.map((t) => [t.who, t.seq, t.move])).toEqual(b.transcript.map((t) => [t.who, t.seq, t.move]));
  });
});
