import { expect } from 'vitest';
import { reviewReflection } from '../../../src/lib/domain/star-feedback';
import type { PointId, Verdict } from '../../../src/lib/domain/star-feedback';

/** A row of an `it.each` table: what it shows, the sentences put into the setting, the verdict expected. */
export type Row = [string, string, Verdict];

/** Checks a point's verdict on invented sentences placed in one short account (`setting`). */
export const verdictIn = (setting: (middle: string) => string) => (point: PointId) => (_name: string, middle: string, expected: Verdict) =>
  expect(reviewReflection(setting(middle)).points[point].verdict).toBe(expected);
