/**
 * Calendar-day arithmetic for the effect analysis: ISO 'YYYY-MM-DD' strings and whole day numbers since
 * 1970-01-01 (UTC, so no time zone or daylight-saving change can move a day).
 */
const DAY_MS = 86_400_000;

export function dayOf(iso: string): number {
  return Math.floor(Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / DAY_MS);
}

export function isoOf(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** The UTC calendar day of a moment. */
export function isoDate(moment: Date): string {
  return moment.toISOString().slice(0, 10);
}

export function addDays(iso: string, days: number): string {
  return isoOf(dayOf(iso) + days);
}

/** The median of some dates; with an even count, the earlier of the two middle days' midpoint. */
export function medianDate(isoDates: readonly string[]): string {
  if (isoDates.length === 0) throw new Error('medianDate needs at least one date');
  const days = isoDates.map(dayOf).sort((a, b) => a - b);
  const mid = Math.floor(days.length / 2);
  return isoOf(days.length % 2 === 1 ? days[mid]! : Math.floor((days[mid - 1]! + days[mid]!) / 2));
}
