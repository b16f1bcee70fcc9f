/**
 * Negotiating authority (P5, P6, K5; DOMAIN §5): what each level lets a member of staff agree without a
 * manager, which criteria they must have met to hold it, and whether a given deal stays inside it.
 *
 * Reading of "up to 10 % or £150": both caps apply at once. The price given away (discounts and price matches,
 * as a share of the sale's list value) may not exceed maxDiscount, AND the total cost to the business of all
 * the deal's concessions (the discount included) may not exceed maxValue. So a 10 % discount on a £2,000 sale
 * (£200) is outside a "10 % or £150" level: the percentage protects margin on small sales, the pound cap on big ones.
 */
import { z } from 'zod';
import { criteriaMask, criterionIds, type CriterionId } from './criteria';
import { concessionLabels, concessionTypes, formatPercent, formatPounds, offerCost, offerDiscount, type Concession, type ConcessionType, type Sale } from './special-terms';

export interface AuthorityLevel {
  id: string;
  name: string;
  /** Higher ranks allow more; 0 is no authority. */
  rank: number;
  /** Largest share of the list value that may be given off the price (0.1 = 10 %). */
  maxDiscount: number;
  /** Largest total cost to the business, in pounds, of the concessions in one deal. */
  maxValue: number;
  allowedConcessions: readonly ConcessionType[];
  /** Criteria the holder must have met (P5: authority follows proven ability). */
  requiredCriteria: readonly CriterionId[];
}

/**
 * The default ladder. Criteria build up: level 1 needs the negotiating basics (K3 techniques, K4 spotting
 * tactics) and to have confirmed their limits (P6); level 2 adds deciding when terms pay (P2, K2), negotiating
 * and declining well (P3, P4); level 3, which offers credit and is where junior staff refer, adds recording and
 * reporting (P7, K6) and knowing how authority is set (P5, K5).
 */
const LEVEL_1_CRITERIA = ['K3', 'K4', 'P6'] as const satisfies readonly CriterionId[];
const LEVEL_2_CRITERIA = [...LEVEL_1_CRITERIA, 'P2', 'P3', 'P4', 'K2'] as const satisfies readonly CriterionId[];
const LEVEL_2_CONCESSIONS = ['discount', 'free-delivery', 'bundle-item', 'price-match', 'extended-returns', 'loyalty-reward'] as const satisfies readonly ConcessionType[];

export const defaultAuthorityLevels: readonly AuthorityLevel[] = [
  { id: 'none', name: 'No authority', rank: 0, maxDiscount: 0, maxValue: 0, allowedConcessions: [], requiredCriteria: [] },
  { id: 'basic', name: 'Up to 5 % or £25', rank: 1, maxDiscount: 0.05, maxValue: 25, allowedConcessions: ['discount', 'free-delivery'], requiredCriteria: LEVEL_1_CRITERIA },
  { id: 'standard', name: 'Up to 10 % or £150', rank: 2, maxDiscount: 0.1, maxValue: 150, allowedConcessions: LEVEL_2_CONCESSIONS, requiredCriteria: LEVEL_2_CRITERIA },
  {
    id: 'senior',
    name: 'Up to 20 % or £500, with payment terms',
    rank: 3,
    maxDiscount: 0.2,
    maxValue: 500,
    allowedConcessions: [...LEVEL_2_CONCESSIONS, 'payment-terms'],
    requiredCriteria: [...LEVEL_2_CRITERIA, 'P7', 'K6', 'P5', 'K5'],
  },
];

/** Whether someone who has met `metCriteria` may hold this level, and what they still need, in the level's order. */
export function qualification(level: AuthorityLevel, metCriteria: Iterable<CriterionId>): { qualifies: boolean; missing: CriterionId[] } {
  // A whole shop's staff are checked against every level on each visit: a set the caller already has is used as it is.
  const met = metCriteria instanceof Set ? (metCriteria as ReadonlySet<CriterionId>) : new Set(metCriteria);
  const missing = level.requiredCriteria.filter((id) => !met.has(id));
  return { qualifies: missing.length === 0, missing };
}

/** The highest-ranked of these levels whose criteria are all met, or null when none is. */
export function highestQualifying(fits: readonly { level: AuthorityLevel; qualifies: boolean }[]): AuthorityLevel | null {
  let best: AuthorityLevel | null = null;
  for (const f of fits) if (f.qualifies && (!best || f.level.rank > best.rank)) best = f.level;
  return best;
}

/**
 * `highestQualifying` for many people against the same levels: the levels' required criteria are made
 * masks once, and each person, given as the mask of what they have met (criteriaMask), costs one AND per
 * level. Ties in rank go to the earlier level, as in `highestQualifying`.
 */
export function highestQualifyingByMask(levels: readonly AuthorityLevel[]): (metMask: number) => AuthorityLevel | null {
  const required = levels.map((level) => ({ level, mask: criteriaMask(level.requiredCriteria) }));
  return (metMask) => {
    let best: AuthorityLevel | null = null;
    for (const { level, mask } of required) if ((metMask & mask) === mask && (!best || level.rank > best.rank)) best = level;
    return best;
  };
}

