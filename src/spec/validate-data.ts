/**
 * Checks a DataSpec: the data set's own arguments (scikit-learn's limits: noise ≥ 0, factor in [0, 1)) and how the
 * points are split, against the number of points there will be.
 */
import { DATA_NAMES } from './names.js';
import { withinLimit, type LimitName } from './limits.js';
import {
  inRange,
  isFiniteNumber,
  joinPath,
  NON_NEGATIVE_INTEGER,
  NON_NEGATIVE_NUMBER,
  oneOf,
  POSITIVE_INTEGER,
  POSITIVE_NUMBER,
  ProblemList,
  type Rule,
  SEED,
  type SpecProblem,
} from './problems.js';

/** Every problem of a data spec, with paths such as `noise` and `split.trainSize`. */
export function validateDataSpec(spec: unknown): SpecProblem[] {
  const problems = new ProblemList('data spec');
  checkData(spec, problems, '');
  return problems.problems;
}

type DataName = (typeof DATA_NAMES)[number];

/** The generators' limits on the counts a data spec sets. */
const COUNT_LIMITS: Record<string, LimitName> = { nSamples: 'maxSamples', centers: 'maxCenters' };

const DATA_FIELDS: Record<DataName, Record<string, Rule>> = {
  circles: { nSamples: POSITIVE_INTEGER, noise: NON_NEGATIVE_NUMBER, factor: inRange(0, 1, true, false), randomState: SEED },
  moons: { nSamples: POSITIVE_INTEGER, noise: NON_NEGATIVE_NUMBER, randomState: SEED },
  blobs: { nSamples: POSITIVE_INTEGER, centers: POSITIVE_INTEGER, clusterStd: POSITIVE_NUMBER, randomState: SEED },
  semicircle: { nSamples: POSITIVE_INTEGER, randomState: SEED },
};
const ALL_DATA_FIELDS = [...new Set(Object.values(DATA_FIELDS).flatMap((f) => Object.keys(f)))];

/** scikit-learn's default n_samples; the semicircle task has none of its own here. */
export function dataSize(spec: { name: DataName; nSamples?: number }): number | undefined {
  return spec.nSamples ?? (spec.name === 'semicircle' ? undefined : 100);
}

/** How many classes the labels take: 2 for the two-class sets, `centers` (default 3) for blobs. */
export function dataClasses(spec: { name: DataName; centers?: number }): number {
  return spec.name === 'blobs' ? (spec.centers ?? 3) : 2;
}

/** Adds the problems of the data spec at `base` (`''` alone, `'data'` inside validateSpec). */
export function checkData(spec: unknown, problems: ProblemList, base: string): void {
  const obj = problems.object(base, spec, 'a data object ({ name: "circles", nSamples: 1000, ... })');
  if (!obj) return;
  if (!problems.check(joinPath(base, 'name'), obj.name, oneOf(DATA_NAMES))) return;
  const name = obj.name as DataName;
  const own = DATA_FIELDS[name];
  problems.notApplicable(base, obj, ALL_DATA_FIELDS.filter((f) => !(f in own)), `the ${name} data set`);
  let sizeOk = true;
  for (const [key, rule] of Object.entries(own)) {
    const ok = problems.optional(joinPath(base, key), obj[key], rule) && (!COUNT_LIMITS[key] || withinLimit(problems, joinPath(base, key), obj[key], COUNT_LIMITS[key]));
    if (key === 'nSamples') sizeOk = ok;
  }
  if (obj.split !== undefined) {
    const n = sizeOk ? dataSize({ name, nSamples: obj.nSamples as number | undefined }) : undefined;
    checkSplit(obj.split, problems, joinPath(base, 'split'), n);
  }
}

/** Checks a DataSplitSpec; `n` is the number of points (undefined when unknown or itself wrong). */
function checkSplit(spec: unknown, problems: ProblemList, path: string, n: number | undefined): void {
  const obj = problems.object(path, spec, 'a split object ({ kind: "trainTestSplit", trainSize: 0.8 } or { kind: "slices", ... })');
  if (!obj) return;
  if (!problems.check(joinPath(path, 'kind'), obj.kind, oneOf(['trainTestSplit', 'slices']))) return;
  const at = (key: string) => joinPath(path, key);
  if (obj.kind === 'trainTestSplit') {
    problems.notApplicable(path, obj, ['train', 'validation', 'test'], 'a trainTestSplit split');
    checkTrainSize(obj.trainSize, problems, at('trainSize'), n);
    problems.optional(at('randomState'), obj.randomState, SEED);
    const scale = obj.scale;
    if (scale !== undefined) {
      const ok = Array.isArray(scale) && scale.length === 2 && scale.every(isFiniteNumber) && scale[0] < scale[1];
      if (!ok) problems.need(at('scale'), 'must be a feature range [min, max] of finite numbers with min < max', scale);
    }
    return;
  }
  problems.notApplicable(path, obj, ['trainSize', 'randomState', 'scale'], 'a slices split');
  const counts = ['train', 'validation', 'test'].map((key) => {
    const ok = problems.check(at(key), obj[key], key === 'train' ? POSITIVE_INTEGER : NON_NEGATIVE_INTEGER);
    return ok ? (obj[key] as number) : undefined;
  });
  if (n !== undefined && counts.every((c) => c !== undefined)) {
    const total = (counts as number[]).reduce((a, b) => a + b, 0);
    if (total > n) {
      problems.add(path, `${path} takes ${total} points (train ${counts[0]} + validation ${counts[1]} + test ${counts[2]}), but the data set has ${n}`, obj);
    }
  }
}

/** scikit-learn's train_size: a fraction in (0, 1) or a count; both sides of the split must get a point. */
function checkTrainSize(value: unknown, problems: ProblemList, path: string, n: number | undefined): void {
  if (!isFiniteNumber(value) || value <= 0 || (value >= 1 && !Number.isInteger(value))) {
    problems.need(path, 'must be a fraction in (0, 1) or a whole number of points', value);
    return;
  }
  if (n === undefined) return;
  // scikit-learn floors the training count and gives the rest to the test side.
  const nTrain = value < 1 ? Math.floor(value * n) : value;
  if (nTrain < 1 || nTrain > n - 1) {
    problems.need(path, `must leave at least one point on each side of the split of ${n} points (train gets ${nTrain})`, value);
  }
}
