/**
 * Assembling the effect of one kind of special term (P8, K7, K8) from plain rows: who received it and
 * when (the register), what customers spent (sales) and said (satisfaction), and what else was going on
 * (calendar). Customers who got the term are compared with customers who did not, each over a before and
 * an after window (difference in differences, from effects.ts). Pure: the caller passes today's date.
 *
 * Choices, each for a reason:
 * - A customer's term date is the first time they got this kind of term: later ones are part of its effect.
 * - Customers whose after-window is still open are left out and counted ("still waiting"), so one new
 *   term does not hold back a judgement on all the older ones; with none closed it is too early to judge.
 * - The comparison group is every customer who never got this kind of term and bought something around
 *   the median term date; a treated customer counts only if they appear in the sales data around their
 *   own term, so a reference typed differently in the register does not count as a customer who spent £0.
 * - Satisfaction is put on one 0–100 scale (NPS × 10, CSAT 1–5 as 0, 25, 50, 75, 100) so both can be pooled.
 */
import { addDays, dayOf, medianDate } from './effect-days';
import { spendSeries, type SeriesBucket } from './effect-series';
import { describeEffect, differenceInDifferences, overlappingEvents, termWindows, windowStatus, type CalendarEvent, type DidResult, type EffectReading, type Overlap, type TermWindows } from './effects';
import type { ConcessionType } from './special-terms';

export interface TermFact {
  customer: string;
  date: string;
  types: readonly string[];
}
export interface SaleFact {
  date: string;
  customer: string;
  amount: number;
}
export interface SatisfactionFact {
  date: string;
  customer: string;
  scale: 'nps' | 'csat';
  score: number;
}

export interface AnalysisInput {
  concessionType: ConcessionType;
  beforeDays: number;
  afterDays: number;
  today: string;
  terms: readonly TermFact[];
  sales: readonly SaleFact[];
  satisfaction: readonly SatisfactionFact[];
  events: readonly CalendarEvent[];
}

export interface MetricResult {
  did: DidResult;
  reading: EffectReading;
  means: { treatedBefore: number; treatedAfter: number; comparisonBefore: number; comparisonAfter: number };
}

export type EffectAnalysis =
  | { type: 'no-terms' }
  | { type: 'too-early'; waiting: number; closesOn: string; daysLeft: number }
  | { type: 'not-enough-data'; reason: string; treated: number; comparison: number; waiting: number; unmatched: number }
  | {
      type: 'result';
      medianTermDate: string;
      comparisonWindows: TermWindows;
      treated: number;
      comparison: number;
      waiting: number;
      unmatched: number;
      spend: MetricResult;
      satisfaction: MetricResult | { type: 'not-enough'; reason: string };
      confounders: Overlap[];
      series: SeriesBucket[];
    };

export const SPEND_METRIC = 'spend per customer (£)';
export const SATISFACTION_METRIC = 'satisfaction (0–100)';

