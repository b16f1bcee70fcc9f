import { describe, expect, it } from 'vitest';
import { assembleEffect, comparisonWindows, planEffect, satisfactionPoints, satisfactionScore, type CustomerAnswers, type EffectData, type EffectPlan } from '../../src/lib/domain/effect-analysis';
import { bucketEdges, spendSeries } from '../../src/lib/domain/effect-series';
import { medianDate } from '../../src/lib/domain/effect-days';
import { termWindows } from '../../src/lib/domain/effects';

/**
 * Worked by hand, windows of 7 days. A got a discount on 1 March, B on 3 March; the comparison group (C, D)
 * is measured around the median term date, 2 March. The sales behind it:
 *   A: 22 Feb 10, 28 Feb 20, 1 Mar 999 (the term's own sale), 5 Mar 50    B: 2 Mar 20, 10 Mar 40
 *   C: 25 Feb 10, 9 Mar 15      D: 1 Mar 20, 3 Mar 20      E: 1 Jan 80 (nowhere near the windows)
 * What the database sums from them, window by window:
 *   A: before (22–28 Feb) 10 + 20 = 30, after (2–8 Mar) 50, 4 sales from 22 Feb to 8 Mar
 *   B: before (24 Feb–2 Mar) 20, after (4–10 Mar) 40, 2 sales
 *   C: before (23 Feb–1 Mar) 10, after (3–9 Mar) 15      D: before 20, after 20      E: nothing, so not listed
 *   treated 25 → 45 (+20), comparison 15 → 17.5 (+2.5): the effect is 17.5.
 * By day from the term: A −7 10, −1 20, 0 999, +4 50; B −1 20, +7 40; C −5 10, +7 15; D −1 20, +1 20.
 */
const params = { concessionType: 'discount', beforeDays: 7, afterDays: 7 } as const;
const terms = [
  { customer: 'A', date: '2026-03-01', types: ['discount'] },
  { customer: 'A', date: '2026-03-20', types: ['discount'] }, // a later term: the first one counts
  { customer: 'B', date: '2026-03-03', types: ['discount', 'free-delivery'] },
  { customer: 'C', date: '2026-03-02', types: ['free-delivery'] }, // another kind of term: still comparable
];
const today = '2026-05-01';
const ready = (customer: string, date: string) => ({ customer, date, windows: termWindows({ termDate: date, ...params }) });
const data: EffectData = {
  treatedSpend: {
    customers: [
      { customer: 'A', sales: 4, before: 30, after: 50 },
      { customer: 'B', sales: 2, before: 20, after: 40 },
    ],
    days: [
      { day: -7, amount: 10 },
      { day: -1, amount: 40 }, // A's 20 and B's 20 fall on the same day from their terms
      { day: 0, amount: 999 },
      { day: 4, amount: 50 },
      { day: 7, amount: 40 },
    ],
  },
  comparisonSpend: {
    customers: [
      { customer: 'C', sales: 2, before: 10, after: 15 },
      { customer: 'D', sales: 2, before: 20, after: 20 },
    ],
    days: [
      { day: -5, amount: 10 },
      { day: -1, amount: 20 },
      { day: 1, amount: 20 },
      { day: 7, amount: 15 },
    ],
  },
  treatedAnswers: [],
  comparisonAnswers: [],
  events: [
    { name: 'Spring sale', kind: 'promotion', start: '2026-03-06', end: '2026-03-07' },
    { name: 'Christmas', kind: 'seasonal-peak', start: '2025-12-20', end: '2025-12-26' },
  ],
};

function plan(input: Partial<Parameters<typeof planEffect>[0]> = {}): EffectPlan {
  const p = planEffect({ ...params, today, terms, ...input });
  if (p.type !== 'plan') throw new Error(`expected a plan, got ${p.type}`);
  return p;
}