/**
 * Whether someone qualifies for more than they hold: a level above the one they hold (`heldRank` null
 * when they hold nothing, or their authority was revoked) that is more than "no authority".
 */
export function readyForMore(readyFor: AuthorityLevel | null, heldRank: number | null): boolean {
  return readyFor !== null && readyFor.rank > 0 && readyFor.rank > (heldRank ?? -1);
}

// Limits are compared as they are shown — discounts to 0.01 %, money to the penny — so a deal printed as
// "exactly at the limit" is never flagged over it because of floating-point dust.
const basisPoints = (fraction: number) => Math.round(fraction * 10_000);
const pennies = (pounds: number) => Math.round(pounds * 100);

/**
 * Whether a deal is inside the person's authority, and in plain words each limit it crosses. A term referred to
 * and approved by a manager is within, but keeps its reasons so the register can show what was approved.
 */
export function checkTermAgainstAuthority(input: { level: AuthorityLevel | null; concessions: readonly Concession[]; sale: Sale; referred: boolean }): { within: boolean; reasons: string[] } {
  const { level, concessions, sale } = input;
  const reasons: string[] = [];
  if (concessions.length > 0) {
    if (level === null) {
      reasons.push('you have no negotiating authority, so any special term needs a manager’s approval');
    } else {
      const used = [...new Set(concessions.map((c) => c.type))];
      for (const type of used.filter((t) => !level.allowedConcessions.includes(t))) reasons.push(`${concessionLabels[type]} is not a concession your level allows`);
      const discount = offerDiscount(concessions, sale);
      if (basisPoints(discount) > basisPoints(level.maxDiscount)) reasons.push(`discount ${formatPercent(discount)} is over your ${formatPercent(level.maxDiscount)} limit`);
      const cost = offerCost(concessions, sale);
      if (pennies(cost) > pennies(level.maxValue)) reasons.push(`cost ${formatPounds(cost)} is over your ${formatPounds(level.maxValue, true)} limit`);
    }
  }
  return { within: input.referred || reasons.length === 0, reasons };
}

/** A plain-words statement of someone's limits for their "my authority" page (P6). */
export function describeAuthority(level: AuthorityLevel | null): string {
  const refer = 'For anything more, refer the customer to a manager before agreeing it.';
  if (level === null || level.allowedConcessions.length === 0) {
    return 'You cannot agree special terms yourself: refer every request for a discount, free extra or credit to a manager, kindly and without promising an answer.';
  }
  const allowed = level.allowedConcessions.map((t) => concessionLabels[t]);
  const list = allowed.length === 1 ? (allowed[0] ?? '') : `${allowed.slice(0, -1).join(', ')} and ${allowed[allowed.length - 1] ?? ''}`;
  const priceCut = level.allowedConcessions.some((t) => t === 'discount' || t === 'price-match')
    ? ` Price cuts (discounts and price matches together) may not come to more than ${formatPercent(level.maxDiscount)} of the sale’s full price.`
    : '';
  return `At “${level.name}” you may agree ${list}, as long as everything given in one deal costs the business no more than ${formatPounds(level.maxValue, true)}.${priceCut} ${refer}`;
}

// zod 4 numbers already refuse NaN and Infinity, with this message.
const money = (field: string) => z.number({ message: `${field} must be a number` });

export const authorityLevelSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'the id is lowercase-kebab, such as "senior"'),
    name: z.string().trim().min(3, 'give the level a name of at least 3 characters').max(80, 'keep the name under 80 characters'),
    rank: z.number({ message: 'rank must be a number' }).int('rank is a whole number').min(0, 'rank is 0 or more'),
    maxDiscount: money('the discount limit').min(0, 'the discount limit cannot be negative').lt(1, 'the discount limit must be below 100 % (write 0.1 for 10 %)'),
    maxValue: money('the value limit').min(0, 'the value limit cannot be negative'),
    allowedConcessions: z.array(z.enum(concessionTypes, { message: `each concession must be one of ${concessionTypes.join(', ')}` })),
    requiredCriteria: z.array(z.enum(criterionIds, { message: 'each criterion must be one of P1–P9 or K1–K8' })),
  })
  .superRefine((level, ctx) => {
    const twice = (list: readonly string[]) => list.filter((v, i) => list.indexOf(v) !== i);
    for (const t of twice(level.allowedConcessions)) ctx.addIssue({ code: 'custom', path: ['allowedConcessions'], message: `${t} is listed twice` });
    for (const c of twice(level.requiredCriteria)) ctx.addIssue({ code: 'custom', path: ['requiredCriteria'], message: `${c} is listed twice` });
    // A price-cut limit nobody can use is a sign the level was set up wrong.
    if (level.maxDiscount > 0 && !level.allowedConcessions.some((t) => t === 'discount' || t === 'price-match')) {
      ctx.addIssue({ code: 'custom', path: ['maxDiscount'], message: 'a discount limit above 0 needs discount or price match among the allowed concessions' });
    }
  });
export type AuthorityLevelInput = z.infer<typeof authorityLevelSchema>;
