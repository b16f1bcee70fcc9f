/**
 * Spend over time around the term, for the chart and its table: each group's spend per customer in
 * buckets of days counted from the term (each treated customer from their own term's day, the comparison
 * group from the median term date). Counting from the term lines every customer up on one axis, so the
 * term sits at 0 however many different days terms were given on.
 *
 * The input is already summed by day: a shop's sales rows run to a million, and the chart needs a total per
 * day of the windows, which the database adds up far faster than a loop over every row here.
 */

export interface SeriesBucket {
  /** First and last day of the bucket, counted from the term (negative before it). */
  from: number;
  to: number;
  treated: number;
  comparison: number;
}

/** A group's total spend on one day, counted from the term (negative before it, 0 the term's own day). */
export interface DaySpend {
  day: number;
  amount: number;
}

export interface GroupDays {
  /** How many customers are in the group: each bucket's total is divided by it. */
  customers: number;
  /** The group's spend by day; a day may appear more than once, and days outside every bucket are ignored. */
  days: readonly DaySpend[];
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
export function spendSeries(treated: GroupDays, comparison: GroupDays, beforeDays: number, afterDays: number): SeriesBucket[] {
  const edges = bucketEdges(beforeDays, afterDays);
  const perCustomer = (group: GroupDays): number[] => {
    const totals = edges.map(() => 0);
    for (const d of group.days) {
      const i = edges.findIndex((e) => d.day >= e.from && d.day <= e.to);
      if (i >= 0) totals[i]! += d.amount;
    }
    return totals.map((t) => (group.customers > 0 ? t / group.customers : 0));
  };
  const t = perCustomer(treated);
  const c = perCustomer(comparison);
  return edges.map((e, i) => ({ ...e, treated: t[i]!, comparison: c[i]! }));
}
