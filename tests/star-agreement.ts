/**
 * How far the automatic STAR feedback agrees with an assessor's labels, per marking point, on the
 * development parts (dev, heldout, heldout-b, heldout-c and heldout-d have all steered the rules by now).
 *
 *   npx tsx tests/star-agreement.ts            # the development parts
 *   npx tsx tests/star-agreement.ts --details  # also list each disagreement on the dev part
 *   npx tsx tests/star-agreement.ts --details=heldout-c,heldout-b   # … on the parts named
 *   npx tsx tests/star-agreement.ts --final    # also score heldout-e, once, after the rules are frozen
 *
 * heldout-e.json (the final blind measure) is scored only with --final, and is never listed in detail,
 * even when named, so it cannot steer the rules.
 *
 * Exits non-zero when a fixture file is missing or malformed.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { agreement, cohensKappa, confusionMatrix } from '../src/lib/domain/agreement';
import { POINT_IDS, reviewReflection } from '../src/lib/domain/star-feedback';
import type { PointId, Verdict } from '../src/lib/domain/star-feedback';

export const VERDICTS: readonly Verdict[] = ['evidenced', 'partial', 'missing'];
export const PARTS = ['dev', 'heldout', 'heldout-b', 'heldout-c', 'heldout-d'] as const;
/** The blind part: scored only on request (--final), never listed in detail. */
export const FINAL_PART = 'heldout-e' as const;
export type Part = (typeof PARTS)[number] | typeof FINAL_PART;

export interface LabelledReflection {
  id: string;
  kind: string;
  text: string;
  labels: Record<PointId, { verdict: Verdict; reason: string }>;
}

export interface PointAgreement {
  point: PointId;
  matrix: number[][];
  agreement: number;
  kappa: number;
  misses: { id: string; label: Verdict; predicted: Verdict }[];
}

export function fixturePath(part: Part): string {
  return fileURLToPath(new URL(`./fixtures/reflections/${part}.json`, import.meta.url));
}

/** Reads and checks one part; throws with the file and item named when anything is missing or malformed. */
export function loadPart(part: Part): LabelledReflection[] {
  const path = fixturePath(part);
  if (!existsSync(path)) throw new Error(`${path} does not exist`);
  const data: unknown = JSON.parse(readFileSync(path, 'utf8'));
  if (!Array.isArray(data) || data.length === 0) throw new Error(`${path} must hold a non-empty array`);
  return data.map((item: unknown, i) => {
    const r = item as Partial<LabelledReflection>;
    const where = `${path} item ${i} (${String(r?.id)})`;
    if (typeof r?.id !== 'string' || typeof r.text !== 'string' || typeof r.labels !== 'object' || r.labels === null) {
      throw new Error(`${where}: needs id, text and labels`);
    }
    for (const point of POINT_IDS) {
      const verdict = r.labels[point]?.verdict;
      if (!VERDICTS.includes(verdict as Verdict)) throw new Error(`${where}: label for ${point} is ${String(verdict)}`);
    }
    return r as LabelledReflection;
  });
}

export function scorePart(items: readonly LabelledReflection[]): PointAgreement[] {
  const reviews = items.map((item) => reviewReflection(item.text));
  return POINT_IDS.map((point) => {
    const labels = items.map((item) => item.labels[point].verdict);
    const predictions = reviews.map((review) => review.points[point].verdict);
    const matrix = confusionMatrix(labels, predictions, VERDICTS);
    const misses = items.flatMap((item, k) => (labels[k] === predictions[k] ? [] : [{ id: item.id, label: labels[k]!, predicted: predictions[k]! }]));
    return { point, matrix, agreement: agreement(matrix), kappa: cohensKappa(matrix), misses };
  });
}

function printPart(part: Part, items: readonly LabelledReflection[], details: boolean): void {
  console.log(`\n=== ${part}: ${items.length} reflections`);
  const head = (s: string) => s.padStart(10);
  for (const result of scorePart(items)) {
    console.log(`\n${result.point}   agreement ${result.agreement.toFixed(3)}   kappa ${result.kappa.toFixed(3)}`);
    console.log(`  ${'label \\ predicted'.padEnd(18)}${VERDICTS.map(head).join('')}`);
    result.matrix.forEach((row, i) => console.log(`  ${VERDICTS[i]!.padEnd(18)}${row.map((n) => head(String(n))).join('')}`));
    if (details) for (const m of result.misses) console.log(`    ${m.id}: labelled ${m.label}, predicted ${m.predicted}`);
  }
}

/** Parts whose disagreements are listed: `--details` alone means dev; `--details=a,b` names them. */
export function detailParts(args: readonly string[]): Set<string> {
  const out = new Set<string>();
  for (const arg of args) {
    if (arg === '--details') out.add('dev');
    else if (arg.startsWith('--details=')) for (const p of arg.slice('--details='.length).split(',')) if (p.trim()) out.add(p.trim());
  }
  // The final blind part must not steer the rules, so it is never listed.
  out.delete(FINAL_PART);
  return out;
}

/** The parts to score: the development parts, plus the blind part only when --final is given. */
export function scoredParts(args: readonly string[]): Part[] {
  return args.includes('--final') ? [...PARTS, FINAL_PART] : [...PARTS];
}

function main(): number {
  const args = process.argv.slice(2);
  const detailed = detailParts(args);
  let failed = false;
  for (const part of scoredParts(args)) {
    try {
      printPart(part, loadPart(part), detailed.has(part));
    } catch (error) {
      console.error(`\n${part}: ${(error as Error).message}`);
      failed = true;
    }
  }
  return failed ? 1 : 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) process.exit(main());
