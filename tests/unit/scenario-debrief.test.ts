import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { debrief } from '../../src/lib/domain/scenario/debrief';
import { initialState, replay } from '../../src/lib/domain/scenario/engine';
import type { Move } from '../../src/lib/domain/scenario/moves';
import { parseScenario } from '../../src/lib/domain/scenario/schema';

/**
 * Worked examples on the garden-centre scenario. Pat arrives at goodwill 55 and must see £70 of value;
 * the £749 set cost £449 (profit £300). Delivery and assembly cost £35 and are worth £60 to her, plus £25
 * once she has said she needs them; the Thursday van saves the shop £15. Lifetime profit £900, repeat 0.85.
 */
const FILE = 'garden-centre-patio-set.yaml';
const s = parseScenario(parse(readFileSync(join(import.meta.dirname, '../../content/scenarios', FILE), 'utf8')), FILE);

const thank: Move = { type: 'respond', beatId: 'twelve-years', optionId: 'thank-then-ask' };
const ask = (questionId: string): Move => ({ type: 'ask', questionId });
const listen: Move[] = [thank, ask('plans'), ask('getting-it-home'), ask('summary')];
const nibbleWell: Move = { type: 'respond', beatId: 'the-cover', optionId: 'price-the-cover' };
const finish = (close: Move = { type: 'close', record: true, followUp: true }): Move[] => [{ type: 'close' }, nibbleWell, close];
const delivery = [{ id: 'delivery-assembly' }];
const traded: Move[] = [...listen, { type: 'trade', ask: 'thursday-van', concessions: delivery }, ...finish()];
const given: Move[] = [...listen, { type: 'offer', concessions: delivery }, ...finish()];
const giveaway: Move[] = [thank, { type: 'offer', concessions: [{ id: 'discount', fraction: 0.15 }] }, ...finish({ type: 'close' })];

const run = (moves: Move[]) => debrief(s, replay(s, 5, moves));

describe('the debrief of a good deal (a trade for delivery and assembly)', () => {
  const d = run(traded);

  it('reports the money: £35 given, £15 back from the trade, £280 of £300 profit kept', () => {
    expect(d).toMatchObject({ finished: true, outcome: 'deal', deal: true });
    expect(d.economics).toMatchObject({ listValue: 749, fullProfit: 300, valueGivenAway: 35, valueToCustomer: 60, cashOff: 0, tradeGain: 15, profitKept: 280 });
    expect(d.economics.marginPercent).toBeCloseTo(280 / 749, 10);
    expect(d.economics.marginKeptShare).toBeCloseTo(280 / 300, 10);
  });

  it('reports goodwill 55 → 73 and the repeat value it buys: (0.85 + 18 × 0.005) × £900', () => {
    expect(d.goodwill).toEqual({ start: 55, end: 73, mood: 'warm' });
    expect(d.repeat.probability).toBeCloseTo(0.94, 10);
    expect(d.repeat.precedentCost).toBe(0);
    expect(d.repeat.expectedValue).toBeCloseTo(846, 6);
    expect(d.relationshipValue).toBeCloseTo(1126, 6);
  });

  it('credits authority kept, both tactics handled well, and every technique the scenario allowed', () => {
    expect(d.authority).toMatchObject({ status: 'kept', overLimitAt: [] });
    expect(d.tactics.map((t) => [t.tactic, t.handled])).toEqual([
      ['loyalty-appeal', 'well'],
      ['nibble', 'well'],
    ]);
    expect(d.techniquesUsed).toEqual(['ask-before-offer', 'find-need', 'trade', 'low-cost-high-value', 'summarise', 'record']);
    expect(d.techniques.filter((t) => !t.applicable).map((t) => t.id)).toEqual(['verify-claims', 'stay-calm', 'honest-limits']);
    expect(d.techniquesMissed).toEqual([]);
  });

  it('scores 98: 20 + 18.7 margin + 14.3 goodwill + 25 + 10 + 10', () => {
    expect(d.score.parts.map((p) => [p.id, p.points])).toEqual([
      ['route', 20],
      ['margin', 18.7],
      ['goodwill', 14.3],
      ['techniques', 25],
      ['tactics', 10],
      ['authority', 10],
    ]);
    expect(d.score.total).toBe(98);
    expect(d.criteriaEvidenced).toEqual(['P2', 'P3', 'K2', 'K3', 'K4']);
    expect(d.notes).toEqual([]);
  });
});

describe('a trade against the same concession given away', () => {
  it('keeps the trade’s £15 and scores higher (98 against 93)', () => {
    const trade = run(traded);
    const plain = run(given);
    expect(trade.economics.profitKept - plain.economics.profitKept).toBeCloseTo(15, 10);
    expect(plain.techniquesMissed).toEqual(['trade']);
    expect(plain.score.total).toBe(93);
    expect(trade.score.total).toBeGreaterThan(plain.score.total);
  });
});

