/**
 * Assembling the effect of one kind of special term (P8, K7, K8): who received it and when (the register),
 * what customers spent (sales) and said (satisfaction) around it, and what else was going on (calendar).
 * Customers who got the term are compared with customers who did not, each over a before and an after
 * window (difference in differences, from effects.ts). Pure: the caller passes today's date.
 *
 * It runs in three steps, because what has to be read depends on the step before: a shop's sales run to a
 * million rows, so the database sums them over exactly the windows the analysis needs, and only those
 * sums come here (a few numbers per customer rather than every sale).
 * 1. `planEffect`, from the register alone: each customer's term date, whose after-window has closed.
 * 2. `comparisonWindows`, once the spend of those customers around their own terms is known: who of them
 *    appears in the sales data, and the windows around their median term date for the comparison group.
 * 3. `assembleEffect`, once the comparison group's spend and everyone's answers are known: the result.
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
import { medianDate } from './effect-days';
import { spendSeries, type DaySpend, type SeriesBucket } from './effect-series';
import { describeEffect, differenceInDifferences, overlappingAny, termWindows, windowStatus, type CalendarEvent, type DidResult, type EffectReading, type Overlap, type TermWindows } from './effects';
import type { ConcessionType } from './special-terms';

export interface TermFact {
  customer: string;
  date: string;
  types: readonly string[];
}
/** One satisfaction answer as imported. */
export interface SatisfactionFact {
  date: string;
  customer: string;
  scale: 'nps' | 'csat';
  score: number;
}

export interface EffectParams {
  concessionType: ConcessionType;
  beforeDays: number;
  afterDays: number;
}

/** A customer whose first term of this kind has an after-window that has closed. */
export interface ReadyTerm {
  customer: string;
  date: string;
  windows: TermWindows;
}

/** What step 1 found in the register, and what the later steps must have read for them. */
export interface EffectPlan {
  type: 'plan';
  beforeDays: number;
  afterDays: number;
  /** In the register's order. */
  ready: ReadyTerm[];
  /** Customers still inside their after-window: left out and counted. */
  waiting: number;
  /** Everyone who got this kind of term, ready or waiting: none of them can be in the comparison group. */
  termCustomers: string[];
}

/** One customer's spend over a pair of windows, summed by the database. */
export interface CustomerSpend {
  customer: string;
  /** Sales rows from the first day of the before-window to the last of the after-window, the term's own day included. */
  sales: number;
  /** Total spend in the before-window and in the after-window (the term's own day is in neither). */
  before: number;
  after: number;
}

/** A group's spend: each customer's window totals, and the group's total by day counted from the term. */
export interface GroupSpend {
  customers: readonly CustomerSpend[];
  days: readonly DaySpend[];
}

/** The sum and number of one customer's answers on one scale in one window. */
export interface AnswerTotal {
  sum: number;
  count: number;
}
/** One customer's answers on one scale, totalled over the before-window and the after-window. */
export interface CustomerAnswers {
  customer: string;
  scale: 'nps' | 'csat';
  before: AnswerTotal;
  after: AnswerTotal;
}

/** What the database read for a plan; a customer with nothing in the windows may be left out of any list. */
export interface EffectData {
  /** The ready customers, each over their own windows, days counted from each one's own term. */
  treatedSpend: GroupSpend;
  /** Every customer not in `termCustomers`, over the windows from `comparisonWindows`, days counted from the median term date. */
  comparisonSpend: GroupSpend;
  /** The ready customers' answers, each over their own windows. */
  treatedAnswers: readonly CustomerAnswers[];
  /** Answers of every customer not in `termCustomers`, over the comparison windows. */
  comparisonAnswers: readonly CustomerAnswers[];
  events: readonly CalendarEvent[];
}

export interface MetricResult {
  did: DidResult;
  reading: EffectReading;
  means: { treatedBefore: number; treatedAfter: number; comparisonBefore: number; comparisonAfter: number };
}

type TooEarly = { type: 'too-early'; waiting: number; closesOn: string; daysLeft: number };

export type EffectAnalysis =
  | { type: 'no-terms' }
  | TooEarly
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

