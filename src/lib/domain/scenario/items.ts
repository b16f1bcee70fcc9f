/**
 * Checking the concessions named in an offer against what the scenario allows. Shared by the schema (for
 * authored offers: a conceded nibble, the manager's offer) and the engine (for learners' moves), so a
 * forged move and a content mistake are caught by the same rule.
 */
import type { OfferItem, ScenarioConcession } from './schema-parts';

/** Floating-point slack when checking a discount sits on its step (0.07 is not exactly 7 × 0.01). */
const STEP_SLACK = 1e-6;

export function itemProblem(concessions: readonly ScenarioConcession[], item: OfferItem): string | null {
  const c = concessions.find((x) => x.id === item.id);
  if (!c) return `"${item.id}" is not one of this scenario's concessions`;
  if (c.type !== 'discount') return item.fraction === undefined ? null : `"${item.id}" is not a discount, so it takes no fraction`;
  const f = item.fraction;
  if (f === undefined || !Number.isFinite(f)) return `the discount "${item.id}" needs a fraction such as 0.05`;
  if (f <= 0) return `the discount "${item.id}" must be above 0 (got ${f})`;
  if (f > c.maxFraction + STEP_SLACK) return `the discount "${item.id}" can be at most ${c.maxFraction} here (got ${f})`;
  const steps = f / c.step;
  if (Math.abs(steps - Math.round(steps)) > STEP_SLACK) return `the discount "${item.id}" goes in steps of ${c.step} (got ${f})`;
  return null;
}

/** The first problem with a whole list of items, or null; a concession may appear once in an offer. */
export function itemsProblem(concessions: readonly ScenarioConcession[], items: readonly OfferItem[]): string | null {
  const seen = new Set<string>();
  for (const item of items) {
    if (seen.has(item.id)) return `"${item.id}" appears twice in one offer`;
    seen.add(item.id);
    const problem = itemProblem(concessions, item);
    if (problem) return problem;
  }
  return null;
}
