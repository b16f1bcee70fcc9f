import { describe, expect, it } from 'vitest';
import {
  describeEffect,
  differenceInDifferences,
  inverseNormal,
  overlappingAny,
  overlappingEvents,
  termWindows,
  windowStatus,
  type CalendarEvent,
  type DidResult,
} from '../../src/lib/domain/effects';

describe('inverseNormal', () => {
  // Standard normal quantiles from published tables, across the lower tail, centre and upper tail of Acklam's split.
  it.each([
    [0.5, 0],
    [0.975, 1.959964],
    [0.95, 1.644854],
    [0.9, 1.281552],
    [0.2, -0.841621],
    [0.995, 2.575829],
    [0.999, 3.090232],
    [0.01, -2.326348],
    [0.001, -3.090232],
  ])('Φ⁻¹(%s) = %s', (p, z) => {
    expect(inverseNormal(p)).toBeCloseTo(z, 6);
  });
  it('is symmetric about 0.5', () => {
    for (const p of [0.001, 0.02, 0.3, 0.45]) expect(inverseNormal(p)).toBeCloseTo(-inverseNormal(1 - p), 9);
  });
  it.each([0, 1, -0.1, Number.NaN])('refuses p = %s', (p) => {
    expect(() => inverseNormal(p)).toThrow(/p must be a probability/);
  });
});

describe('differenceInDifferences', () => {
  // Worked by hand:
  //   treated before [10, 12]: mean 11, sample variance ((−1)² + 1²) / 1 = 2, variance of the mean 2 / 2 = 1
  //   treated after [15, 17, 19]: mean 17, variance (4 + 0 + 4) / 2 = 4, of the mean 4 / 3
  //   comparison before [8, 10]: mean 9, variance 2, of the mean 1
  //   comparison after [10, 12]: mean 11, variance 2, of the mean 1
  //   effect = (17 − 11) − (11 − 9) = 4; standard error = √(1 + 4/3 + 1 + 1) = √(13/3)
  const small = { treated: { before: [10, 12], after: [15, 17, 19] }, comparison: { before: [8, 10], after: [10, 12] } };

  it('computes the effect and a 95 % interval by default', () => {
    const r = differenceInDifferences(small);
    expect(r.effect).toBeCloseTo(4, 12);
    expect(r.low).toBeCloseTo(4 - 1.959964 * Math.sqrt(13 / 3), 5); // ≈ −0.08
    expect(r.high).toBeCloseTo(4 + 1.959964 * Math.sqrt(13 / 3), 5); // ≈ 8.08
    expect(r.n).toEqual({ treatedBefore: 2, treatedAfter: 3, comparisonBefore: 2, comparisonAfter: 2 });
  });

  it.each([
    [0.9, 1.644854],
    [0.99, 2.575829],
  ])('takes z from the confidence level %s', (confidence, z) => {
    const r = differenceInDifferences({ ...small, confidence });
    expect(r.high - r.effect).toBeCloseTo(z * Math.sqrt(13 / 3), 5);
    expect(r.effect - r.low).toBeCloseTo(z * Math.sqrt(13 / 3), 5);
  });

  it('finds a clear rise when the treated group moves much more than the comparison', () => {
    // each group is {x, x, x + 2, x + 2}: variance 4/3, of the mean 1/3; effect (21 − 11) − (12 − 11) = 9
    const r = differenceInDifferences({ treated: { before: [10, 10, 12, 12], after: [20, 20, 22, 22] }, comparison: { before: [10, 10, 12, 12], after: [11, 11, 13, 13] } });
    expect(r.effect).toBeCloseTo(9, 12);
    expect(r.low).toBeCloseTo(9 - 1.959964 * Math.sqrt(4 / 3), 5);
    expect(r.low).toBeGreaterThan(0);
  });

  it.each([
    ['treated.before', { ...small, treated: { before: [10], after: [15, 17] } }, /treated\.before needs at least 2 values/],
    ['comparison.after', { ...small, comparison: { before: [8, 10], after: [] } }, /comparison\.after needs at least 2 values .*\(got 0\)/],
    ['comparison.before', { ...small, comparison: { before: [8, Number.NaN], after: [10, 12] } }, /comparison\.before\[1\] must be a finite number/],
    ['treated.after', { ...small, treated: { before: [10, 12], after: [15, Number.POSITIVE_INFINITY] } }, /treated\.after\[1\] must be a finite number/],
    ['confidence', { ...small, confidence: 1 }, /confidence must be a fraction/],
    ['confidence', { ...small, confidence: 0 }, /confidence must be a fraction/],
  ])('refuses a bad %s', (_field, input, message) => {
    expect(() => differenceInDifferences(input)).toThrow(message);
  });
});

