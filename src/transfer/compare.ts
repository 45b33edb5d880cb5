/**
 * Problem 6's comparison: two classifiers on the same labelled test set (the original 10-class model with its
 * predictions mapped to the 4 classes, and the transferred model), side by side against the majority baseline,
 * with a sentence generated from the numbers on which is better and where.
 */
import { classCounts, majorityBaseline, type MajorityBaseline } from './counts.js';
import { classificationScores, type ClassificationScores } from './scores.js';

/** One model's predicted class ids, with the name a student reads. */
export interface PredictedBy {
  name: string;
  predicted: ArrayLike<number>;
}

/** Two models compared on one test set. */
export interface ModelComparison {
  names: [string, string];
  classNames: string[];
  scores: [ClassificationScores, ClassificationScores];
  baseline: MajorityBaseline;
  /** Per-class recall of the second model minus the first's (NaN for a class with no examples). */
  perClassGain: number[];
  /** Images only the first model classified correctly, and only the second. */
  onlyFirst: number;
  onlySecond: number;
  /**
   * Whether the accuracy difference is larger than chance would explain on these images: McNemar's test with
   * continuity correction, (|b − c| − 1)² / (b + c) > 3.84 (5% level), on the images exactly one model got right.
   */
  significant: boolean;
  /** Indices of the images the two models label differently (at most `disagreements` of them, in order). */
  disagreements: number[];
  /** Which is better and where, in words. */
  sentence: string;
}

/** Options of {@link compareModels}. */
export interface CompareOptions {
  /** Class names by id (the transfer task's: car, cat, truck, other). */
  classNames: readonly string[];
  /** How many disagreeing images to list (default 8). */
  disagreements?: number;
}

/** Within this much balanced accuracy, two models are "about as good". */
const TIE = 0.005;

/**
 * Compares `first` and `second` on `truth`.
 *
 * @throws {RangeError} when the predictions and labels differ in length or are empty.
 */
export function compareModels(truth: ArrayLike<number>, first: PredictedBy, second: PredictedBy, options: CompareOptions): ModelComparison {
  const classes = options.classNames.length;
  const a = classificationScores(truth, first.predicted, classes);
  const b = classificationScores(truth, second.predicted, classes);
  const limit = options.disagreements ?? 8;
  let onlyFirst = 0;
  let onlySecond = 0;
  const disagreements: number[] = [];
  for (let i = 0; i < truth.length; i++) {
    const p = first.predicted[i];
    const q = second.predicted[i];
    if (p === q) continue;
    if (disagreements.length < limit) disagreements.push(i);
    if (p === truth[i]) onlyFirst++;
    else if (q === truth[i]) onlySecond++;
  }
  const discordant = onlyFirst + onlySecond;
  const comparison: ModelComparison = {
    names: [first.name, second.name],
    classNames: [...options.classNames],
    scores: [a, b],
    baseline: majorityBaseline(classCounts(truth, classes)),
    perClassGain: b.perClass.map((r, i) => r - a.perClass[i]),
    onlyFirst,
    onlySecond,
    significant: discordant > 0 && (Math.abs(onlyFirst - onlySecond) - 1) ** 2 / discordant > 3.84,
    disagreements,
    sentence: '',
  };
  comparison.sentence = comparisonSentence(comparison);
  return comparison;
}

const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** The comparison in words: the better model by balanced accuracy, where it gains and loses, chance, the baseline. */
export function comparisonSentence(c: ModelComparison): string {
  const [nameA, nameB] = c.names;
  const [a, b] = c.scores;
  const gain = b.balancedAccuracy - a.balancedAccuracy;
  const parts: string[] = [];
  if (Math.abs(gain) < TIE) {
    parts.push(`${capital(nameA)} and ${nameB} are about as good: balanced accuracy ${pct(a.balancedAccuracy)} and ${pct(b.balancedAccuracy)} (accuracy ${pct(a.accuracy)} and ${pct(b.accuracy)}).`);
  } else {
    const [better, worse, sb, sw, sign] = gain > 0 ? [nameB, nameA, b, a, 1] : [nameA, nameB, a, b, -1];
    parts.push(`${capital(better)} is better: balanced accuracy ${pct(sb.balancedAccuracy)} against ${pct(sw.balancedAccuracy)} (accuracy ${pct(sb.accuracy)} against ${pct(sw.accuracy)}).`);
    // Classes by how much the better model gains on them; the largest gain, and the largest loss if there is one.
    const order = c.perClassGain.map((g, i) => ({ g: sign * g, i })).filter((x) => !Number.isNaN(x.g)).sort((x, y) => y.g - x.g);
    const best = order[0];
    const lost = order.at(-1);
    const recall = (s: ClassificationScores, i: number) => pct(s.perClass[i]);
    if (best && best.g > TIE) parts.push(`It gains most on ${c.classNames[best.i]} (${recall(sb, best.i)} of them right against ${recall(sw, best.i)}).`);
    if (lost && lost.g < -TIE) parts.push(`${capital(worse)} still does better on ${c.classNames[lost.i]} (${recall(sw, lost.i)} against ${recall(sb, lost.i)}).`);
  }
  const n = a.count.toLocaleString('en-US');
  const mcnemar = `McNemar's test: ${c.onlyFirst} images only ${nameA} got right, ${c.onlySecond} only ${nameB}`;
  if (c.onlyFirst === c.onlySecond) parts.push(`On these ${n} test images their accuracies are equal (${mcnemar}).`);
  else {
    const higher = c.onlySecond > c.onlyFirst ? nameB : nameA;
    parts.push(`On these ${n} test images ${higher}’s higher accuracy is ${c.significant ? '' : 'not '}more than chance would explain (${mcnemar}).`);
  }
  const base = c.baseline;
  let baseline = `Always answering “${c.classNames[base.classIndex]}” scores ${pct(base.accuracy)} accuracy and ${pct(base.balancedAccuracy)} balanced accuracy`;
  const weak = c.names.filter((_, k) => c.scores[k].accuracy <= base.accuracy);
  baseline += weak.length ? `: ${weak.join(' and ')} ${weak.length > 1 ? 'are' : 'is'} no better than that in accuracy.` : '.';
  parts.push(baseline);
  return parts.join(' ');
}
