/**
 * Special-terms economics (P2, K2): what a concession costs the shop, what a discount does to the
 * margin, and whether a term pays over the relationship rather than the one sale (DOMAIN §1).
 * `discountEffect` and `creditCost` are fixed by CONTRACTS §7. Money is in pounds; discounts, rates
 * and probabilities are fractions (0.1 means 10 %). Bad input throws an Error naming the field.
 */

const NUMBER_RULES = {
  positive: { ok: (v: number) => v > 0, why: 'must be greater than 0' },
  nonNegative: { ok: (v: number) => v >= 0, why: 'must not be negative' },
  discount: { ok: (v: number) => v >= 0 && v < 1, why: 'must be a fraction from 0 up to but not including 1 (0.1 means 10 %)' },
  fraction: { ok: (v: number) => v >= 0 && v <= 1, why: 'must be a fraction from 0 to 1' },
} as const;
type NumberRule = keyof typeof NUMBER_RULES;

/** A checked number: finite and within its rule, or an Error naming the field. */
export function num(field: string, value: unknown, rule: NumberRule): number {
  // A NaN or Infinity let through here would surface later as NaN in a result, far from its cause.
  if (typeof value !== 'number' || !Number.isFinite(value)) throw new Error(`${field} must be a finite number (got ${String(value)})`);
  if (!NUMBER_RULES[rule].ok(value)) throw new Error(`${field} ${NUMBER_RULES[rule].why} (got ${value})`);
  return value;
}

export interface DiscountEffect {
  marginBefore: number;
  marginAfter: number;
  unitProfitBefore: number;
  unitProfitAfter: number;
  volumeUpliftNeeded: number | null;
}

/** What a discount does to one unit's profit and margin, and the extra volume needed to make up for it. */
export function discountEffect(input: { price: number; unitCost: number; discount: number }): DiscountEffect {
  const p = num('price', input.price, 'positive');
  const c = num('unitCost', input.unitCost, 'nonNegative');
  const d = num('discount', input.discount, 'discount');
  const m = (p - c) / p;
  const netPrice = p * (1 - d); // > 0 because d < 1, so the margin after never divides by zero
  return {
    marginBefore: m,
    marginAfter: (netPrice - c) / netPrice,
    unitProfitBefore: p - c,
    unitProfitAfter: netPrice - c,
    // At d ≥ m every discounted sale makes nothing or loses money, so no extra volume can recover it.
    volumeUpliftNeeded: d < m ? m / (m - d) - 1 : null,
  };
}

/** The cost of letting the customer pay later: interest forgone on the money plus expected bad debt. */
export function creditCost(input: { amount: number; annualRate: number; days: number; badDebtRate?: number }): number {
  const amount = num('amount', input.amount, 'nonNegative');
  const rate = num('annualRate', input.annualRate, 'nonNegative');
  const days = num('days', input.days, 'nonNegative');
  const badDebt = num('badDebtRate', input.badDebtRate ?? 0, 'fraction');
  return (amount * rate * days) / 365 + amount * badDebt;
}

/** The sale a concession is attached to: list price and unit cost of one unit, and how many. */
export interface Sale {
  price: number;
  unitCost: number;
  quantity: number;
}

export const concessionTypes = ['discount', 'price-match', 'free-delivery', 'bundle-item', 'extended-returns', 'payment-terms', 'loyalty-reward'] as const;
export type ConcessionType = (typeof concessionTypes)[number];

/** Plain words for each concession, lower case so they read inside a sentence. */
export const concessionLabels: Readonly<Record<ConcessionType, string>> = {
  discount: 'discount',
  'price-match': 'price match',
  'free-delivery': 'free delivery',
  'bundle-item': 'free bundled item',
  'extended-returns': 'extended returns',
  'payment-terms': 'payment terms (credit)',
  'loyalty-reward': 'loyalty reward',
};

export type Concession =
  /** `fraction` of the list price off every unit. */
  | { type: 'discount'; fraction: number }
  /** Sell every unit at a competitor's lower price. */
  | { type: 'price-match'; matchedPrice: number }
  /** What the delivery costs the shop (van, driver, courier), once per deal. */
  | { type: 'free-delivery'; deliveryCost: number }
  /** A free item: the shop loses what it paid for it, not its shelf price; `retailPrice` is shown, never costed. */
  | { type: 'bundle-item'; unitCost: number; quantity: number; retailPrice?: number }
  /**
   * A longer returns window. Model chosen: each unit sold has `extraReturnRate` more chance of coming back,
   * and a returned unit goes back into stock worth `recoveryValue` (≤ its unit cost; less when it comes back
   * opened or damaged), so the expected cost is rate × (unit cost − recovery) × quantity. The profit on a sale
   * that is undone is not counted here: whether the sale happens at all is what relationshipValue weighs.
   */
  | { type: 'extended-returns'; extraReturnRate: number; recoveryValue: number }
  /** Pay later: creditCost on the sale's list value (price × quantity). */
  | { type: 'payment-terms'; annualRate: number; days: number; badDebtRate?: number }
  /**
   * A reward worth `rewardValue` to the customer (points or a voucher), of which `redemptionRate` is expected
   * to be spent. Model chosen: redeemed value is spent on goods, so the shop pays only their cost — the
   * `costRatio` (cost ÷ retail price, default the sale's own unitCost ÷ price) of what is redeemed.
   */
  | { type: 'loyalty-reward'; rewardValue: number; redemptionRate: number; costRatio?: number };

