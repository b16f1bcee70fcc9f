/**
 * The special-terms calculator's model: string fields in (from a form or the URL), a field-by-field
 * check, and every figure the page shows. Shared by the server render and the island, so both agree.
 */
import { relationshipValue, type RelationshipValue } from './relationship-value';
import { discountEffect, offerCost, offerDiscount, profitCurve, type Concession, type Sale } from './special-terms';

export type FieldName = 'price' | 'cost' | 'qty' | 'discount' | 'match' | 'delivery' | 'bundle' | 'creditDays' | 'creditRate' | 'badDebt' | 'acceptWith' | 'acceptWithout' | 'repeatWith' | 'repeatWithout' | 'future' | 'precedent';

export interface CalculatorField {
  name: FieldName;
  label: string;
  unit: '£' | '%' | 'days' | 'units';
  group: 'sale' | 'term' | 'relationship';
  /** Blank means "not part of the offer" for term fields; sale fields are required. */
  optional: boolean;
  hint?: string;
  default: string;
}

export const calculatorFields: readonly CalculatorField[] = [
  { name: 'price', label: 'List price per unit', unit: '£', group: 'sale', optional: false, default: '200' },
  { name: 'cost', label: 'Unit cost to the shop', unit: '£', group: 'sale', optional: false, default: '120' },
  { name: 'qty', label: 'Quantity', unit: 'units', group: 'sale', optional: false, default: '1' },
  { name: 'discount', label: 'Discount', unit: '%', group: 'term', optional: true, default: '10' },
  { name: 'match', label: 'Price match to', unit: '£', group: 'term', optional: true, hint: 'the competitor’s price per unit', default: '' },
  { name: 'delivery', label: 'Free delivery, costing the shop', unit: '£', group: 'term', optional: true, default: '' },
  { name: 'bundle', label: 'Free item, its unit cost', unit: '£', group: 'term', optional: true, hint: 'what the shop paid for it, not its shelf price', default: '' },
  { name: 'creditDays', label: 'Payment terms', unit: 'days', group: 'term', optional: true, hint: 'at the annual cost of money below', default: '' },
  { name: 'creditRate', label: 'Annual cost of money', unit: '%', group: 'term', optional: true, default: '8' },
  { name: 'badDebt', label: 'Expected bad debt', unit: '%', group: 'term', optional: true, default: '0' },
  { name: 'acceptWith', label: 'Chance they buy with the term', unit: '%', group: 'relationship', optional: false, default: '90' },
  { name: 'acceptWithout', label: 'Chance they buy without it', unit: '%', group: 'relationship', optional: false, default: '60' },
  { name: 'repeatWith', label: 'Chance they come back, with the term', unit: '%', group: 'relationship', optional: false, default: '50' },
  { name: 'repeatWithout', label: 'Chance they come back, without it', unit: '%', group: 'relationship', optional: false, default: '40' },
  { name: 'future', label: 'Profit from their future business', unit: '£', group: 'relationship', optional: false, default: '150' },
  { name: 'precedent', label: 'Precedent: what they will expect again', unit: '£', group: 'relationship', optional: false, hint: 'taken off future profit when the term is given', default: '10' },
];

export type CalculatorValues = Record<string, string>;

export function defaultValues(): CalculatorValues {
  return Object.fromEntries(calculatorFields.map((f) => [f.name, f.default]));
}

export interface CalculatorSide {
  profitNow: number;
  margin: number;
  expectedValue: number;
}

export interface CalculatorResult {
  without: CalculatorSide;
  with: CalculatorSide;
  termCost: number;
  /** Extra volume needed to earn the same gross profit after the price cut; null when none can. */
  volumeUpliftNeeded: number | null;
  relationship: RelationshipValue;
  curve: ReturnType<typeof profitCurve>;
  priceCut: number;
}

export type CalculatorOutcome = { ok: true; result: CalculatorResult } | { ok: false; errors: Record<string, string> };

