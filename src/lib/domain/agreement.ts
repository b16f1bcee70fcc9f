/**
 * Agreement between two raters (here: an assessor's labels and the automatic feedback) on categorical
 * verdicts: the confusion matrix, the share of exact matches, and Cohen's kappa, which discounts the
 * matches two raters would reach by chance given how often each uses each category.
 */

/** Rows are the first rater (labels), columns the second (predictions), in the order of `categories`. */
export function confusionMatrix<C extends string>(labels: readonly C[], predictions: readonly C[], categories: readonly C[]): number[][] {
  if (labels.length !== predictions.length) {
    throw new Error(`labels and predictions differ in length (${labels.length} vs ${predictions.length})`);
  }
  if (new Set(categories).size !== categories.length || categories.length === 0) throw new Error('categories must be non-empty and distinct');
  const at = new Map(categories.map((c, i) => [c, i] as const));
  const matrix = categories.map(() => categories.map(() => 0));
  labels.forEach((label, k) => {
    const prediction = predictions[k]!;
    const row = at.get(label);
    const col = at.get(prediction);
    if (row === undefined) throw new Error(`label "${label}" is not one of the categories`);
    if (col === undefined) throw new Error(`prediction "${prediction}" is not one of the categories`);
    matrix[row]![col]!++;
  });
  return matrix;
}

function checkSquare(matrix: readonly (readonly number[])[]): number {
  const n = matrix.length;
  if (n === 0 || matrix.some((row) => row.length !== n)) throw new Error('matrix must be square and non-empty');
  if (matrix.some((row) => row.some((v) => !Number.isFinite(v) || v < 0))) throw new Error('matrix cells must be finite counts ≥ 0');
  const total = matrix.reduce((sum, row) => sum + row.reduce((a, b) => a + b, 0), 0);
  if (total === 0) throw new Error('matrix holds no ratings');
  return total;
}

/** Share of items where both raters agree: the diagonal over the total. */
export function agreement(matrix: readonly (readonly number[])[]): number {
  const total = checkSquare(matrix);
  return matrix.reduce((sum, row, i) => sum + row[i]!, 0) / total;
}

/**
 * κ = (pₒ − pₑ) / (1 − pₑ), where pₑ = Σ (row share × column share). When both raters put everything in
 * the same single category, pₑ = 1 and κ is 0/0; that case is returned as 1 (they cannot agree more).
 */
export function cohensKappa(matrix: readonly (readonly number[])[]): number {
  const total = checkSquare(matrix);
  const po = agreement(matrix);
  let pe = 0;
  for (let i = 0; i < matrix.length; i++) {
    const rowShare = matrix[i]!.reduce((a, b) => a + b, 0) / total;
    const colShare = matrix.reduce((sum, row) => sum + row[i]!, 0) / total;
    pe += rowShare * colShare;
  }
  if (1 - pe < 1e-12) return 1;
  return (po - pe) / (1 - pe);
}