describe('planEffect', () => {
  it('takes each customer’s first term of the kind, and leaves everyone who got it out of the comparison', () => {
    expect(plan()).toEqual({ type: 'plan', beforeDays: 7, afterDays: 7, ready: [ready('A', '2026-03-01'), ready('B', '2026-03-03')], waiting: 0, termCustomers: ['A', 'B'] });
  });

  it.each([
    ['before any after-window has closed', '2026-03-05', { type: 'too-early', waiting: 2, closesOn: '2026-03-08', daysLeft: 4 }],
    ['on the last day of the first window', '2026-03-08', { type: 'too-early', waiting: 2, closesOn: '2026-03-08', daysLeft: 1 }],
  ] as const)('is too early to judge %s', (_name, day, expected) => {
    expect(planEffect({ ...params, today: day, terms })).toEqual(expected);
  });

  it('counts customers still inside their window as waiting, but keeps them out of the comparison', () => {
    // A's after-window closed on 8 March; B's closes on 10 March.
    expect(plan({ today: '2026-03-09' })).toMatchObject({ ready: [ready('A', '2026-03-01')], waiting: 1, termCustomers: ['A', 'B'] });
  });

  it('has nothing to say about a kind of term nobody was given', () => {
    expect(planEffect({ ...params, today, terms, concessionType: 'payment-terms' })).toEqual({ type: 'no-terms' });
  });
});

describe('comparisonWindows', () => {
  it('measures the comparison group around the median term date of the customers in the sales data', () => {
    const c = comparisonWindows(plan(), data.treatedSpend.customers);
    expect(c).toEqual({ treated: [ready('A', '2026-03-01'), ready('B', '2026-03-03')], unmatched: 0, medianTermDate: '2026-03-02', windows: termWindows({ termDate: '2026-03-02', ...params }) });
  });

  it('counts a term whose customer is not in the sales data as unmatched, and leaves it out of the median', () => {
    // typo-A got a term on 20 March with no sale near it: with it the median would be 3 March.
    const p = plan({ terms: [...terms, { customer: 'typo-A', date: '2026-03-20', types: ['discount'] }] });
    const c = comparisonWindows(p, [...data.treatedSpend.customers, { customer: 'typo-A', sales: 0, before: 0, after: 0 }]);
    expect(c).toMatchObject({ unmatched: 1, medianTermDate: '2026-03-02' });
    expect(c.treated.map((r) => r.customer)).toEqual(['A', 'B']);
  });

  it('with nobody in the sales data, takes the median of every ready term', () => {
    expect(comparisonWindows(plan(), [])).toMatchObject({ treated: [], unmatched: 2, medianTermDate: '2026-03-02' });
  });
});