type Window = { start: string; end: string };
const inWindow = (date: string, w: Window) => date >= w.start && date <= w.end;
const mean = (xs: readonly number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;

export function analyseEffect(input: AnalysisInput): EffectAnalysis {
  const { beforeDays, afterDays } = input;
  const termDate = new Map<string, string>();
  for (const t of input.terms) {
    if (!t.types.includes(input.concessionType)) continue;
    const seen = termDate.get(t.customer);
    if (!seen || t.date < seen) termDate.set(t.customer, t.date);
  }
  if (termDate.size === 0) return { type: 'no-terms' };

  const ready: { customer: string; date: string; windows: TermWindows }[] = [];
  const waiting: { closesOn: string; daysLeft: number }[] = [];
  for (const [customer, date] of termDate) {
    const status = windowStatus({ termDate: date, beforeDays, afterDays, now: input.today });
    if (status.type === 'ready') ready.push({ customer, date, windows: status.windows });
    else waiting.push({ closesOn: status.closesOn, daysLeft: status.daysLeft });
  }
  if (ready.length === 0) {
    const soonest = waiting.reduce((a, b) => (a.daysLeft <= b.daysLeft ? a : b));
    return { type: 'too-early', waiting: waiting.length, ...soonest };
  }

  const salesBy = groupBy(input.sales);
  const span = (w: TermWindows): Window => ({ start: w.before.start, end: w.after.end });
  const treated = ready.filter((r) => (salesBy.get(r.customer) ?? []).some((s) => inWindow(s.date, span(r.windows))));
  const unmatched = ready.length - treated.length;
  const median = medianDate((treated.length > 0 ? treated : ready).map((r) => r.date));
  const cw = termWindows({ termDate: median, beforeDays, afterDays });
  const comparison = [...salesBy.keys()].filter((c) => !termDate.has(c) && (salesBy.get(c) ?? []).some((s) => inWindow(s.date, span(cw))));
  const counts = { treated: treated.length, comparison: comparison.length, waiting: waiting.length, unmatched };
  if (treated.length < 2 || comparison.length < 2) {
    const reason =
      treated.length < 2
        ? `Only ${treated.length} customer${treated.length === 1 ? '' : 's'} who got this term ${treated.length === 1 ? 'appears' : 'appear'} in the sales data around their term date; at least 2 are needed to estimate the spread.`
        : `Only ${comparison.length} comparable customer${comparison.length === 1 ? '' : 's'} without this term bought around ${median}; at least 2 are needed.`;
    return { type: 'not-enough-data', reason, ...counts };
  }

  const spendIn = (customer: string, w: Window) => (salesBy.get(customer) ?? []).filter((s) => inWindow(s.date, w)).reduce((sum, s) => sum + s.amount, 0);
  const spend = metric(
    { before: treated.map((r) => spendIn(r.customer, r.windows.before)), after: treated.map((r) => spendIn(r.customer, r.windows.after)) },
    { before: comparison.map((c) => spendIn(c, cw.before)), after: comparison.map((c) => spendIn(c, cw.after)) },
    SPEND_METRIC,
  );

  const satisfaction = satisfactionMetric(input.satisfaction, ready, termDate, cw);
  const series = spendSeries(
    { customers: treated.map((r) => ({ termDate: r.date, sales: salesBy.get(r.customer) ?? [] })) },
    { customers: comparison.map((c) => ({ termDate: median, sales: salesBy.get(c) ?? [] })) },
    beforeDays,
    afterDays,
  );
  return { type: 'result', medianTermDate: median, comparisonWindows: cw, ...counts, spend, satisfaction, confounders: confounders(input.events, [cw, ...treated.map((r) => r.windows)]), series };
}

function metric(treated: { before: number[]; after: number[] }, comparison: { before: number[]; after: number[] }, name: string): MetricResult {
  const did = differenceInDifferences({ treated, comparison });
  return {
    did,
    reading: describeEffect(did, name),
    means: { treatedBefore: mean(treated.before), treatedAfter: mean(treated.after), comparisonBefore: mean(comparison.before), comparisonAfter: mean(comparison.after) },
  };
}

/** 0–100 on either scale, so NPS and CSAT answers can be pooled. */
export function satisfactionScore(f: Pick<SatisfactionFact, 'scale' | 'score'>): number {
  return f.scale === 'nps' ? f.score * 10 : (f.score - 1) * 25;
}

function satisfactionMetric(rows: readonly SatisfactionFact[], ready: readonly { customer: string; windows: TermWindows }[], termDate: ReadonlyMap<string, string>, cw: TermWindows): MetricResult | { type: 'not-enough'; reason: string } {
  const by = groupBy(rows);
  // A customer's value in a window is the mean of their answers in it; customers with none there are left out.
  const valueIn = (customer: string, w: Window): number[] => {
    const scores = (by.get(customer) ?? []).filter((r) => inWindow(r.date, w)).map(satisfactionScore);
    return scores.length > 0 ? [mean(scores)] : [];
  };
  const others = [...by.keys()].filter((c) => !termDate.has(c));
  const treated = { before: ready.flatMap((r) => valueIn(r.customer, r.windows.before)), after: ready.flatMap((r) => valueIn(r.customer, r.windows.after)) };
  const comparison = { before: others.flatMap((c) => valueIn(c, cw.before)), after: others.flatMap((c) => valueIn(c, cw.after)) };
  const smallest = Math.min(treated.before.length, treated.after.length, comparison.before.length, comparison.after.length);
  if (smallest < 2) return { type: 'not-enough', reason: 'Too few satisfaction answers in the windows (each group needs at least 2 customers who answered before and after).' };
  return metric(treated, comparison, SATISFACTION_METRIC);
}

/** Events overlapping any of the windows used, each once, with every window kind it touched. */
function confounders(events: readonly CalendarEvent[], windows: readonly TermWindows[]): Overlap[] {
  const found = new Map<CalendarEvent, Set<'before' | 'after'>>();
  for (const w of windows) {
    for (const o of overlappingEvents(events, w)) {
      const set = found.get(o.event) ?? new Set();
      o.windows.forEach((x) => set.add(x));
      found.set(o.event, set);
    }
  }
  return events.filter((e) => found.has(e)).map((event) => ({ event, windows: (['before', 'after'] as const).filter((x) => found.get(event)!.has(x)) }));
}

function groupBy<T extends { customer: string }>(rows: readonly T[]): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const r of rows) {
    const list = map.get(r.customer);
    if (list) list.push(r);
    else map.set(r.customer, [r]);
  }
  return map;
}

/** The whole span the analysis could read, for fetching only the rows needed. */
export function dataSpan(terms: readonly TermFact[], beforeDays: number, afterDays: number): { from: string; to: string } | null {
  if (terms.length === 0) return null;
  const days = terms.map((t) => dayOf(t.date));
  const first = terms[days.indexOf(Math.min(...days))]!.date;
  const last = terms[days.indexOf(Math.max(...days))]!.date;
  return { from: addDays(first, -beforeDays), to: addDays(last, afterDays) };
}
