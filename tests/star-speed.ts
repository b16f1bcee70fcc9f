/**
 * Time per call of reviewReflection on a 1,000-word reflection (target: under 5 ms).
 *   npx tsx tests/star-speed.ts
 * Kept out of the test suite on purpose: timings depend on the machine, so they are reported, not asserted.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { reviewReflection } from '../src/lib/domain/star-feedback';

const dev = JSON.parse(readFileSync(fileURLToPath(new URL('./fixtures/reflections/dev.json', import.meta.url)), 'utf8')) as { text: string }[];
// Real reflections run end to end until there are 1,000 words: realistic sentences, not repeated filler.
const words = dev.flatMap((r) => r.text.split(/\s+/)).slice(0, 1000);
const text = words.join(' ');

const warmUp = 20;
const runs = 300;
for (let i = 0; i < warmUp; i++) reviewReflection(text);
const times: number[] = [];
for (let i = 0; i < runs; i++) {
  const start = performance.now();
  reviewReflection(text);
  times.push(performance.now() - start);
}
times.sort((a, b) => a - b);
const mean = times.reduce((a, b) => a + b, 0) / runs;
const pct = (p: number) => times[Math.min(runs - 1, Math.floor(p * runs))]!;
console.log(`reviewReflection on ${words.length} words, ${runs} calls: mean ${mean.toFixed(2)} ms, median ${pct(0.5).toFixed(2)} ms, p95 ${pct(0.95).toFixed(2)} ms, max ${times[runs - 1]!.toFixed(2)} ms per call`);
