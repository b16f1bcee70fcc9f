/**
 * Spend over time around the term, for the chart and its table: each group's spend per customer in
 * buckets of days counted from the term (each treated customer from their own term's day, the comparison
 * group from the median term date). Counting from the term lines every customer up on one axis, so the
 * term sits at 0 however many different days terms were given on.
 */
import { dayOf } from './effect-days';

export interface SeriesBucket {
  /** First and last day of the bucket, counted from the term (negative before it). */
  from: number;
  to: number;
  treated: number;
  comparison: number;
}

export interface GroupSpend {
  /** Each customer's term day (ISO) and their sales. */
  customers: readonly { termDate: string; sales: readonly { date: string; amount: number }[] }[];
}

/** Weekly buckets for windows up to twelve weeks in all, otherwise about twelve buckets. */
export function bucketDays(beforeDays: number, afterDays: number): number {
  const total = beforeDays + afterDays;
  return total <= 84 ? 7 : Math.ceil(total / 12);
}

/** Bucket edges: before the term counting back from day −1, after it counting on from day +1; the term's day is in neither. */
export function bucketEdges(beforeDays: number, afterDays: number): { from: number; to: number }[] {
  const size = bucketDays(beforeDays, afterDays);
  const before: { from: number; to: number }[] = [];
  for (let to = -1; to >= -beforeDays; to -= size) before.unshift({ from: Math.max(-beforeDays, to - size + 1), to });
  const after: { from: number; to: number }[] = [];
  for (let from = 1; from <= afterDays; from += size) after.push({ from, to: Math.min(afterDays, from + size - 1) });
  return [...before, ...after];
}

/** Each bucket's total spend divided by the number of customers in the group. */
export function spendSeries(treated: GroupSpend, comparison: GroupSpend, beforeDays: number, afterDays: number): SeriesBucket[] {
  const edges = bucketEdges(beforeDays, afterDays);
  const perCustomer = (group: GroupSpend): number[] => {
    const totals = edges.map(() => 0);
    for (const c of group.customers) {
      const term = dayOf(c.termDate);
      for (const s of c.sales) {
        const offset = dayOf(s.date) - term;
        const i = edges.findIndex((e) => offset >= e.from && offset <= e.to);
        if (i >= 0) totals[i]! += s.amount;
      }
    }
    const n = group.customers.length;
    return totals.map((t) => (n > 0 ? t / n : 0));
  };
  const t = perCustomer(treated);
  const c = perCustomer(comparison);
  return edges.map((e, i) => ({ ...e, treated: t[i]!, comparison: c[i]! }));
}