/** The sale with every field checked. */
export function checkSale(sale: Sale): Sale {
  return {
    price: num('sale.price', sale.price, 'positive'),
    unitCost: num('sale.unitCost', sale.unitCost, 'nonNegative'),
    quantity: num('sale.quantity', sale.quantity, 'positive'),
  };
}

function costOf(c: Concession, s: Sale): number {
  const f = (field: string) => `${c.type}.${field}`;
  switch (c.type) {
    case 'discount':
      return num(f('fraction'), c.fraction, 'discount') * s.price * s.quantity;
    case 'price-match': {
      const matched = num(f('matchedPrice'), c.matchedPrice, 'positive');
      if (matched > s.price) throw new Error(`${f('matchedPrice')} must not be above the price ${s.price}: there is nothing to match (got ${matched})`);
      return (s.price - matched) * s.quantity;
    }
    case 'free-delivery':
      return num(f('deliveryCost'), c.deliveryCost, 'nonNegative');
    case 'bundle-item':
      return num(f('unitCost'), c.unitCost, 'nonNegative') * num(f('quantity'), c.quantity, 'positive');
    case 'extended-returns': {
      const recovery = num(f('recoveryValue'), c.recoveryValue, 'nonNegative');
      if (recovery > s.unitCost) throw new Error(`${f('recoveryValue')} must not be above the unit cost ${s.unitCost} (got ${recovery})`);
      return num(f('extraReturnRate'), c.extraReturnRate, 'fraction') * (s.unitCost - recovery) * s.quantity;
    }
    case 'payment-terms': {
      const badDebtRate = num(f('badDebtRate'), c.badDebtRate ?? 0, 'fraction');
      return creditCost({ amount: s.price * s.quantity, annualRate: num(f('annualRate'), c.annualRate, 'nonNegative'), days: num(f('days'), c.days, 'nonNegative'), badDebtRate });
    }
    case 'loyalty-reward': {
      const ratio = c.costRatio === undefined ? s.unitCost / s.price : num(f('costRatio'), c.costRatio, 'nonNegative');
      return num(f('rewardValue'), c.rewardValue, 'nonNegative') * num(f('redemptionRate'), c.redemptionRate, 'fraction') * ratio;
    }
    default: {
      const unknown: never = c;
      throw new Error(`concession.type is not a known concession (got ${String((unknown as { type: unknown }).type)})`);
    }
  }
}

/** What one concession costs the shop, in pounds, on this sale. */
export function concessionCost(concession: Concession, sale: Sale): number {
  return costOf(concession, checkSale(sale));
}

/**
 * What a whole offer costs the shop: the sum of its concessions, each costed on its own. Credit is charged
 * on the list value even when a discount is in the same offer, which overstates it slightly (the cautious side).
 */
export function offerCost(concessions: readonly Concession[], sale: Sale): number {
  const s = checkSale(sale);
  return concessions.reduce((sum, c) => sum + costOf(c, s), 0);
}

/** The price given away by discounts and price matches, as a share of the sale's list value (for authority limits). */
export function offerDiscount(concessions: readonly Concession[], sale: Sale): number {
  const s = checkSale(sale);
  const off = concessions.filter((c) => c.type === 'discount' || c.type === 'price-match').reduce((sum, c) => sum + costOf(c, s), 0);
  return off / (s.price * s.quantity);
}

export interface ProfitPoint {
  discount: number;
  unitProfit: number;
  totalProfit: number;
}

/** How profit falls as the discount grows: `steps` equal intervals from 0 to maxDiscount (default 0.5), for a chart. */
export function profitCurve(input: Sale & { maxDiscount?: number }, steps: number): { points: ProfitPoint[]; breakEvenDiscount: number | null } {
  const s = checkSale(input);
  const max = num('maxDiscount', input.maxDiscount ?? 0.5, 'discount');
  if (!Number.isInteger(steps) || steps < 1 || steps > 1000) throw new Error(`steps must be a whole number from 1 to 1000 (got ${String(steps)})`);
  const points = Array.from({ length: steps + 1 }, (_, i) => {
    const discount = (max * i) / steps; // from i, not by adding, so rounding does not pile up
    const unitProfit = s.price * (1 - discount) - s.unitCost;
    return { discount, unitProfit, totalProfit: unitProfit * s.quantity };
  });
  const m = (s.price - s.unitCost) / s.price;
  // Unit profit p(1 − d) − c is zero at d = m; a negative m means the sale loses money before any discount.
  return { points, breakEvenDiscount: m >= 0 ? m : null };
}

export { formatPercent, formatPounds } from './money';
