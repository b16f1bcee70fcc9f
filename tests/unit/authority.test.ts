import { describe, expect, it } from 'vitest';
import { criteriaMask, criterionIds, type CriterionId } from '../../src/lib/domain/criteria';
import {
  authorityLevelSchema,
  checkTermAgainstAuthority,
  defaultAuthorityLevels,
  describeAuthority,
  highestQualifying,
  highestQualifyingByMask,
  qualification,
  readyForMore,
  type AuthorityLevel,
} from '../../src/lib/domain/authority';
import type { Concession, Sale } from '../../src/lib/domain/special-terms';

function level(id: string): AuthorityLevel {
  const found = defaultAuthorityLevels.find((l) => l.id === id);
  if (!found) throw new Error(`no default level ${id}`);
  return found;
}
const none = level('none');
const basic = level('basic');
const standard = level('standard');
const senior = level('senior');

describe('defaultAuthorityLevels', () => {
  it('is the ladder from DOMAIN §5: none; 5 % / £25; 10 % / £150; 20 % / £500', () => {
    expect(defaultAuthorityLevels.map((l) => [l.id, l.rank, l.maxDiscount, l.maxValue])).toEqual([
      ['none', 0, 0, 0],
      ['basic', 1, 0.05, 25],
      ['standard', 2, 0.1, 150],
      ['senior', 3, 0.2, 500],
    ]);
    expect(none.allowedConcessions).toEqual([]);
    expect([...basic.allowedConcessions].sort()).toEqual(['discount', 'free-delivery']);
    expect([...standard.allowedConcessions].sort()).toEqual(['bundle-item', 'discount', 'extended-returns', 'free-delivery', 'loyalty-reward', 'price-match']);
    expect([...senior.allowedConcessions].sort()).toEqual(['bundle-item', 'discount', 'extended-returns', 'free-delivery', 'loyalty-reward', 'payment-terms', 'price-match']);
  });
  it('asks for more criteria at each step up and never drops one', () => {
    expect([...basic.requiredCriteria].sort()).toEqual(['K3', 'K4', 'P6']);
    for (let i = 1; i < defaultAuthorityLevels.length; i++) {
      const lower = defaultAuthorityLevels[i - 1];
      const higher = defaultAuthorityLevels[i];
      if (!lower || !higher) throw new Error('missing level');
      expect(higher.requiredCriteria.length).toBeGreaterThan(lower.requiredCriteria.length);
      for (const c of lower.requiredCriteria) expect(higher.requiredCriteria).toContain(c);
      for (const t of lower.allowedConcessions) expect(higher.allowedConcessions).toContain(t);
    }
  });
  it.each(defaultAuthorityLevels.map((l) => [l.id, l] as const))('%s passes its own schema', (_id, l) => {
    expect(authorityLevelSchema.safeParse(l).success).toBe(true);
  });
});

describe('qualification', () => {
  it.each<[AuthorityLevel, CriterionId[], boolean, CriterionId[]]>([
    [standard, ['K3', 'K4', 'P6', 'P2'], false, ['P3', 'P4', 'K2']],
    [standard, ['K3', 'K4', 'P6', 'P2', 'P3', 'P4', 'K2', 'P9'], true, []],
    [basic, [], false, ['K3', 'K4', 'P6']],
    [none, [], true, []],
    [senior, [...criterionIds], true, []],
  ])('%# — %j met', (l, met, qualifies, missing) => {
    expect(qualification(l, met)).toEqual({ qualifies, missing });
  });
});

describe('qualification with a set of met criteria', () => {
  it('gives the same answer as with a list', () => {
    const met: CriterionId[] = ['K3', 'K4', 'P2'];
    for (const l of defaultAuthorityLevels) expect(qualification(l, new Set(met))).toEqual(qualification(l, met));
  });
});

