/**
 * Instant, explainable feedback on a STAR reflection against the SSR.D002 marking points. It is advice
 * for the learner, never the assessor's judgement: it reads wording, not truth, and says which of the
 * learner's own sentences each verdict rests on. Deterministic, no I/O, no clock.
 */
import { POINT_IDS, RUBRICS } from './star/cues';
import type { PointId } from './star/cues';
import { analyse } from './star/facts';
import { findMisconceptions } from './star/misconceptions';
import type { MisconceptionId } from './star/misconceptions';
import { judgePoint } from './star/points';
import type { Verdict } from './star/points';
import type { StarPart } from './star/sections';
import { gradeStar } from './star/structure';
import type { StarGrade } from './star/structure';
import { tipFor } from './star/tips';

export { MARKING_POINTS } from './star/tips';
export type { MarkingPoint } from './star/tips';
export { splitStar } from './star/structure';
export { MISCONCEPTION_IDS } from './star/misconceptions';
export { POINT_IDS } from './star/cues';
export type { PointId, Verdict, StarPart, StarGrade, MisconceptionId };

export interface PointFeedback {
  verdict: Verdict;
  /** The learner's own sentences, verbatim, that the verdict rests on. */
  quotes: string[];
  tip: string;
}

export interface ReflectionReview {
  star: Record<StarPart, StarGrade>;
  points: Record<PointId, PointFeedback>;
  misconceptions: { id: string; quote: string }[];
}

export function reviewReflection(text: string): ReflectionReview {
  const analysis = analyse(text);
  const points = {} as Record<PointId, PointFeedback>;
  for (const id of POINT_IDS) {
    const outcome = judgePoint(RUBRICS[id], analysis);
    points[id] = { verdict: outcome.verdict, quotes: outcome.quotes, tip: tipFor(id, outcome.verdict, outcome.reason) };
  }
  return { star: gradeStar(analysis), points, misconceptions: findMisconceptions(analysis.sentences) };
}
