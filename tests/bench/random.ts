/**
 * A seeded random source for the synthetic data, so two runs at the same scale build the same shape of
 * data (ids aside, which are random UUIDs like the app's own) and figures can be compared between runs.
 */
export class Random {
  #state: number;
  constructor(seed: number) {
    this.#state = seed >>> 0;
  }

  /** mulberry32: tiny, fast and good enough for picking synthetic values. */
  next(): number {
    let t = (this.#state = (this.#state + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  }

  /** An integer from min to max inclusive. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)]!;
  }

  /** `n` distinct items, in random order. */
  sample<T>(items: readonly T[], n: number): T[] {
    const copy = [...items];
    for (let i = copy.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [copy[i], copy[j]] = [copy[j]!, copy[i]!];
    }
    return copy.slice(0, n);
  }
}

const FIRST = ['Alex', 'Sam', 'Jordan', 'Priya', 'Tom', 'Aisha', 'Ben', 'Chloe', 'Dan', 'Ella', 'Femi', 'Grace', 'Harry', 'Isla', 'Jack', 'Kiran', 'Leah', 'Mo', 'Nina', 'Owen'];
const LAST = ['Shah', 'Ellis', 'Okafor', 'Hughes', 'Brennan', 'Morgan', 'Price', 'Patel', 'Lane', 'Evans', 'Khan', 'Taylor', 'Jones', 'Wright', 'Walsh', 'Reid', 'Clarke', 'Baker', 'Hall', 'Young'];

export function personName(r: Random): string {
  return `${r.pick(FIRST)} ${r.pick(LAST)}`;
}

/** Reflection-like prose of roughly the length of a short real one (snapshots are mostly text). */
const SENTENCES = [
  'The customer asked for a discount because a catalogue showed the item cheaper.',
  'I asked what they needed it for and listened before offering anything.',
  'Our policy only matches local prices we can check, and my authority was 5 %.',
  'I offered free delivery on our usual run instead, which costs the shop little.',
  'They bought at full price and came back the following month.',
  'I logged the term in the register and told my manager the same day.',
];

export function prose(r: Random, sentences: number): string {
  return Array.from({ length: sentences }, () => r.pick(SENTENCES)).join(' ');
}