describe('highestQualifying and readyForMore', () => {
  const fitsFor = (met: CriterionId[]) => defaultAuthorityLevels.map((l) => ({ level: l, ...qualification(l, met) }));
  it.each<[string, CriterionId[], string]>([
    ['nothing met: only "no authority"', [], 'none'],
    ['the basics', ['K3', 'K4', 'P6'], 'basic'],
    ['the basics and part of the next level', ['K3', 'K4', 'P6', 'P2', 'P3'], 'basic'],
    ['everything', [...criterionIds], 'senior'],
  ])('%s', (_name, met, expected) => {
    expect(highestQualifying(fitsFor(met))?.id).toBe(expected);
  });
  it('is null when no level qualifies', () => {
    expect(highestQualifying([{ level: basic, qualifies: false }])).toBeNull();
  });
  it.each<[string, AuthorityLevel | null, number | null, boolean]>([
    ['qualifies for basic, holds nothing', basic, null, true],
    ['qualifies for standard, holds basic', standard, 1, true],
    ['qualifies for basic, holds basic', basic, 1, false],
    ['qualifies for basic, holds standard (an override)', basic, 2, false],
    ['qualifies only for "no authority", holds nothing', none, null, false],
    ['qualifies for nothing', null, null, false],
  ])('%s', (_name, readyFor, held, expected) => {
    expect(readyForMore(readyFor, held)).toBe(expected);
  });
});

describe('criteriaMask and highestQualifyingByMask', () => {
  it('gives each criterion its own bit, in the order of criterionIds', () => {
    expect(criteriaMask([])).toBe(0);
    expect(criteriaMask(['P1'])).toBe(1);
    expect(criteriaMask(['K8'])).toBe(1 << 16);
    expect(criteriaMask(['P2', 'K1', 'P2'])).toBe(0b10 | (1 << 9));
    expect(criteriaMask(criterionIds)).toBe(2 ** 17 - 1);
    expect(() => criteriaMask(['Q1' as CriterionId])).toThrow(/unknown criterion Q1/);
  });

  // A shop's own levels: a rank tie, a level needing everything, and one needing a single criterion.
  const custom: AuthorityLevel[] = [
    ...defaultAuthorityLevels,
    { ...basic, id: 'basic-twin', requiredCriteria: ['P1', 'P9'] },
    { ...senior, id: 'everything', rank: 4, requiredCriteria: [...criterionIds] },
    { ...none, id: 'k8-only', rank: 5, requiredCriteria: ['K8'] },
  ];
  // Deterministic pseudo-random sets of met criteria (a linear congruential sequence), so a failure repeats.
  let seed = 7;
  const nextBit = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) >> 8) % 2 === 1;
  const sets: CriterionId[][] = [[], [...criterionIds], ...Array.from({ length: 500 }, () => criterionIds.filter(nextBit))];

  it.each([
    ['the default ladder', defaultAuthorityLevels],
    ["a shop's own levels with a tie in rank", custom],
  ])('agrees with qualification and highestQualifying for every set of met criteria (%s)', (_name, levels) => {
    const byMask = highestQualifyingByMask(levels);
    for (const met of sets) {
      const expected = highestQualifying(levels.map((l) => ({ level: l, ...qualification(l, met) })));
      expect(byMask(criteriaMask(met))?.id ?? null, met.join(',')).toBe(expected?.id ?? null);
    }
  });
});

const sale: Sale = { price: 100, unitCost: 60, quantity: 10 }; // list value £1,000

