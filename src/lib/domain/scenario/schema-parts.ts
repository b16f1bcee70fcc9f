/**
 * The pieces of the scenario format that describe the shop and what it can offer (the people and the
 * conversation are in schema-conversation.ts). Every field carries a doc comment because these comments are the
 * format's documentation for content authors (content/AUTHORING.md points here). Money is in pounds;
 * fractions are written 0.05 for 5 %. Goodwill is the customer's mood on a 0–100 scale.
 */
import { z } from 'zod';
import { brandImages, concessionTypes, techniqueIds } from './ids';

const KEBAB = /^[a-z0-9]+(-[a-z0-9]+)*$/;
export const kebabId = z.string({ message: 'an id is required' }).regex(KEBAB, 'ids are lowercase-kebab, such as "free-delivery"');
export const text = (min: number, what: string) => z.string({ message: `${what} is required` }).trim().min(min, `${what} needs at least ${min} characters`);
export const pounds = (what: string) => z.number({ message: `${what} must be a number of pounds` }).min(0, `${what} cannot be negative`);
export const fraction = (what: string) => z.number({ message: `${what} must be a fraction such as 0.05` }).min(0, `${what} cannot be negative`).max(1, `${what} is at most 1 (write 0.05 for 5 %)`);
/** Goodwill moves are small steps on the 0–100 mood scale. */
export const goodwillEffect = z.number({ message: 'goodwill must be a number' }).int('goodwill changes are whole points').min(-40, 'a goodwill change is at least −40').max(40, 'a goodwill change is at most 40');
export const techniques = z.array(z.enum(techniqueIds, { message: `a technique is one of ${techniqueIds.join(', ')}` }));

/** One concession inside an offer, a nibble given away, or the manager's offer: which concession, and for a discount how much. */
export const offerItemSchema = z
  .object({
    /** The id of one of the scenario's `concessions`. */
    id: kebabId,
    /** For a discount only: the fraction of the list price taken off, e.g. 0.05 for 5 %. */
    fraction: z.number({ message: 'fraction must be a number such as 0.05' }).optional(),
  })
  .strict();
export type OfferItem = z.infer<typeof offerItemSchema>;

export const shopSchema = z.object({
  /** The shop's name as the learner sees it. */
  name: text(3, 'the shop name'),
  /** What sort of shop it is, in a few words: "garden centre", "builders' merchant trade counter". */
  kind: text(3, 'the kind of shop'),
  /** Where the brand sits: value (price-led), mid-market, or premium (service-led; discounting can cheapen it). */
  brandImage: z.enum(brandImages, { message: 'brandImage is value, mid-market or premium' }),
  /** The shop's policy on the matter at hand, in plain words, as a member of staff would be told it. */
  policy: text(20, 'the policy'),
});

export const competitorSchema = z.object({
  /** What the competitor is doing, as the learner hears about it. */
  description: text(15, 'the competitor description'),
  /** The price the customer says the competitor charges, per unit, if they name one. */
  claimedPrice: pounds('claimedPrice').optional(),
  /** Whether the learner could check the claim (a website, a phone call, a printed quote). */
  verifiable: z.boolean({ message: 'say whether the claim can be checked (true or false)' }),
  /** What checking would show: the competitor's real like-for-like price, when it differs from the claim. */
  actualPrice: pounds('actualPrice').optional(),
});

export const authoritySchema = z.object({
  /** Largest share of the list value the learner may take off the price (discounts and price matches together). */
  maxDiscount: z.number({ message: 'maxDiscount must be a fraction such as 0.05' }).min(0, 'maxDiscount cannot be negative').lt(1, 'maxDiscount must be below 1 (write 0.05 for 5 %)'),
  /** Largest total cost to the shop, in pounds, of everything given in one deal. Both limits apply at once. */
  maxValue: pounds('maxValue'),
  /** The concession types the learner may agree without a manager. */
  allowedConcessions: z.array(z.enum(concessionTypes, { message: `a concession type is one of ${concessionTypes.join(', ')}` })),
  /** The limit in the words the learner's manager used, e.g. "Up to 5 % or £25, delivery included; anything more, fetch me." */
  text: text(15, 'the authority text'),
});