const mean = (xs: readonly number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;

/** Step 1: each customer's term date and whether it can be judged yet, from the register alone. */
export function planEffect(input: EffectParams & { today: string; terms: readonly TermFact[] }): EffectPlan | { type: 'no-terms' } | TooEarly {
  const { beforeDays, afterDays } = input;
  const termDate = new Map<string, string>();
  for (const t of input.terms) {
    if (!t.types.includes(input.concessionType)) continue;
    const seen = termDate.get(t.customer);
    if (!seen || t.date < seen) termDate.set(t.customer, t.date);
  }
  if (termDate.size === 0) return { type: 'no-terms' };

  const ready: ReadyTerm[] = [];
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
  return { type: 'plan', beforeDays, afterDays, ready, waiting: waiting.length, termCustomers: [...termDate.keys()] };
}

/** Step 2: who of the ready customers appears in the sales data around their term, and the comparison group's windows. */
export function comparisonWindows(plan: EffectPlan, treatedSpend: readonly CustomerSpend[]): { treated: ReadyTerm[]; unmatched: number; medianTermDate: string; windows: TermWindows } {
  const seen = new Set(treatedSpend.filter((c) => c.sales > 0).map((c) => c.customer));
  const treated = plan.ready.filter((r) => seen.has(r.customer));
  const medianTermDate = medianDate((treated.length > 0 ? treated : plan.ready).map((r) => r.date));
  return { treated, unmatched: plan.ready.length - treated.length, medianTermDate, windows: termWindows({ termDate: medianTermDate, beforeDays: plan.beforeDays, afterDays: plan.afterDays }) };
}

/** Step 3: the difference in differences of spend and satisfaction, the series for the chart and the possible other causes. */
export function assembleEffect(plan: EffectPlan, data: EffectData): EffectAnalysis {
  const { treated, unmatched, medianTermDate: median, windows: cw } = comparisonWindows(plan, data.treatedSpend.customers);
  const comparison = data.comparisonSpend.customers.filter((c) => c.sales > 0);
  const counts = { treated: treated.length, comparison: comparison.length, waiting: plan.waiting, unmatched };
  if (treated.length < 2 || comparison.length < 2) {
    const reason =
      treated.length < 2
        ? `Only ${treated.length} customer${treated.length === 1 ? '' : 's'} who got this term ${treated.length === 1 ? 'appears' : 'appear'} in the sales data around their term date; at least 2 are needed to estimate the spread.`
        : `Only ${comparison.length} comparable customer${comparison.length === 1 ? '' : 's'} without this term bought around ${median}; at least 2 are needed.`;
    return { type: 'not-enough-data', reason, ...counts };
  }

  const spendOf = new Map(data.treatedSpend.customers.map((c) => [c.customer, c]));
  const treatedSpend = treated.map((r) => spendOf.get(r.customer)!);
  const spend = metric(
    { before: treatedSpend.map((c) => c.before), after: treatedSpend.map((c) => c.after) },
    { before: comparison.map((c) => c.before), after: comparison.map((c) => c.after) },
    SPEND_METRIC,
  );
  const satisfaction = satisfactionMetric(plan.ready, data.treatedAnswers, data.comparisonAnswers);
  // Ready customers missing from the sales data add nothing to any day, so the treated days need no filtering.
  const series = spendSeries({ customers: treated.length, days: data.treatedSpend.days }, { customers: comparison.length, days: data.comparisonSpend.days }, plan.beforeDays, plan.afterDays);
  return { type: 'result', medianTermDate: median, comparisonWindows: cw, ...counts, spend, satisfaction, confounders: overlappingAny(data.events, [cw, ...treated.map((r) => r.windows)]), series };
}

function metric(treated: { before: number[]; after: number[] }, comparison: { before: number[]; after: number[] }, name: string): MetricResult {
  const did = differenceInDifferences({ treated, comparison });
  return {
    did,
    reading: describeEffect(did, name),
    means: { treatedBefore: mean(treated.before), treatedAfter: mean(treated.after), comparisonBefore: mean(comparison.before), comparisonAfter: mean(comparison.after) },
  };
}

/** Points on the 0–100 scale of `count` answers on one scale adding up to `sum`: NPS × 10, CSAT 1–5 as 0, 25, 50, 75, 100. */
export function satisfactionPoints(scale: SatisfactionFact['scale'], total: AnswerTotal): number {
  return scale === 'nps' ? total.sum * 10 : (total.sum - total.count) * 25;
}

/** 0–100 on either scale, so NPS and CSAT answers can be pooled. */
export function satisfactionScore(f: Pick<SatisfactionFact, 'scale' | 'score'>): number {
  return satisfactionPoints(f.scale, { sum: f.score, count: 1 });
}

/** Each customer's mean answer in one window on the 0–100 scale; customers with no answer there are left out. */
function meanAnswers(answers: readonly CustomerAnswers[], window: 'before' | 'after'): Map<string, number> {
  const totals = new Map<string, { points: number; count: number }>();
  for (const a of answers) {
    const t = totals.get(a.customer) ?? { points: 0, count: 0 };
    t.points += satisfactionPoints(a.scale, a[window]);
    t.count += a[window].count;
    totals.set(a.customer, t);
  }
  const means = new Map<string, number>();
  for (const [customer, t] of totals) if (t.count > 0) means.set(customer, t.points / t.count);
  return means;
}

function satisfactionMetric(ready: readonly ReadyTerm[], treatedAnswers: readonly CustomerAnswers[], comparisonAnswers: readonly CustomerAnswers[]): MetricResult | { type: 'not-enough'; reason: string } {
  const inRegisterOrder = (means: Map<string, number>) => ready.flatMap((r) => (means.has(r.customer) ? [means.get(r.customer)!] : []));
  const treated = { before: inRegisterOrder(meanAnswers(treatedAnswers, 'before')), after: inRegisterOrder(meanAnswers(treatedAnswers, 'after')) };
  const comparison = { before: [...meanAnswers(comparisonAnswers, 'before').values()], after: [...meanAnswers(comparisonAnswers, 'after').values()] };
  const smallest = Math.min(treated.before.length, treated.after.length, comparison.before.length, comparison.after.length);
  if (smallest < 2) return { type: 'not-enough', reason: 'Too few satisfaction answers in the windows (each group needs at least 2 customers who answered before and after).' };
  return metric(treated, comparison, SATISFACTION_METRIC);
}
