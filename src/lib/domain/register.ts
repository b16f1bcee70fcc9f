/**
 * The special-terms register (P7, K6): turning a logged term's form fields into the economics module's
 * concessions, refusing a term that cannot be right (a sale that does not add up, a date to come), and
 * how quickly terms reach the manager. Pure: the caller passes `now`. The cost is always computed here
 * from the concessions, never typed by a person, so the register's figures cannot drift from the model.
 */
import { concessionLabels, concessionTypes, formatPercent, formatPounds, offerCost, type Concession, type ConcessionType, type Sale } from './special-terms';

export interface ConcessionField {
  /** The form field is named `${type}.${name}`. */
  name: string;
  label: string;
  unit: '£' | '%' | 'days' | 'units';
  /** A blank optional field takes this value. */
  fallback?: number;
  hint?: string;
}

/** What a person enters for each kind of concession; percentages are entered as percent (10 means 10 %). */
export const concessionFields: Readonly<Record<ConcessionType, readonly ConcessionField[]>> = {
  discount: [{ name: 'percent', label: 'Discount off the list price', unit: '%' }],
  'price-match': [{ name: 'matchedPrice', label: 'Price matched, per unit', unit: '£', hint: 'the competitor’s price the customer paid' }],
  'free-delivery': [{ name: 'deliveryCost', label: 'What the delivery costs the shop', unit: '£' }],
  'bundle-item': [
    { name: 'unitCost', label: 'Unit cost of the free item', unit: '£', hint: 'what the shop paid for it, not its shelf price' },
    { name: 'quantity', label: 'How many free items', unit: 'units', fallback: 1 },
  ],
  'extended-returns': [
    { name: 'extraReturnRate', label: 'Extra chance of a return', unit: '%' },
    { name: 'recoveryValue', label: 'Worth of a returned unit back in stock', unit: '£' },
  ],
  'payment-terms': [
    { name: 'days', label: 'Days to pay', unit: 'days' },
    { name: 'annualRate', label: 'Annual cost of money', unit: '%', fallback: 8 },
    { name: 'badDebtRate', label: 'Expected bad debt', unit: '%', fallback: 0 },
  ],
  'loyalty-reward': [
    { name: 'rewardValue', label: 'Reward value to the customer', unit: '£' },
    { name: 'redemptionRate', label: 'Share expected to be spent', unit: '%', fallback: 100 },
  ],
};

export const includeField = (type: ConcessionType) => `include.${type}`;
export const concessionField = (type: ConcessionType, name: string) => `${type}.${name}`;

type Errors = Record<string, string>;

