/**
 * How promptly agreed terms reach the manager (P7: "report promptly"): the time from agreeing a term
 * to logging it. The median is shown rather than the mean so that one term logged a month late does not
 * hide that most arrive within the hour; the share within a day is the figure a manager can set a goal on.
 */

export const PROMPT_REPORT_MS = 24 * 60 * 60 * 1000;

export interface ReportingTimes {
  count: number;
  /** Null when there are no terms yet. */
  medianMs: number | null;
  /** Share of terms reported within 24 hours of being agreed, 0–1; null when there are none. */
  withinDayShare: number | null;
}

export function reportingTimes(entries: readonly { agreedAt: Date; reportedAt: Date }[]): ReportingTimes {
  // A term logged "before" it was agreed (clock differences) counts as reported at once.
  const delays = entries.map((e) => Math.max(0, e.reportedAt.getTime() - e.agreedAt.getTime())).sort((a, b) => a - b);
  const count = delays.length;
  if (count === 0) return { count, medianMs: null, withinDayShare: null };
  const mid = Math.floor(count / 2);
  const medianMs = count % 2 === 1 ? delays[mid]! : (delays[mid - 1]! + delays[mid]!) / 2;
  return { count, medianMs, withinDayShare: delays.filter((d) => d <= PROMPT_REPORT_MS).length / count };
}

/** "under a minute", "45 minutes", "3 hours 20 minutes", "2 days 4 hours". */
export function formatDuration(ms: number): string {
  const minutes = Math.floor(Math.max(0, ms) / 60_000);
  if (minutes < 1) return 'under a minute';
  const plural = (n: number, unit: string) => `${n} ${unit}${n === 1 ? '' : 's'}`;
  if (minutes < 60) return plural(minutes, 'minute');
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return [plural(hours, 'hour'), minutes % 60 ? plural(minutes % 60, 'minute') : ''].filter(Boolean).join(' ');
  const days = Math.floor(hours / 24);
  return [plural(days, 'day'), hours % 24 ? plural(hours % 24, 'hour') : ''].filter(Boolean).join(' ');
}
