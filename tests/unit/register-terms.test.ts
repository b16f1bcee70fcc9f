import { describe, expect, it } from 'vitest';
import { buildConcessions, checkRegisterTerm, concessionFormValues, describeConcession } from '../../src/lib/domain/register';
import { formatDuration, reportingTimes } from '../../src/lib/domain/reporting-times';
import type { Concession } from '../../src/lib/domain/special-terms';

const now = new Date('2026-05-04T12:00:00Z');
const sale = { price: 200, unitCost: 120, quantity: 2 };

describe('buildConcessions (the register form)', () => {
  it.each([
    ['a discount in percent', { 'include.discount': 'on', 'discount.percent': '12.5' }, [{ type: 'discount', fraction: 0.125 }]],
    ['free delivery with a £ sign', { 'include.free-delivery': 'on', 'free-delivery.deliveryCost': '£9.50' }, [{ type: 'free-delivery', deliveryCost: 9.5 }]],
    ['a bundle item, quantity left blank', { 'include.bundle-item': 'on', 'bundle-item.unitCost': '4' }, [{ type: 'bundle-item', unitCost: 4, quantity: 1 }]],
    ['payment terms with the default rates', { 'include.payment-terms': 'on', 'payment-terms.days': '30' }, [{ type: 'payment-terms', days: 30, annualRate: 0.08, badDebtRate: 0 }]],
    ['fields of unticked concessions are ignored', { 'include.discount': 'on', 'discount.percent': '5', 'free-delivery.deliveryCost': 'rubbish' }, [{ type: 'discount', fraction: 0.05 }]],
  ] as const)('%s', (_name, values, expected) => {
    expect(buildConcessions(values)).toEqual({ ok: true, concessions: expected });
  });

  it.each([
    ['nothing ticked', {}, 'concessions', /at least one/],
    ['a ticked discount with no figure', { 'include.discount': 'on' }, 'discount.percent', /enter a number of percent/],
    ['a negative delivery cost', { 'include.free-delivery': 'on', 'free-delivery.deliveryCost': '-5' }, 'free-delivery.deliveryCost', /0 or more/],
    ['a percentage over 100', { 'include.extended-returns': 'on', 'extended-returns.extraReturnRate': '150', 'extended-returns.recoveryValue': '1' }, 'extended-returns.extraReturnRate', /over 100/],
  ] as const)('refuses %s, naming the field', (_name, values, field, pattern) => {
    const r = buildConcessions(values);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[field]).toMatch(pattern);
  });

  it('round-trips through the form values used to refill it', () => {
    const concessions: Concession[] = [
      { type: 'discount', fraction: 0.07 },
      { type: 'extended-returns', extraReturnRate: 0.05, recoveryValue: 30 },
      { type: 'loyalty-reward', rewardValue: 10, redemptionRate: 0.6 },
    ];
    expect(buildConcessions(concessionFormValues(concessions))).toEqual({ ok: true, concessions });
  });
});

describe('checkRegisterTerm', () => {
  it('computes the cost from the concessions (a free item at its unit cost, not its shelf price)', () => {
    const r = checkRegisterTerm({ concessions: [{ type: 'discount', fraction: 0.1 }, { type: 'bundle-item', unitCost: 8, quantity: 1, retailPrice: 20 }], sale, agreedAt: now, now });
    expect(r).toEqual({ ok: true, cost: 40 + 8 });
  });

  it.each([
    ['a price of 0', { ...sale, price: 0 }, now, 'price'],
    ['a negative price', { ...sale, price: -1 }, now, 'price'],
    ['a quantity of 0', { ...sale, quantity: 0 }, now, 'quantity'],
    ['a fractional quantity', { ...sale, quantity: 1.5 }, now, 'quantity'],
    ['a negative unit cost', { ...sale, unitCost: -1 }, now, 'unitCost'],
    ['a date one minute ahead', sale, new Date(now.getTime() + 60_000), 'agreedAt'],
  ] as const)('refuses %s', (_name, s, agreedAt, field) => {
    const r = checkRegisterTerm({ concessions: [{ type: 'discount', fraction: 0.1 }], sale: s, agreedAt, now });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(Object.keys(r.errors)).toContain(field);
  });

  it('accepts concessions costing exactly the sale, and refuses a penny more', () => {
    const one = { price: 10, unitCost: 5, quantity: 1 };
    expect(checkRegisterTerm({ concessions: [{ type: 'bundle-item', unitCost: 10, quantity: 1 }], sale: one, agreedAt: now, now }).ok).toBe(true);
    const over = checkRegisterTerm({ concessions: [{ type: 'bundle-item', unitCost: 10.01, quantity: 1 }], sale: one, agreedAt: now, now });
    expect(over.ok === false && over.errors.concessions).toMatch(/more than the whole sale is worth/);
  });

  it('describes each concession in plain words', () => {
    expect(describeConcession({ type: 'discount', fraction: 0.05 })).toBe('5 % discount');
    expect(describeConcession({ type: 'bundle-item', unitCost: 8, quantity: 2 })).toBe('2 free items (unit cost £8.00)');
    expect(describeConcession({ type: 'payment-terms', days: 30, annualRate: 0.08 })).toBe('30 days to pay');
  });
});

