import { describe, expect, it } from 'vitest';
import {
  concessionCost,
  creditCost,
  discountEffect,
  formatPercent,
  formatPounds,
  offerCost,
  offerDiscount,
  profitCurve,
  type Concession,
  type Sale,
} from '../../src/lib/domain/special-terms';
import { relationshipValue, type RelationshipInput } from '../../src/lib/domain/relationship-value';

describe('discountEffect', () => {
  it('matches the DOMAIN §1 worked example (p = 200, c = 120, d = 0.10)', () => {
    const r = discountEffect({ price: 200, unitCost: 120, discount: 0.1 });
    expect(r.marginBefore).toBeCloseTo((200 - 120) / 200, 12); // 0.40
    expect(r.unitProfitBefore).toBeCloseTo(200 - 120, 12); // 80
    expect(r.unitProfitAfter).toBeCloseTo(200 * 0.9 - 120, 12); // 60
    expect(r.marginAfter).toBeCloseTo(60 / 180, 12); // 1/3
    expect(r.volumeUpliftNeeded).toBeCloseTo(0.4 / (0.4 - 0.1) - 1, 12); // 1/3: sell 33.3 % more
  });

  it.each([
    // [price, cost, d, marginBefore, marginAfter, unitProfitAfter, uplift]
    ['no discount', 100, 60, 0, 0.4, 0.4, 40, 0],
    ['free stock (cost 0)', 50, 0, 0.2, 1, 1, 40, 1 / (1 - 0.2) - 1],
    ['discount exactly the margin', 100, 75, 0.25, 0.25, 0 / 75, 0, null],
    ['discount above the margin', 100, 90, 0.2, 0.1, -10 / 80, -10, null],
    ['loss leader: cost above price', 10, 12, 0, -0.2, -0.2, -2, null],
  ])('%s', (_name, price, unitCost, discount, mBefore, mAfter, profitAfter, uplift) => {
    const r = discountEffect({ price, unitCost, discount });
    expect(r.marginBefore).toBeCloseTo(mBefore, 12);
    expect(r.marginAfter).toBeCloseTo(mAfter, 12);
    expect(r.unitProfitAfter).toBeCloseTo(profitAfter, 12);
    if (uplift === null) expect(r.volumeUpliftNeeded).toBeNull();
    else expect(r.volumeUpliftNeeded).toBeCloseTo(uplift, 12);
  });

  it.each([
    ['price', { price: 0, unitCost: 1, discount: 0 }, /price must be greater than 0/],
    ['price', { price: -5, unitCost: 1, discount: 0 }, /price must be greater than 0/],
    ['price', { price: Number.NaN, unitCost: 1, discount: 0 }, /price must be a finite number/],
    ['price', { price: Number.POSITIVE_INFINITY, unitCost: 1, discount: 0 }, /price must be a finite number/],
    ['unitCost', { price: 10, unitCost: -1, discount: 0 }, /unitCost must not be negative/],
    ['unitCost', { price: 10, unitCost: Number.NaN, discount: 0 }, /unitCost must be a finite number/],
    ['discount', { price: 10, unitCost: 1, discount: -0.1 }, /discount must be a fraction/],
    ['discount', { price: 10, unitCost: 1, discount: 1 }, /discount must be a fraction/],
    ['discount', { price: 10, unitCost: 1, discount: 10 }, /discount must be a fraction/],
  ])('refuses a bad %s: %j', (_field, input, message) => {
    expect(() => discountEffect(input)).toThrow(message);
  });
});

