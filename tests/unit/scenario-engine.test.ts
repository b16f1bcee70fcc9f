import { describe, expect, it } from 'vitest';
import { applyMove, initialState, replay } from '../../src/lib/domain/scenario/engine';
import { MoveRejected, type Move } from '../../src/lib/domain/scenario/moves';
import { availableMoves } from '../../src/lib/domain/scenario/palette';
import { scenarioSchema } from '../../src/lib/domain/scenario/schema';

/**
 * A small kiosk scenario with round numbers, so every expectation below can be worked out by hand:
 * a £100 kettle costing £60 (profit £40); the customer arrives at goodwill 50, each goodwill point is
 * worth £1 to them, and an offer must be worth £20 to them. Delivery costs £5 and is worth £12 (plus £10
 * once they have said they need it); a mug costs £3 and is worth £10.
 */
const kiosk = scenarioSchema.parse({
  id: 'kiosk-kettle',
  title: 'A kettle at the kiosk',
  summary: 'A small test scenario with round numbers for checking the engine.',
  criteria: ['P2', 'P3', 'K3', 'K4'],
  tactics: ['anchoring', 'nibble'],
  bestRoute: 'deal',
  shop: { name: 'Test Kiosk', kind: 'kiosk', brandImage: 'value', policy: 'Prices as marked; small extras allowed.' },
  authority: { maxDiscount: 0.1, maxValue: 15, allowedConcessions: ['discount', 'free-delivery', 'bundle-item'], text: 'Up to 10 % or £15, whichever comes first.' },
  products: [{ id: 'kettle', name: 'Kettle', price: 100, unitCost: 60, quantity: 1 }],
  customer: {
    name: 'Kim',
    profile: 'new',
    intro: 'Kim wants a kettle and would like a deal on it, please.',
    openingLine: 'How much is the kettle?',
    need: { summary: 'delivery, because they came by bus', metBy: ['delivery'], boost: 10 },
    walkAway: 20,
    values: { delivery: 12, mug: 10, 'pay-later': 4 },
    goodwillWorth: 1,
    lifetimeValue: 200,
    repeatBaseline: 0.5,
    goodwill: 50,
  },
  concessions: [
    { id: 'discount', type: 'discount', label: 'money off', maxFraction: 0.3, step: 0.05 },
    { id: 'delivery', type: 'free-delivery', label: 'free delivery', deliveryCost: 5 },
    { id: 'mug', type: 'bundle-item', label: 'a free mug', unitCost: 3, retailPrice: 8 },
    { id: 'pay-later', type: 'payment-terms', label: '73 days to pay', days: 73, annualRate: 0.1 },
  ],
  questions: [
    { id: 'open', kind: 'open', text: 'What will you use it for?', reply: 'Tea, mostly.', quality: 'good', goodwill: 5 },
    { id: 'need', kind: 'clarifying', after: 'open', text: 'How are you getting it home?', reply: 'On the bus, sadly.', quality: 'good', revealsNeed: true, goodwill: 5 },
    { id: 'pushy', kind: 'clarifying', text: 'Buying today or not?', reply: 'Not if you ask like that.', quality: 'poor', goodwill: -10, walkAwayShift: 5 },
    { id: 'sum', kind: 'summarising', after: 'need', text: 'So getting it home is the problem?', reply: 'Yes.', quality: 'good', goodwill: 3 },
  ],
  beats: [
    {
      id: 'anchor',
      tactic: 'anchoring',
      when: 'start',
      cue: 'I want half off.',
      options: [
        { id: 'calm', text: 'Tell me more first.', recognises: 'well', reply: 'Fine.', goodwill: 5 },
        { id: 'cave', text: 'Maybe a bit off, then.', recognises: 'poorly', reply: 'Good.', goodwill: 0, walkAwayShift: 10 },
        { id: 'snap', text: 'Certainly not.', recognises: 'poorly', reply: 'Rude.', goodwill: -20 },
      ],
    },
    {
      id: 'nib',
      tactic: 'nibble',
      when: 'before-close',
      cue: 'And a mug?',
      options: [
        { id: 'hold', text: 'Mugs are £8.', recognises: 'well', reply: 'Fair.', goodwill: 0 },
        { id: 'give', text: 'Go on then.', recognises: 'poorly', reply: 'Ta.', goodwill: 2, adds: [{ id: 'mug' }] },
      ],
    },
  ],
  tradeAsks: [
    { id: 'collect', text: 'collect it tomorrow', reply: 'OK.', willing: true, customerCost: 2, shopValue: 5, goodwill: 0 },
    { id: 'review', text: 'write us a review', reply: 'No thanks.', willing: false, customerCost: 0, shopValue: 1, goodwill: -1 },
  ],
  alternatives: [
    { id: 'fix', text: 'We can hold it for you to collect.', reply: 'That helps.', workable: true, meetsNeed: true, profit: 10, goodwill: 5 },
    { id: 'shrug', text: 'Try another shop.', reply: 'Charming.', workable: false, goodwill: -5 },
  ],
  referral: { managerSays: 'I can deliver it for you.', goodwill: 0, managerOffer: [{ id: 'delivery' }] },
  notes: [{ trigger: { type: 'need-missed' }, text: 'Here, asking how they would get it home would have helped.' }],
});

