/** scikit-learn 1.2's `make_blobs`, draw for draw. */
import { checkLimit } from '../spec/limits.js';
import { checkRandomState, type RandomStateLike } from './check-random-state.js';
import type { ToyDataset } from './dataset.js';
import { shuffledIndices, takeRows } from './shuffle.js';

/** Options of {@link makeBlobs}; defaults are scikit-learn's. */
export interface MakeBlobsOptions {
  /** Total points, split evenly over the centers (the first ones get the remainder), or one count per center. Default 100. */
  nSamples?: number | readonly number[];
  /** Features per point when centers are drawn at random; taken from `centers` when it is an array. Default 2. */
  nFeatures?: number;
  /** How many centers to draw in `centerBox`, or the centers themselves (one row each). Default 3 (or one per `nSamples` entry). */
  centers?: number | readonly (readonly number[])[] | null;
  /** Standard deviation of every cluster, or one per center. Default 1. */
  clusterStd?: number | readonly number[];
  /** Bounds `[min, max]` for random centers. Default [-10, 10]. */
  centerBox?: readonly [number, number];
  /** Shuffle the rows. Default true. */
  shuffle?: boolean;
  /** Seed or generator (see {@link checkRandomState}). */
  randomState?: RandomStateLike;
}

/** {@link makeBlobs}' result: the data set and the centers it used (scikit-learn's `return_centers=True`). */
export interface BlobsDataset extends ToyDataset {
  /** The cluster centers, one row each. */
  centers: number[][];
}

function checkCount(v: number, name: string, min = 0): void {
  if (!Number.isInteger(v) || v < min) {
    throw new RangeError(`${name} must be an integer >= ${min}, got ${v}`);
  }
}

function checkCenterRows(centers: readonly (readonly number[])[]): number[][] {
  if (centers.length === 0) throw new RangeError('centers must hold at least one row, got []');
  checkLimit('centers.length', centers.length, 'maxCenters', 'data set');
  if (Array.isArray(centers[0])) checkLimit('centers[0].length', centers[0].length, 'maxFeatures', 'data set');
  const width = Array.isArray(centers[0]) ? centers[0].length : -1;
  if (width < 1) throw new RangeError(`centers must be rows of numbers, got ${JSON.stringify(centers)}`);
  return centers.map((row, i) => {
    if (!Array.isArray(row) || row.length !== width || row.some((v) => typeof v !== 'number' || !Number.isFinite(v))) {
      throw new RangeError(`centers[${i}] must be ${width} finite numbers, got ${JSON.stringify(row)}`);
    }
    return row.slice();
  });
}

/**
 * Isotropic Gaussian blobs, equal to `sklearn.datasets.make_blobs(n_samples, n_features, centers=,
 * cluster_std=, center_box=, shuffle=, random_state=, return_centers=True)` for the same arguments:
 * centers drawn first (when not given), then each cluster's points in order, then one shuffle.
 * @throws RangeError naming the argument for counts, centers or standard deviations that do not fit.
 */
export function makeBlobs(options: MakeBlobsOptions = {}): BlobsDataset {
  const { nSamples = 100, clusterStd = 1.0, centerBox = [-10.0, 10.0], shuffle = true, randomState } = options;
  let { nFeatures = 2, centers = null } = options;
  checkCount(nFeatures, 'nFeatures', 1);
  checkLimit('nFeatures', nFeatures, 'maxFeatures', 'data set');
  if (!Array.isArray(centerBox) || centerBox.length !== 2) {
    throw new RangeError(`centerBox must be [min, max], got ${JSON.stringify(centerBox)}`);
  }
  const rs = checkRandomState(randomState);
  const randomCenters = (k: number): number[][] => {
    const flat = rs.uniform(centerBox[0], centerBox[1], k * nFeatures);
    return Array.from({ length: k }, (_, i) => Array.from(flat.subarray(i * nFeatures, (i + 1) * nFeatures)));
  };

  let centerRows: number[][];
  let perCenter: number[];
  if (typeof nSamples === 'number') {
    checkCount(nSamples, 'nSamples');
    if (centers == null) centers = 3;
    if (typeof centers === 'number') {
      checkCount(centers, 'centers', 1);
      checkLimit('centers', centers, 'maxCenters', 'data set');
      centerRows = randomCenters(centers);
    } else {
      centerRows = checkCenterRows(centers);
      nFeatures = centerRows[0].length;
    }
    const k = centerRows.length;
    perCenter = new Array<number>(k).fill(Math.floor(nSamples / k));
    for (let i = 0; i < nSamples % k; i++) perCenter[i] += 1;
  } else {
    if (!Array.isArray(nSamples) || nSamples.length === 0) {
      throw new RangeError(`nSamples must be an integer or a non-empty array of counts, got ${JSON.stringify(nSamples)}`);
    }
    nSamples.forEach((v, i) => checkCount(v, `nSamples[${i}]`));
    const k = nSamples.length;
    checkLimit('nSamples.length', k, 'maxCenters', 'data set');
    if (centers == null) {
      centerRows = randomCenters(k);
    } else if (typeof centers === 'number') {
      throw new RangeError(`centers must be an array of ${k} rows when nSamples is an array, got ${centers}`);
    } else {
      if (centers.length !== k) {
        throw new RangeError(
          `centers must have one row per nSamples entry: nSamples has ${k}, centers has ${centers.length}`,
        );
      }
      centerRows = checkCenterRows(centers);
      nFeatures = centerRows[0].length;
    }
    perCenter = nSamples.slice();
  }

  const k = centerRows.length;
  const total = perCenter.reduce((a, b) => a + b, 0);
  checkLimit('nSamples', total, 'maxSamples', 'data set');
  checkLimit('nSamples × nFeatures', total * nFeatures, 'maxDataValues', 'data set');
  let stds: number[];
  if (typeof clusterStd === 'number') {
    stds = new Array<number>(k).fill(clusterStd);
  } else {
    if (!Array.isArray(clusterStd) || clusterStd.length !== k) {
      throw new RangeError(
        `clusterStd must be a number or one value per center (${k}), got ${JSON.stringify(clusterStd)}`,
      );
    }
    stds = clusterStd.slice();
  }
  stds.forEach((s, i) => {
    if (typeof s !== 'number' || !(s >= 0) || !Number.isFinite(s)) {
      throw new RangeError(`clusterStd must be non-negative, got ${typeof clusterStd === 'number' ? s : `clusterStd[${i}]=${s}`}`);
    }
  });

  let X: number[][] = [];
  let y: number[] = [];
  for (let c = 0; c < k; c++) {
    const center = centerRows[c];
    const std = stds[c];
    for (let r = 0; r < perCenter[c]; r++) {
      const row = new Array<number>(nFeatures);
      for (let f = 0; f < nFeatures; f++) row[f] = center[f] + std * rs.nextGaussian();
      X.push(row);
      y.push(c);
    }
  }
  if (shuffle) {
    const idx = shuffledIndices(y.length, rs);
    X = takeRows(X, idx);
    y = takeRows(y, idx);
  }
  return { X, y, centers: centerRows };
}
