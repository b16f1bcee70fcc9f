import { describe, expect, it } from 'vitest';
import { agreement, cohensKappa, confusionMatrix } from '../../src/lib/domain/agreement';

type V = 'evidenced' | 'partial' | 'missing';
const CATS: readonly V[] = ['evidenced', 'partial', 'missing'];
const [e, p, m] = CATS as [V, V, V];

describe('confusionMatrix', () => {
  it('counts labels in rows and predictions in columns', () => {
    // Worked by hand: label e → predicted e, p, e; label p → p, m; label m → m, m, p, m, m.
    const labels = [e, e, p, m, m, m, p, e, m, m];
    const predictions = [e, p, p, m, m, p, m, e, m, m];
    expect(confusionMatrix(labels, predictions, CATS)).toEqual([
      [2, 1, 0],
      [0, 1, 1],
      [0, 1, 4],
    ]);
  });

  it.each<[string, V[], V[], V[]]>([
    ['lengths differ', [e, p], [e], [...CATS]],
    ['a label outside the categories', ['other' as V], [e], [...CATS]],
    ['a prediction outside the categories', [e], ['other' as V], [...CATS]],
    ['repeated categories', [e], [e], [e, e]],
    ['no categories', [], [], []],
  ])('throws on %s', (_name, labels, predictions, categories) => {
    expect(() => confusionMatrix(labels, predictions, categories)).toThrow(Error);
  });
});

describe('agreement and cohensKappa on hand-worked matrices', () => {
  it.each<[string, number[][], number, number]>([
    // Diagonal 7 of 10. Row shares .3 .2 .5, column shares .2 .3 .5 → pₑ = .06 + .06 + .25 = .37; κ = .33 / .63 = 11/21.
    ['three categories, mixed', [[2, 1, 0], [0, 1, 1], [0, 1, 4]], 0.7, 11 / 21],
    // The classic 2×2: pₒ = 35/50, pₑ = .5·.6 + .5·.4 = .5 → κ = .2/.5.
    ['two raters, yes/no', [[20, 5], [10, 15]], 0.7, 0.4],
    // Agreeing exactly as often as chance predicts.
    ['chance-level', [[1, 1], [1, 1]], 0.5, 0],
    // Always disagreeing, with balanced use of both categories.
    ['systematic disagreement', [[0, 5], [5, 0]], 0, -1],
    // Perfect agreement across categories.
    ['perfect', [[3, 0, 0], [0, 2, 0], [0, 0, 5]], 1, 1],
    // One rater always says "missing": pₒ = .5, pₑ = 1 × .5 → κ = 0 despite half agreeing.
    ['one rater constant', [[0, 0, 0], [0, 0, 0], [2, 3, 5]], 0.5, 0],
    // Both raters use one category only: pₑ = 1, κ is 0/0 and is reported as 1.
    ['both constant', [[10, 0, 0], [0, 0, 0], [0, 0, 0]], 1, 1],
  ])('%s', (_name, matrix, po, kappa) => {
    expect(agreement(matrix)).toBeCloseTo(po, 12);
    expect(cohensKappa(matrix)).toBeCloseTo(kappa, 12);
  });

  it.each<[string, number[][]]>([
    ['empty', []],
    ['not square', [[1, 2, 3], [4, 5, 6]]],
    ['all zero', [[0, 0], [0, 0]]],
    ['a negative count', [[1, -1], [0, 1]]],
    ['a non-finite count', [[1, Number.NaN], [0, 1]]],
  ])('rejects a matrix that is %s', (_name, matrix) => {
    expect(() => agreement(matrix)).toThrow(Error);
    expect(() => cohensKappa(matrix)).toThrow(Error);
  });
});