const play = (moves: Move[], seed = 1) => replay(kiosk, seed, moves);
const calm: Move = { type: 'respond', beatId: 'anchor', optionId: 'calm' };
const ask = (questionId: string): Move => ({ type: 'ask', questionId });
const offer = (...concessions: { id: string; fraction?: number }[]): Move => ({ type: 'offer', concessions });
const close: Move = { type: 'close' };

describe('the start of an attempt', () => {
  it('opens with the customer’s line and the start-of-conversation tactic waiting for an answer', () => {
    const s = initialState(kiosk, 42);
    expect(s).toMatchObject({ seq: 0, ended: false, outcome: null, goodwill: 50, repeatProbability: 0.5, pendingBeat: 'anchor', tacticsFaced: ['anchoring'], authority: 'kept' });
    expect(s.transcript.map((t) => t.text)).toEqual(['How much is the kettle?', 'I want half off.']);
  });

  it('refuses a seed that is not a whole number', () => {
    expect(() => initialState(kiosk, 1.5)).toThrow(/seed/);
  });
});

describe('acceptance: the offer’s value to the customer, plus the need boost and their mood, must reach the walk-away point', () => {
  const cases: [string, Move[], boolean][] = [
    ['delivery alone, need unknown, goodwill 55: 12 + 5 = 17 < 20', [calm, offer({ id: 'delivery' })], false],
    ['delivery and a mug, goodwill 55: 22 + 5 = 27 ≥ 20', [calm, offer({ id: 'delivery' }, { id: 'mug' })], true],
    ['delivery once the need is known, goodwill 65: 12 + 10 + 15 = 37 ≥ 20', [calm, ask('open'), ask('need'), offer({ id: 'delivery' })], true],
    ['10 % off, goodwill 55: 10 + 5 = 15 < 20', [calm, offer({ id: 'discount', fraction: 0.1 })], false],
    ['delivery and a mug after giving in to the anchor (walk-away 30): 22 + 0 < 30', [{ type: 'respond', beatId: 'anchor', optionId: 'cave' }, offer({ id: 'delivery' }, { id: 'mug' })], false],
    ['a trade for collection, goodwill 55: 22 − 2 + 5 = 25 ≥ 20', [calm, { type: 'trade', ask: 'collect', concessions: [{ id: 'delivery' }, { id: 'mug' }] }], true],
    ['a trade they will not make, whatever is offered', [calm, { type: 'trade', ask: 'review', concessions: [{ id: 'delivery' }, { id: 'mug' }, { id: 'discount', fraction: 0.3 }] }], false],
  ];
  it.each(cases)('%s', (_name, moves, acceptable) => {
    const s = play(moves);
    expect(s.offer?.acceptable).toBe(acceptable);
    expect(s.rejectedOffers).toBe(acceptable ? 0 : 1);
  });
});