export const productSchema = z.object({
  /** Used by price matches and extended returns to say which product they apply to. */
  id: kebabId,
  /** What the product is called on the ticket. */
  name: text(3, 'the product name'),
  /** List price of one unit, in pounds. */
  price: z.number({ message: 'price must be a number of pounds' }).positive('price must be above 0'),
  /** What one unit cost the shop, in pounds. */
  unitCost: pounds('unitCost'),
  /** How many the customer is buying. */
  quantity: z.number({ message: 'quantity must be a number' }).int('quantity is a whole number').positive('quantity is at least 1'),
});

const concessionBase = {
  /** Referred to by offers, the customer's values and the need; lowercase-kebab. */
  id: kebabId,
  /** How the learner's offer names it, written to follow "I can offer …": "free delivery and set-up on Saturday". */
  label: text(3, 'the concession label'),
};

/** The concessions the learner may build offers from, with what each costs the shop (special-terms.ts does the costing). */
export const scenarioConcessionSchema = z.discriminatedUnion(
  'type',
  [
    z.object({
      ...concessionBase,
      /** A percentage off the whole sale; the learner chooses how much. */
      type: z.literal('discount'),
      /** The most the learner can type in; above the authority limit is allowed here so that breaching it is possible. */
      maxFraction: z.number({ message: 'maxFraction must be a fraction such as 0.2' }).positive('maxFraction must be above 0').lt(1, 'maxFraction must be below 1'),
      /** The steps the learner chooses in, 0.01 (whole percents) unless said otherwise. */
      step: z.number().positive('step must be above 0').default(0.01),
    }),
    z.object({
      ...concessionBase,
      /** Sell one product at a competitor's lower price. */
      type: z.literal('price-match'),
      /** The product being matched. */
      product: kebabId,
      /** The price per unit the shop would match. */
      matchedPrice: z.number({ message: 'matchedPrice must be a number of pounds' }).positive('matchedPrice must be above 0'),
    }),
    z.object({
      ...concessionBase,
      /** Deliver free of charge. */
      type: z.literal('free-delivery'),
      /** What the delivery costs the shop (van, driver, fitting time). */
      deliveryCost: pounds('deliveryCost'),
    }),
    z.object({
      ...concessionBase,
      /** Add an item or service free; the shop loses what it paid for it, not its shelf price. */
      type: z.literal('bundle-item'),
      /** What one of the free items costs the shop. */
      unitCost: pounds('unitCost'),
      /** How many are given. */
      quantity: z.number().int('quantity is a whole number').positive('quantity is at least 1').default(1),
      /** Its shelf price, shown to the learner for comparison; never used as its cost. */
      retailPrice: pounds('retailPrice').optional(),
    }),
    z.object({
      ...concessionBase,
      /** A longer returns window on one product. */
      type: z.literal('extended-returns'),
      /** The product it covers. */
      product: kebabId,
      /** How much more likely each unit is to come back under the longer window. */
      extraReturnRate: fraction('extraReturnRate'),
      /** What a returned unit is still worth to the shop (at most its unit cost). */
      recoveryValue: pounds('recoveryValue'),
    }),
    z.object({
      ...concessionBase,
      /** Let the customer pay later (credit on the list value). */
      type: z.literal('payment-terms'),
      /** Days of credit. */
      days: z.number().int('days is a whole number').positive('days must be above 0'),
      /** The shop's yearly cost of money, e.g. 0.08. */
      annualRate: fraction('annualRate'),
      /** Share of the amount expected never to be paid. */
      badDebtRate: fraction('badDebtRate').optional(),
    }),
    z.object({
      ...concessionBase,
      /** Points or a voucher for next time. */
      type: z.literal('loyalty-reward'),
      /** What the reward is worth at the till, in pounds. */
      rewardValue: pounds('rewardValue'),
      /** Share of rewards actually spent. */
      redemptionRate: fraction('redemptionRate'),
      /** Cost ÷ shelf price of what rewards are spent on; the sale's own ratio if left out. */
      costRatio: z.number().min(0, 'costRatio cannot be negative').optional(),
    }),
  ],
  { message: `a concession type is one of ${concessionTypes.join(', ')}` },
);
export type ScenarioConcession = z.infer<typeof scenarioConcessionSchema>;