describe('the debrief of a giveaway (15 % off at once)', () => {
  const d = run(giveaway);

  it('counts £112.35 off, a margin of 29.5 % and a precedent that eats into future profit', () => {
    expect(d.outcome).toBe('deal');
    expect(d.economics.valueGivenAway).toBeCloseTo(112.35, 10);
    expect(d.economics.profitKept).toBeCloseTo(187.65, 10);
    expect(d.economics.marginPercent).toBeCloseTo(187.65 / 636.65, 10);
    expect(d.repeat.precedentCost).toBeCloseTo(56.175, 10);
    // goodwill 60, so (0.85 + 5 × 0.005) × (900 − 56.175)
    expect(d.repeat.expectedValue).toBeCloseTo(0.875 * 843.825, 6);
  });

  it('flags the breach at move 2 and misses every marking point', () => {
    expect(d.authority).toMatchObject({ status: 'breached', overLimitAt: [2] });
    expect(Object.values(d.points).map((p) => p.verdict)).toEqual(['missing', 'missing', 'missing', 'missing', 'missing']);
    expect(d.bestRoute.followed).toBe(false);
    expect(d.score.total).toBe(46);
    expect(d.criteriaEvidenced).toEqual(['K4']);
  });

  it('shows the trainer’s notes at the moments that mattered', () => {
    expect(d.notes.map((n) => [n.seq, n.text.slice(0, 40)])).toEqual([
      [2, 'Here, asking how Pat planned to get the '],
      [null, 'Delivering on the Thursday run, when the'],
    ]);
    const caved = run([{ type: 'respond', beatId: 'twelve-years', optionId: 'instant-ten' }, { type: 'decline', alternativeIds: ['smaller-set'] }]);
    expect(caved.notes.find((n) => n.text.startsWith('Answering twelve years'))?.seq).toBe(1);
  });
});

describe('marking-point verdicts', () => {
  const listening: [string, string, Move[]][] = [
    ['no questions', 'missing', [thank]],
    ['an open question only', 'partial', [thank, ask('plans')]],
    ['the need found but not summarised back', 'partial', [thank, ask('plans'), ask('getting-it-home')]],
    ['poor questions only', 'missing', [thank, ask('parasol'), ask('five-percent-today')]],
    ['open, clarifying and summarising', 'evidenced', listen],
  ];
  it.each(listening)('listening: %s → %s', (_name, verdict, moves) => {
    expect(run(moves).points.listening.verdict).toBe(verdict);
  });

  const feedback: [string, string, Move][] = [
    ['nothing recorded or invited', 'missing', { type: 'close' }],
    ['recorded only', 'partial', { type: 'close', record: true }],
    ['feedback invited only', 'partial', { type: 'close', followUp: true }],
    ['recorded and feedback invited', 'evidenced', { type: 'close', record: true, followUp: true }],
  ];
  it.each(feedback)('feedback-loop: %s → %s', (_name, verdict, close) => {
    const d = run([...listen, { type: 'offer', concessions: delivery }, ...finish(close)]);
    expect(d.points['feedback-loop'].verdict).toBe(verdict);
    expect(d.techniquesUsed.includes('record')).toBe(close.type === 'close' && close.record === true);
  });

  const personal: [string, string, Move[]][] = [
    ['the need found and met', 'evidenced', given],
    ['the need found, then a decline that ignores it', 'partial', [...listen, { type: 'decline', alternativeIds: ['smaller-set'] }]],
    ['the need met by luck, never asked about', 'partial', [thank, { type: 'offer', concessions: [...delivery, { id: 'cover' }] }, ...finish()]],
    ['neither', 'missing', giveaway],
  ];
  it.each(personal)('personalisation: %s → %s', (_name, verdict, moves) => {
    expect(run(moves).points.personalisation.verdict).toBe(verdict);
  });

  it('policy-conflict: a breach is missing, a positive but second-best decline is partial', () => {
    expect(run(giveaway).points['policy-conflict'].verdict).toBe('missing');
    const declined = run([...listen, { type: 'decline', alternativeIds: ['smaller-set'] }]);
    expect(declined.outcome).toBe('declined-positively');
    expect(declined.points['policy-conflict'].verdict).toBe('partial');
  });

  it('business-link: a walk-out is missing', () => {
    const lost = run([thank, { type: 'decline', alternativeIds: [] }]);
    expect(lost.outcome).toBe('walked-away');
    expect(lost.points['business-link'].verdict).toBe('missing');
    expect(lost.points['business-link'].sentence).toMatch(/chance of coming back is now/);
  });
});

describe('an unfinished attempt', () => {
  it('has no deal, no profit counted and no criteria evidenced yet', () => {
    const d = debrief(s, initialState(s, 1));
    expect(d).toMatchObject({ finished: false, outcome: null, deal: false, headline: 'Not finished yet (goodwill 55 → 55).', criteriaEvidenced: [] });
    expect(d.economics.profitKept).toBe(0);
    expect(d.tactics.map((t) => t.handled)).toEqual(['unanswered', 'not-faced']);
  });
});
