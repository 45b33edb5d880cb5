/** Pure helpers on predictions: the confusion matrix and top-k lists an element draws. No TensorFlow.js. */

/**
 * counts[t][p]: how many examples of true class t were predicted as p (rows: truth, as scikit-learn's
 * confusion_matrix).
 */
export function confusionMatrix(truth: ArrayLike<number>, predicted: ArrayLike<number>, classes: number): number[][] {
  const m = Array.from({ length: classes }, () => new Array<number>(classes).fill(0));
  for (let i = 0; i < truth.length; i++) {
    const t = truth[i];
    const p = predicted[i];
    if (t >= 0 && t < classes && p >= 0 && p < classes) m[t][p]++;
  }
  return m;
}

/** The index of the largest value in each row of a row-major [n, classes] array. */
export function argmaxRows(probabilities: ArrayLike<number>, classes: number): Int32Array {
  const n = Math.floor(probabilities.length / classes);
  const out = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    let best = 0;
    for (let c = 1; c < classes; c++) if (probabilities[i * classes + c] > probabilities[i * classes + best]) best = c;
    out[i] = best;
  }
  return out;
}

/** One entry of a top-k list. */
export interface Ranked {
  classIndex: number;
  probability: number;
}

/** The k most probable classes of row `row`, most probable first (ties: lower class first). */
export function topK(probabilities: ArrayLike<number>, classes: number, row: number, k = 3): Ranked[] {
  const entries: Ranked[] = [];
  for (let c = 0; c < classes; c++) entries.push({ classIndex: c, probability: probabilities[row * classes + c] });
  entries.sort((a, b) => b.probability - a.probability || a.classIndex - b.classIndex);
  return entries.slice(0, k);
}

/** Accuracy of each true class (the diagonal over the row sums); NaN for a class with no examples. */
export function perClassAccuracy(confusion: readonly (readonly number[])[]): number[] {
  return confusion.map((row, i) => {
    const total = row.reduce((a, b) => a + b, 0);
    return total === 0 ? NaN : row[i] / total;
  });
}