describe('termWindows and windowStatus', () => {
  const term = { termDate: '2026-03-10', beforeDays: 28, afterDays: 28 };

  it('sets the windows either side of the term day, which belongs to neither', () => {
    // 28 days back from 10 March: 19 days of February (10th–28th) + 9 of March; 28 forward: 21 of March + 7 of April
    expect(termWindows(term)).toEqual({ before: { start: '2026-02-10', end: '2026-03-09' }, after: { start: '2026-03-11', end: '2026-04-07' } });
  });
  it.each([
    ['across a leap day', { termDate: '2024-02-20', beforeDays: 30, afterDays: 10 }, { start: '2024-01-21', end: '2024-02-19' }, { start: '2024-02-21', end: '2024-03-01' }],
    ['across new year', { termDate: '2025-12-31', beforeDays: 1, afterDays: 1 }, { start: '2025-12-30', end: '2025-12-30' }, { start: '2026-01-01', end: '2026-01-01' }],
  ])('%s', (_name, input, before, after) => {
    expect(termWindows(input)).toEqual({ before, after });
  });

  it.each([
    // ready from the day after the window's last day (7 April); from 10 March that is 21 + 8 = 29 days away
    ['2026-03-10', 'too-early', 29],
    ['2026-04-07', 'too-early', 1],
    ['2026-04-08', 'ready', undefined],
    ['2027-01-01', 'ready', undefined],
  ])('on %s it is %s', (now, type, daysLeft) => {
    const s = windowStatus({ ...term, now });
    expect(s.type).toBe(type);
    expect(s.closesOn).toBe('2026-04-07');
    expect(s.type === 'too-early' ? s.daysLeft : undefined).toBe(daysLeft);
  });

  it.each([
    [{ ...term, now: '2026-04-08', termDate: '2026-02-30' }, /termDate must be a real date/],
    [{ ...term, now: '2026-04-08', termDate: '2026-3-10' }, /termDate must be a real date/],
    [{ ...term, now: '10/03/2026' }, /now must be a real date/],
    [{ ...term, now: '2026-04-08', beforeDays: 0 }, /beforeDays must be a whole number/],
    [{ ...term, now: '2026-04-08', afterDays: 1.5 }, /afterDays must be a whole number/],
  ])('refuses %j', (input, message) => {
    expect(() => windowStatus(input)).toThrow(message);
  });
});

describe('overlappingEvents', () => {
  const windows = termWindows({ termDate: '2026-03-10', beforeDays: 28, afterDays: 28 }); // 10 Feb–9 Mar, 11 Mar–7 Apr
  it.each<[CalendarEvent, string[]]>([
    [{ name: 'Spring sale', kind: 'promotion', start: '2026-03-05', end: '2026-03-12' }, ['before', 'after']],
    [{ name: 'Valentine’s day', kind: 'seasonal-peak', start: '2026-02-10' }, ['before']],
    [{ name: 'Rival opens', kind: 'competitor-opening', start: '2026-04-07' }, ['after']],
    [{ name: 'Easter weekend', kind: 'seasonal-peak', start: '2026-04-08', end: '2026-04-10' }, []],
    [{ name: 'Stock-take', kind: 'other', start: '2026-02-01', end: '2026-02-09' }, []],
    [{ name: 'Only the term day', kind: 'other', start: '2026-03-10' }, []],
    [{ name: 'All spring', kind: 'other', start: '2026-01-01', end: '2026-06-30' }, ['before', 'after']],
  ])('%j falls in %j', (event, expected) => {
    const found = overlappingEvents([event], windows);
    expect(found).toEqual(expected.length === 0 ? [] : [{ event, windows: expected }]);
  });
  it('keeps the events in the order given and drops those outside', () => {
    const events: CalendarEvent[] = [
      { name: 'a', kind: 'promotion', start: '2026-04-01' },
      { name: 'b', kind: 'other', start: '2026-05-01' },
      { name: 'c', kind: 'promotion', start: '2026-02-20' },
    ];
    expect(overlappingEvents(events, windows).map((o) => o.event.name)).toEqual(['a', 'c']);
  });
  it.each<[CalendarEvent, RegExp]>([
    [{ name: 'x', kind: 'other', start: '2026-03-05', end: '2026-03-01' }, /events\[0\]\.end must not be before its start/],
    [{ name: 'x', kind: 'other', start: '5 March' }, /events\[0\]\.start must be a real date/],
  ])('refuses %j', (event, message) => {
    expect(() => overlappingEvents([event], windows)).toThrow(message);
  });
});