describe('creditCost', () => {
  it('matches the DOMAIN §1 worked example: £1,000 × 8 % × 30/365 = £6.58', () => {
    const cost = creditCost({ amount: 1000, annualRate: 0.08, days: 30 });
    expect(cost).toBeCloseTo(2400 / 365, 12);
    expect(Math.round(cost * 100) / 100).toBe(6.58);
  });
  it.each([
    ['expected bad debt is added on', { amount: 1000, annualRate: 0.08, days: 30, badDebtRate: 0.02 }, 2400 / 365 + 20],
    ['no days, no interest', { amount: 500, annualRate: 0.1, days: 0 }, 0],
    ['a year at 5 %', { amount: 200, annualRate: 0.05, days: 365 }, 10],
  ])('%s', (_name, input, expected) => {
    expect(creditCost(input)).toBeCloseTo(expected, 12);
  });
  it.each([
    ['amount', { amount: -1, annualRate: 0.08, days: 30 }, /amount must not be negative/],
    ['annualRate', { amount: 100, annualRate: -0.01, days: 30 }, /annualRate must not be negative/],
    ['days', { amount: 100, annualRate: 0.08, days: -1 }, /days must not be negative/],
    ['days', { amount: 100, annualRate: 0.08, days: Number.NaN }, /days must be a finite number/],
    ['badDebtRate', { amount: 100, annualRate: 0.08, days: 30, badDebtRate: 1.5 }, /badDebtRate must be a fraction/],
  ])('refuses a bad %s', (_field, input, message) => {
    expect(() => creditCost(input)).toThrow(message);
  });
});

const sale: Sale = { price: 200, unitCost: 120, quantity: 3 };

describe('concessionCost', () => {
  it('costs a free item at its unit cost, not its shelf price: a £20 accessory costing £8 costs £8', () => {
    expect(concessionCost({ type: 'bundle-item', unitCost: 8, quantity: 1, retailPrice: 20 }, { price: 200, unitCost: 120, quantity: 1 })).toBe(8);
  });
  it.each<[string, Concession, number]>([
    ['discount: 10 % of £200 on 3 units', { type: 'discount', fraction: 0.1 }, 0.1 * 200 * 3],
    ['price match at £185 on 3 units', { type: 'price-match', matchedPrice: 185 }, (200 - 185) * 3],
    ['price match at our own price costs nothing', { type: 'price-match', matchedPrice: 200 }, 0],
    ['free delivery is charged once per deal', { type: 'free-delivery', deliveryCost: 6 }, 6],
    ['two free items costing £8', { type: 'bundle-item', unitCost: 8, quantity: 2 }, 16],
    ['extended returns: 5 % more come back, £30 lost on each', { type: 'extended-returns', extraReturnRate: 0.05, recoveryValue: 90 }, 0.05 * (120 - 90) * 3],
    ['payment terms on the £600 sale for 30 days at 8 %', { type: 'payment-terms', annualRate: 0.08, days: 30 }, (600 * 0.08 * 30) / 365],
    ['payment terms with 1 % bad debt', { type: 'payment-terms', annualRate: 0.08, days: 30, badDebtRate: 0.01 }, (600 * 0.08 * 30) / 365 + 6],
    ['a £10 reward, 60 % redeemed, on goods costing 120/200 of their price', { type: 'loyalty-reward', rewardValue: 10, redemptionRate: 0.6 }, 10 * 0.6 * (120 / 200)],
    ['a £10 reward with an authored cost ratio of 0.5', { type: 'loyalty-reward', rewardValue: 10, redemptionRate: 0.6, costRatio: 0.5 }, 10 * 0.6 * 0.5],
  ])('%s', (_name, concession, expected) => {
    expect(concessionCost(concession, sale)).toBeCloseTo(expected, 10);
  });

  it.each<[Concession, Sale, RegExp]>([
    [{ type: 'discount', fraction: 1 }, sale, /discount\.fraction must be a fraction/],
    [{ type: 'price-match', matchedPrice: 0 }, sale, /price-match\.matchedPrice must be greater than 0/],
    [{ type: 'price-match', matchedPrice: 210 }, sale, /price-match\.matchedPrice must not be above the price/],
    [{ type: 'free-delivery', deliveryCost: -6 }, sale, /free-delivery\.deliveryCost must not be negative/],
    [{ type: 'bundle-item', unitCost: -1, quantity: 1 }, sale, /bundle-item\.unitCost must not be negative/],
    [{ type: 'bundle-item', unitCost: 8, quantity: 0 }, sale, /bundle-item\.quantity must be greater than 0/],
    [{ type: 'extended-returns', extraReturnRate: 0.05, recoveryValue: 130 }, sale, /extended-returns\.recoveryValue must not be above the unit cost/],
    [{ type: 'extended-returns', extraReturnRate: 1.2, recoveryValue: 90 }, sale, /extended-returns\.extraReturnRate must be a fraction/],
    [{ type: 'payment-terms', annualRate: 0.08, days: -1 }, sale, /payment-terms\.days must not be negative/],
    [{ type: 'loyalty-reward', rewardValue: 10, redemptionRate: 2 }, sale, /loyalty-reward\.redemptionRate must be a fraction/],
    [{ type: 'free-delivery', deliveryCost: 6 }, { price: 0, unitCost: 1, quantity: 1 }, /sale\.price must be greater than 0/],
    [{ type: 'free-delivery', deliveryCost: 6 }, { price: 10, unitCost: 1, quantity: 0 }, /sale\.quantity must be greater than 0/],
  ])('refuses %j on %j', (concession, s, message) => {
    expect(() => concessionCost(concession, s)).toThrow(message);
  });

  it('refuses an unknown concession type by naming it', () => {
    expect(() => concessionCost({ type: 'free-lunch' } as unknown as Concession, sale)).toThrow(/concession\.type .*free-lunch/);
  });
});

