/**
 * What an offer costs the shop and what it is worth to the customer. Costs come from special-terms.ts
 * (DOMAIN §1) on the whole basket as one sale, so a free item costs its unit cost and credit costs interest
 * plus bad debt; the authority check is the same one the special-terms register uses (authority.ts).
 */
import { checkTermAgainstAuthority, type AuthorityLevel } from '../authority';
import { concessionCost, type Concession, type Sale } from '../special-terms';
import { itemsProblem } from './items';
import { MoveRejected } from './moves';
import { LOW_COST_HIGH_VALUE_RATIO } from './rules';
import type { Scenario } from './schema';
import type { TradeAsk } from './schema-conversation';
import type { OfferItem, ScenarioConcession } from './schema-parts';

/** The basket as one sale: its list value and total cost, quantity 1, so every concession is costed on the whole. */
export function basketSale(s: Scenario): Sale {
  return {
    price: s.products.reduce((sum, p) => sum + p.price * p.quantity, 0),
    unitCost: s.products.reduce((sum, p) => sum + p.unitCost * p.quantity, 0),
    quantity: 1,
  };
}

function concessionOf(s: Scenario, id: string): ScenarioConcession {
  const c = s.concessions.find((x) => x.id === id);
  if (!c) throw new MoveRejected(`"${id}" is not one of this scenario's concessions`);
  return c;
}

function productOf(s: Scenario, id: string) {
  const p = s.products.find((x) => x.id === id);
  if (!p) throw new Error(`scenario ${s.id}: unknown product ${id}`); // the schema makes this unreachable
  return p;
}

/**
 * The special-terms concession for one offer item, restated on the basket. Price matches and extended returns
 * are authored per product; on the basket the same pounds are moved, so their cost is unchanged.
 */
export function toConcession(s: Scenario, item: OfferItem): Concession {
  const c = concessionOf(s, item.id);
  const basket = basketSale(s);
  switch (c.type) {
    case 'discount':
      return { type: 'discount', fraction: item.fraction ?? 0 };
    case 'price-match': {
      const p = productOf(s, c.product);
      return { type: 'price-match', matchedPrice: basket.price - (p.price - c.matchedPrice) * p.quantity };
    }
    case 'free-delivery':
      return { type: 'free-delivery', deliveryCost: c.deliveryCost };
    case 'bundle-item':
      return { type: 'bundle-item', unitCost: c.unitCost, quantity: c.quantity, ...(c.retailPrice === undefined ? {} : { retailPrice: c.retailPrice }) };
    case 'extended-returns': {
      const p = productOf(s, c.product);
      return { type: 'extended-returns', extraReturnRate: c.extraReturnRate, recoveryValue: basket.unitCost - (p.unitCost - c.recoveryValue) * p.quantity };
    }
    case 'payment-terms':
      return { type: 'payment-terms', annualRate: c.annualRate, days: c.days, ...(c.badDebtRate === undefined ? {} : { badDebtRate: c.badDebtRate }) };
    case 'loyalty-reward':
      return { type: 'loyalty-reward', rewardValue: c.rewardValue, redemptionRate: c.redemptionRate, ...(c.costRatio === undefined ? {} : { costRatio: c.costRatio }) };
    default: {
      const unknown: never = c;
      throw new Error(`unknown concession ${String((unknown as { type: unknown }).type)}`);
    }
  }
}

/** Money off the price (discounts and price matches), in pounds: what the customer saves in cash. */
export function cashOff(s: Scenario, item: OfferItem): number {
  const c = concessionOf(s, item.id);
  if (c.type === 'discount') return (item.fraction ?? 0) * basketSale(s).price;
  if (c.type === 'price-match') {
    const p = productOf(s, c.product);
    return (p.price - c.matchedPrice) * p.quantity;
  }
  return 0;
}

/** What the items are worth to the customer: cash at face value, anything else at their own valuation. */
export function valueToCustomer(s: Scenario, items: readonly OfferItem[]): number {
  return items.reduce((sum, item) => {
    const c = concessionOf(s, item.id);
    return sum + (c.type === 'discount' || c.type === 'price-match' ? cashOff(s, item) : (s.customer.values[c.id] ?? 0));
  }, 0);
}

export interface OfferQuote {
  items: { id: string; label: string; costToShop: number; valueIsCash: boolean }[];
  /** Full price of the basket and the profit it makes with nothing given. */
  listValue: number;
  fullProfit: number;
  /** Total cost to the shop of everything in the offer. */
  cost: number;
  /** Money off the price, in pounds and as a share of the list value. */
  cashOff: number;
  discountShare: number;
  /** Profit the shop gains from what the customer gives in a trade. */
  tradeGain: number;
  /** Profit left: full profit − cost + trade gain. */
  profit: number;
  /** What the customer pays. */
  netRevenue: number;
  marginBefore: number;
  /** profit ÷ what the customer pays; null when they pay nothing. */
  marginAfter: number | null;
  withinAuthority: boolean;
  /** Each limit crossed, in plain words. */
  authorityReasons: string[];
}

