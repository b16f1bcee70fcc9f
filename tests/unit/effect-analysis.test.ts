import { describe, expect, it } from 'vitest';
import { analyseEffect, satisfactionScore, type AnalysisInput, type SaleFact } from '../../src/lib/domain/effect-analysis';
import { bucketEdges, spendSeries } from '../../src/lib/domain/effect-series';
import { medianDate } from '../../src/lib/domain/effect-days';

/**
 * Worked by hand, windows of 7 days. A got a discount on 1 March, B on 3 March; the comparison group (C, D)
 * is measured around the median term date, 2 March.
 *   A: before (22–28 Feb) 10 + 20 = 30, after (2–8 Mar) 50      B: before (24 Feb–2 Mar) 20, after (4–10 Mar) 40
 *   C: before (23 Feb–1 Mar) 10, after (3–9 Mar) 15             D: before 20, after 20
 *   treated 25 → 45 (+20), comparison 15 → 17.5 (+2.5): the effect is 17.5.
 */
const sales: SaleFact[] = [
  { customer: 'A', date: '2026-02-22', amount: 10 },
  { customer: 'A', date: '2026-02-28', amount: 20 },
  { customer: 'A', date: '2026-03-01', amount: 999 }, // the term's own sale: in neither window
  { customer: 'A', date: '2026-03-05', amount: 50 },
  { customer: 'B', date: '2026-03-02', amount: 20 },
  { customer: 'B', date: '2026-03-10', amount: 40 },
  { customer: 'C', date: '2026-02-25', amount: 10 },
  { customer: 'C', date: '2026-03-09', amount: 15 },
  { customer: 'D', date: '2026-03-01', amount: 20 },
  { customer: 'D', date: '2026-03-03', amount: 20 },
  { customer: 'E', date: '2026-01-01', amount: 80 }, // bought nowhere near the windows: not comparable
];
const base: AnalysisInput = {
  concessionType: 'discount',
  beforeDays: 7,
  afterDays: 7,
  today: '2026-05-01',
  terms: [
    { customer: 'A', date: '2026-03-01', types: ['discount'] },
    { customer: 'A', date: '2026-03-20', types: ['discount'] }, // a later term: the first one counts
    { customer: 'B', date: '2026-03-03', types: ['discount', 'free-delivery'] },
    { customer: 'C', date: '2026-03-02', types: ['free-delivery'] }, // another kind of term: still comparable
  ],
  sales,
  satisfaction: [],
  events: [
    { name: 'Spring sale', kind: 'promotion', start: '2026-03-06', end: '2026-03-07' },
    { name: 'Christmas', kind: 'seasonal-peak', start: '2025-12-20', end: '2025-12-26' },
  ],
};

describe('analyseEffect', () => {
  it('gives the difference in differences of spend per customer, worked by hand', () => {
    const a = analyseEffect(base);
    if (a.type !== 'result') throw new Error(`expected a result, got ${a.type}`);
    expect(a.medianTermDate).toBe('2026-03-02');
    expect(a.spend.means).toEqual({ treatedBefore: 25, treatedAfter: 45, comparisonBefore: 15, comparisonAfter: 17.5 });
    expect(a.spend.did.effect).toBeCloseTo(17.5, 12);
    expect(a.spend.did.n).toEqual({ treatedBefore: 2, treatedAfter: 2, comparisonBefore: 2, comparisonAfter: 2 });
    expect(a.spend.did.low).toBeLessThan(17.5);
    expect(a.spend.reading.text).toMatch(/spend per customer/);
    expect(a.confounders).toEqual([{ event: base.events[0], windows: ['after'] }]);
    expect(a.satisfaction).toMatchObject({ type: 'not-enough' });
  });

  it.each([
    ['before any after-window has closed', '2026-03-05', { type: 'too-early', waiting: 2, closesOn: '2026-03-08', daysLeft: 4 }],
    ['on the last day of the first window', '2026-03-08', { type: 'too-early', waiting: 2, closesOn: '2026-03-08', daysLeft: 1 }],
  ] as const)('is too early to judge %s', (_name, today, expected) => {
    expect(analyseEffect({ ...base, today })).toEqual(expected);
  });

  it('leaves out customers still inside their window and says there is not enough data with one left', () => {
    const a = analyseEffect({ ...base, today: '2026-03-09' });
    expect(a).toMatchObject({ type: 'not-enough-data', treated: 1, waiting: 1 });
  });

  it('counts a term whose customer is not in the sales data as unmatched, not as a customer who spent nothing', () => {
    const a = analyseEffect({ ...base, terms: [...base.terms, { customer: 'typo-A', date: '2026-03-01', types: ['discount'] }] });
    expect(a).toMatchObject({ type: 'result', treated: 2, unmatched: 1 });
  });

  it('has nothing to say about a kind of term nobody was given', () => {
    expect(analyseEffect({ ...base, concessionType: 'payment-terms' })).toEqual({ type: 'no-terms' });
  });

  it('pools NPS and CSAT on one 0–100 scale', () => {
    expect([satisfactionScore({ scale: 'nps', score: 7 }), satisfactionScore({ scale: 'csat', score: 1 }), satisfactionScore({ scale: 'csat', score: 4 })]).toEqual([70, 0, 75]);
    const satisfaction = ['A', 'B', 'C', 'D'].flatMap((customer, i) => [
      { customer, date: '2026-02-27', scale: 'nps' as const, score: 6 + (i % 2) },
      { customer, date: '2026-03-07', scale: 'nps' as const, score: customer < 'C' ? 9 : 6 + (i % 2) },
    ]);
    const a = analyseEffect({ ...base, satisfaction });
    if (a.type !== 'result' || !('did' in a.satisfaction)) throw new Error('expected a satisfaction result');
    expect(a.satisfaction.means).toEqual({ treatedBefore: 65, treatedAfter: 90, comparisonBefore: 65, comparisonAfter: 65 });
    expect(a.satisfaction.did.effect).toBeCloseTo(25, 12);
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

  it('divides each bucket’s spend by the number of customers in the group', () => {
    const s = spendSeries({ customers: [{ termDate: '2026-03-10', sales: [{ date: '2026-03-05', amount: 30 }, { date: '2026-03-12', amount: 10 }] }, { termDate: '2026-03-10', sales: [] }] }, { customers: [] }, 7, 7);
    expect(s).toEqual([{ from: -7, to: -1, treated: 15, comparison: 0 }, { from: 1, to: 7, treated: 5, comparison: 0 }]);
  });

  it('medianDate takes the middle day, or between the middle two', () => {
    expect(medianDate(['2026-03-05', '2026-03-01', '2026-03-03'])).toBe('2026-03-03');
    expect(medianDate(['2026-03-01', '2026-03-04'])).toBe('2026-03-02');
  });
});