describe('offerCost and offerDiscount', () => {
  const offer: Concession[] = [
    { type: 'discount', fraction: 0.1 },
    { type: 'free-delivery', deliveryCost: 6 },
    { type: 'bundle-item', unitCost: 8, quantity: 1 },
  ];
  it('adds up each concession: £60 discount + £6 delivery + £8 item', () => {
    expect(offerCost(offer, sale)).toBeCloseTo(60 + 6 + 8, 10);
    expect(offerCost([], sale)).toBe(0);
  });
  it.each<[string, Concession[], number]>([
    ['5 % discount plus a £10-a-unit price match on £600', [{ type: 'discount', fraction: 0.05 }, { type: 'price-match', matchedPrice: 190 }], (0.05 * 600 + 10 * 3) / 600],
    ['only the discount counts, not the delivery or the item', offer, 0.1],
    ['no price reduction at all', [{ type: 'free-delivery', deliveryCost: 6 }], 0],
  ])('offerDiscount: %s', (_name, concessions, expected) => {
    expect(offerDiscount(concessions, sale)).toBeCloseTo(expected, 12);
  });
});

describe('profitCurve', () => {
  it('steps evenly from no discount to the maximum, with break-even at the margin', () => {
    const r = profitCurve({ price: 200, unitCost: 120, quantity: 2, maxDiscount: 0.5 }, 5);
    expect(r.points.map((p) => p.discount)).toEqual([0, 0.1, 0.2, 0.3, 0.4, 0.5].map((d) => expect.closeTo(d, 12)));
    // 200(1 − d) − 120 for d = 0, 0.1 … 0.5
    expect(r.points.map((p) => p.unitProfit)).toEqual([80, 60, 40, 20, 0, -20].map((v) => expect.closeTo(v, 9)));
    expect(r.points.map((p) => p.totalProfit)).toEqual([160, 120, 80, 40, 0, -40].map((v) => expect.closeTo(v, 9)));
    expect(r.breakEvenDiscount).toBeCloseTo(0.4, 12);
  });
  it('defaults to a maximum discount of 50 %', () => {
    expect(profitCurve({ price: 10, unitCost: 5, quantity: 1 }, 2).points.map((p) => p.discount)).toEqual([0, 0.25, 0.5]);
  });
  it('has no break-even discount when the sale loses money before any discount', () => {
    expect(profitCurve({ price: 10, unitCost: 12, quantity: 1 }, 1).breakEvenDiscount).toBeNull();
  });
  it.each([0, 1.5, -1, 1001])('refuses %s steps', (steps) => {
    expect(() => profitCurve({ price: 10, unitCost: 5, quantity: 1 }, steps)).toThrow(/steps must be a whole number/);
  });
  it('refuses a maximum discount of 100 %', () => {
    expect(() => profitCurve({ price: 10, unitCost: 5, quantity: 1, maxDiscount: 1 }, 2)).toThrow(/maxDiscount/);
  });
});