function parse(values: CalculatorValues, errors: Record<string, string>): Record<FieldName, number | null> {
  const out = {} as Record<FieldName, number | null>;
  for (const f of calculatorFields) {
    const raw = (values[f.name] ?? '').trim().replace(/[£,%\s]/g, '');
    if (raw === '') {
      if (!f.optional) errors[f.name] = `Enter the ${f.label.toLowerCase()}.`;
      out[f.name] = null;
      continue;
    }
    const n = Number(raw);
    if (!Number.isFinite(n)) errors[f.name] = 'Enter a number.';
    else if (n < 0) errors[f.name] = 'This cannot be negative.';
    else if (f.unit === '%' && n > 100) errors[f.name] = 'A percentage is at most 100.';
    out[f.name] = Number.isFinite(n) ? n : null;
  }
  return out;
}

const pct = (n: number | null) => (n ?? 0) / 100;

export function calculate(values: CalculatorValues): CalculatorOutcome {
  const errors: Record<string, string> = {};
  const v = parse(values, errors);
  if (v.price !== null && v.price <= 0 && !errors.price) errors.price = 'The price must be more than £0.';
  if (v.qty !== null && (v.qty <= 0 || !Number.isInteger(v.qty)) && !errors.qty) errors.qty = 'Enter a whole number of units, at least 1.';
  if (v.discount !== null && v.discount >= 100 && !errors.discount) errors.discount = 'A discount must be under 100 %.';
  if (v.match !== null && v.price !== null && v.match > v.price && !errors.match) errors.match = 'Matching a higher price is not a concession.';
  if (v.match !== null && v.match <= 0 && !errors.match) errors.match = 'A matched price must be more than £0.';
  if (Object.keys(errors).length) return { ok: false, errors };

  const sale: Sale = { price: v.price!, unitCost: v.cost!, quantity: v.qty! };
  const concessions: Concession[] = [];
  if (v.discount) concessions.push({ type: 'discount', fraction: pct(v.discount) });
  if (v.match !== null) concessions.push({ type: 'price-match', matchedPrice: v.match });
  if (v.delivery) concessions.push({ type: 'free-delivery', deliveryCost: v.delivery });
  if (v.bundle) concessions.push({ type: 'bundle-item', unitCost: v.bundle, quantity: 1 });
  if (v.creditDays) concessions.push({ type: 'payment-terms', days: v.creditDays, annualRate: pct(v.creditRate), badDebtRate: pct(v.badDebt) });

  const termCost = offerCost(concessions, sale);
  const priceCut = Math.min(offerDiscount(concessions, sale), 0.999);
  const revenue = sale.price * sale.quantity;
  const baseProfit = (sale.price - sale.unitCost) * sale.quantity;
  const relationship = relationshipValue({
    sale,
    concessions,
    acceptWith: pct(v.acceptWith),
    acceptWithout: pct(v.acceptWithout),
    repeatWith: pct(v.repeatWith),
    repeatWithout: pct(v.repeatWithout),
    futureProfit: v.future!,
    precedentCost: v.precedent!,
  });
  const uplift = discountEffect({ price: sale.price, unitCost: sale.unitCost, discount: priceCut }).volumeUpliftNeeded;
  const revenueWith = revenue * (1 - priceCut);
  return {
    ok: true,
    result: {
      without: { profitNow: baseProfit, margin: baseProfit / revenue, expectedValue: relationship.withoutTerm.expectedValue },
      with: { profitNow: baseProfit - termCost, margin: (baseProfit - termCost) / revenueWith, expectedValue: relationship.withTerm.expectedValue },
      termCost,
      volumeUpliftNeeded: priceCut > 0 ? uplift : 0,
      relationship,
      curve: profitCurve({ ...sale, maxDiscount: 0.6 }, 30),
      priceCut,
    },
  };
}

/** Only the fields that differ from their defaults go in a shareable link. */
export function toQuery(values: CalculatorValues): string {
  const params = new URLSearchParams();
  for (const f of calculatorFields) {
    const value = values[f.name] ?? '';
    if (value !== f.default) params.set(f.name, value);
  }
  return params.toString();
}

export function fromQuery(search: URLSearchParams): CalculatorValues {
  const values = defaultValues();
  for (const f of calculatorFields) {
    const given = search.get(f.name);
    if (given !== null) values[f.name] = given.slice(0, 20);
  }
  return values;
}
