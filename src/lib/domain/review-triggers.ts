/**
 * When the customer-relationship approach should be reviewed (P9, K8): on its schedule, and early when
 * something changes — satisfaction falling, or a competitor arriving. Pure: the caller passes today.
 */
import { addDays } from './effect-days';
import { satisfactionScore, type SatisfactionFact } from './effect-analysis';

/**
 * A fall counts when the mean of the last 30 days is at least 5 points (on the 0–100 scale) below the 30
 * days before, and each period has at least 5 answers: fewer could swing that far by chance alone.
 */
export const SATISFACTION_FALL_RULE = { windowDays: 30, margin: 5, minAnswers: 5 } as const;

export interface SatisfactionTrend {
  fell: boolean;
  recent: { mean: number | null; count: number; from: string; to: string };
  previous: { mean: number | null; count: number; from: string; to: string };
}

export function satisfactionTrend(rows: readonly Pick<SatisfactionFact, 'date' | 'scale' | 'score'>[], today: string, rule = SATISFACTION_FALL_RULE): SatisfactionTrend {
  const period = (from: string, to: string) => {
    const scores = rows.filter((r) => r.date >= from && r.date <= to).map(satisfactionScore);
    return { mean: scores.length ? scores.reduce((s, x) => s + x, 0) / scores.length : null, count: scores.length, from, to };
  };
  const recent = period(addDays(today, -(rule.windowDays - 1)), today);
  const previous = period(addDays(today, -(2 * rule.windowDays - 1)), addDays(today, -rule.windowDays));
  const enough = recent.count >= rule.minAnswers && previous.count >= rule.minAnswers;
  const fell = enough && recent.mean !== null && previous.mean !== null && previous.mean - recent.mean >= rule.margin;
  return { fell, recent, previous };
}

export type ReviewState = 'done' | 'overdue' | 'due' | 'upcoming';

/** A review is overdue the day after its due date, and "due" from 14 days before it. */
export function reviewState(review: { dueDate: string; completedAt: Date | null }, today: string): ReviewState {
  if (review.completedAt) return 'done';
  if (review.dueDate < today) return 'overdue';
  if (review.dueDate <= addDays(today, 14)) return 'due';
  return 'upcoming';
}

export const reviewTriggerLabels = {
  scheduled: 'Scheduled review',
  'satisfaction-fall': 'Early review: satisfaction has fallen',
  'competitor-event': 'Early review: a competitor event was added to the calendar',
  manual: 'Review added by a manager',
} as const;
