import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  concessionCost,
  creditCost,
  discountEffect,
  offerCost,
  profitCurve,
  type Concession,
  type Sale,
} from '../../src/lib/domain/special-terms';
import { relationshipValue } from '../../src/lib/domain/relationship-value';

// Realistic shop magnitudes; costs may exceed prices (loss leaders are legal).
const price = fc.double({ min: 0.01, max: 100_000, noNaN: true, noDefaultInfinity: true });
const cost = fc.double({ min: 0, max: 200_000, noNaN: true, noDefaultInfinity: true });
const discount = fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true });
const fraction = fc.double({ min: 0, max: 1, noNaN: true });
const money = fc.double({ min: 0, max: 100_000, noNaN: true, noDefaultInfinity: true });
const quantity = fc.double({ min: 0.01, max: 1000, noNaN: true, noDefaultInfinity: true });
const sale = fc.record({ price, unitCost: cost, quantity });

// Each maker builds a valid concession for the sale it is given (a match below its price, a recovery below its cost).
type Maker = (s: Sale) => Concession;
const concession: fc.Arbitrary<Maker> = fc.oneof(
  discount.map((d): Maker => () => ({ type: 'discount', fraction: d })),
  fraction.map((f): Maker => (s) => ({ type: 'price-match', matchedPrice: Math.max(Number.MIN_VALUE, s.price * (1 - f)) })),
  money.map((v): Maker => () => ({ type: 'free-delivery', deliveryCost: v })),
  fc.tuple(money, quantity).map(([c, q]): Maker => () => ({ type: 'bundle-item', unitCost: c, quantity: q })),
  fc.tuple(fraction, fraction).map(([r, share]): Maker => (s) => ({ type: 'extended-returns', extraReturnRate: r, recoveryValue: s.unitCost * share })),
  fc.tuple(fraction, fc.integer({ min: 0, max: 365 }), fraction).map(([rate, days, bad]): Maker => () => ({ type: 'payment-terms', annualRate: rate, days, badDebtRate: bad })),
  fc.tuple(money, fraction).map(([v, r]): Maker => () => ({ type: 'loyalty-reward', rewardValue: v, redemptionRate: r })),
);

const finite = (value: unknown) => typeof value === 'number' && Number.isFinite(value);
const noNaN = (value: unknown): boolean =>
  typeof value === 'number' ? !Number.isNaN(value) : Array.isArray(value) ? value.every(noNaN) : value !== null && typeof value === 'object' ? Object.values(value).every(noNaN) : true;

describe('discountEffect, for any valid price, cost and discount', () => {
  it('never raises the margin or the unit profit', () => {
    fc.assert(
      fc.property(price, cost, discount, (p, c, d) => {
        const r = discountEffect({ price: p, unitCost: c, discount: d });
        // margin after = 1 − c / (p(1 − d)) ≤ 1 − c / p; a hair of slack for floating-point rounding
        expect(r.marginAfter).toBeLessThanOrEqual(r.marginBefore + 1e-12 * Math.max(1, Math.abs(r.marginBefore)));
        expect(r.unitProfitAfter).toBeLessThanOrEqual(r.unitProfitBefore + 1e-9 * p);
      }),
    );
  });

  it('gives no volume uplift exactly when the discount reaches the margin, and otherwise one that restores gross profit', () => {
    fc.assert(
      fc.property(price, cost, discount, (p, c, d) => {
        const r = discountEffect({ price: p, unitCost: c, discount: d });
        expect(r.volumeUpliftNeeded === null).toBe(d >= r.marginBefore);
        if (r.volumeUpliftNeeded !== null) {
          expect(r.volumeUpliftNeeded).toBeGreaterThanOrEqual(0);
          // selling (1 + uplift) units at the discounted profit earns what one unit earned before; the slack
          // allows for rounding in p(1 − d) − c, which the (1 + uplift) factor magnifies
          const restored = (1 + r.volumeUpliftNeeded) * r.unitProfitAfter;
          expect(Math.abs(restored - r.unitProfitBefore)).toBeLessThanOrEqual(1e-9 * (1 + r.volumeUpliftNeeded) * (p + c));
        }
      }),
    );
  });

  it('also holds at the exact boundary d = m', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1000 }), fc.integer({ min: 0, max: 99 }), (p, pct) => {
        // cost chosen so the margin is exactly pct / 100
        const r = discountEffect({ price: p * 100, unitCost: p * (100 - pct), discount: pct / 100 });
        expect(r.volumeUpliftNeeded === null).toBe(pct / 100 >= r.marginBefore);
      }),
    );
  });
});

describe('no result is ever NaN across valid inputs', () => {
  it('discountEffect and creditCost', () => {
    fc.assert(
      fc.property(price, cost, discount, money, fraction, fc.integer({ min: 0, max: 3650 }), fraction, (p, c, d, amount, rate, days, bad) => {
        expect(noNaN(discountEffect({ price: p, unitCost: c, discount: d }))).toBe(true);
        expect(finite(creditCost({ amount, annualRate: rate, days, badDebtRate: bad }))).toBe(true);
      }),
    );
  });

  it('concessionCost, offerCost and profitCurve', () => {
    fc.assert(
      fc.property(sale, fc.array(concession, { maxLength: 7 }), fc.integer({ min: 1, max: 50 }), (s, makers, steps) => {
        const offer = makers.map((make) => make(s));
        for (const c of offer) {
          const value = concessionCost(c, s);
          expect(finite(value)).toBe(true);
          expect(value).toBeGreaterThanOrEqual(0);
        }
        expect(finite(offerCost(offer, s))).toBe(true);
        expect(noNaN(profitCurve(s, steps))).toBe(true);
      }),
    );
  });

  it('relationshipValue', () => {
    fc.assert(
      fc.property(sale, fc.array(concession, { maxLength: 3 }), fraction, fraction, fraction, fraction, money, money, (s, makers, aw, ao, rw, ro, future, precedent) => {
        const r = relationshipValue({ sale: s, concessions: makers.map((m) => m(s)), acceptWith: aw, acceptWithout: ao, repeatWith: rw, repeatWithout: ro, futureProfit: future, precedentCost: precedent });
        expect(noNaN(r)).toBe(true);
        expect(['offer', 'do-not-offer', 'marginal']).toContain(r.verdict.type);
      }),
    );
  });
});

const bad = fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, -1, -0.5);

describe('bad input always throws with the field named', () => {
  it('discountEffect', () => {
    fc.assert(
      fc.property(fc.constantFrom('price', 'unitCost', 'discount'), bad, (field, value) => {
        const input = { price: 100, unitCost: 60, discount: 0.1, [field]: value };
        expect(() => discountEffect(input)).toThrow(new RegExp(`^${field} must`));
      }),
    );
  });

  it('discountEffect with a discount of 1 or more', () => {
    fc.assert(
      fc.property(fc.double({ min: 1, max: 1e6, noNaN: true }), (d) => {
        expect(() => discountEffect({ price: 100, unitCost: 60, discount: d })).toThrow(/^discount must be a fraction/);
      }),
    );
  });

  it('creditCost', () => {
    fc.assert(
      fc.property(fc.constantFrom('amount', 'annualRate', 'days', 'badDebtRate'), bad, (field, value) => {
        const input = { amount: 1000, annualRate: 0.08, days: 30, badDebtRate: 0, [field]: value };
        expect(() => creditCost(input)).toThrow(new RegExp(`^${field} must`));
      }),
    );
  });
});