/** The scenario's authority as a level, so the same rule that checks the register checks the learner here. */
export function scenarioAuthority(s: Scenario): AuthorityLevel {
  return { id: `scenario-${s.id}`, name: s.authority.text, rank: 1, maxDiscount: s.authority.maxDiscount, maxValue: s.authority.maxValue, allowedConcessions: s.authority.allowedConcessions, requiredCriteria: [] };
}

/** The trade ask with this id (null for none); throws MoveRejected for one the scenario does not have. */
export function tradeAskOf(s: Scenario, id: string | null): TradeAsk | null {
  if (id === null) return null;
  const ask = s.tradeAsks.find((t) => t.id === id);
  if (!ask) throw new MoveRejected(`"${id}" is not one of the things you can ask for in this scenario`);
  return ask;
}

/** The live cost and authority check of a proposed offer; throws MoveRejected for items the scenario does not allow. */
export function quoteOffer(s: Scenario, items: readonly OfferItem[], tradeAskId: string | null = null): OfferQuote {
  const problem = itemsProblem(s.concessions, items);
  if (problem) throw new MoveRejected(problem);
  const ask = tradeAskOf(s, tradeAskId);
  const sale = basketSale(s);
  const concessions = items.map((i) => toConcession(s, i));
  const costs = concessions.map((c) => concessionCost(c, sale));
  const cost = costs.reduce((a, b) => a + b, 0);
  const cash = items.reduce((sum, i) => sum + cashOff(s, i), 0);
  const tradeGain = ask?.shopValue ?? 0;
  const fullProfit = sale.price - sale.unitCost;
  const profit = fullProfit - cost + tradeGain;
  const netRevenue = sale.price - cash;
  const authority = checkTermAgainstAuthority({ level: scenarioAuthority(s), concessions, sale, referred: false });
  return {
    items: items.map((i, k) => {
      const c = concessionOf(s, i.id);
      return { id: i.id, label: c.label, costToShop: costs[k] ?? 0, valueIsCash: c.type === 'discount' || c.type === 'price-match' };
    }),
    listValue: sale.price,
    fullProfit,
    cost,
    cashOff: cash,
    discountShare: cash / sale.price,
    tradeGain,
    profit,
    netRevenue,
    marginBefore: fullProfit / sale.price,
    marginAfter: netRevenue > 0 ? profit / netRevenue : null,
    withinAuthority: authority.within,
    authorityReasons: authority.reasons,
  };
}

/** Where the customer's mood and knowledge stand, as far as valuing an offer goes. */
export interface CustomerView {
  goodwill: number;
  needRevealed: boolean;
  walkAwayShift: number;
}

export interface CustomerVerdict {
  /** Sum of their valuations of the items. */
  value: number;
  /** The need boost, when the offer meets a need they have told you about. */
  needBoost: number;
  /** Pounds their mood adds (or takes off) compared with how they arrived. */
  moodValue: number;
  /** What the trade ask costs them. */
  tradeCost: number;
  total: number;
  /** The walk-away point as it stands now. */
  walkAway: number;
  acceptable: boolean;
}

/** Small slack so an offer worth exactly the walk-away point is accepted despite floating-point dust. */
const PENNY = 0.005;

/**
 * A concession that is cheap to give but valued (K3: low cost, high value): worth at least
 * LOW_COST_HIGH_VALUE_RATIO times its cost to the customer, counting the need boost once the need is known.
 */
export function lowCostHighValue(s: Scenario, item: OfferItem, needKnown: boolean): boolean {
  const c = concessionOf(s, item.id);
  if (c.type === 'discount' || c.type === 'price-match') return false;
  const value = (s.customer.values[c.id] ?? 0) + (needKnown && s.customer.need.metBy.includes(c.id) ? s.customer.need.boost : 0);
  return value > 0 && value >= LOW_COST_HIGH_VALUE_RATIO * concessionCost(toConcession(s, item), basketSale(s));
}

export function meetsNeed(s: Scenario, items: readonly OfferItem[]): boolean {
  return items.some((i) => s.customer.need.metBy.includes(i.id));
}

/** Whether the customer says yes: the offer's value to them, plus the need boost and their mood, reaches their walk-away point. */
export function customerVerdict(s: Scenario, view: CustomerView, items: readonly OfferItem[], tradeAskId: string | null = null): CustomerVerdict {
  const ask = tradeAskOf(s, tradeAskId);
  const value = valueToCustomer(s, items);
  const needBoost = view.needRevealed && meetsNeed(s, items) ? s.customer.need.boost : 0;
  const moodValue = (view.goodwill - s.customer.goodwill) * s.customer.goodwillWorth;
  const tradeCost = ask?.customerCost ?? 0;
  const total = value + needBoost + moodValue - tradeCost;
  const walkAway = s.customer.walkAway + view.walkAwayShift;
  return { value, needBoost, moodValue, tradeCost, total, walkAway, acceptable: (ask?.willing ?? true) && total + PENNY >= walkAway };
}
