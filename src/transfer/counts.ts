/**
 * Class counts of a labelled set, the same counts after the homework's relabelling, and the majority-class
 * baseline every accuracy of the transfer task is read against: about 70% of CIFAR-10 is "other".
 */
import { HOMEWORK_LABEL_MAP } from '../data/cifar10/relabel.js';

/**
 * How many labels of each class 0..classes−1; labels outside that range are not counted.
 *
 * @throws {RangeError} when `classes` is not a positive integer.
 */
export function classCounts(labels: ArrayLike<number>, classes: number): number[] {
  if (!Number.isInteger(classes) || classes < 1) throw new RangeError(`classCounts: classes must be a positive integer, got ${classes}.`);
  const counts = new Array<number>(classes).fill(0);
  for (let i = 0; i < labels.length; i++) {
    const label = labels[i];
    if (Number.isInteger(label) && label >= 0 && label < classes) counts[label]++;
  }
  return counts;
}

/**
 * Counts per original class mapped through `map` (labels missing from it go to `other`): the 4-class counts of a
 * CIFAR-10 set from its 10-class counts, without relabelling every example.
 *
 * @param classes how many target classes (default: one more than the largest target).
 * @throws {RangeError} for a target that is not a whole number, or not below `classes`.
 */
export function relabelCounts(
  counts: readonly number[],
  map: Readonly<Record<number, number>> = HOMEWORK_LABEL_MAP,
  other = 3,
  classes = Math.max(other, ...Object.values(map)) + 1,
): number[] {
  const out = new Array<number>(classes).fill(0);
  counts.forEach((count, label) => {
    const target = map[label] ?? other;
    if (!Number.isInteger(target) || target < 0 || target >= classes) {
      throw new RangeError(`relabelCounts: label ${label} maps to ${target}, outside 0..${classes - 1}.`);
    }
    out[target] += count;
  });
  return out;
}

/** What a model that always predicts the most common class scores. */
export interface MajorityBaseline {
  /** The most common class (the lower one on a tie). */
  classIndex: number;
  /** Its share of the examples: the baseline's accuracy. */
  accuracy: number;
  /** Mean recall over the classes that have examples: 1/k for k such classes. */
  balancedAccuracy: number;
  /** How many examples were counted. */
  count: number;
}

/**
 * The majority-class baseline of a set with these class counts (on CIFAR-10's 4-class task, "other" at 0.70).
 *
 * @throws {RangeError} when there are no examples.
 */
export function majorityBaseline(counts: readonly number[]): MajorityBaseline {
  const count = counts.reduce((a, b) => a + b, 0);
  if (!(count > 0)) throw new RangeError('majorityBaseline: the counts hold no examples.');
  let classIndex = 0;
  counts.forEach((c, i) => {
    if (c > counts[classIndex]) classIndex = i;
  });
  const present = counts.filter((c) => c > 0).length;
  return { classIndex, accuracy: counts[classIndex] / count, balancedAccuracy: 1 / present, count };
}