describe('goodwill moves with conduct', () => {
  const cases: [string, Move[], number][] = [
    ['a good answer to the anchor', [calm], 55],
    ['good questions', [calm, ask('open'), ask('need'), ask('sum')], 68],
    ['a pushy question', [calm, ask('pushy')], 45],
    ['an unwelcome trade ask', [calm, { type: 'trade', ask: 'review', concessions: [{ id: 'mug' }] }], 54],
    ['closing before anything is agreed (−5)', [calm, close], 50],
    ['offering less than before (−8)', [calm, offer({ id: 'delivery' }, { id: 'mug' }), offer({ id: 'delivery' })], 47],
  ];
  it.each(cases)('%s', (_name, moves, goodwill) => {
    expect(play(moves).goodwill).toBe(goodwill);
  });

  it('never leaves 0–100', () => {
    expect(play([{ type: 'respond', beatId: 'anchor', optionId: 'snap' }, ask('pushy')]).goodwill).toBe(20);
    expect(play([calm, ask('open'), ask('need'), ask('sum')]).goodwill).toBeLessThanOrEqual(100);
  });

  it('lets the customer walk out when it sinks to their limit, and their chance of returning falls', () => {
    const s = play([{ type: 'respond', beatId: 'anchor', optionId: 'snap' }, ask('pushy'), close]);
    expect(s).toMatchObject({ ended: true, outcome: 'walked-away', goodwill: 15 });
    // (0.5 + (15 − 50) × 0.005) × 0.3 for a lost customer
    expect(s.repeatProbability).toBeCloseTo(0.0975, 10);
  });
});

describe('the ways an attempt ends', () => {
  it('closes a deal on an acceptable offer, summarising it', () => {
    const s = play([calm, ask('open'), ask('need'), offer({ id: 'delivery' }), close, { type: 'respond', beatId: 'nib', optionId: 'hold' }, { type: 'close', record: true }]);
    expect(s).toMatchObject({ ended: true, outcome: 'deal', record: true, followUp: false });
    expect(s.techniques).toEqual(expect.arrayContaining(['ask-before-offer', 'find-need', 'summarise', 'record', 'low-cost-high-value']));
    expect(s.transcript.at(-2)?.text).toMatch(/^So, to sum up what we’ve agreed: Kettle for £100\.00, with free delivery\./);
    // (0.5 + (65 − 50) × 0.005) × 1 for a sale
    expect(s.repeatProbability).toBeCloseTo(0.575, 10);
  });

  it('lets the nibble fire at the first close, and a poor answer adds the extra to the offer', () => {
    const asked = play([calm, ask('open'), ask('need'), offer({ id: 'delivery' }), close]);
    expect(asked).toMatchObject({ ended: false, pendingBeat: 'nib' });
    const given = applyMove(kiosk, asked, { type: 'respond', beatId: 'nib', optionId: 'give' });
    expect(given.offer?.items).toEqual([{ id: 'delivery' }, { id: 'mug' }]);
    expect(given.offer?.cost).toBe(8);
    expect(applyMove(kiosk, given, close).outcome).toBe('deal');
  });

  it('declines positively with a workable alternative', () => {
    const s = play([calm, { type: 'decline', alternativeIds: ['fix'], followUp: true }]);
    expect(s).toMatchObject({ ended: true, outcome: 'declined-positively', goodwill: 60, declinedWith: ['fix'], followUp: true });
    expect(s.techniques).toContain('honest-limits');
    expect(s.repeatProbability).toBeCloseTo((0.5 + 10 * 0.005) * 0.85, 10);
  });

  it.each([
    ['only an unworkable alternative', ['shrug'], 55 - 5 - 15],
    ['no alternative at all', [], 55 - 15],
  ])('turns a decline with %s into a walk-out', (_name, alternativeIds, goodwill) => {
    expect(play([calm, { type: 'decline', alternativeIds }])).toMatchObject({ ended: true, outcome: 'walked-away', goodwill });
  });

  it('flags an offer beyond authority, and a referral clears the flag and hands the deal to the manager', () => {
    const over = play([calm, offer({ id: 'discount', fraction: 0.2 })]);
    expect(over.authority).toBe('breached');
    expect(over.authorityFlags).toEqual([2]);
    expect(over.offer).toMatchObject({ withinAuthority: false, cost: 20, acceptable: true });
    expect(over.offer?.authorityReasons.join(' ')).toMatch(/20 % is over your 10 % limit.*£20\.00 is over your £15 limit/);
    const referred = applyMove(kiosk, over, { type: 'refer' });
    expect(referred).toMatchObject({ ended: true, outcome: 'referred', authority: 'referred', authorityFlags: [2] });
    expect(referred.offer).toMatchObject({ by: 'manager', items: [{ id: 'delivery' }], withinAuthority: true });
    expect(referred.transcript.some((t) => t.who === 'manager' && t.text === 'I can deliver it for you.')).toBe(true);
  });

  it('flags a concession type the authority does not allow, however cheap', () => {
    const s = play([calm, offer({ id: 'pay-later' })]);
    expect(s.offer).toMatchObject({ withinAuthority: false, cost: 2 });
    expect(s.offer?.authorityReasons).toEqual(['payment terms (credit) is not a concession your level allows']);
  });

  it('records a trade and what it is worth to the shop', () => {
    const s = play([calm, { type: 'trade', ask: 'collect', concessions: [{ id: 'delivery' }, { id: 'mug' }] }]);
    expect(s.tradesProposed).toBe(1);
    expect(s.techniques).toContain('trade');
    expect(s.offer).toMatchObject({ tradeAsk: 'collect', cost: 8, value: 22 });
  });
});

