/**
 * How fast one negotiation move is, and how much JavaScript the player ships (targets: a step well under
 * 1 ms; the player page at most 30 KB gzipped). Reported, not asserted: timings depend on the machine.
 *   npx tsx tests/engine-speed.ts        (run `npm run build` first for the size figure)
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { parse } from 'yaml';
import { availableMoves } from '../src/lib/domain/scenario/palette';
import { applyMove, initialState } from '../src/lib/domain/scenario/engine';
import type { Move } from '../src/lib/domain/scenario/moves';
import { parseScenario } from '../src/lib/domain/scenario/schema';

const root = fileURLToPath(new URL('..', import.meta.url));
const dir = join(root, 'content/scenarios');
const times: number[] = [];
for (const file of readdirSync(dir).filter((f) => f.endsWith('.yaml'))) {
  const s = parseScenario(parse(readFileSync(join(dir, file), 'utf8')), file);
  for (let run = 0; run < 200; run++) {
    let state = initialState(s, run);
    // Walk the conversation: answer tactics with their first option, ask every question, then offer.
    for (let step = 0; step < 40 && !state.ended; step++) {
      const palette = availableMoves(s, state);
      const move: Move = palette.pendingBeat
        ? { type: 'respond', beatId: palette.pendingBeat.id, optionId: palette.pendingBeat.options[0]!.id }
        : palette.questions[0]
          ? { type: 'ask', questionId: palette.questions[0].id }
          : step % 2 ? { type: 'close' } : { type: 'offer', concessions: palette.concessions.slice(0, 1).map((c) => (c.discount ? { id: c.id, fraction: c.discount.step } : { id: c.id })) };
      const start = performance.now();
      try {
        state = applyMove(s, state, move);
      } catch {
        break;
      }
      times.push(performance.now() - start);
    }
  }
}
times.sort((a, b) => a - b);
const pct = (p: number) => times[Math.min(times.length - 1, Math.floor(p * times.length))]!;
console.log(`engine step (applyMove), ${times.length} moves over 8 scenarios: median ${pct(0.5).toFixed(3)} ms, p95 ${pct(0.95).toFixed(3)} ms, p99 ${pct(0.99).toFixed(3)} ms`);

const assets = join(root, 'dist/client/_astro');
if (existsSync(assets)) {
  const files = readdirSync(assets).filter((f) => f.endsWith('.js'));
  // The player page loads the Player island and everything it imports; the island entry names them.
  const seen = new Set<string>();
  const visit = (name: string) => {
    if (seen.has(name) || !files.includes(name)) return;
    seen.add(name);
    const code = readFileSync(join(assets, name), 'utf8');
    for (const m of code.matchAll(/["'`]\.\/([\w.-]+\.js)["'`]/g)) visit(m[1]!);
  };
  for (const f of files.filter((f) => f.startsWith('Player.') || f.startsWith('client.'))) visit(f);
  const gz = [...seen].reduce((sum, f) => sum + gzipSync(readFileSync(join(assets, f))).byteLength, 0);
  console.log(`player page JavaScript: ${[...seen].join(', ')} = ${(gz / 1024).toFixed(1)} KB gzipped`);
} else console.log('no build found: run `npm run build` for the JavaScript size');
