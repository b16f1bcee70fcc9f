/**
 * Monitoring what special terms achieve (P8, K7, K8): difference in differences between customers who got a
 * term and comparable customers who did not, the before/after windows around the term, calendar events that
 * could be the real cause, and a plain-words reading. `differenceInDifferences` is fixed by CONTRACTS §7.
 *
 * Dates are ISO calendar days, 'YYYY-MM-DD' strings: the imported sales and satisfaction data are dated by
 * day, a manager thinks in days, and a calendar day has no time zone to get wrong. There is no clock: the
 * caller passes `now` as today's date.
 */

export interface DidResult {
  effect: number;
  low: number;
  high: number;
  n: { treatedBefore: number; treatedAfter: number; comparisonBefore: number; comparisonAfter: number };
}

// Acklam's rational approximation to the inverse normal CDF (relative error below 1.2e-9).
const A = [-3.969683028665376e1, 2.209460984245205e2, -2.759285104469687e2, 1.38357751867269e2, -3.066479806614716e1, 2.506628277459239] as const;
const B = [-5.447609879822406e1, 1.615858368580409e2, -1.556989798598866e2, 6.680131188771972e1, -1.328068155288572e1] as const;
const C = [-7.784894002430293e-3, -3.223964580411365e-1, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783] as const;
const D = [7.784695709041462e-3, 3.224671290700398e-1, 2.445134137142996, 3.754408661907416] as const;
const P_LOW = 0.02425;

function tail(q: number): number {
  return (((((C[0] * q + C[1]) * q + C[2]) * q + C[3]) * q + C[4]) * q + C[5]) / ((((D[0] * q + D[1]) * q + D[2]) * q + D[3]) * q + 1);
}

/** The z for which P(Z ≤ z) = p under the standard normal; 0.975 → 1.959964. */
export function inverseNormal(p: number): number {
  if (!Number.isFinite(p) || p <= 0 || p >= 1) throw new Error(`p must be a probability strictly between 0 and 1 (got ${p})`);
  if (p < P_LOW) return tail(Math.sqrt(-2 * Math.log(p)));
  if (p > 1 - P_LOW) return -tail(Math.sqrt(-2 * Math.log(1 - p)));
  const q = p - 0.5;
  const r = q * q;
  return ((((((A[0] * r + A[1]) * r + A[2]) * r + A[3]) * r + A[4]) * r + A[5]) * q) / (((((B[0] * r + B[1]) * r + B[2]) * r + B[3]) * r + B[4]) * r + 1);
}

function group(field: string, values: readonly number[]): { mean: number; varianceOfMean: number; n: number } {
  if (!Array.isArray(values) || values.length < 2) throw new Error(`${field} needs at least 2 values to estimate its spread (got ${Array.isArray(values) ? values.length : 'none'})`);
  values.forEach((v, i) => {
    if (typeof v !== 'number' || !Number.isFinite(v)) throw new Error(`${field}[${i}] must be a finite number (got ${String(v)})`);
  });
  const n = values.length;
  const mean = values.reduce((s, v) => s + v, 0) / n;
  const variance = values.reduce((s, v) => s + (v - mean) ** 2, 0) / (n - 1); // sample variance
  return { mean, varianceOfMean: variance / n, n };
}

/** Difference in differences of group means with a normal-approximation interval (CONTRACTS §7). */
export function differenceInDifferences(input: {
  treated: { before: number[]; after: number[] };
  comparison: { before: number[]; after: number[] };
  confidence?: number;
}): DidResult {
  const confidence = input.confidence ?? 0.95;
  if (typeof confidence !== 'number' || !Number.isFinite(confidence) || confidence <= 0 || confidence >= 1) {
    throw new Error(`confidence must be a fraction strictly between 0 and 1, such as 0.95 (got ${String(confidence)})`);
  }
  const tb = group('treated.before', input.treated.before);
  const ta = group('treated.after', input.treated.after);
  const cb = group('comparison.before', input.comparison.before);
  const ca = group('comparison.after', input.comparison.after);
  const effect = ta.mean - tb.mean - (ca.mean - cb.mean);
  // The four groups are independent samples, so the variances of their means add.
  const se = Math.sqrt(tb.varianceOfMean + ta.varianceOfMean + cb.varianceOfMean + ca.varianceOfMean);
  const z = inverseNormal(1 - (1 - confidence) / 2);
  return { effect, low: effect - z * se, high: effect + z * se, n: { treatedBefore: tb.n, treatedAfter: ta.n, comparisonBefore: cb.n, comparisonAfter: ca.n } };
}

const DAY_MS = 86_400_000;

function dayNumber(field: string, iso: string): number {
  const match = typeof iso === 'string' ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso) : null;
  const days = match ? Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) / DAY_MS : Number.NaN;
  // Date.UTC rolls 2026-02-30 over to March; formatting back catches impossible dates.
  if (!match || !Number.isFinite(days) || isoDay(days) !== iso) throw new Error(`${field} must be a real date written YYYY-MM-DD (got ${String(iso)})`);
  return days;
}

function isoDay(days: number): string {
  return new Date(days * DAY_MS).toISOString().slice(0, 10);
}

function wholeDays(field: string, value: number): number {
  if (!Number.isInteger(value) || value < 1) throw new Error(`${field} must be a whole number of days, at least 1 (got ${String(value)})`);
  return value;
}

/** Inclusive range of calendar days. */
export interface DateWindow {
  start: string;
  end: string;
}
export interface TermWindows {
  before: DateWindow;
  after: DateWindow;
}

