import { describe, expect, it } from 'vitest';
import { POINT_IDS } from '../../src/lib/domain/star-feedback';
import { FINAL_PART, PARTS, loadPart, scorePart } from '../star-agreement';

/** The feedback must agree with the assessor's labels on at least this share of held-out reflections, per point. */
const HELD_OUT_FLOOR = 0.8;
const KINDS = ['strong', 'weak', 'borderline', 'negated', 'off-topic', 'keyword-stuffed', 'informal', 'very-short'];

describe('labelled reflections', () => {
  // Every part, the blind one included: loading checks the format without scoring anything.
  it.each([...PARTS, FINAL_PART])('%s part loads, with unique ids and every point labelled', (part) => {
    // loadPart throws when the file is missing or a label is malformed, which fails this test.
    const items = loadPart(part);
    expect(new Set(items.map((i) => i.id)).size).toBe(items.length);
  });

  it('the dev part is the size and spread the brief asks for', () => {
    const items = loadPart('dev');
    expect(items.length).toBeGreaterThanOrEqual(26);
    expect(new Set(items.map((i) => i.kind))).toEqual(new Set(KINDS));
    for (const item of items) {
      const words = item.text.split(/\s+/).filter(Boolean).length;
      expect(words, item.id).toBeGreaterThanOrEqual(60);
      expect(words, item.id).toBeLessThanOrEqual(450);
    }
  });

  it('no two parts share a text or an id', () => {
    const seen = new Map<string, string>();
    for (const part of [...PARTS, FINAL_PART]) {
      for (const item of loadPart(part)) {
        for (const key of [item.id, item.text]) {
          expect(seen.get(key), `${part} ${item.id}`).toBeUndefined();
          seen.set(key, part);
        }
      }
    }
  });
});

describe('agreement with the assessor labels', () => {
  const items = loadPartOrEmpty('heldout');
  const heldout = items.length ? scorePart(items) : [];

  it.each(POINT_IDS)(`held-out agreement on %s is at least ${HELD_OUT_FLOOR}`, (point) => {
    const result = heldout.find((r) => r.point === point);
    // Absent when heldout.json is missing: that is a failure, never a skip.
    expect(result, 'heldout.json is missing or empty').toBeDefined();
    expect(result!.agreement).toBeGreaterThanOrEqual(HELD_OUT_FLOOR);
  });
});

/** Loads a part for the agreement checks; a missing file yields no results, which the checks then fail on. */
function loadPartOrEmpty(part: 'dev' | 'heldout') {
  try {
    return loadPart(part);
  } catch {
    return [];
  }
}