describe('checkTermAgainstAuthority', () => {
  it.each<[string, AuthorityLevel, Concession[], Sale, string[]]>([
    ['10 % off £1,000 = £100: exactly at the discount limit', standard, [{ type: 'discount', fraction: 0.1 }], sale, []],
    ['10.01 % off is just over', standard, [{ type: 'discount', fraction: 0.1001 }], sale, ['discount 10.01 % is over your 10 % limit']],
    ['12 % off a £100 item', standard, [{ type: 'discount', fraction: 0.12 }], { price: 100, unitCost: 60, quantity: 1 }, ['discount 12 % is over your 10 % limit']],
    // £100 discount + 2 free items at £25 cost = £150
    ['cost exactly £150', standard, [{ type: 'discount', fraction: 0.1 }, { type: 'bundle-item', unitCost: 25, quantity: 2 }], sale, []],
    // … plus a penny of delivery = £150.01
    ['cost a penny over', standard, [{ type: 'discount', fraction: 0.1 }, { type: 'bundle-item', unitCost: 25, quantity: 2 }, { type: 'free-delivery', deliveryCost: 0.01 }], sale, ['cost £150.01 is over your £150 limit']],
    // 8 % of £2,000 = £160: inside the percentage, over the pounds — both caps apply
    ['8 % off a £2,000 sofa', standard, [{ type: 'discount', fraction: 0.08 }], { price: 2000, unitCost: 1200, quantity: 1 }, ['cost £160.00 is over your £150 limit']],
    // price match from £100 to £90 on one unit = 10 % and £10
    ['a price match to exactly 10 % below', standard, [{ type: 'price-match', matchedPrice: 90 }], { price: 100, unitCost: 60, quantity: 1 }, []],
    ['a price match to 11 % below', standard, [{ type: 'price-match', matchedPrice: 89 }], { price: 100, unitCost: 60, quantity: 1 }, ['discount 11 % is over your 10 % limit']],
    // 5 % discount + £5 price match on £100 = 10 % together
    ['discount and price match add up: 5 % + 5 %', standard, [{ type: 'discount', fraction: 0.05 }, { type: 'price-match', matchedPrice: 95 }], { price: 100, unitCost: 60, quantity: 1 }, []],
    ['discount and price match add up: 5 % + 6 %', standard, [{ type: 'discount', fraction: 0.05 }, { type: 'price-match', matchedPrice: 94 }], { price: 100, unitCost: 60, quantity: 1 }, ['discount 11 % is over your 10 % limit']],
    // in floating point 0.1 × 10.09 ÷ 10.09 comes out as 0.10000000000000002; it is still exactly the limit
    ['10 % on an awkward price', standard, [{ type: 'discount', fraction: 0.1 }], { price: 10.09, unitCost: 5, quantity: 1 }, []],
    // 5 % of £500 = £25: both limits exactly
    ['basic: 5 % and £25 exactly', basic, [{ type: 'discount', fraction: 0.05 }], { price: 500, unitCost: 300, quantity: 1 }, []],
    // 5.01 % of £500 = £25.05: both just over
    ['basic: 5.01 % and £25.05', basic, [{ type: 'discount', fraction: 0.0501 }], { price: 500, unitCost: 300, quantity: 1 }, ['discount 5.01 % is over your 5 % limit', 'cost £25.05 is over your £25 limit']],
    ['basic: payment terms are not allowed', basic, [{ type: 'payment-terms', annualRate: 0.08, days: 30 }], { price: 100, unitCost: 60, quantity: 1 }, ['payment terms (credit) is not a concession your level allows']],
    // £1,000 × 8 % × 30/365 = £6.58
    ['senior: 30 days’ credit on £1,000', senior, [{ type: 'payment-terms', annualRate: 0.08, days: 30 }], sale, []],
    ['none: free delivery is not allowed and costs over £0', none, [{ type: 'free-delivery', deliveryCost: 5 }], sale, ['free delivery is not a concession your level allows', 'cost £5.00 is over your £0 limit']],
    ['each disallowed type is named once', none, [{ type: 'free-delivery', deliveryCost: 0 }, { type: 'free-delivery', deliveryCost: 0 }], sale, ['free delivery is not a concession your level allows']],
    ['no concessions at all', none, [], sale, []],
  ])('%s', (_name, l, concessions, s, reasons) => {
    const r = checkTermAgainstAuthority({ level: l, concessions, sale: s, referred: false });
    expect(r.reasons).toEqual(reasons);
    expect(r.within).toBe(reasons.length === 0);
  });

  it('treats a referred term as within, keeping the limits it crossed for the record', () => {
    const r = checkTermAgainstAuthority({ level: standard, concessions: [{ type: 'discount', fraction: 0.15 }], sale, referred: true });
    expect(r.within).toBe(true);
    expect(r.reasons).toEqual(['discount 15 % is over your 10 % limit']);
  });

  it.each([
    [false, false],
    [true, true],
  ])('with no level at all, referred %s → within %s', (referred, within) => {
    const r = checkTermAgainstAuthority({ level: null, concessions: [{ type: 'discount', fraction: 0.01 }], sale, referred });
    expect(r.within).toBe(within);
    expect(r.reasons).toHaveLength(1);
    expect(r.reasons[0]).toMatch(/no negotiating authority/);
  });

  it('with no level and nothing given away, there is nothing to authorise', () => {
    expect(checkTermAgainstAuthority({ level: null, concessions: [], sale, referred: false })).toEqual({ within: true, reasons: [] });
  });
});