describe('availableMoves', () => {
  it('offers only the answers to a tactic while it waits', () => {
    const p = availableMoves(kiosk, initialState(kiosk, 1));
    expect(p.pendingBeat).toEqual({ id: 'anchor', cue: 'I want half off.', options: [{ id: 'calm', text: 'Tell me more first.' }, { id: 'cave', text: 'Maybe a bit off, then.' }, { id: 'snap', text: 'Certainly not.' }] });
    expect(p.can).toEqual({ ask: false, respond: true, offer: false, trade: false, decline: false, refer: false, close: false });
    expect(p.questions).toEqual([]);
  });

  it('lists questions whose lead-in has been asked, and concessions with their cost to the shop', () => {
    const p = availableMoves(kiosk, play([calm, ask('open')]));
    expect(p.questions.map((q) => q.id)).toEqual(['need', 'pushy']);
    expect(p.concessions.map((c) => [c.id, c.costToShop, c.allowedByAuthority])).toEqual([
      ['discount', 5, true],
      ['delivery', 5, true],
      ['mug', 3, true],
      ['pay-later', 2, false],
    ]);
    expect(p.concessions[0]?.discount).toEqual({ step: 0.05, max: 0.3 });
    expect(p.concessions[2]?.retailPrice).toBe(8);
  });

  it('quotes a proposed offer live, with margin and authority', () => {
    const p = availableMoves(kiosk, play([calm]), { concessions: [{ id: 'discount', fraction: 0.15 }, { id: 'mug' }] });
    // £15 off and a £3 mug: profit 40 − 18 = 22 on £85 paid; 15 % is over 10 % and £18 over £15.
    expect(p.quote).toMatchObject({ cost: 18, cashOff: 15, profit: 22, netRevenue: 85, withinAuthority: false });
    expect(p.quote?.marginAfter).toBeCloseTo(22 / 85, 10);
    expect(p.quote?.authorityReasons).toHaveLength(2);
  });

  it('shows the offer on the table without giving away whether the customer would accept it', () => {
    const p = availableMoves(kiosk, play([calm, offer({ id: 'mug' })]));
    expect(p.currentOffer).toEqual({ items: [{ id: 'mug' }], tradeAsk: null, by: 'learner', seq: 2, cost: 3, withinAuthority: true, authorityReasons: [] });
  });

  it('throws MoveRejected for a forged proposal', () => {
    expect(() => availableMoves(kiosk, play([calm]), { concessions: [{ id: 'yacht' }] })).toThrow(MoveRejected);
  });

  it('offers nothing once the attempt has ended', () => {
    const p = availableMoves(kiosk, play([calm, { type: 'refer' }]));
    expect(p.ended).toBe(true);
    expect(Object.values(p.can).some(Boolean)).toBe(false);
    expect(p.concessions).toEqual([]);
  });
});
