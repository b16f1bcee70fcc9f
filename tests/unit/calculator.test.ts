import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { calculate, calculatorFields, defaultValues, fromQuery, toQuery } from '../../src/lib/domain/calculator';

const withValues = (over: Record<string, string>) => ({ ...defaultValues(), ...over });

describe('the calculator', () => {
  it('reproduces the worked example: £200 price, £120 cost, 10 % off', () => {
    const r = calculate(withValues({}));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.result.without.profitNow).toBeCloseTo(80, 10);
    expect(r.result.with.profitNow).toBeCloseTo(60, 10);
    expect(r.result.without.margin).toBeCloseTo(0.4, 10);
    expect(r.result.with.margin).toBeCloseTo(60 / 180, 10);
    expect(r.result.volumeUpliftNeeded).toBeCloseTo(0.4 / (0.4 - 0.1) - 1, 10);
    // EV = P(accept) × (profit now + P(repeat) × future), precedent off the future with the term.
    expect(r.result.without.expectedValue).toBeCloseTo(0.6 * (80 + 0.4 * 150), 10);
    expect(r.result.with.expectedValue).toBeCloseTo(0.9 * (60 + 0.5 * (150 - 10)), 10);
    expect(r.result.curve.breakEvenDiscount).toBeCloseTo(0.4, 10);
  });

  it('costs a free item at its unit cost and credit at the cost of money', () => {
    const r = calculate(withValues({ discount: '', bundle: '8', creditDays: '30', creditRate: '8', qty: '5' }));
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    expect(r.result.termCost).toBeCloseTo(8 + (1000 * 0.08 * 30) / 365, 10);
    expect(r.result.volumeUpliftNeeded).toBe(0);
  });

  it('says no volume can recover a discount at or beyond the margin', () => {
    const r = calculate(withValues({ discount: '40' }));
    if (!r.ok) throw new Error('unexpected errors');
    expect(r.result.volumeUpliftNeeded).toBeNull();
  });

  it.each([
    ['price', '', /Enter the list price/],
    ['price', '0', /more than £0/],
    ['cost', '-5', /negative/],
    ['qty', '1.5', /whole number/],
    ['discount', '100', /under 100/],
    ['discount', 'ten', /Enter a number/],
    ['acceptWith', '120', /at most 100/],
    ['match', '250', /higher price/],
  ])('a bad %s (%j) gets a message beside the field', (field, value, message) => {
    const r = calculate(withValues({ [field]: value }));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[field]).toMatch(message);
  });

  it('never shows NaN or Infinity for any accepted input', () => {
    const money = fc.double({ min: 0.01, max: 100_000, noNaN: true }).map((n) => n.toFixed(2));
    const percent = fc.integer({ min: 0, max: 99 }).map(String);
    fc.assert(
      fc.property(money, money, fc.integer({ min: 1, max: 500 }).map(String), percent, percent, percent, (price, cost, qty, discount, accept, repeat) => {
        const r = calculate(withValues({ price, cost, qty, discount, acceptWith: accept, acceptWithout: accept, repeatWith: repeat, repeatWithout: repeat }));
        if (!r.ok) return true;
        const numbers = JSON.stringify(r.result, (_k, v) => (typeof v === 'number' && !Number.isFinite(v) ? 'BAD' : v));
        return !numbers.includes('BAD');
      }),
      { numRuns: 300 },
    );
  });

  it('round-trips its state through a shareable query string, keeping only changed fields', () => {
    const values = withValues({ price: '55', discount: '', delivery: '6' });
    const q = toQuery(values);
    expect(q).toBe('price=55&discount=&delivery=6');
    expect(fromQuery(new URLSearchParams(q))).toEqual(values);
    expect(Object.keys(fromQuery(new URLSearchParams('evil=1')))).toEqual(calculatorFields.map((f) => f.name));
  });
});
