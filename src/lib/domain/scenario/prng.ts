/**
 * A tiny seeded generator (mulberry32). The engine only uses chance to vary the customer's wording, never to
 * decide an outcome; its state is a plain number kept in the attempt so a replay draws the same numbers.
 */
export function nextRandom(state: number): { value: number; state: number } {
  const next = (state + 0x6d2b79f5) >>> 0;
  let t = next;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return { value: ((t ^ (t >>> 14)) >>> 0) / 4294967296, state: next };
}

/** One entry of a non-empty list, and the generator's next state. */
export function pick<T>(state: number, list: readonly [T, ...T[]] | readonly T[]): { item: T; state: number } {
  if (list.length === 0) throw new Error('pick needs a non-empty list');
  const r = nextRandom(state);
  const item = list[Math.floor(r.value * list.length)] ?? (list[0] as T);
  return { item, state: r.state };
}
