/** scikit-learn 1.2's `MinMaxScaler`, with its arithmetic order (so results agree to the last bit or so). */

/** Options of {@link MinMaxScaler}; defaults are scikit-learn's. */
export interface MinMaxScalerOptions {
  /** Target `[min, max]` of each feature. Default [0, 1]. */
  featureRange?: readonly [number, number];
  /** Clip transformed values into `featureRange` (for data outside the fitted range). Default false. */
  clip?: boolean;
}

type Rows = readonly ArrayLike<number>[];

const EPS = 2.220446049250313e-16;

/**
 * Scales each feature (column) into `featureRange`: `x * scale + min`, where `scale = (hi - lo) / (dataMax - dataMin)`
 * and `min = lo - dataMin * scale`, exactly as scikit-learn computes them. A (near-)constant feature, whose range is
 * below 10·eps, gets scale `hi - lo` (scikit-learn's `_handle_zeros_in_scale`). NaNs are ignored when fitting and
 * kept when transforming.
 *
 * @example
 * const scaler = new MinMaxScaler({ featureRange: [-1, 1] });
 * const Xs = scaler.fitTransform(X);
 */
export class MinMaxScaler {
  /** Target range `[min, max]`. */
  readonly featureRange: readonly [number, number];
  /** Whether transform clips into `featureRange`. */
  readonly clip: boolean;
  /** Per-feature minimum seen in fit (`data_min_`). */
  dataMin: number[] | undefined;
  /** Per-feature maximum seen in fit (`data_max_`). */
  dataMax: number[] | undefined;
  /** Per-feature `dataMax - dataMin` (`data_range_`). */
  dataRange: number[] | undefined;
  /** Per-feature multiplier (`scale_`). */
  scale: number[] | undefined;
  /** Per-feature offset added after scaling (`min_`). */
  min: number[] | undefined;
  /** Rows seen by fit and partialFit (`n_samples_seen_`). */
  nSamplesSeen = 0;

  /** @throws RangeError when `featureRange` is not two numbers with min < max. */
  constructor(options: MinMaxScalerOptions = {}) {
    const { featureRange = [0, 1], clip = false } = options;
    if (!Array.isArray(featureRange) || featureRange.length !== 2 || !(featureRange[0] < featureRange[1])) {
      throw new RangeError(
        `featureRange: minimum of desired feature range must be smaller than maximum, got ${JSON.stringify(featureRange)}`,
      );
    }
    this.featureRange = [featureRange[0], featureRange[1]];
    this.clip = clip;
  }

  /** Forgets any earlier fit, then learns each feature's min and max from `X` (rows of features). Returns this. */
  fit(X: Rows): this {
    this.dataMin = this.dataMax = this.dataRange = this.scale = this.min = undefined;
    this.nSamplesSeen = 0;
    return this.partialFit(X);
  }

  /** Widens the learned min and max with another batch of rows (scikit-learn's `partial_fit`). Returns this. */
  partialFit(X: Rows): this {
    const nFeatures = checkRows(X, 'X', this.dataMin?.length);
    let lo = new Array<number>(nFeatures).fill(NaN);
    let hi = new Array<number>(nFeatures).fill(NaN);
    for (const row of X) {
      for (let j = 0; j < nFeatures; j++) {
        const v = row[j];
        if (Number.isNaN(v)) continue;
        if (Number.isNaN(lo[j]) || v < lo[j]) lo[j] = v;
        if (Number.isNaN(hi[j]) || v > hi[j]) hi[j] = v;
      }
    }
    if (this.dataMin && this.dataMax) {
      const oldMin = this.dataMin;
      const oldMax = this.dataMax;
      // np.minimum/np.maximum propagate NaN
      lo = lo.map((v, j) => (Number.isNaN(v) || Number.isNaN(oldMin[j]) ? NaN : Math.min(v, oldMin[j])));
      hi = hi.map((v, j) => (Number.isNaN(v) || Number.isNaN(oldMax[j]) ? NaN : Math.max(v, oldMax[j])));
    }
    this.nSamplesSeen += X.length;
    const [a, b] = this.featureRange;
    const range = hi.map((v, j) => v - lo[j]);
    this.scale = range.map((r) => (b - a) / (r < 10 * EPS ? 1.0 : r));
    this.min = lo.map((v, j) => a - v * this.scale![j]);
    this.dataMin = lo;
    this.dataMax = hi;
    this.dataRange = range;
    return this;
  }

  /** Scales rows of `X` into the feature range: `x * scale + min` (new arrays; `X` is untouched). */
  transform(X: Rows): number[][] {
    const { scale, min } = this.fitted();
    checkRows(X, 'X', scale.length);
    const [a, b] = this.featureRange;
    return X.map((row) => {
      const out = new Array<number>(scale.length);
      for (let j = 0; j < scale.length; j++) {
        let v = row[j] * scale[j] + min[j];
        if (this.clip) v = v < a ? a : v > b ? b : v;
        out[j] = v;
      }
      return out;
    });
  }

  /** `fit(X)` then `transform(X)`. */
  fitTransform(X: Rows): number[][] {
    return this.fit(X).transform(X);
  }

  /** Undoes the scaling: `(x - min) / scale` (new arrays). */
  inverseTransform(X: Rows): number[][] {
    const { scale, min } = this.fitted();
    checkRows(X, 'X', scale.length);
    return X.map((row) => {
      const out = new Array<number>(scale.length);
      for (let j = 0; j < scale.length; j++) out[j] = (row[j] - min[j]) / scale[j];
      return out;
    });
  }

  private fitted(): { scale: number[]; min: number[] } {
    if (!this.scale || !this.min) {
      throw new Error("This MinMaxScaler instance is not fitted yet. Call 'fit' with appropriate arguments first.");
    }
    return { scale: this.scale, min: this.min };
  }
}

/** Checks `X` is a non-empty list of equal-length numeric rows (of `nFeatures` when given); returns the width. */
function checkRows(X: Rows, name: string, nFeatures?: number): number {
  if (!Array.isArray(X) || X.length === 0) {
    throw new RangeError(`${name} must be a non-empty array of rows, got ${Array.isArray(X) ? '[]' : String(X)}`);
  }
  const width = X[0]?.length;
  if (typeof width !== 'number' || width === 0) {
    throw new RangeError(`${name}[0] must be a non-empty row of numbers, got ${JSON.stringify(X[0])}`);
  }
  if (nFeatures !== undefined && width !== nFeatures) {
    throw new RangeError(`${name} has ${width} features, but MinMaxScaler is expecting ${nFeatures} features as input`);
  }
  for (let i = 0; i < X.length; i++) {
    const row = X[i];
    if (row == null || row.length !== width) {
      throw new RangeError(`${name}[${i}] has ${row?.length} values, expected ${width}`);
    }
    for (let j = 0; j < width; j++) {
      const v = row[j];
      if (typeof v !== 'number' || v === Infinity || v === -Infinity) {
        throw new RangeError(`${name}[${i}][${j}] must be a finite number or NaN, got ${v}`);
      }
    }
  }
  return width;
}
