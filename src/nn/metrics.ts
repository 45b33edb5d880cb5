/**
 * Keras's `'accuracy'` metric, which picks its form from the loss: binary_accuracy (threshold 0.5, `y_pred >
 * 0.5` — strictly greater, as Keras) for binary cross-entropy or a single output unit,
 * sparse_categorical_accuracy for the sparse loss, categorical_accuracy (argmax match; the first index wins a
 * tie, as tf.argmax) otherwise.
 *
 * One deliberate difference: with `fromLogits`, Keras still thresholds the raw logit at 0.5; here the
 * threshold is on the probability (logit > 0), which is what the student means by accuracy.
 */
import type { BoundLoss } from './losses.js';

/** Which accuracy the loss implies. */
export type AccuracyKind = 'binary' | 'categorical' | 'sparse';

/** The accuracy Keras's `metrics=['accuracy']` resolves to for this loss and output width. */
export function accuracyKind(loss: BoundLoss): AccuracyKind {
  if (loss.name === 'binary_crossentropy') return 'binary';
  if (loss.name === 'sparse_categorical_crossentropy') return 'sparse';
  if (loss.name === 'mean_squared_error' && loss.units === 1) return 'binary';
  return 'categorical';
}

/**
 * Sum over `rows` of the per-sample accuracy (binary: the mean over units of y == (p > 0.5)).
 * `threshold` is 0.5 for probabilities and 0 for logits.
 */
export function accuracySum(
  kind: AccuracyKind,
  a: Float64Array,
  y: Float64Array,
  rows: number,
  units: number,
  threshold: number,
): number {
  let sum = 0;
  if (kind === 'binary') {
    const n = rows * units;
    for (let i = 0; i < n; i++) if ((a[i] > threshold ? 1 : 0) === y[i]) sum++;
    return sum / units;
  }
  for (let r = 0, o = 0; r < rows; r++, o += units) {
    let best = 0;
    for (let j = 1; j < units; j++) if (a[o + j] > a[o + best]) best = j;
    if (kind === 'sparse') {
      if (best === y[r]) sum++;
    } else {
      let bestY = 0;
      for (let j = 1; j < units; j++) if (y[o + j] > y[o + bestY]) bestY = j;
      if (best === bestY) sum++;
    }
  }
  return sum;
}
