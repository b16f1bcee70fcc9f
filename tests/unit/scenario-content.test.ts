import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { customerVerdict, quoteOffer } from '../../src/lib/domain/scenario/economics';
import { brandImages, profiles, tacticIds } from '../../src/lib/domain/scenario/ids';
import { parseScenario, type Scenario } from '../../src/lib/domain/scenario/schema';
import type { OfferItem } from '../../src/lib/domain/scenario/schema-parts';

const dir = join(import.meta.dirname, '../../content/scenarios');
const files = readdirSync(dir).filter((f) => f.endsWith('.yaml')).sort();
const scenarios = files.map((f) => parseScenario(parse(readFileSync(join(dir, f), 'utf8')), f));

/** Every offer the scenario's concessions allow: each subset of the fixed ones, with each discount at every step (or none). */
function allOffers(s: Scenario): OfferItem[][] {
  let offers: OfferItem[][] = [[]];
  for (const c of s.concessions) {
    const choices: (OfferItem | null)[] =
      c.type === 'discount' ? [null, ...Array.from({ length: Math.round(c.maxFraction / c.step) }, (_, i) => ({ id: c.id, fraction: Number(((i + 1) * c.step).toFixed(6)) }))] : [null, { id: c.id }];
    offers = offers.flatMap((o) => choices.map((choice) => (choice ? [...o, choice] : o)));
  }
  return offers;
}

/** The customer as they arrive, having told you their need (the most an offer can be worth without changing their mood). */
const arrived = (s: Scenario, needRevealed: boolean) => ({ goodwill: s.customer.goodwill, needRevealed, walkAwayShift: 0 });
const accepts = (s: Scenario, items: OfferItem[], needRevealed = true) => customerVerdict(s, arrived(s, needRevealed), items).acceptable;

describe('the shipped scenarios', () => {
  it('there are at least eight, each named after its id', () => {
    expect(files.length).toBeGreaterThanOrEqual(8);
    expect(scenarios.map((s) => `${s.id}.yaml`)).toEqual(files);
  });

  it('together use all eleven tactics, all three brand images and all five customer profiles', () => {
    expect(new Set(scenarios.flatMap((s) => s.tactics))).toEqual(new Set(tacticIds));
    expect(new Set(scenarios.map((s) => s.shop.brandImage))).toEqual(new Set(brandImages));
    expect(new Set(scenarios.map((s) => s.customer.profile))).toEqual(new Set(profiles));
  });

  it('together evidence P2, P3, P4, K2, K3 and K4', () => {
    const covered = new Set(scenarios.flatMap((s) => s.criteria));
    for (const c of ['P2', 'P3', 'P4', 'K2', 'K3', 'K4'] as const) expect(covered.has(c), c).toBe(true);
  });

  it('include at least two positive declines, two referrals and one competitor claim worth checking', () => {
    expect(scenarios.filter((s) => s.bestRoute === 'decline').length).toBeGreaterThanOrEqual(2);
    expect(scenarios.filter((s) => s.bestRoute === 'refer').length).toBeGreaterThanOrEqual(2);
    const checkable = scenarios.filter((s) => s.competitor?.verifiable && s.competitor.actualPrice !== undefined && s.competitor.actualPrice !== s.competitor.claimedPrice);
    expect(checkable.length).toBeGreaterThanOrEqual(1);
    for (const s of checkable) expect(s.criteria).toContain('K1');
  });

  it('come from shops of at least six different kinds', () => {
    expect(new Set(scenarios.map((s) => s.shop.kind)).size).toBeGreaterThanOrEqual(6);
  });

  describe.each(scenarios.map((s) => [s.id, s] as const))('%s', (_id, s) => {
    const offers = allOffers(s);

    it('cannot be won by offering nothing', () => {
      expect(accepts(s, [])).toBe(false);
    });

    it('can be won by some mix of its concessions', () => {
      expect(offers.some((o) => accepts(s, o))).toBe(true);
    });

    it('routes the right way: a deal inside authority only where a deal is the best route', () => {
      const insideWins = offers.filter((o) => quoteOffer(s, o).withinAuthority && accepts(s, o));
      if (s.bestRoute === 'deal') expect(insideWins.length).toBeGreaterThan(0);
      else expect(insideWins).toEqual([]);
    });

    it('rewards the need: where a deal is best, the cheapest winning offer meets it once it is known', () => {
      if (s.bestRoute !== 'deal') return;
      const winning = offers.filter((o) => quoteOffer(s, o).withinAuthority && accepts(s, o));
      const cheapest = winning.reduce((a, b) => (quoteOffer(s, b).cost < quoteOffer(s, a).cost ? b : a));
      expect(cheapest.some((i) => s.customer.need.metBy.includes(i.id))).toBe(true);
    });

    it('is not won by the biggest discount alone inside authority (the best route is not the most generous)', () => {
      const discount = s.concessions.find((c) => c.type === 'discount');
      if (!discount) return;
      const steps = Math.floor(s.authority.maxDiscount / discount.step + 1e-9);
      const biggest: OfferItem[] = steps > 0 ? [{ id: discount.id, fraction: Number((steps * discount.step).toFixed(6)) }] : [];
      expect(accepts(s, biggest)).toBe(false);
    });

    it('has a manager who can close the deal when referral is the best route', () => {
      if (s.bestRoute !== 'refer') return;
      expect(s.referral.managerOffer).toBeDefined();
      expect(accepts(s, s.referral.managerOffer ?? [])).toBe(true);
      expect(quoteOffer(s, s.referral.managerOffer ?? []).withinAuthority).toBe(false);
    });

    it('offers a workable alternative that meets the need when a decline is the best route', () => {
      if (s.bestRoute !== 'decline') return;
      expect(s.alternatives.some((a) => a.workable && a.meetsNeed)).toBe(true);
    });

    it('has at least one tactic beat answer that gives ground over the limit or raises expectations', () => {
      const giving = s.beats.flatMap((b) => b.options).filter((o) => o.recognises === 'poorly' && (o.adds.length > 0 || o.walkAwayShift > 0));
      expect(giving.length).toBeGreaterThan(0);
    });
  });
});