describe('reportingTimes', () => {
  const at = (h: number) => new Date(now.getTime() + h * 3_600_000);
  it.each([
    ['none', [], null, null],
    ['one', [1], 3_600_000, 1],
    ['odd count: the middle one', [0.5, 30, 2], 2 * 3_600_000, 2 / 3],
    ['even count: the mean of the middle two', [1, 2, 3, 48], 2.5 * 3_600_000, 3 / 4],
    ['exactly 24 hours counts as within a day', [24], 24 * 3_600_000, 1],
    ['logged before "agreed" counts as at once', [-1], 0, 1],
  ] as const)('%s', (_name, delays, median, share) => {
    const r = reportingTimes(delays.map((h) => ({ agreedAt: now, reportedAt: at(h) })));
    expect(r.count).toBe(delays.length);
    expect(r.medianMs).toBe(median);
    if (share === null) expect(r.withinDayShare).toBeNull();
    else expect(r.withinDayShare).toBeCloseTo(share, 12);
  });

  it.each([
    [0, 'under a minute'],
    [59_999, 'under a minute'],
    [60_000, '1 minute'],
    [125 * 60_000, '2 hours 5 minutes'],
    [2 * 3_600_000, '2 hours'],
    [49 * 3_600_000, '2 days 1 hour'],
  ])('formatDuration(%d) = %s', (ms, text) => {
    expect(formatDuration(ms)).toBe(text);
  });
});

import { readTerm } from '../../src/lib/server/management/register-input';

describe('readTerm (the posted form)', () => {
  const form = {
    id: '5a1d8d0e-5a0b-4b7e-9b7c-0b7c5a1d8d0e',
    customerRef: ' C-1042 ',
    price: '£149.99',
    unitCost: '90',
    quantity: '2',
    reason: 'Asked for a better price on two.',
    agreedAt: '2026-05-04T09:30',
    'include.discount': 'on',
    'discount.percent': '5',
  };
  it('reads a complete form, in UTC', () => {
    const r = readTerm(form);
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    expect(r.term).toMatchObject({ customerRef: 'C-1042', sale: { price: 149.99, unitCost: 90, quantity: 2 }, referred: false, concessions: [{ type: 'discount', fraction: 0.05 }] });
    expect(r.term.agreedAt.toISOString()).toBe('2026-05-04T09:30:00.000Z');
  });
  it.each([
    ['seconds are accepted', { agreedAt: '2026-05-04T09:30:15' }, null],
    ['an impossible date', { agreedAt: '2026-02-30T09:30' }, 'agreedAt'],
    ['no customer', { customerRef: '  ' }, 'customerRef'],
    ['a price in words', { price: 'ten' }, 'price'],
    ['a fractional quantity', { quantity: '1.5' }, 'quantity'],
    ['a stale form id', { id: 'x' }, 'id'],
  ] as const)('%s', (_name, change, field) => {
    const r = readTerm({ ...form, ...change });
    if (field === null) expect(r.ok).toBe(true);
    else expect(!r.ok && r.errors[field]).toBeTruthy();
  });
});