describe('overlappingAny', () => {
  // Two terms on 1 March share their windows (22–28 Feb, 2–8 Mar); one on 20 March has 13–19 Mar and 21–27 Mar.
  const early = termWindows({ termDate: '2026-03-01', beforeDays: 7, afterDays: 7 });
  const late = termWindows({ termDate: '2026-03-20', beforeDays: 7, afterDays: 7 });
  const events: CalendarEvent[] = [
    { name: 'Between the terms', kind: 'other', start: '2026-03-10', end: '2026-03-12' }, // in no window
    { name: 'Late before, early after', kind: 'promotion', start: '2026-03-08', end: '2026-03-13' }, // 8 Mar: early after; 13 Mar: late before
    { name: 'Late after only', kind: 'competitor-opening', start: '2026-03-27' },
    { name: 'Early before only', kind: 'seasonal-peak', start: '2026-02-22' },
  ];

  it('lists each event once, with every kind of window it touched, in the order given', () => {
    expect(overlappingAny(events, [early, early, late])).toEqual([
      { event: events[1], windows: ['before', 'after'] },
      { event: events[2], windows: ['after'] },
      { event: events[3], windows: ['before'] },
    ]);
  });

  it('agrees with overlappingEvents window by window', () => {
    const union = (list: CalendarEvent[]) =>
      list.flatMap((event) => {
        const kinds = new Set([early, late].flatMap((w) => overlappingEvents([event], w).flatMap((o) => o.windows)));
        return kinds.size > 0 ? [{ event, windows: (['before', 'after'] as const).filter((k) => kinds.has(k)) }] : [];
      });
    expect(overlappingAny(events, [early, late])).toEqual(union(events));
  });

  it('refuses a bad event as overlappingEvents does', () => {
    expect(() => overlappingAny([{ name: 'x', kind: 'other', start: '2026-03-05', end: '2026-03-01' }], [early, late])).toThrow(/events\[0\]\.end must not be before its start/);
  });
});

describe('describeEffect', () => {
  const n30 = { treatedBefore: 30, treatedAfter: 40, comparisonBefore: 50, comparisonAfter: 60 };
  it('says "no clear effect" when the interval contains 0, and warns about small groups', () => {
    const r = describeEffect(differenceInDifferences({ treated: { before: [10, 12], after: [15, 17, 19] }, comparison: { before: [8, 10], after: [10, 12] } }), 'average spend (£)');
    expect(r.type).toBe('no-clear-effect');
    expect(r.text).toMatch(/^No clear effect on average spend \(£\): the estimate is \+4\.00/);
    expect(r.text).toContain('from −0.08 to +8.08'); // 4 ∓ 1.959964 × √(13/3) = 4 ∓ 4.08
    expect(r.text).toContain('2 before and 3 after');
    expect(r.text).toContain('fewer than 30 records');
  });
  it.each<[DidResult, string, RegExp]>([
    [{ effect: 9, low: 6.74, high: 11.26, n: n30 }, 'rise', /^Average spend rose by about 9\.00 more .* from \+6\.74 to \+11\.26/],
    [{ effect: -11, low: -13.5, high: -8.5, n: n30 }, 'fall', /^Average spend fell by about 11\.00 more .* from −13\.50 to −8\.50/],
    [{ effect: 2, low: 0, high: 4, n: n30 }, 'no-clear-effect', /^No clear effect/],
    [{ effect: -2, low: -4, high: 0, n: n30 }, 'no-clear-effect', /^No clear effect/],
  ])('%j reads as %s', (result, type, text) => {
    const r = describeEffect(result, 'average spend');
    expect(r.type).toBe(type);
    expect(r.text).toMatch(text);
    expect(r.text).not.toContain('treat this with care'); // every group has at least 30
  });
});