describe('assembleEffect', () => {
  it('gives the difference in differences of spend per customer, worked by hand', () => {
    const a = assembleEffect(plan(), data);
    if (a.type !== 'result') throw new Error(`expected a result, got ${a.type}`);
    expect(a).toMatchObject({ medianTermDate: '2026-03-02', treated: 2, comparison: 2, waiting: 0, unmatched: 0 });
    expect(a.spend.means).toEqual({ treatedBefore: 25, treatedAfter: 45, comparisonBefore: 15, comparisonAfter: 17.5 });
    expect(a.spend.did.effect).toBeCloseTo(17.5, 12);
    expect(a.spend.did.n).toEqual({ treatedBefore: 2, treatedAfter: 2, comparisonBefore: 2, comparisonAfter: 2 });
    expect(a.spend.did.low).toBeLessThan(17.5);
    expect(a.spend.reading.text).toMatch(/spend per customer/);
    // The spring sale (6–7 March) falls in A's after-window and the comparison's (3–9 March); Christmas in none.
    expect(a.confounders).toEqual([{ event: data.events[0], windows: ['after'] }]);
    expect(a.satisfaction).toMatchObject({ type: 'not-enough' });
    // One bucket a side: the days add up to the window totals, the term's own day in neither.
    expect(a.series).toEqual([
      { from: -7, to: -1, treated: 25, comparison: 15 },
      { from: 1, to: 7, treated: 45, comparison: 17.5 },
    ]);
  });

  it('says there is not enough data with one treated customer left', () => {
    const p = plan({ today: '2026-03-09' });
    const a = assembleEffect(p, { ...data, treatedSpend: { customers: [data.treatedSpend.customers[0]!], days: [] } });
    expect(a).toMatchObject({ type: 'not-enough-data', treated: 1, comparison: 2, waiting: 1, unmatched: 0 });
  });

  it('says there is not enough data with one comparable customer', () => {
    const a = assembleEffect(plan(), { ...data, comparisonSpend: { customers: [data.comparisonSpend.customers[0]!], days: [] } });
    expect(a).toMatchObject({ type: 'not-enough-data', treated: 2, comparison: 1, reason: expect.stringMatching(/Only 1 comparable customer without this term bought around 2026-03-02/) });
  });

  it('pools NPS and CSAT on one 0–100 scale, a customer’s answers in a window averaged first', () => {
    expect([satisfactionScore({ scale: 'nps', score: 7 }), satisfactionScore({ scale: 'csat', score: 1 }), satisfactionScore({ scale: 'csat', score: 4 })]).toEqual([70, 0, 75]);
    // Two CSAT answers, 4 and 2: 75 + 25 = 100 points; two NPS answers, 8 and 9: 170.
    expect([satisfactionPoints('csat', { sum: 6, count: 2 }), satisfactionPoints('nps', { sum: 17, count: 2 })]).toEqual([100, 170]);
    const total = (sum: number, count = 1) => ({ sum, count });
    const none = { sum: 0, count: 0 };
    const answers = (customer: string, scale: 'nps' | 'csat', before: { sum: number; count: number }, after: { sum: number; count: number }): CustomerAnswers => ({ customer, scale, before, after });
    /*
     * A: 60 → 90.  B: 70 → NPS 9 and CSAT 5 in the after-window, (90 + 100) / 2 = 95.
     * C: 60 → 60.  D: CSAT 4 and 2 before, (75 + 25) / 2 = 50 → NPS 7, 70.  E answered only on the median day: left out.
     * treated 65 → 92.5 (+27.5), comparison 55 → 65 (+10): the effect is 17.5.
     */
    const a = assembleEffect(plan(), {
      ...data,
      treatedAnswers: [answers('A', 'nps', total(6), total(9)), answers('B', 'nps', total(7), total(9)), answers('B', 'csat', none, total(5))],
      comparisonAnswers: [answers('C', 'nps', total(6), total(6)), answers('D', 'csat', total(6, 2), none), answers('D', 'nps', none, total(7)), answers('E', 'nps', none, none)],
    });
    if (a.type !== 'result' || !('did' in a.satisfaction)) throw new Error('expected a satisfaction result');
    expect(a.satisfaction.means).toEqual({ treatedBefore: 65, treatedAfter: 92.5, comparisonBefore: 55, comparisonAfter: 65 });
    expect(a.satisfaction.did.n).toEqual({ treatedBefore: 2, treatedAfter: 2, comparisonBefore: 2, comparisonAfter: 2 });
    expect(a.satisfaction.did.effect).toBeCloseTo(17.5, 12);
  });
});

describe('the series behind the chart', () => {
  it.each([
    [7, 7, [[-7, -1], [1, 7]]],
    [10, 3, [[-10, -8], [-7, -1], [1, 3]]],
    [28, 28, [[-28, -22], [-21, -15], [-14, -8], [-7, -1], [1, 7], [8, 14], [15, 21], [22, 28]]],
  ])('buckets %d days before and %d after', (before, after, edges) => {
    expect(bucketEdges(before, after).map((e) => [e.from, e.to])).toEqual(edges);
  });

  it('about twelve buckets for long windows', () => {
    expect(bucketEdges(90, 90)).toHaveLength(12);
  });

  it('divides each bucket’s spend by the number of customers in the group, leaving out the term’s day and days beyond the windows', () => {
    // Treated, 2 customers: before 30 + 6 = 36 → 18; after 10 → 5. The term's day (999) and day 8 (100) count nowhere.
    const treated = { customers: 2, days: [{ day: -5, amount: 30 }, { day: -3, amount: 6 }, { day: 0, amount: 999 }, { day: 2, amount: 10 }, { day: 8, amount: 100 }] };
    expect(spendSeries(treated, { customers: 0, days: [] }, 7, 7)).toEqual([
      { from: -7, to: -1, treated: 18, comparison: 0 },
      { from: 1, to: 7, treated: 5, comparison: 0 },
    ]);
  });

  it('medianDate takes the middle day, or between the middle two', () => {
    expect(medianDate(['2026-03-05', '2026-03-01', '2026-03-03'])).toBe('2026-03-03');
    expect(medianDate(['2026-03-01', '2026-03-04'])).toBe('2026-03-02');
  });
});
