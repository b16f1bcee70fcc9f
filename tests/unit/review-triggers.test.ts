import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { practiceTermFrom } from '../../src/lib/domain/practice-term';
import { reviewState, satisfactionTrend } from '../../src/lib/domain/review-triggers';
import { initialState } from '../../src/lib/domain/scenario/engine';
import { parseScenario } from '../../src/lib/domain/scenario/schema';

const today = '2026-05-04';
/** n answers on an NPS score in each period: the last 30 days (to 4 May) and the 30 before (to 4 April). */
const answers = (previous: { n: number; nps: number }, recent: { n: number; nps: number }) => [
  ...Array.from({ length: previous.n }, () => ({ date: '2026-04-01', scale: 'nps' as const, score: previous.nps })),
  ...Array.from({ length: recent.n }, () => ({ date: '2026-04-20', scale: 'nps' as const, score: recent.nps })),
];

describe('satisfactionTrend (an early review when satisfaction falls)', () => {
  it.each([
    ['a fall of 10 points with enough answers', answers({ n: 5, nps: 9 }, { n: 5, nps: 8 }), true],
    ['no change', answers({ n: 5, nps: 8 }, { n: 5, nps: 8 }), false],
    ['a rise', answers({ n: 5, nps: 7 }, { n: 5, nps: 9 }), false],
    ['a fall with too few recent answers', answers({ n: 5, nps: 9 }, { n: 4, nps: 2 }), false],
    ['a fall with too few earlier answers', answers({ n: 4, nps: 9 }, { n: 5, nps: 2 }), false],
  ])('%s', (_name, rows, fell) => {
    expect(satisfactionTrend(rows, today).fell).toBe(fell);
  });

  it('counts a fall of exactly the margin, and not one just under it', () => {
    // CSAT 4 is 75 on the 0–100 scale; NPS 7 is 70: exactly 5 points lower.
    const exactly = [...Array.from({ length: 5 }, () => ({ date: '2026-04-01', scale: 'csat' as const, score: 4 })), ...Array.from({ length: 5 }, () => ({ date: '2026-04-20', scale: 'nps' as const, score: 7 }))];
    expect(satisfactionTrend(exactly, today)).toMatchObject({ fell: true, previous: { mean: 75, from: '2026-03-06', to: '2026-04-04' }, recent: { mean: 70, from: '2026-04-05', to: '2026-05-04' } });
    const under = [...exactly, { date: '2026-04-20', scale: 'nps' as const, score: 10 }];
    expect(satisfactionTrend(under, today).fell).toBe(false);
  });
});

describe('reviewState', () => {
  it.each([
    [{ dueDate: '2026-05-03', completedAt: null }, 'overdue'],
    [{ dueDate: '2026-05-04', completedAt: null }, 'due'],
    [{ dueDate: '2026-05-18', completedAt: null }, 'due'],
    [{ dueDate: '2026-05-19', completedAt: null }, 'upcoming'],
    [{ dueDate: '2026-01-01', completedAt: new Date('2026-01-02T00:00:00Z') }, 'done'],
  ] as const)('%j is %s', (review, state) => {
    expect(reviewState(review, today)).toBe(state);
  });
});

describe('practiceTermFrom (a practice entry from a finished negotiation)', () => {
  const file = join(import.meta.dirname, '../../content/scenarios/garden-centre-patio-set.yaml');
  const s = parseScenario(parse(readFileSync(file, 'utf8')), 'garden-centre-patio-set.yaml');
  const offer = { items: [{ id: 'discount', fraction: 0.1 }, { id: 'delivery-assembly' }], tradeAsk: null, by: 'learner' as const, seq: 3, cost: 0, value: 0, withinAuthority: false, authorityReasons: ['discount 10 % is over your 5 % limit'], acceptable: true };

  it('restates the agreed offer as register concessions on the basket, keeping the scenario’s verdict', () => {
    const state = { ...initialState(s, 1), ended: true, outcome: 'deal' as const, offer };
    expect(practiceTermFrom(s, state)).toEqual({
      type: 'term',
      concessions: [{ type: 'discount', fraction: 0.1 }, { type: 'free-delivery', deliveryCost: 35 }],
      sale: { price: 749, unitCost: 449, quantity: 1 },
      referred: false,
      within: false,
      reasons: ['discount 10 % is over your 5 % limit'],
      customer: s.customer.name,
      title: s.title,
    });
  });

  it.each([
    ['still going on', { ended: false, outcome: null }, /still going on/],
    ['declined kindly', { ended: true, outcome: 'declined-positively' as const }, /did not end with a special term/],
    ['walked away', { ended: true, outcome: 'walked-away' as const }, /did not end with a special term/],
  ])('has no term when the negotiation is %s', (_name, end, reason) => {
    const r = practiceTermFrom(s, { ...initialState(s, 1), ...end, offer });
    expect(r.type).toBe('no-term');
    if (r.type === 'no-term') expect(r.reason).toMatch(reason);
  });
});
