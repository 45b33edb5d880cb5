/** Makes a 2-D lab's data from its DataSpec, the way the homework's notebook makes it. */
import { makeBlobs, makeCircles, makeMoons, MinMaxScaler, semicircleTask, trainTestSplitIndices } from '../data/index.js';
import type { DataSpec, DataSplitSpec } from '../spec/index.js';
import type { LabData, LabSplit } from './types.js';

/** What a DataSpec without `split` gets: scikit-learn's train_test_split(train_size=.8, random_state=42). */
export const DEFAULT_SPLIT: DataSplitSpec = { kind: 'trainTestSplit', trainSize: 0.8, randomState: 42 };

/** The points and labels a DataSpec names, before any split (scikit-learn's generators, seeded). */
export function makeLabPoints(spec: DataSpec): { X: number[][]; y: number[] } {
  switch (spec.name) {
    case 'circles':
      return makeCircles({ nSamples: spec.nSamples ?? 100, noise: spec.noise, factor: spec.factor ?? 0.8, randomState: spec.randomState ?? 0 });
    case 'moons':
      return makeMoons({ nSamples: spec.nSamples ?? 100, noise: spec.noise, randomState: spec.randomState ?? 0 });
    case 'blobs': {
      const { X, y } = makeBlobs({ nSamples: spec.nSamples ?? 100, centers: spec.centers ?? 2, clusterStd: spec.clusterStd ?? 1, randomState: spec.randomState ?? 0 });
      return { X, y };
    }
    case 'semicircle':
      return semicircleTask({ nSamples: spec.nSamples ?? 200, randomState: spec.randomState ?? 0 });
    default:
      throw new RangeError(`data.name must be circles, moons, blobs or semicircle, got ${JSON.stringify((spec as { name?: unknown })?.name)}`);
  }
}

const take = (X: number[][], y: number[], idx: number[]): LabSplit => ({ X: idx.map((i) => X[i]), y: idx.map((i) => y[i]) });
const range = (a: number, n: number) => Array.from({ length: n }, (_, i) => a + i);

/**
 * Makes the data and divides it: `trainTestSplit` scales every point with MinMaxScaler first (when `scale` is
 * given, as problem 1 does before splitting) and validates on the test split, as problem 1's `fit` does;
 * `slices` takes consecutive rows (problems 6–8: 200 train, 200 validation, 200 test).
 * @throws RangeError naming the field for sizes that do not fit the data.
 */
export function prepareLabData(spec: DataSpec): LabData {
  let { X, y } = makeLabPoints(spec);
  const split = spec.split ?? DEFAULT_SPLIT;
  let train: LabSplit;
  let validation: LabSplit;
  let test: LabSplit;
  let validationIsTest = false;
  if (split.kind === 'slices') {
    const { train: a, validation: b, test: c } = split;
    for (const [k, v] of Object.entries({ train: a, validation: b, test: c }))
      if (!Number.isInteger(v) || v < 0) throw new RangeError(`data.split.${k} must be a whole number ≥ 0, got ${v}`);
    if (a < 1 || c < 1) throw new RangeError(`data.split needs at least one train and one test point, got train ${a}, test ${c}`);
    if (a + b + c > X.length) throw new RangeError(`data.split takes ${a + b + c} points, but data.nSamples is ${X.length}`);
    train = take(X, y, range(0, a));
    test = take(X, y, range(a + b, c));
    validationIsTest = b === 0;
    validation = validationIsTest ? test : take(X, y, range(a, b));
  } else if (split.kind === 'trainTestSplit') {
    if (split.scale) X = new MinMaxScaler({ featureRange: split.scale }).fitTransform(X);
    const idx = trainTestSplitIndices(X.length, { trainSize: split.trainSize, randomState: split.randomState ?? 42 });
    train = take(X, y, idx.train);
    test = take(X, y, idx.test);
    validation = test;
    validationIsTest = true;
  } else {
    throw new RangeError(`data.split.kind must be trainTestSplit or slices, got ${JSON.stringify((split as { kind?: unknown }).kind)}`);
  }
  const points: LabData['points'] = [];
  const add = (s: LabSplit, split: 'train' | 'validation' | 'test') => s.X.forEach((p, i) => points.push({ x: p[0], y: p[1], label: s.y[i], split }));
  add(train, 'train');
  if (!validationIsTest) add(validation, 'validation');
  add(test, 'test');
  return { train, validation, test, validationIsTest, points, extent: extentOf(points), classes: new Set(y).size };
}

/** The data's bounding box, padded by 10% on each side and widened to a square so circles look round. */
function extentOf(points: LabData['points']): LabData['extent'] {
  if (!points.length) return { x: [-1, 1], y: [-1, 1] };
  let [x0, x1, y0, y1] = [Infinity, -Infinity, Infinity, -Infinity];
  for (const p of points) {
    x0 = Math.min(x0, p.x);
    x1 = Math.max(x1, p.x);
    y0 = Math.min(y0, p.y);
    y1 = Math.max(y1, p.y);
  }
  const half = (Math.max(x1 - x0, y1 - y0, 1e-6) / 2) * 1.1;
  const [cx, cy] = [(x0 + x1) / 2, (y0 + y1) / 2];
  const r = (v: number) => Number(v.toPrecision(3));
  return { x: [r(cx - half), r(cx + half)], y: [r(cy - half), r(cy + half)] };
}
