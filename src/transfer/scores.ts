/**
 * Scores of a classifier on a labelled set: accuracy, per-class accuracy (recall), balanced accuracy and the
 * confusion matrix, as scikit-learn computes them; and the original 10-class model's predictions mapped to the
 * transfer task's 4 classes.
 */
import { HOMEWORK_LABEL_MAP } from '../data/cifar10/relabel.js';
import { argmaxRows, confusionMatrix, perClassAccuracy } from '../tf/train/metrics.js';

/** A classifier's scores on one set. */
export interface ClassificationScores {
  count: number;
  accuracy: number;
  /** Mean of `perClass` over the classes that have examples (scikit-learn's `balanced_accuracy_score`). */
  balancedAccuracy: number;
  /** Recall of each true class; NaN for a class with no examples. */
  perClass: number[];
  /** Examples of each true class. */
  support: number[];
  /** counts[true][predicted]. */
  confusion: number[][];
}

/**
 * Scores predicted class ids against true ones.
 *
 * @throws {RangeError} when the two lists differ in length or are empty, or `classes` is not a positive integer.
 */
export function classificationScores(truth: ArrayLike<number>, predicted: ArrayLike<number>, classes: number): ClassificationScores {
  if (truth.length !== predicted.length) {
    throw new RangeError(`classificationScores: ${truth.length} true labels but ${predicted.length} predictions.`);
  }
  if (truth.length === 0) throw new RangeError('classificationScores: there are no examples to score.');
  if (!Number.isInteger(classes) || classes < 1) throw new RangeError(`classificationScores: classes must be a positive integer, got ${classes}.`);
  const confusion = confusionMatrix(truth, predicted, classes);
  const perClass = perClassAccuracy(confusion);
  const support = confusion.map((row) => row.reduce((a, b) => a + b, 0));
  let correct = 0;
  for (let i = 0; i < truth.length; i++) if (truth[i] === predicted[i]) correct++;
  return { count: truth.length, accuracy: correct / truth.length, balancedAccuracy: balancedAccuracy(confusion), perClass, support, confusion };
}

/** Mean recall over the true classes that have examples; NaN when none has. */
export function balancedAccuracy(confusion: readonly (readonly number[])[]): number {
  const recalls = perClassAccuracy(confusion).filter((r) => !Number.isNaN(r));
  return recalls.length ? recalls.reduce((a, b) => a + b, 0) / recalls.length : NaN;
}

/**
 * The original model's answer on the new task: the argmax over its `classes` outputs, then the label map
 * (car, cat, truck, everything else "other" for the homework's map). Rows are row-major [count, classes].
 */
export function mapPredictions(
  probabilities: ArrayLike<number>,
  classes = 10,
  map: Readonly<Record<number, number>> = HOMEWORK_LABEL_MAP,
  other = 3,
): Uint8Array {
  const top = argmaxRows(probabilities, classes);
  const out = new Uint8Array(top.length);
  for (let i = 0; i < top.length; i++) out[i] = map[top[i]] ?? other;
  return out;
}