/** Builds the concessions a person ticked from the posted fields, with a message per bad field. */
export function buildConcessions(values: Readonly<Record<string, string>>): { ok: true; concessions: Concession[] } | { ok: false; errors: Errors } {
  const errors: Errors = {};
  const concessions: Concession[] = [];
  for (const type of concessionTypes) {
    if (!values[includeField(type)]) continue;
    const n: Record<string, number> = {};
    for (const field of concessionFields[type]) {
      const key = concessionField(type, field.name);
      const raw = (values[key] ?? '').trim().replace(/^£/, '');
      if (raw === '' && field.fallback !== undefined) n[field.name] = field.fallback;
      else if (!/^\d+(\.\d+)?$/.test(raw)) errors[key] = `${field.label} (${concessionLabels[type]}): enter a number of ${unitWords[field.unit]}, 0 or more.`;
      else if (field.unit === '%' && Number(raw) > 100) errors[key] = `${field.label} (${concessionLabels[type]}): a percentage cannot be over 100.`;
      else n[field.name] = Number(raw);
    }
    if (Object.keys(errors).some((k) => k.startsWith(`${type}.`))) continue;
    concessions.push(toConcession(type, n));
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  if (concessions.length === 0) return { ok: false, errors: { concessions: 'Tick at least one concession that was given.' } };
  return { ok: true, concessions };
}

const unitWords = { '£': 'pounds', '%': 'percent', days: 'days', units: 'items' } as const;

function toConcession(type: ConcessionType, n: Record<string, number>): Concession {
  const v = (name: string) => n[name] ?? 0;
  switch (type) {
    case 'discount':
      return { type, fraction: v('percent') / 100 };
    case 'price-match':
      return { type, matchedPrice: v('matchedPrice') };
    case 'free-delivery':
      return { type, deliveryCost: v('deliveryCost') };
    case 'bundle-item':
      return { type, unitCost: v('unitCost'), quantity: v('quantity') };
    case 'extended-returns':
      return { type, extraReturnRate: v('extraReturnRate') / 100, recoveryValue: v('recoveryValue') };
    case 'payment-terms':
      return { type, days: v('days'), annualRate: v('annualRate') / 100, badDebtRate: v('badDebtRate') / 100 };
    case 'loyalty-reward':
      return { type, rewardValue: v('rewardValue'), redemptionRate: v('redemptionRate') / 100 };
    default: {
      const unknown: never = type;
      throw new Error(`unknown concession ${String(unknown)}`);
    }
  }
}

/**
 * Refuses a term that cannot be right, with the field each reason belongs to: a sale that does not add
 * up (no price, no quantity, concessions worth more than the sale), or a term agreed in the future.
 * Otherwise gives its cost to the business.
 */
export function checkRegisterTerm(input: { concessions: readonly Concession[]; sale: Sale; agreedAt: Date; now: Date }): { ok: true; cost: number } | { ok: false; errors: Errors } {
  const { sale } = input;
  const errors: Errors = {};
  if (!(sale.price > 0)) errors.price = 'The price must be more than £0: a term is attached to a real sale.';
  if (!(sale.unitCost >= 0)) errors.unitCost = 'The unit cost cannot be negative.';
  if (!(sale.quantity > 0) || !Number.isInteger(sale.quantity)) errors.quantity = 'The quantity must be a whole number, 1 or more.';
  if (input.agreedAt.getTime() > input.now.getTime()) errors.agreedAt = 'That date and time is in the future; log a term once it has been agreed.';
  if (input.concessions.length === 0) errors.concessions = 'Tick at least one concession that was given.';
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  let cost: number;
  try {
    cost = offerCost(input.concessions, sale);
  } catch (e) {
    // The economics module names the field and the reason (for example a price match above the price).
    return { ok: false, errors: { concessions: `The concessions do not add up: ${(e as Error).message}.` } };
  }
  const value = sale.price * sale.quantity;
  if (cost > value) return { ok: false, errors: { concessions: `The concessions would cost the shop ${formatPounds(cost)}, more than the whole sale is worth (${formatPounds(value)}). Check the figures.` } };
  return { ok: true, cost };
}

/** One concession in plain words, for the register and its export. */
export function describeConcession(c: Concession): string {
  switch (c.type) {
    case 'discount':
      return `${formatPercent(c.fraction)} discount`;
    case 'price-match':
      return `price matched to ${formatPounds(c.matchedPrice)} a unit`;
    case 'free-delivery':
      return `free delivery (costing the shop ${formatPounds(c.deliveryCost)})`;
    case 'bundle-item':
      return `${c.quantity} free item${c.quantity === 1 ? '' : 's'} (unit cost ${formatPounds(c.unitCost)})`;
    case 'extended-returns':
      return `extended returns (${formatPercent(c.extraReturnRate)} more returns expected)`;
    case 'payment-terms':
      return `${c.days} days to pay`;
    case 'loyalty-reward':
      return `loyalty reward worth ${formatPounds(c.rewardValue)}`;
    default: {
      const unknown: never = c;
      return String((unknown as { type: unknown }).type);
    }
  }
}

/** The fields to refill a form from stored concessions (used to prefill a practice entry). */
export function concessionFormValues(concessions: readonly Concession[]): Record<string, string> {
  const out: Record<string, string> = {};
  const put = (type: ConcessionType, name: string, value: number) => (out[concessionField(type, name)] = String(Number(value.toFixed(4))));
  for (const c of concessions) {
    out[includeField(c.type)] = 'on';
    switch (c.type) {
      case 'discount':
        put(c.type, 'percent', c.fraction * 100);
        break;
      case 'price-match':
        put(c.type, 'matchedPrice', c.matchedPrice);
        break;
      case 'free-delivery':
        put(c.type, 'deliveryCost', c.deliveryCost);
        break;
      case 'bundle-item':
        put(c.type, 'unitCost', c.unitCost);
        put(c.type, 'quantity', c.quantity);
        break;
      case 'extended-returns':
        put(c.type, 'extraReturnRate', c.extraReturnRate * 100);
        put(c.type, 'recoveryValue', c.recoveryValue);
        break;
      case 'payment-terms':
        put(c.type, 'days', c.days);
        put(c.type, 'annualRate', c.annualRate * 100);
        put(c.type, 'badDebtRate', (c.badDebtRate ?? 0) * 100);
        break;
      case 'loyalty-reward':
        put(c.type, 'rewardValue', c.rewardValue);
        put(c.type, 'redemptionRate', c.redemptionRate * 100);
        break;
    }
  }
  return out;
}