describe('relationshipValue', () => {
  const base: RelationshipInput = {
    sale: { price: 200, unitCost: 120, quantity: 1 },
    concessions: [{ type: 'discount', fraction: 0.1 }], // costs 0.1 × 200 = £20
    acceptWith: 0.9,
    acceptWithout: 0.6,
    repeatWith: 0.5,
    repeatWithout: 0.4,
    futureProfit: 200,
    precedentCost: 20,
  };

  it('weighs both sides over the relationship and recommends the term when it pays', () => {
    const r = relationshipValue(base);
    expect(r.termCost).toBeCloseTo(20, 10);
    expect(r.withTerm.profitNow).toBeCloseTo(80 - 20, 10);
    expect(r.withTerm.futureProfit).toBeCloseTo(200 - 20, 10); // precedent comes off the future
    expect(r.withTerm.expectedValue).toBeCloseTo(0.9 * (60 + 0.5 * 180), 10); // 135
    expect(r.withoutTerm.expectedValue).toBeCloseTo(0.6 * (80 + 0.4 * 200), 10); // 96
    expect(r.difference).toBeCloseTo(135 - 96, 10);
    expect(r.lostSaleRisk).toBeCloseTo(1 - 0.6, 12);
    expect(r.verdict.type).toBe('offer');
    expect(r.verdict.sentence).toContain('£39.00');
    expect(r.verdict.assumptions.join(' ')).toMatch(/40 % of the time/);
    expect(r.verdict.assumptions.join(' ')).toMatch(/Precedent.*£20\.00/);
  });

  it.each<[string, Partial<RelationshipInput>, number, string]>([
    // with: 0.95 × (60 + 0.4 × 180) = 125.4; without: 0.9 × (80 + 0.4 × 200) = 144; band 0.05 × 144 = 7.2
    ['a customer who would buy anyway', { acceptWith: 0.95, acceptWithout: 0.9, repeatWith: 0.4, repeatWithout: 0.4 }, 125.4 - 144, 'do-not-offer'],
    // with: 0.8 × (60 + 0.4 × 100) = 80; without: 0.7 × (80 + 0.4 × 100) = 84; band 0.05 × 84 = 4.2 > 4
    ['a near thing', { acceptWith: 0.8, acceptWithout: 0.7, repeatWith: 0.4, repeatWithout: 0.4, futureProfit: 100, precedentCost: 0 }, 80 - 84, 'marginal'],
  ])('%s', (_name, change, difference, verdict) => {
    const r = relationshipValue({ ...base, ...change });
    expect(r.difference).toBeCloseTo(difference, 10);
    expect(r.verdict.type).toBe(verdict);
    expect(r.verdict.sentence.length).toBeGreaterThan(40);
  });

  it('counts precedent: each pound of it costs acceptWith × repeatWith on the "with" side only', () => {
    const without = relationshipValue({ ...base, precedentCost: 0 });
    const withPrecedent = relationshipValue(base);
    expect(without.withTerm.expectedValue - withPrecedent.withTerm.expectedValue).toBeCloseTo(0.9 * 0.5 * 20, 10);
    expect(withPrecedent.withoutTerm.expectedValue).toBeCloseTo(without.withoutTerm.expectedValue, 12);
  });

  it.each<[Partial<RelationshipInput>, RegExp]>([
    [{ acceptWith: 1.2 }, /acceptWith must be a fraction/],
    [{ repeatWithout: -0.1 }, /repeatWithout must be a fraction/],
    [{ futureProfit: Number.NaN }, /futureProfit must be a finite number/],
    [{ precedentCost: -1 }, /precedentCost must not be negative/],
  ])('refuses %j', (change, message) => {
    expect(() => relationshipValue({ ...base, ...change })).toThrow(message);
  });
});

describe('formatting', () => {
  it.each<[number, boolean, string]>([
    [1234.5, false, '£1,234.50'],
    [150, true, '£150'],
    [150.5, true, '£150.50'],
    [-5, false, '−£5.00'],
    [-0.001, false, '£0.00'],
  ])('formatPounds(%s, whole %s) → %s', (value, whole, text) => {
    expect(formatPounds(value, whole)).toBe(text);
  });
  it.each<[number, string]>([
    [0.12, '12 %'],
    [0.125, '12.5 %'],
    [0.1001, '10.01 %'],
  ])('formatPercent(%s) → %s', (value, text) => {
    expect(formatPercent(value)).toBe(text);
  });
});