/**
 * The windows around a term given on `termDate`: `beforeDays` days ending the day before it, and `afterDays`
 * days starting the day after it. The term's own day is in neither, so the sale that carried the term is not
 * counted as its effect.
 */
export function termWindows(input: { termDate: string; beforeDays: number; afterDays: number }): TermWindows {
  const t = dayNumber('termDate', input.termDate);
  const before = wholeDays('beforeDays', input.beforeDays);
  const after = wholeDays('afterDays', input.afterDays);
  return { before: { start: isoDay(t - before), end: isoDay(t - 1) }, after: { start: isoDay(t + 1), end: isoDay(t + after) } };
}

export type WindowStatus =
  | { type: 'too-early'; windows: TermWindows; closesOn: string; daysLeft: number }
  | { type: 'ready'; windows: TermWindows; closesOn: string };

/**
 * Whether the after-window has passed. It closes at the end of its last day (`closesOn`), so a judgement is
 * ready from the day after; until then the platform says "too early to judge", with the days still to wait.
 */
export function windowStatus(input: { termDate: string; beforeDays: number; afterDays: number; now: string }): WindowStatus {
  const windows = termWindows(input);
  const closes = dayNumber('after window end', windows.after.end);
  const today = dayNumber('now', input.now);
  if (today > closes) return { type: 'ready', windows, closesOn: windows.after.end };
  return { type: 'too-early', windows, closesOn: windows.after.end, daysLeft: closes - today + 1 };
}

export const calendarEventKinds = ['promotion', 'seasonal-peak', 'competitor-opening', 'other'] as const;
export type CalendarEventKind = (typeof calendarEventKinds)[number];

/** Something else happening that could move sales or satisfaction. `end` defaults to `start` (a one-day event). */
export interface CalendarEvent {
  name: string;
  kind: CalendarEventKind;
  start: string;
  end?: string;
}

export interface Overlap {
  event: CalendarEvent;
  /** Which windows it falls in, before first. */
  windows: ('before' | 'after')[];
}

/** The events that overlap the before or after window (days inclusive), in the order given: possible other causes. */
export function overlappingEvents(events: readonly CalendarEvent[], windows: TermWindows): Overlap[] {
  return overlappingAny(events, [windows]);
}

/**
 * The events that overlap any of several pairs of windows, each once with every window kind it touched, in
 * the order given. Terms given on the same day share their windows, so each distinct pair is checked once
 * and every date is parsed once: an analysis has a pair per customer, and checking each of thousands
 * against hundreds of events, parsing dates every time, took seconds.
 */
export function overlappingAny(events: readonly CalendarEvent[], windows: readonly TermWindows[]): Overlap[] {
  const range = (w: DateWindow, name: string) => [dayNumber(`${name}.start`, w.start), dayNumber(`${name}.end`, w.end)] as const;
  const distinct = new Map<string, Record<'before' | 'after', readonly [number, number]>>();
  for (const w of windows) {
    const key = `${w.before.start} ${w.before.end} ${w.after.start} ${w.after.end}`;
    if (!distinct.has(key)) distinct.set(key, { before: range(w.before, 'before'), after: range(w.after, 'after') });
  }
  const spans = [...distinct.values()];
  return events.flatMap((event, i) => {
    const start = dayNumber(`events[${i}].start`, event.start);
    const end = event.end === undefined ? start : dayNumber(`events[${i}].end`, event.end);
    if (end < start) throw new Error(`events[${i}].end must not be before its start (got ${event.end} < ${event.start})`);
    const hits = (['before', 'after'] as const).filter((w) => spans.some((span) => start <= span[w][1] && span[w][0] <= end));
    return hits.length > 0 ? [{ event, windows: [...hits] }] : [];
  });
}

/** Below this many records in any group, the reading carries a warning: a few customers can swing a mean. */
export const SMALL_GROUP = 30;

export type EffectReading = { type: 'rise' | 'fall' | 'no-clear-effect'; text: string };

const capital = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** A plain-words conclusion for a manager (P8): direction, likely range, sample sizes. */
export function describeEffect(result: DidResult, metricName: string): EffectReading {
  const fmt = (v: number) => `${v > 0 ? '+' : v < 0 ? '−' : ''}${Math.abs(v).toFixed(2)}`;
  const { treatedBefore, treatedAfter, comparisonBefore, comparisonAfter } = result.n;
  const range = `the likely range runs from ${fmt(result.low)} to ${fmt(result.high)}`;
  const sizes = `Based on ${treatedBefore} before and ${treatedAfter} after for customers who got the term, and ${comparisonBefore} before and ${comparisonAfter} after for those who did not.`;
  const small = Math.min(treatedBefore, treatedAfter, comparisonBefore, comparisonAfter) < SMALL_GROUP ? ` Some groups have fewer than ${SMALL_GROUP} records, so treat this with care.` : '';
  const type: EffectReading['type'] = result.low > 0 ? 'rise' : result.high < 0 ? 'fall' : 'no-clear-effect';
  const headline = ((): string => {
    switch (type) {
      case 'rise':
        return `${capital(metricName)} rose by about ${result.effect.toFixed(2)} more for customers who got the term than for comparable customers who did not; ${range}.`;
      case 'fall':
        return `${capital(metricName)} fell by about ${(-result.effect).toFixed(2)} more for customers who got the term than for comparable customers who did not; ${range}.`;
      case 'no-clear-effect':
        return `No clear effect on ${metricName}: the estimate is ${fmt(result.effect)}, but ${range}, which includes no change at all.`;
      default: {
        const unknown: never = type;
        throw new Error(`unknown reading ${String(unknown)}`);
      }
    }
  })();
  return { type, text: `${headline} ${sizes}${small}` };
}