describe('describeAuthority', () => {
  it.each([null, none])('tells someone without authority to refer everything (%j)', (l) => {
    const text = describeAuthority(l);
    expect(text).toMatch(/cannot agree special terms/);
    expect(text).toMatch(/manager/);
  });
  it('names the concessions and both limits of the standard level', () => {
    const text = describeAuthority(standard);
    expect(text).toContain('“Up to 10 % or £150”');
    expect(text).toContain('discount, free delivery, free bundled item, price match, extended returns and loyalty reward');
    expect(text).toContain('no more than £150');
    expect(text).toContain('more than 10 % of the sale’s full price');
    expect(text).toMatch(/refer the customer to a manager/);
  });
  it('mentions credit only where it is allowed', () => {
    expect(describeAuthority(senior)).toContain('payment terms (credit)');
    expect(describeAuthority(standard)).not.toContain('payment terms');
  });
  it('leaves out the price-cut sentence for a level with no price cuts', () => {
    const deliveryOnly: AuthorityLevel = { id: 'delivery', name: 'Delivery only', rank: 1, maxDiscount: 0, maxValue: 10, allowedConcessions: ['free-delivery'], requiredCriteria: [] };
    const text = describeAuthority(deliveryOnly);
    expect(text).toContain('you may agree free delivery, as long as');
    expect(text).toContain('£10');
    expect(text).not.toMatch(/Price cuts/);
  });
});

describe('authorityLevelSchema', () => {
  const messagesFor = (change: Record<string, unknown>) => {
    const r = authorityLevelSchema.safeParse({ ...standard, ...change });
    return r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
  };
  it.each<[Record<string, unknown>, string]>([
    [{ id: 'Senior Staff' }, 'id: the id is lowercase-kebab'],
    [{ name: ' ' }, 'name: give the level a name'],
    [{ rank: 1.5 }, 'rank: rank is a whole number'],
    [{ rank: -1 }, 'rank: rank is 0 or more'],
    [{ maxDiscount: 1 }, 'maxDiscount: the discount limit must be below 100 %'],
    [{ maxDiscount: -0.1 }, 'maxDiscount: the discount limit cannot be negative'],
    [{ maxDiscount: Number.NaN }, 'maxDiscount: the discount limit must be a number'],
    [{ maxValue: -1 }, 'maxValue: the value limit cannot be negative'],
    [{ maxValue: '150' }, 'maxValue: the value limit must be a number'],
    [{ allowedConcessions: ['free-lunch'] }, 'allowedConcessions.0: each concession must be one of discount, price-match'],
    [{ allowedConcessions: ['discount', 'discount'] }, 'allowedConcessions: discount is listed twice'],
    [{ requiredCriteria: ['P10'] }, 'requiredCriteria.0: each criterion must be one of P1–P9 or K1–K8'],
    [{ requiredCriteria: ['K3', 'K3'] }, 'requiredCriteria: K3 is listed twice'],
    [{ allowedConcessions: ['free-delivery'] }, 'maxDiscount: a discount limit above 0 needs discount or price match'],
  ])('%j → %s', (change, message) => {
    const messages = messagesFor(change);
    expect(messages.some((m) => m.startsWith(message))).toBe(true);
  });
  it('accepts a sensible new level', () => {
    expect(messagesFor({ id: 'trade-desk', name: 'Trade desk', rank: 4, maxDiscount: 0.25, maxValue: 1000 })).toEqual([]);
  });
});
